import type { SalesLocale } from '@/lib/sales/turn-state';

/**
 * The words retrieval adds around the knowledge base's own entries, in the language the knowledge base is written in
 * (knowledgeLocale): passage titles and glue ("Price:", "Includes:"), the policy passages, and the keywords that let a
 * question in that language find a plan, a comparison or a case study. Every locale also keeps the English keywords,
 * so "Pro pricing" typed on the French site still finds the plan.
 */
export interface RetrievalWords {
  about: (company: string) => string;
  /** A plan's title: bare in languages other than English, so the reply naming the plan is enough to cite it. */
  planTitle: (plan: string) => string;
  price: string;
  perSeatMonthly: (amount: string) => string;
  perSeatAnnual: (amount: string) => string;
  customPrice: string;
  seats: (min: number, max: number | null) => string;
  includes: string;
  stronger: (company: string) => string;
  strong: (competitor: string) => string;
  caseTitle: (customer: string, industry: string, teamSize: number, plan: string | undefined) => string;
  results: string;
  discountTitle: string;
  discountText: string;
  commitmentsTitle: string;
  commitments: (items: string) => string;
  handoffTitle: string;
  handoff: (email: string, hours: string) => string;
  meetingsTitle: string;
  meetings: (minutes: number, from: string, to: string, days: string) => string;
  dayNames: readonly string[];
  daySpan: (first: string, last: string) => string;
  keywords: { company: string; price: string; compare: string; cases: string; discount: string; commitments: string; handoff: string; meetings: string };
}

const EN_KEYWORDS = {
  company: 'what is company product overview about que es empresa producto',
  price: 'price pricing cost how much per seat seats users limits features precio precios cuesta cuanto coste funciones',
  compare: 'vs versus compare comparison alternative switch from competitor comparar comparacion alternativa frente',
  cases: 'case study customer story example reference results caso de exito cliente ejemplo referencia',
  discount: 'discount discounts deal cheaper negotiate coupon promo nonprofit volume descuento descuentos rebaja negociar oferta',
  commitments: 'promise guarantee commit custom feature roadmap legal advice sla guarantee prometer garantizar garantia',
  handoff: 'human person people talk speak representative sales team contact email call agent humano persona hablar contacto equipo comercial ventas',
  meetings: 'demo meeting call book booking schedule appointment calendar invite slot reunion llamada agendar reservar cita demostracion',
};

const withEnglish = (own: typeof EN_KEYWORDS): typeof EN_KEYWORDS =>
  Object.fromEntries(Object.entries(own).map(([key, words]) => [key, `${words} ${EN_KEYWORDS[key as keyof typeof EN_KEYWORDS]}`])) as typeof EN_KEYWORDS;

const en: RetrievalWords = {
  about: (company) => `About ${company}`,
  planTitle: (plan) => `${plan} plan`,
  price: 'Price',
  perSeatMonthly: (amount) => `${amount} per seat/month billed monthly`,
  perSeatAnnual: (amount) => `${amount} per seat/month billed annually`,
  customPrice: 'Custom pricing — contact sales',
  seats: (min, max) => (max === null ? `From ${min} seats.` : `${min} to ${max} seats.`),
  includes: 'Includes',
  stronger: (company) => `Where ${company} is stronger`,
  strong: (competitor) => `Where ${competitor} is strong`,
  caseTitle: (customer, industry, teamSize, plan) => `${customer} (${industry}, ${teamSize} people${plan ? `, ${plan} plan` : ''})`,
  results: 'Results',
  discountTitle: 'Discount policy',
  discountText: 'Discounts beyond annual billing are approved by the sales team, not by this assistant.',
  commitmentsTitle: 'What the assistant cannot promise',
  commitments: (items) => `The assistant cannot promise: ${items}. The sales team can discuss these.`,
  handoffTitle: 'Talk to a person',
  handoff: (email, hours) => `The sales team answers at ${email}, ${hours}.`,
  meetingsTitle: 'Booking a demo',
  meetings: (minutes, from, to, days) => `Demo calls last ${minutes} minutes and can be booked ${days}, from ${from} to ${to} in your time zone.`,
  dayNames: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  daySpan: (first, last) => `${first} to ${last}`,
  keywords: EN_KEYWORDS,
};

