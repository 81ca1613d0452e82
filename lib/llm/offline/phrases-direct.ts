import type { SalesLocale } from '@/lib/sales/turn-state';

/**
 * The offline agent's yes-or-no answers that come first (lib/llm/offline/integration-answer.ts and contract-term.ts),
 * in the five languages: "does it integrate with our CRM?" and "is there a minimum contract?".
 */
export interface DirectPhrases {
  /**
   * "Se integra con HubSpot?": yes, and the first plan with it (`first`: every plan has it; `only`: the top plan alone).
   * `line`: that plan's own integration line, in the reply's language.
   */
  toolYes: (tools: string, plural: boolean, from: string, first: boolean, only: boolean, line: string) => string;
  /** "Does it integrate with our CRM?" with no CRM on record: yes for the CRMs the catalogue names, and which is theirs. */
  crmYes: (tools: string, plural: boolean, from: string, only: boolean) => string;
  /** "Is there a minimum contract?", "do we have to sign an annual contract?": no, before the cancellation terms. */
  noLockIn: string;
  /** "How long is the contract?" asks no yes-or-no question: the same answer, without its "No". */
  noMinimumTerm: string;
}

export const DIRECT_PHRASES: Record<SalesLocale, DirectPhrases> = {
  en: {
    toolYes: (tools, plural, from, first, only, line) =>
      first
        ? `Yes — every plan includes ${tools}, from **${from}** up (${line}).`
        : `Yes — ${tools} ${plural ? 'come' : 'comes'} with ${only ? `**${from}** only` : `**${from}** and above`} (${line}).`,
    crmYes: (tools, plural, from, only) => `Yes, with ${tools}: ${plural ? 'both come' : 'it comes'} with ${only ? `**${from}** only` : `**${from}** and above`}. Which CRM do you use?`,
    noLockIn: 'No, there is no minimum term:',
    noMinimumTerm: 'There is no minimum term:',
  },
  es: {
    toolYes: (tools, plural, from, first, only, line) =>
      first
        ? `Sí: todos los planes incluyen ${tools}, desde **${from}** (${line}).`
        : `Sí: ${tools} ${plural ? 'están incluidos' : 'está incluido'} en ${only ? `**${from}** solamente` : `**${from}** y los planes superiores`} (${line}).`,
    crmYes: (tools, plural, from, only) => `Sí, con ${tools}: ${plural ? 'ambos están incluidos' : 'está incluido'} en ${only ? `**${from}** solamente` : `**${from}** y los planes superiores`}. ¿Qué CRM usan?`,
    noLockIn: 'No, no hay permanencia mínima:',
    noMinimumTerm: 'No hay permanencia mínima:',
  },
  fr: {
    toolYes: (tools, plural, from, first, only, line) =>
      first
        ? `Oui : toutes les offres incluent ${tools}, dès **${from}** (${line}).`
        : `Oui : ${tools} ${plural ? 'sont inclus' : 'est inclus'} dans ${only ? `**${from}** uniquement` : `**${from}** et les offres supérieures`} (${line}).`,
    crmYes: (tools, plural, from, only) => `Oui, avec ${tools} : ${plural ? 'tous deux sont inclus' : 'il est inclus'} dans ${only ? `**${from}** uniquement` : `**${from}** et les offres supérieures`}. Quel CRM utilisez-vous ?`,
    noLockIn: 'Non, il n’y a pas d’engagement minimum :',
    noMinimumTerm: 'Il n’y a pas d’engagement minimum :',
  },
  de: {
    toolYes: (tools, plural, from, first, only, line) =>
      first
        ? `Ja: ${tools} ${plural ? 'sind' : 'ist'} in allen Tarifen enthalten, ab **${from}** (${line}).`
        : `Ja: ${tools} ${plural ? 'sind' : 'ist'} ${only ? `nur in **${from}**` : `ab **${from}**`} enthalten (${line}).`,
    crmYes: (tools, plural, from, only) => `Ja, mit ${tools}: ${plural ? 'beide sind' : 'es ist'} ${only ? `nur in **${from}**` : `ab **${from}**`} enthalten. Welches CRM nutzen Sie?`,
    noLockIn: 'Nein, es gibt keine Mindestlaufzeit:',
    noMinimumTerm: 'Es gibt keine Mindestlaufzeit:',
  },
  ar: {
    toolYes: (tools, plural, from, first, only, line) =>
      first
        ? `نعم: كل الباقات تتضمن ${tools}، بدءًا من باقة **${from}** (${line}).`
        : `نعم: ${plural ? 'يتوفر كل من' : 'يتوفر'} ${tools} في باقة **${from}**${only ? ' فقط' : ' وما فوقها'} (${line}).`,
    crmYes: (tools, plural, from, only) => `نعم، مع ${tools}: ${plural ? 'كلاهما متوفر' : 'متوفر'} في باقة **${from}**${only ? ' فقط' : ' وما فوقها'}. ما نظام CRM الذي تستخدمونه؟`,
    noLockIn: 'لا، لا توجد مدة التزام دنيا:',
    noMinimumTerm: 'لا توجد مدة التزام دنيا:',
  },
};
