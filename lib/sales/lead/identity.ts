import { mergeLead, type LeadFacts } from '@/lib/sales/lead';
import type { LeadField, SalesState } from '@/lib/sales/state';

/**
 * A host site's verified `identify({ email, name })` as lead facts (docs/embed.md). The host's server vouched for the
 * e-mail with its HMAC, so it is taken at full confidence and outranks what a prospect types, unless they explicitly
 * correct it ("actually, it's …"). Pure and client-safe.
 */
export const IDENTIFY_EVIDENCE = 'verified by the host site (identify)';

export interface IdentityFacts {
  email: string;
  name?: string;
  /** Epoch ms the host's identify() was verified. */
  verifiedAt: number;
}

export function identityLeadFacts(identity: IdentityFacts): LeadFacts {
  const fact = (value: string) => ({ value, evidence: IDENTIFY_EVIDENCE, confidence: 1, asked: false, capturedAt: identity.verifiedAt });
  return {
    // Lower-cased like an e-mail the extractor finds, so the same address typed in the chat is the same value.
    email: fact(identity.email.trim().toLowerCase()),
    ...(identity.name?.trim() ? { name: fact(identity.name.trim()) } : {}),
  };
}

/**
 * The state with the identity merged into its lead (re-scored). `touched` is false when the lead already held these
 * facts as verified (nothing to store); `changed` lists fields whose value is new (a typed e-mail now verified is
 * touched, not changed).
 */
export function mergeIdentity(state: SalesState, identity: IdentityFacts, now: number): { state: SalesState; touched: boolean; changed: LeadField[] } {
  const { lead, changed } = mergeLead(state.lead, identityLeadFacts(identity), now);
  const touched = JSON.stringify(lead.fields) !== JSON.stringify(state.lead.fields);
  return { state: touched ? { ...state, lead } : state, touched, changed };
}

/**
 * Whether `value` is the lead's `field` as the host site verified it: proof enough where a tool otherwise wants the
 * prospect's own sentence (booking to the e-mail identify() gave, which the prospect never typed).
 */
export function isVerifiedLeadValue(state: Pick<SalesState, 'lead'>, field: LeadField, value: string): boolean {
  const fact = state.lead.fields[field];
  return fact?.evidence === IDENTIFY_EVIDENCE && String(fact.value).toLowerCase() === value.trim().toLowerCase();
}
