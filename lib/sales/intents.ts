import type { KnowledgeBase } from '@/lib/sales/knowledge/schema';

/**
 * What a prospect's message is about, for the playbook (objections move the stage) and the offline agent.
 * Deterministic keyword rules over English and Spanish.
 */
export const SALES_INTENTS = [
  'injection',
  'human',
  'booking',
  'objection',
  'comparison',
  'pricing',
  'features',
  'contact',
  'small_talk',
  'off_topic',
  'other',
] as const;
export type SalesIntent = (typeof SALES_INTENTS)[number];

const RULES: Array<[SalesIntent, RegExp]> = [
  ['injection', /\b(ignore|disregard|forget)\b.{0,40}\b(instructions|prompt|rules)\b|\b(system prompt|your (instructions|prompt))\b|\bignora\b.{0,30}\binstrucciones\b/i],
  ['human', /\b(human|real person|a person|someone (real|from sales)|talk to (sales|someone)|agent|representative)\b|\b(hablar con (una persona|alguien|ventas)|persona real)\b/i],
  ['booking', /\b(book|schedule|set up|arrange)\b.{0,30}\b(demo|call|meeting)\b|\b(demo|meeting|call)\b.{0,20}\b(on|at|next|tomorrow|monday|tuesday|wednesday|thursday|friday)\b|\b(agendar|reservar|programar)\b.{0,30}\b(demo|llamada|reuni[oó]n)\b/i],
  ['objection', /\b(too expensive|expensive|pricey|over budget|can't afford|cheaper|already (use|using|have)|not sure|no time|too busy|concern(ed|s)?|worried|risk|need (approval|to ask)|demasiado caro|muy caro|ya usamos)\b/i],
  ['comparison', /\b(vs\.?|versus|compared? (to|with)|better than|difference between|instead of|alternative to|comparad[oa] con|diferencia entre)\b/i],
  ['pricing', /\b(price|prices|pricing|cost|costs|how much|quote|per seat|per user|billing|annual|monthly|discount|precio|precios|cu[aá]nto cuesta|cu[aá]nto vale)\b/i],
  ['features', /\b(feature|features|integrat\w*|sso|saml|api|automation|dashboard|report\w*|security|soc ?2|gdpr|support|storage|funcionalidad\w*|integraci[oó]n\w*|seguridad)\b/i],
  ['small_talk', /^\s*(hi|hello|hey|good (morning|afternoon|evening)|thanks|thank you|cheers|ok|okay|great|cool|hola|buenas|gracias)\b[\s!.,]*$/i],
  ['off_topic', /\b(weather|recipe|poem|joke|football|soccer|movie|song|homework|capital of|bitcoin|stock tip)\b/i],
];

export function classifySalesIntent(text: string, _kb?: KnowledgeBase): SalesIntent {
  const trimmed = text.trim();
  if (!trimmed) return 'other';
  for (const [intent, pattern] of RULES) if (pattern.test(trimmed)) return intent;
  if (/[\w.+-]+@[\w-]+\.[\w.-]+/.test(trimmed)) return 'contact';
  return 'other';
}
