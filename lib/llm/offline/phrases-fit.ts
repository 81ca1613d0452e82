import type { SalesLocale } from '@/lib/sales/turn-state';

/**
 * "Would Pro still fit?" answered (still-fit.ts), in the five languages: a no for the plan's seats or for a need it
 * lacks, and, after a yes for its seats, the needs it has. `need`: their words, in bold, as a list.
 */
export interface FitPhrases {
  /** No: `plan` stops at `max` seats, below their team of `seats`; `next` holds them (and has what they need). English
   *  says it as get_pricing's own seat-limit message does. */
  seatsNo: (plan: string, max: number, seats: number, next: string) => string;
  /** No: `plan` lacks `need`; `from` has it (its price follows). */
  lacksNeed: (plan: string, need: string, from: string) => string;
  /** After "Yes: **Business** covers 10–1,000 seats…": it includes `need` too. */
  hasNeed: (plan: string, need: string) => string;
}

export const FIT_PHRASES: Record<SalesLocale, FitPhrases> = {
  en: {
    seatsNo: (plan, max, seats, next) => `No: ${plan} goes up to ${max} seats; for ${seats} seats ${next} fits.`,
    lacksNeed: (plan, need, from) => `No: **${plan}** doesn't include what you told me you need (${need}); **${from}** does.`,
    hasNeed: (plan, need) => `**${plan}** also includes what you told me you need (${need}).`,
  },
  es: {
    seatsNo: (plan, max, seats, next) => `No: **${plan}** llega hasta ${max} usuarios, así que no alcanza para ${seats}; para ${seats} corresponde **${next}**.`,
    lacksNeed: (plan, need, from) => `No: **${plan}** no incluye lo que me dijo que necesitan (${need}); **${from}** sí lo incluye.`,
    hasNeed: (plan, need) => `**${plan}** también incluye lo que me dijo que necesitan (${need}).`,
  },
  fr: {
    seatsNo: (plan, max, seats, next) => `Non : **${plan}** s’arrête à ${max} utilisateurs, il ne suffit donc pas pour ${seats} ; pour ${seats}, c’est **${next}**.`,
    lacksNeed: (plan, need, from) => `Non : **${plan}** ne comprend pas ce dont vous m’avez dit avoir besoin (${need}) ; **${from}**, si.`,
    hasNeed: (plan, need) => `**${plan}** comprend aussi ce dont vous m’avez dit avoir besoin (${need}).`,
  },
  de: {
    seatsNo: (plan, max, seats, next) => `Nein: **${plan}** endet bei ${max} Nutzern und reicht damit nicht für ${seats}; für ${seats} passt **${next}**.`,
    lacksNeed: (plan, need, from) => `Nein: **${plan}** enthält nicht, was Sie brauchen (${need}); **${from}** schon.`,
    hasNeed: (plan, need) => `**${plan}** enthält außerdem, was Sie brauchen (${need}).`,
  },
  ar: {
    seatsNo: (plan, max, seats, next) => `لا: باقة **${plan}** تتوقف عند ${max} مستخدمين، فلا تكفي ${seats} شخصًا؛ الأنسب لـ ${seats} هي باقة **${next}**.`,
    lacksNeed: (plan, need, from) => `لا: باقة **${plan}** لا تتضمن ما ذكرتم أنكم تحتاجونه (${need})، أما باقة **${from}** فتتضمنه.`,
    hasNeed: (plan, need) => `كما تتضمن باقة **${plan}** ما ذكرتم أنكم تحتاجونه (${need}).`,
  },
};
