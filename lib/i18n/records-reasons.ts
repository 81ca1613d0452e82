import type { RecordsKey, RecordsTranslate } from './records';

/**
 * The lead's score reasons and the playbook's stage reasons, translated when the admin reads them. Both are stored
 * in English (lib/sales/lead/index.ts `LEAD_SCORE_TABLE`, lib/sales/playbook.ts `advanceStage`) because backups,
 * exports and webhooks carry them as they are; here each known shape becomes a catalogue message with its numbers,
 * plan names and the prospect's quoted words, and anything else — a reason written before a wording changed, or by
 * code this table does not know — is shown as stored. Client-safe, and independent of the sales modules so the lead
 * page does not download the lead reader: `__tests__/unit/records-reasons.test.ts` checks this table against theirs.
 */

/** A score reason's words (after `+<points> `) → its message. Messages take `{points}`. */
export const SCORE_REASONS: Readonly<Record<string, RecordsKey>> = {
  'email given': 'records.scoreReason.email',
  'name given': 'records.scoreReason.name',
  'phone given': 'records.scoreReason.phone',
  'company given': 'records.scoreReason.company',
  'role given': 'records.scoreReason.role',
  'team size given': 'records.scoreReason.teamSize',
  'budget stated': 'records.scoreReason.budget',
  'no budget set yet': 'records.scoreReason.noBudget',
  'decision maker': 'records.scoreReason.decisionMaker',
  'approval path known': 'records.scoreReason.approval',
  'need stated': 'records.scoreReason.need',
  'timeline given': 'records.scoreReason.timeline',
};

/** Score reasons with a value inside: `team size fits Pro/Business` (plan names), `timeline within 3 months`. */
const SCORE_PATTERNS: readonly { pattern: RegExp; key: RecordsKey; vars: (match: RegExpExecArray) => Record<string, string> }[] = [
  { pattern: /^team size fits (.+)$/, key: 'records.scoreReason.teamSizeFits', vars: (match) => ({ plans: match[1] ?? '' }) },
  { pattern: /^timeline within (\d+) months?$/, key: 'records.scoreReason.timelineSoon', vars: (match) => ({ months: match[1] ?? '' }) },
];

/** `+20 email given` → "+20 E-Mail angegeben"; an unknown reason as stored. */
export function translateScoreReason(t: RecordsTranslate, reason: string): string {
  const match = /^\+(\d+) (.+)$/s.exec(reason.trim());
  if (!match) return reason;
  const points = match[1] ?? '';
  const words = match[2] ?? '';
  const key = SCORE_REASONS[words];
  if (key) return t(key, { points });
  for (const { pattern, key: patternKey, vars } of SCORE_PATTERNS) {
    const found = pattern.exec(words);
    if (found) return t(patternKey, { points, ...vars(found) });
  }
  return reason;
}

/** A stage reason's label (before `: '<evidence>'`) → its message. */
export const STAGE_REASONS: Readonly<Record<string, RecordsKey>> = {
  'human requested': 'records.stageReason.handoffRequested',
  'prospect continued after the handoff': 'records.stageReason.continuedAfterHandoff',
  'objection raised': 'records.stageReason.objectionRaised',
  'meeting booked': 'records.stageReason.meetingBooked',
  'asked for a meeting': 'records.stageReason.meetingAsked',
  'email given by a qualified lead': 'records.stageReason.qualifiedEmail',
  'objection answered, prospect moved on': 'records.stageReason.objectionAnswered',
  'team size and need known': 'records.stageReason.teamAndNeed',
  'asked about a plan with seats': 'records.stageReason.planWithSeats',
  'plan recommended': 'records.stageReason.planRecommended',
  'need given': 'records.stageReason.needGiven',
  'prospect engaged': 'records.stageReason.engaged',
};

/** Evidence the tools write themselves (lib/sales/tools.ts), not the prospect's words: translated too. */
const EVIDENCE_PATTERNS: readonly { pattern: RegExp; key: RecordsKey; name: string }[] = [
  { pattern: /^meeting booked for (.+)$/s, key: 'records.stageReason.evidence.booked', name: 'when' },
  { pattern: /^handoff requested: (.+)$/s, key: 'records.stageReason.evidence.handoff', name: 'reason' },
];

/**
 * `asked for a meeting: 'can we talk tomorrow?'` → "um einen Termin gebeten: „can we talk tomorrow?“" (the prospect's
 * words stay as they wrote them); an unknown reason as stored.
 */
export function translateStageReason(t: RecordsTranslate, reason: string): string {
  const quoted = /^(.*?): '(.*)'$/s.exec(reason);
  const label = quoted ? (quoted[1] ?? '') : reason;
  const key = STAGE_REASONS[label];
  if (!key) return reason;
  if (!quoted) return t(key);
  const said = quoted[2] ?? '';
  const inner = EVIDENCE_PATTERNS.map(({ pattern, key: innerKey, name }) => {
    const found = pattern.exec(said);
    return found ? t(innerKey, { [name]: name === 'reason' ? translateHandoffReason(t, found[1] ?? '') : (found[1] ?? '') }) : null;
  }).find((text) => text !== null);
  return t('records.stageReason.quoted', { reason: t(key), evidence: inner ?? said });
}

/** The offline agent's handoff reasons (lib/llm/offline/tool-calls.ts), each with the prospect's words quoted. */
const HANDOFF_REASONS: readonly { pattern: RegExp; key: RecordsKey }[] = [
  { pattern: /^The prospect asked for a person: "(.*)"$/s, key: 'records.handoffReason.askedForPerson' },
  { pattern: /^The prospect is ready to buy: "(.*)"$/s, key: 'records.handoffReason.readyToBuy' },
];

/**
 * A handoff's reason: the offline agent's translated, the prospect's quoted words kept as they wrote them; the OpenAI
 * agent's own words, and anything else, as stored.
 */
export function translateHandoffReason(t: RecordsTranslate, reason: string): string {
  for (const { pattern, key } of HANDOFF_REASONS) {
    const found = pattern.exec(reason);
    if (found) return t(key, { words: found[1] ?? '' });
  }
  return reason;
}
