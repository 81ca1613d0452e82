import type { SalesLocale } from '@/lib/sales/turn-state';
import type { AdjustReason } from '@/lib/sales/booking';
import { people } from '@/lib/llm/offline/phrases-ar';

/**
 * The offline agent's lines for sales-asks.ts and booking-ahead.ts, in the five languages: a time asked for before the
 * email that cannot be had as said (outside meeting hours, too soon, already passed) with the nearest slot, "what
 * happens next?" (after a handoff, before a meeting, or with nothing set up yet), "what happens after the demo?",
 * custom pricing, a price they offer or want to negotiate, and a billing period the catalogue has no price for
 * ("billed quarterly?").
 * Every figure, plan, day and hour comes from the knowledge base through the callers.
 */
export interface SalesAskPhrases {
  /** "Monday to Friday": a run of working days. */
  dayRange: (first: string, last: string) => string;
  /** "Monday, Wednesday and Friday": working days that are no run. */
  dayList: (days: string[]) => string;
  /** The time asked for, why it cannot be had, and the nearest slot. */
  slotAhead: (reason: AdjustReason | 'past', requested: string, slot: string, days: string, hours: string) => string;
  /** …and the email asked for the invite (said before: the booking phrases' other wordings). */
  slotEmailAsk: string;
  /** After a handoff: who gets in touch, where (`contact`, on record; none: which address, if `ask`), the team's hours. */
  nextAfterHandoff: (contact: string | undefined, hours: string | undefined, salesEmail: string, ask: boolean) => string;
  /** Before a booked meeting: the meeting, and the address its invite is for. */
  nextMeeting: (when: string, minutes: number, email: string) => string;
  /** What they can do meanwhile (after a handoff or before the meeting). */
  meanwhile: string;
  /** Nothing set up yet: the next steps on offer, a price for their team (`team`, when known) or a demo. */
  nextOffer: (team: number | undefined, minutes: number) => string;
  /** "What happens after the demo?": the demo, as `booked` (its time and address) or as one is booked here. */
  demoIs: (booked: { when: string; email: string } | undefined, minutes: number) => string;
  /** …and after it, what they can do (`trial`: the knowledge base has one); no follow-up of the team's is promised. */
  afterDemo: (trial: boolean, salesEmail: string, hours: string | undefined) => string;
  /** "Do you do custom pricing?": the plan quoted by the sales team, from its minimum. */
  customPricing: (plan: string, minSeats: number) => string;
  /** …and for a team below that minimum, the plan that fits them at list price (`line`: its price line). */
  customBelow: (team: number, plan: string, line: string) => string;
  /** …and for a team at or above it: the quote offered. */
  customQuote: (team: number, plan: string, salesEmail: string) => string;
  /** "Can we negotiate?", "can I pay 20 per seat?": no price agreed here (`offered`: they named a figure). */
  noNegotiation: (offered: boolean) => string;
  /** "Billed quarterly?": the billing periods the catalogue prices (`options`), not the one asked. */
  billingOptions: (asked: BillingPeriod, options: ('monthly' | 'annual')[]) => string;
}

/** Billing periods asked for that the catalogue has no price for. */
export type BillingPeriod = 'quarterly' | 'half-yearly' | 'weekly';