const es: RetrievalWords = {
  about: (company) => `Sobre ${company}`,
  planTitle: (plan) => plan,
  price: 'Precio',
  perSeatMonthly: (amount) => `${amount} por usuario al mes con facturación mensual`,
  perSeatAnnual: (amount) => `${amount} por usuario al mes con facturación anual`,
  customPrice: 'Precio a medida: consulte al equipo comercial',
  seats: (min, max) => (max === null ? `Desde ${min} usuarios.` : `De ${min} a ${max} usuarios.`),
  includes: 'Incluye',
  stronger: (company) => `Dónde ${company} es más fuerte`,
  strong: (competitor) => `Dónde destaca ${competitor}`,
  caseTitle: (customer, industry, teamSize, plan) => `${customer} (${industry}, ${teamSize} personas${plan ? `, plan ${plan}` : ''})`,
  results: 'Resultados',
  discountTitle: 'Política de descuentos',
  discountText: 'Los descuentos más allá de la facturación anual los aprueba el equipo comercial, no este asistente.',
  commitmentsTitle: 'Lo que el asistente no puede prometer',
  commitments: (items) => `El asistente no puede prometer: ${items}. El equipo comercial puede hablarlo con usted.`,
  handoffTitle: 'Hablar con una persona',
  handoff: (email, hours) => `El equipo comercial responde en ${email}, ${hours}.`,
  meetingsTitle: 'Reservar una demo',
  meetings: (minutes, from, to, days) => `Las demos duran ${minutes} minutos y se pueden reservar ${days}, entre las ${from} y las ${to} en su zona horaria.`,
  dayNames: ['lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado', 'domingo'],
  daySpan: (first, last) => `de ${first} a ${last}`,
  keywords: EN_KEYWORDS,
};

const fr: RetrievalWords = {
  about: (company) => `À propos de ${company}`,
  planTitle: (plan) => plan,
  price: 'Prix',
  perSeatMonthly: (amount) => `${amount} par utilisateur et par mois en facturation mensuelle`,
  perSeatAnnual: (amount) => `${amount} par utilisateur et par mois en facturation annuelle`,
  customPrice: 'Tarif sur devis : contactez l’équipe commerciale',
  seats: (min, max) => (max === null ? `À partir de ${min} utilisateurs.` : `De ${min} à ${max} utilisateurs.`),
  includes: 'Comprend',
  stronger: (company) => `Là où ${company} est plus fort`,
  strong: (competitor) => `Les points forts de ${competitor}`,
  caseTitle: (customer, industry, teamSize, plan) => `${customer} (${industry}, ${teamSize} personnes${plan ? `, offre ${plan}` : ''})`,
  results: 'Résultats',
  discountTitle: 'Politique de remises',
  discountText: 'Les remises au-delà de la facturation annuelle sont accordées par l’équipe commerciale, pas par cet assistant.',
  commitmentsTitle: 'Ce que l’assistant ne peut pas promettre',
  commitments: (items) => `L’assistant ne peut pas promettre : ${items}. L’équipe commerciale peut en discuter avec vous.`,
  handoffTitle: 'Parler à une personne',
  handoff: (email, hours) => `L’équipe commerciale répond à ${email}, ${hours}.`,
  meetingsTitle: 'Réserver une démo',
  meetings: (minutes, from, to, days) => `Les démos durent ${minutes} minutes et se réservent ${days}, entre ${from} et ${to} dans votre fuseau horaire.`,
  dayNames: ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'],
  daySpan: (first, last) => `du ${first} au ${last}`,
  keywords: withEnglish({
    company: 'que fait entreprise société produit présentation à propos',
    price: 'prix tarif tarifs coût coûte combien par utilisateur utilisateurs licences abonnement offre offres fonctionnalités',
    compare: 'comparer comparaison alternative différence concurrent remplacer passer de',
    cases: 'étude de cas témoignage client clients exemple référence résultats',
    discount: 'remise remises réduction promo négocier association volume moins cher',
    commitments: 'promettre garantie garantir engagement feuille de route conseil juridique',
    handoff: 'humain personne parler conseiller commercial équipe commerciale contact appel',
    meetings: 'démo démonstration rendez-vous appel réserver planifier réunion créneau agenda invitation',
  }),
};

const de: RetrievalWords = {
  about: (company) => `Über ${company}`,
  planTitle: (plan) => plan,
  price: 'Preis',
  perSeatMonthly: (amount) => `${amount} pro Nutzer und Monat bei monatlicher Abrechnung`,
  perSeatAnnual: (amount) => `${amount} pro Nutzer und Monat bei jährlicher Abrechnung`,
  customPrice: 'Individueller Preis: Bitte an den Vertrieb wenden',
  seats: (min, max) => (max === null ? `Ab ${min} Nutzern.` : `${min} bis ${max} Nutzer.`),
  includes: 'Enthält',
  stronger: (company) => `Wo ${company} stärker ist`,
  strong: (competitor) => `Wo ${competitor} stark ist`,
  caseTitle: (customer, industry, teamSize, plan) => `${customer} (${industry}, ${teamSize} Personen${plan ? `, Tarif ${plan}` : ''})`,
  results: 'Ergebnisse',
  discountTitle: 'Rabattrichtlinie',
  discountText: 'Rabatte über die jährliche Abrechnung hinaus genehmigt das Vertriebsteam, nicht dieser Assistent.',
  commitmentsTitle: 'Was der Assistent nicht versprechen kann',
  commitments: (items) => `Der Assistent kann nicht versprechen: ${items}. Das Vertriebsteam bespricht das gern mit Ihnen.`,
  handoffTitle: 'Mit einer Person sprechen',
  handoff: (email, hours) => `Das Vertriebsteam antwortet unter ${email}, ${hours}.`,
  meetingsTitle: 'Eine Demo buchen',
  meetings: (minutes, from, to, days) => `Demos dauern ${minutes} Minuten und lassen sich ${days} buchen, zwischen ${from} und ${to} Uhr in Ihrer Zeitzone.`,
  dayNames: ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag'],
  daySpan: (first, last) => `von ${first} bis ${last}`,
  keywords: withEnglish({
    company: 'was macht unternehmen firma produkt überblick über',
    price: 'preis preise tarif tarife kosten kostet wie viel pro nutzer lizenzen abo funktionen',
    compare: 'vergleich vergleichen alternative unterschied wettbewerber wechseln von',
    cases: 'fallstudie kundenbeispiel kunden beispiel referenz ergebnisse',
    discount: 'rabatt rabatte nachlass preisnachlass verhandeln gemeinnützig volumen günstiger',
    commitments: 'versprechen garantie garantieren zusage roadmap rechtsberatung',
    handoff: 'mensch person sprechen berater vertrieb vertriebsteam kontakt anruf',
    meetings: 'demo vorführung termin gespräch anruf buchen vereinbaren meeting kalender einladung',
  }),
};

/** A count of users with Arabic's counted noun: "10 مستخدمين" (3–10), "50 مستخدمًا" (11–99), "1,000 مستخدم" (100+). */
function arabicUsers(count: number): string {
  const form = new Intl.PluralRules('ar').select(count);
  const figure = new Intl.NumberFormat('en-US').format(count);
  return form === 'one' ? 'مستخدم واحد' : form === 'two' ? 'مستخدمَين' : form === 'few' ? `${figure} مستخدمين` : form === 'many' ? `${figure} مستخدمًا` : `${figure} مستخدم`;
}

const ar: RetrievalWords = {
  about: (company) => `عن ${company}`,
  planTitle: (plan) => `باقة ${plan}`,
  price: 'السعر',
  perSeatMonthly: (amount) => `${amount} لكل مستخدم شهريًا بالدفع الشهري`,
  perSeatAnnual: (amount) => `${amount} لكل مستخدم شهريًا بالدفع السنوي`,
  customPrice: 'سعر مخصص: تواصل مع فريق المبيعات',
  seats: (min, max) => (max === null ? `من ${arabicUsers(min)} فأكثر.` : `من ${min} إلى ${arabicUsers(max)}.`),
  includes: 'تتضمن',
  stronger: (company) => `أين تتفوّق ${company}`,
  strong: (competitor) => `أين تتميّز ${competitor}`,
  caseTitle: (customer, industry, teamSize, plan) => `${customer} (${industry}، ${teamSize} شخصًا${plan ? `، باقة ${plan}` : ''})`,
  results: 'النتائج',
  discountTitle: 'سياسة الخصومات',
  discountText: 'يوافق فريق المبيعات على أي خصم يتجاوز خصم الدفع السنوي، وليس هذا المساعد.',
  commitmentsTitle: 'ما لا يستطيع المساعد أن يعد به',
  commitments: (items) => `لا يستطيع المساعد أن يعد بما يلي: ${items}. يمكن لفريق المبيعات مناقشة ذلك معك.`,
  handoffTitle: 'التحدث إلى شخص',
  handoff: (email, hours) => `يرد فريق المبيعات على ${email}، ${hours}.`,
  meetingsTitle: 'حجز عرض توضيحي',
  meetings: (minutes, from, to, days) => `تستغرق العروض التوضيحية ${minutes} دقيقة ويمكن حجزها ${days}، بين ${from} و${to} بتوقيتك المحلي.`,
  dayNames: ['الاثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة', 'السبت', 'الأحد'],
  daySpan: (first, last) => `من ${first} إلى ${last}`,
  keywords: withEnglish({
    company: 'ماذا تفعل الشركة المنتج نبذة عن',
    price: 'سعر أسعار الأسعار تكلفة تكلف يكلف كم لكل مستخدم مستخدمين اشتراك باقة باقات ميزات',
    compare: 'مقارنة قارن بديل الفرق منافس الانتقال',
    cases: 'دراسة حالة عملاء عميل مثال مرجع نتائج',
    discount: 'خصم خصومات تخفيض تفاوض جمعية خيرية أرخص',
    commitments: 'وعد ضمان التزام خارطة الطريق استشارة قانونية',
    handoff: 'إنسان شخص التحدث مندوب فريق المبيعات تواصل اتصال',
    meetings: 'عرض توضيحي ديمو موعد مكالمة حجز احجز اجتماع تقويم دعوة',
  }),
};

export const RETRIEVAL_WORDS: Readonly<Record<SalesLocale, RetrievalWords>> = { en, es, fr, de, ar };