const join = (items: string[], and: string) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1) ?? ''}`);

export const SALES_ASK_PHRASES: Record<SalesLocale, SalesAskPhrases> = {
  en: {
    dayRange: (first, last) => `${first} to ${last}`,
    dayList: (days) => join(days, 'and'),
    slotAhead: (reason, requested, slot, days, hours) =>
      `${
        reason === 'past'
          ? `“${requested}” has already passed`
          : reason === 'outside_hours'
            ? `“${requested}” is outside our meeting hours (${days}, ${hours})`
            : reason === 'too_soon'
              ? `“${requested}” is too soon for the team to prepare`
              : `“${requested}” is already taken`
      }, so the nearest slot I can offer is **${slot}**.`,
    slotEmailAsk: "If that suits you, what's the best email for the invite?",
    nextAfterHandoff: (contact, hours, salesEmail, ask) =>
      contact
        ? `Next, a member of our sales team picks up your request and gets in touch at **${contact}**.${hours ? ` The team works ${hours}.` : ''} You can also write to them at ${salesEmail}.`
        : `Next, a member of our sales team picks up your request.${hours ? ` The team works ${hours}.` : ''}${ask ? ' Which email should they reach you at?' : ''} You can also write to them at ${salesEmail}.`,
    nextMeeting: (when, minutes, email) => `Next is your ${minutes}-minute demo with our sales team on **${when}**; the invite is for **${email}**.`,
    meanwhile: 'Meanwhile, I can answer anything here: plans and pricing, security, integrations.',
    nextOffer: (team, minutes) =>
      `Nothing is set up yet, so the next step is yours: I can price a plan for ${team === undefined ? 'your team' : `your team of ${team}`}, or book a ${minutes}-minute demo with our sales team. Which would help more?`,
    demoIs: (booked, minutes) =>
      booked
        ? `Your ${minutes}-minute demo with our sales team is on **${booked.when}**; the invite is for **${booked.email}**.`
        : `The demo is a ${minutes}-minute call with our sales team: I book it here, at a time that suits you, with the invite for your e-mail address.`,
    afterDemo: (trial, salesEmail, hours) =>
      `After it, the next step is yours (I have no set follow-up to promise you): ${trial ? 'start the free trial, ' : ''}ask me for a price for your team, or write to the team at ${salesEmail} with any further question.${hours ? ` The team works ${hours}.` : ''}`,
    customPricing: (plan, minSeats) => `Custom pricing is for **${plan}**: our sales team puts a quote together for it, from ${minSeats} seats.`,
    customBelow: (team, plan, line) => `For your team of ${team}, the list prices apply: **${plan}** is ${line}. Annual billing is the saving.`,
    customQuote: (team, plan, salesEmail) => `For your team of ${team}, **${plan}** is an option: would you like the team (${salesEmail}) to put a quote together?`,
    noNegotiation: (offered) =>
      offered ? "I can't agree to a different price myself: I can only quote the catalogue prices." : "I can't negotiate the price myself: I can only quote the catalogue prices.",
    billingOptions: (asked, options) =>
      `Billing is ${join(options.map((option) => ({ monthly: 'monthly', annual: 'annual' })[option]), 'or')}: there is no ${{ quarterly: 'quarterly', 'half-yearly': 'half-yearly', weekly: 'weekly' }[asked]} option.`,
  },
  es: {
    dayRange: (first, last) => `de ${first} a ${last}`,
    dayList: (days) => join(days, 'y'),
    slotAhead: (reason, requested, slot, days, hours) =>
      `${
        reason === 'past'
          ? `«${requested}» ya ha pasado`
          : reason === 'outside_hours'
            ? `«${requested}» queda fuera de nuestro horario de reuniones (${days}, ${hours})`
            : reason === 'too_soon'
              ? `«${requested}» es demasiado pronto para que el equipo se prepare`
              : `«${requested}» ya está ocupado`
      }, así que el hueco más cercano que puedo ofrecerle es **${slot}**.`,
    slotEmailAsk: 'Si le va bien, ¿a qué correo envío la invitación?',
    nextAfterHandoff: (contact, hours, salesEmail, ask) =>
      contact
        ? `Ahora, una persona de nuestro equipo comercial retoma su solicitud y se pone en contacto con usted en **${contact}**.${hours ? ` Horario del equipo: ${hours}.` : ''} También puede escribirles a ${salesEmail}.`
        : `Ahora, una persona de nuestro equipo comercial retoma su solicitud.${hours ? ` Horario del equipo: ${hours}.` : ''}${ask ? ' ¿En qué correo pueden contactarle?' : ''} También puede escribirles a ${salesEmail}.`,
    nextMeeting: (when, minutes, email) => `Lo siguiente es su demo de ${minutes} minutos con nuestro equipo comercial el **${when}**; la invitación es para **${email}**.`,
    meanwhile: 'Mientras tanto, puedo responderle aquí a cualquier duda: planes y precios, seguridad, integraciones.',
    nextOffer: (team, minutes) =>
      `Aún no hay nada en marcha, así que el siguiente paso lo elige usted: puedo calcularle el precio de un plan para ${team === undefined ? 'su equipo' : `su equipo de ${team}`} o reservar una demo de ${minutes} minutos con nuestro equipo comercial. ¿Qué le sería más útil?`,
    demoIs: (booked, minutes) =>
      booked
        ? `Su demo de ${minutes} minutos con nuestro equipo comercial es el **${booked.when}**; la invitación es para **${booked.email}**.`
        : `La demo es una llamada de ${minutes} minutos con nuestro equipo comercial: la reservo aquí, a la hora que le convenga, con la invitación a nombre de su correo.`,
    afterDemo: (trial, salesEmail, hours) =>
      `Después, el siguiente paso lo elige usted (no tengo un seguimiento fijo que prometerle): ${trial ? 'empezar la prueba gratuita, ' : ''}pedirme el precio de un plan para su equipo o escribir al equipo a ${salesEmail} con cualquier otra pregunta.${hours ? ` Horario del equipo: ${hours}.` : ''}`,
    customPricing: (plan, minSeats) => `Los precios a medida son de **${plan}**: nuestro equipo comercial prepara la propuesta, a partir de ${minSeats} usuarios.`,
    customBelow: (team, plan, line) => `Para su equipo de ${team} se aplican los precios de catálogo: **${plan}** cuesta ${line}. La facturación anual es el ahorro.`,
    customQuote: (team, plan, salesEmail) => `Para su equipo de ${team}, **${plan}** es una opción: ¿quiere que el equipo (${salesEmail}) le prepare una propuesta?`,
    noNegotiation: (offered) =>
      offered ? 'Yo no puedo aceptar otro precio: solo puedo darle los precios del catálogo.' : 'Yo no puedo negociar el precio: solo puedo darle los precios del catálogo.',
    billingOptions: (asked, options) =>
      `La facturación es ${join(options.map((option) => ({ monthly: 'mensual', annual: 'anual' })[option]), 'o')}: no hay facturación ${{ quarterly: 'trimestral', 'half-yearly': 'semestral', weekly: 'semanal' }[asked]}.`,
  },
  fr: {
    dayRange: (first, last) => `du ${first} au ${last}`,
    dayList: (days) => join(days, 'et'),
    slotAhead: (reason, requested, slot, days, hours) =>
      `${
        reason === 'past'
          ? `« ${requested} » est déjà passé`
          : reason === 'outside_hours'
            ? `« ${requested} » est en dehors de nos horaires de rendez-vous (${days}, ${hours})`
            : reason === 'too_soon'
              ? `« ${requested} » est trop tôt pour que l’équipe se prépare`
              : `« ${requested} » est déjà pris`
      } : le créneau le plus proche que je peux vous proposer est **${slot}**.`,
    slotEmailAsk: 'S’il vous convient, à quelle adresse e-mail dois-je envoyer l’invitation ?',
    nextAfterHandoff: (contact, hours, salesEmail, ask) =>
      contact
        ? `La suite : un membre de notre équipe commerciale reprend votre demande et vous contacte à **${contact}**.${hours ? ` Horaires de l’équipe : ${hours}.` : ''} Vous pouvez aussi lui écrire à ${salesEmail}.`
        : `La suite : un membre de notre équipe commerciale reprend votre demande.${hours ? ` Horaires de l’équipe : ${hours}.` : ''}${ask ? ' À quelle adresse e-mail peut-il vous joindre ?' : ''} Vous pouvez aussi lui écrire à ${salesEmail}.`,
    nextMeeting: (when, minutes, email) => `La suite : votre démo de ${minutes} minutes avec notre équipe commerciale le **${when}** ; l’invitation est au nom de **${email}**.`,
    meanwhile: 'En attendant, je réponds ici à toutes vos questions : offres et tarifs, sécurité, intégrations.',
    nextOffer: (team, minutes) =>
      `Rien n’est encore prévu, la suite dépend de vous : je peux chiffrer une offre pour ${team === undefined ? 'votre équipe' : `votre équipe de ${team}`}, ou réserver une démo de ${minutes} minutes avec notre équipe commerciale. Qu’est-ce qui vous serait le plus utile ?`,
    demoIs: (booked, minutes) =>
      booked
        ? `Votre démo de ${minutes} minutes avec notre équipe commerciale a lieu le **${booked.when}** ; l’invitation est au nom de **${booked.email}**.`
        : `La démo est un appel de ${minutes} minutes avec notre équipe commerciale : je la réserve ici, à l’heure qui vous convient, avec l’invitation à votre adresse e-mail.`,
    afterDemo: (trial, salesEmail, hours) =>
      `Après la démo, la suite dépend de vous (je n’ai pas de suivi établi à vous promettre) : ${trial ? 'démarrer l’essai gratuit, ' : ''}me demander le prix d’une offre pour votre équipe, ou écrire à l’équipe à ${salesEmail} pour toute autre question.${hours ? ` Horaires de l’équipe : ${hours}.` : ''}`,
    customPricing: (plan, minSeats) => `La tarification sur mesure, c’est **${plan}** : notre équipe commerciale établit le devis, à partir de ${minSeats} utilisateurs.`,
    customBelow: (team, plan, line) => `Pour votre équipe de ${team}, ce sont les prix catalogue : **${plan}** coûte ${line}. La facturation annuelle est l’économie.`,
    customQuote: (team, plan, salesEmail) => `Pour votre équipe de ${team}, **${plan}** est une option : souhaitez-vous que l’équipe (${salesEmail}) vous prépare un devis ?`,
    noNegotiation: (offered) =>
      offered ? 'Je ne peux pas accepter un autre prix moi-même : je ne peux donner que les prix du catalogue.' : 'Je ne peux pas négocier le prix moi-même : je ne peux donner que les prix du catalogue.',
    billingOptions: (asked, options) =>
      `La facturation est ${join(options.map((option) => ({ monthly: 'mensuelle', annual: 'annuelle' })[option]), 'ou')} : il n’y a pas de facturation ${{ quarterly: 'trimestrielle', 'half-yearly': 'semestrielle', weekly: 'hebdomadaire' }[asked]}.`,
  },
  de: {
    dayRange: (first, last) => `${first} bis ${last}`,
    dayList: (days) => join(days, 'und'),
    slotAhead: (reason, requested, slot, days, hours) =>
      `${
        reason === 'past'
          ? `„${requested}“ liegt schon in der Vergangenheit`
          : reason === 'outside_hours'
            ? `„${requested}“ liegt außerhalb unserer Terminzeiten (${days}, ${hours})`
            : reason === 'too_soon'
              ? `„${requested}“ ist zu kurzfristig, damit sich das Team vorbereiten kann`
              : `„${requested}“ ist schon vergeben`
      }, deshalb ist der nächste Termin, den ich anbieten kann, **${slot}**.`,
    slotEmailAsk: 'Wenn er Ihnen passt: An welche E-Mail-Adresse soll die Einladung gehen?',
    nextAfterHandoff: (contact, hours, salesEmail, ask) =>
      contact
        ? `Als Nächstes übernimmt jemand aus unserem Vertriebsteam Ihre Anfrage und meldet sich unter **${contact}**.${hours ? ` Zeiten des Teams: ${hours}.` : ''} Sie können dem Team auch an ${salesEmail} schreiben.`
        : `Als Nächstes übernimmt jemand aus unserem Vertriebsteam Ihre Anfrage.${hours ? ` Zeiten des Teams: ${hours}.` : ''}${ask ? ' Unter welcher E-Mail-Adresse erreicht man Sie?' : ''} Sie können dem Team auch an ${salesEmail} schreiben.`,
    nextMeeting: (when, minutes, email) => `Als Nächstes steht Ihre ${minutes}-minütige Demo mit unserem Vertriebsteam an: **${when}**; die Einladung lautet auf **${email}**.`,
    meanwhile: 'Bis dahin beantworte ich hier gern jede Frage: Tarife und Preise, Sicherheit, Integrationen.',
    nextOffer: (team, minutes) =>
      `Noch ist nichts vereinbart, der nächste Schritt liegt bei Ihnen: Ich kann einen Tarif für ${team === undefined ? 'Ihr Team' : `Ihr Team von ${team}`} berechnen oder eine ${minutes}-minütige Demo mit unserem Vertriebsteam buchen. Was hilft Ihnen mehr?`,
    demoIs: (booked, minutes) =>
      booked
        ? `Ihre ${minutes}-minütige Demo mit unserem Vertriebsteam: **${booked.when}**; die Einladung lautet auf **${booked.email}**.`
        : `Die Demo ist ein ${minutes}-minütiges Gespräch mit unserem Vertriebsteam: Ich buche sie hier zu einer Zeit, die Ihnen passt, mit der Einladung an Ihre E-Mail-Adresse.`,
    afterDemo: (trial, salesEmail, hours) =>
      `Danach liegt der nächste Schritt bei Ihnen (einen festen Ablauf danach kann ich Ihnen nicht zusagen): ${trial ? 'die kostenlose Testphase starten, ' : ''}sich hier einen Tarif für Ihr Team berechnen lassen oder dem Team weitere Fragen an ${salesEmail} schreiben.${hours ? ` Zeiten des Teams: ${hours}.` : ''}`,
    customPricing: (plan, minSeats) => `Individuelle Preise gibt es mit **${plan}**: Unser Vertriebsteam erstellt dafür ein Angebot, ab ${minSeats} Nutzern.`,
    customBelow: (team, plan, line) => `Für Ihr Team von ${team} gelten die Listenpreise: **${plan}** kostet ${line}. Die jährliche Abrechnung ist die Ersparnis.`,
    customQuote: (team, plan, salesEmail) => `Für Ihr Team von ${team} kommt **${plan}** in Frage: Soll das Team (${salesEmail}) Ihnen ein Angebot erstellen?`,
    noNegotiation: (offered) =>
      offered ? 'Einem anderen Preis kann ich nicht selbst zustimmen: Ich kann nur die Katalogpreise nennen.' : 'Den Preis kann ich nicht selbst verhandeln: Ich kann nur die Katalogpreise nennen.',
    billingOptions: (asked, options) =>
      `Abgerechnet wird ${join(options.map((option) => ({ monthly: 'monatlich', annual: 'jährlich' })[option]), 'oder')}, eine ${{ quarterly: 'quartalsweise', 'half-yearly': 'halbjährliche', weekly: 'wöchentliche' }[asked]} Abrechnung gibt es nicht.`,
  },
  ar: {
    dayRange: (first, last) => `من ${first} إلى ${last}`,
    dayList: (days) => days.join('، '),
    slotAhead: (reason, requested, slot, days, hours) =>
      `${
        reason === 'past'
          ? `«${requested}» مضى بالفعل`
          : reason === 'outside_hours'
            ? `«${requested}» خارج مواعيد اجتماعاتنا (${days}، ${hours})`
            : reason === 'too_soon'
              ? `«${requested}» قريب جدًا ولا يتيح للفريق الاستعداد`
              : `«${requested}» محجوز بالفعل`
      }، لذلك أقرب موعد يمكنني اقتراحه هو **${slot}**.`,
    slotEmailAsk: 'إن كان يناسبك، فما أفضل بريد إلكتروني لإرسال الدعوة؟',
    nextAfterHandoff: (contact, hours, salesEmail, ask) =>
      contact
        ? `الخطوة التالية: سيتولى أحد أعضاء فريق المبيعات طلبك ويتواصل معك على **${contact}**.${hours ? ` مواعيد عمل الفريق: ${hours}.` : ''} يمكنك أيضًا مراسلة الفريق على ${salesEmail}.`
        : `الخطوة التالية: سيتولى أحد أعضاء فريق المبيعات طلبك.${hours ? ` مواعيد عمل الفريق: ${hours}.` : ''}${ask ? ' على أي بريد إلكتروني يمكنه التواصل معك؟' : ''} يمكنك أيضًا مراسلة الفريق على ${salesEmail}.`,
    nextMeeting: (when, minutes, email) => `الخطوة التالية هي عرضك التوضيحي مع فريق المبيعات ومدته ${minutes} دقيقة في **${when}**؛ والدعوة باسم **${email}**.`,
    meanwhile: 'وفي الأثناء، يسعدني أن أجيب هنا عن أي سؤال: الباقات والأسعار، الأمان، التكاملات.',
    nextOffer: (team, minutes) =>
      `لم نرتّب شيئًا بعد، فالخطوة التالية بيدك: يمكنني حساب سعر باقة ${team === undefined ? 'لفريقك' : `لفريقك المكوّن من ${people(team)}`}، أو حجز عرض توضيحي مدته ${minutes} دقيقة مع فريق المبيعات. أيهما يفيدك أكثر؟`,
    demoIs: (booked, minutes) =>
      booked
        ? `عرضك التوضيحي مع فريق المبيعات ومدته ${minutes} دقيقة في **${booked.when}**؛ والدعوة باسم **${booked.email}**.`
        : `العرض التوضيحي مكالمة مدتها ${minutes} دقيقة مع فريق المبيعات: أحجزه لك هنا في الوقت الذي يناسبك، والدعوة باسم بريدك الإلكتروني.`,
    afterDemo: (trial, salesEmail, hours) =>
      `بعد العرض، الخطوة التالية بيدك (لا توجد لديّ متابعة محددة أعدك بها): يمكنك ${trial ? 'بدء الفترة التجريبية المجانية، أو ' : ''}طلب سعر باقة لفريقك مني، أو مراسلة الفريق على ${salesEmail} بأي سؤال آخر.${hours ? ` مواعيد عمل الفريق: ${hours}.` : ''}`,
    customPricing: (plan, minSeats) => `الأسعار المخصصة متاحة في باقة **${plan}**: يُعدّ فريق المبيعات عرض السعر لها، بدءًا من ${minSeats} مستخدمًا.`,
    customBelow: (team, plan, line) => `لفريقك المكوّن من ${people(team)} تنطبق أسعار القائمة: باقة **${plan}** تكلّف ${line}. والدفع السنوي هو التوفير.`,
    customQuote: (team, plan, salesEmail) => `لفريقك المكوّن من ${people(team)}، باقة **${plan}** خيار مناسب: هل تودّ أن يُعدّ لك الفريق (${salesEmail}) عرض سعر؟`,
    noNegotiation: (offered) =>
      offered ? 'لا أستطيع بنفسي الموافقة على سعر آخر: يمكنني فقط ذكر أسعار القائمة.' : 'لا أستطيع بنفسي التفاوض على السعر: يمكنني فقط ذكر أسعار القائمة.',
    billingOptions: (asked, options) =>
      `الفوترة ${options.map((option) => ({ monthly: 'شهرية', annual: 'سنوية' })[option]).join(' أو ')}: لا توجد فوترة ${{ quarterly: 'ربع سنوية', 'half-yearly': 'نصف سنوية', weekly: 'أسبوعية' }[asked]}.`,
  },
};
