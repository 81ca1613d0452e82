import type { SalesLocale } from '@/lib/sales/turn-state';
import { people } from '@/lib/llm/offline/phrases-ar';

/**
 * The offline agent's lines for explainers.ts, in the five languages: how pricing works (per seat, monthly or annually,
 * each plan's per-seat price, and what it comes to for their team) and guest access for their clients; and, for
 * compose.ts, a name we had wrong, corrected. Every plan, amount and address comes from the knowledge base or
 * get_pricing through the callers.
 */
export interface ExplainerPhrases {
  /** The model, before the plans' list (`annual`: annual billing lowers the per-seat price). */
  model: (annual: boolean) => string;
  /** One plan of the list: its seat range and per-seat prices. */
  rate: (plan: string, range: string, monthly: string | undefined, annual: string | undefined) => string;
  /** A plan the sales team quotes. */
  customRate: (plan: string, range: string) => string;
  /** What it comes to for their team: the plan for them, monthly (and the year billed annually). */
  forTeam: (seats: number, plan: string, monthly: string, annualTotal: string | undefined) => string;
  /** Their team is on the plan the sales team quotes. */
  forTeamCustom: (seats: number, plan: string, salesEmail: string) => string;
  /** Clients follow progress as guests: the first plan with guest access (`last`: no plan above it), free or not. */
  guests: (plan: string, last: boolean, free: boolean) => string;
  /** The plan for their team has no guest access. */
  notOnTheirs: (plan: string) => string;
  /** A customer who works that way with its clients. */
  story: (customer: string) => string;
  /** A client portal asked for by name: not in the catalogue, not promised. */
  noPortal: (salesEmail: string) => string;
  /** "Sorry, it's Joan, not Jon": the name on record corrected, with an apology (not "nice to meet you" again). */
  renamed: (name: string) => string;
}

export const EXPLAINER_PHRASES: Record<SalesLocale, ExplainerPhrases> = {
  en: {
    model: (annual) => `Pricing is per seat: you pay for each person who uses it, every month${annual ? ' — billed monthly, or annually at a lower per-seat price' : ''}. The plans:`,
    rate: (plan, range, monthly, annual) => `**${plan}** (${range}): ${[monthly && `**${monthly}** per seat a month`, annual && `**${annual}** billed annually`].filter(Boolean).join(', or ')}`,
    customRate: (plan, range) => `**${plan}** (${range}): custom pricing, quoted by our sales team`,
    forTeam: (seats, plan, monthly, annualTotal) => `For your team of ${seats}, that's **${plan}**: **${monthly} a month** billed monthly${annualTotal ? `, or **${annualTotal} a year** billed annually` : ''}.`,
    forTeamCustom: (seats, plan, salesEmail) => `For your team of ${seats}, that's **${plan}**, which our sales team quotes (${salesEmail}).`,
    guests: (plan, last, free) => `Yes — your clients can follow progress as guests: guest access comes with **${plan}**${last ? '' : ' and above'}${free ? ', and guests (view-only collaborators) are free' : ''}.`,
    notOnTheirs: (plan) => `(**${plan}** doesn't include it.)`,
    story: (customer) => `That's how ${customer} works with its own clients.`,
    noPortal: (salesEmail) => `A separate, branded client portal isn't something our catalogue lists, so I won't promise one: the team at ${salesEmail} can tell you more.`,
    renamed: (name) => `Sorry about that, ${name} — I've corrected it.`,
  },
  es: {
    model: (annual) => `El precio es por usuario: paga por cada persona que lo usa, cada mes${annual ? ', con facturación mensual o anual (la anual baja el precio por usuario)' : ''}. Los planes:`,
    rate: (plan, range, monthly, annual) => `**${plan}** (${range}): ${[monthly && `**${monthly}** por usuario al mes`, annual && `**${annual}** con facturación anual`].filter(Boolean).join(', o ')}`,
    customRate: (plan, range) => `**${plan}** (${range}): precio a medida, lo prepara nuestro equipo comercial`,
    forTeam: (seats, plan, monthly, annualTotal) => `Para su equipo de ${seats}, corresponde **${plan}**: **${monthly} al mes** con facturación mensual${annualTotal ? `, o **${annualTotal} al año** con facturación anual` : ''}.`,
    forTeamCustom: (seats, plan, salesEmail) => `Para su equipo de ${seats} corresponde **${plan}**, cuyo precio prepara nuestro equipo comercial (${salesEmail}).`,
    guests: (plan, last, free) => `Sí: sus clientes pueden seguir el avance como invitados. El acceso de invitados viene con **${plan}**${last ? '' : ' y superiores'}${free ? ', y los invitados (colaboradores de solo lectura) son gratis' : ''}.`,
    notOnTheirs: (plan) => `(**${plan}** no lo incluye.)`,
    story: (customer) => `Así trabaja ${customer} con sus propios clientes.`,
    noPortal: (salesEmail) => `Un portal de clientes aparte, con su marca, no figura en nuestro catálogo, así que prefiero no prometerlo: el equipo en ${salesEmail} puede darle más detalles.`,
    renamed: (name) => `Disculpe, ${name}: ya lo he corregido.`,
  },
  fr: {
    model: (annual) => `La tarification est par utilisateur : vous payez pour chaque personne qui l’utilise, chaque mois${annual ? ', en facturation mensuelle ou annuelle (l’annuelle baisse le prix par utilisateur)' : ''}. Les offres :`,
    rate: (plan, range, monthly, annual) => `**${plan}** (${range}) : ${[monthly && `**${monthly}** par utilisateur et par mois`, annual && `**${annual}** en facturation annuelle`].filter(Boolean).join(', ou ')}`,
    customRate: (plan, range) => `**${plan}** (${range}) : tarif sur devis, préparé par notre équipe commerciale`,
    forTeam: (seats, plan, monthly, annualTotal) => `Pour votre équipe de ${seats} personnes, c’est **${plan}** : **${monthly} par mois** en facturation mensuelle${annualTotal ? `, ou **${annualTotal} par an** en facturation annuelle` : ''}.`,
    forTeamCustom: (seats, plan, salesEmail) => `Pour votre équipe de ${seats} personnes, c’est **${plan}**, sur devis de notre équipe commerciale (${salesEmail}).`,
    guests: (plan, last, free) => `Oui : vos clients peuvent suivre l’avancement en tant qu’invités. L’accès invités est inclus dans **${plan}**${last ? '' : ' et au-delà'}${free ? ', et les invités (collaborateurs en lecture seule) sont gratuits' : ''}.`,
    notOnTheirs: (plan) => `(**${plan}** ne l’inclut pas.)`,
    story: (customer) => `C’est ainsi que ${customer} travaille avec ses propres clients.`,
    noPortal: (salesEmail) => `Un portail client séparé, à vos couleurs, ne figure pas dans notre catalogue, je préfère donc ne pas le promettre : l’équipe (${salesEmail}) pourra vous en dire plus.`,
    renamed: (name) => `Pardon, ${name} — c’est corrigé.`,
  },
  de: {
    model: (annual) => `Die Preise gelten pro Nutzer: Sie zahlen für jede Person, die es nutzt, pro Monat${annual ? ' – monatlich oder jährlich abgerechnet (jährlich ist der Preis pro Nutzer niedriger)' : ''}. Die Tarife:`,
    rate: (plan, range, monthly, annual) => `**${plan}** (${range}): ${[monthly && `**${monthly}** pro Nutzer und Monat`, annual && `**${annual}** bei jährlicher Abrechnung`].filter(Boolean).join(' oder ')}`,
    customRate: (plan, range) => `**${plan}** (${range}): individueller Preis, erstellt von unserem Vertriebsteam`,
    forTeam: (seats, plan, monthly, annualTotal) => `Für Ihr Team von ${seats} Personen ist das **${plan}**: **${monthly} im Monat** bei monatlicher Abrechnung${annualTotal ? ` oder **${annualTotal} im Jahr** bei jährlicher Abrechnung` : ''}.`,
    forTeamCustom: (seats, plan, salesEmail) => `Für Ihr Team von ${seats} Personen ist das **${plan}**, mit einem Angebot unseres Vertriebsteams (${salesEmail}).`,
    guests: (plan, last, free) => `Ja: Ihre Kunden können den Fortschritt als Gäste verfolgen. Gastzugang gibt es ${last ? 'in' : 'ab'} **${plan}**${free ? ', und Gäste (Mitwirkende mit Lesezugriff) sind kostenlos' : ''}.`,
    notOnTheirs: (plan) => `(**${plan}** enthält ihn nicht.)`,
    story: (customer) => `So arbeitet ${customer} mit den eigenen Kunden.`,
    noPortal: (salesEmail) => `Ein separates Kundenportal mit eigenem Branding führt unser Katalog nicht, deshalb verspreche ich keins: Das Team unter ${salesEmail} sagt Ihnen gern mehr.`,
    renamed: (name) => `Entschuldigung, ${name} – ist korrigiert.`,
  },
  ar: {
    model: (annual) => `التسعير لكل مستخدم: تدفع عن كل شخص يستخدم المنصة، شهريًا${annual ? '، بالدفع الشهري أو السنوي (الدفع السنوي يخفّض السعر لكل مستخدم)' : ''}. الباقات:`,
    rate: (plan, range, monthly, annual) => `**${plan}** (${range}): ${[monthly && `**${monthly}** لكل مستخدم شهريًا`, annual && `**${annual}** عند الدفع السنوي`].filter(Boolean).join('، أو ')}`,
    customRate: (plan, range) => `**${plan}** (${range}): سعر مخصص يُعدّه فريق المبيعات`,
    forTeam: (seats, plan, monthly, annualTotal) => `لفريقك المكوّن من ${people(seats)}، الباقة المناسبة هي **${plan}**: **${monthly} شهريًا** بالدفع الشهري${annualTotal ? `، أو **${annualTotal} سنويًا** بالدفع السنوي` : ''}.`,
    forTeamCustom: (seats, plan, salesEmail) => `لفريقك المكوّن من ${people(seats)}، الباقة المناسبة هي **${plan}**، ويُعدّ فريق المبيعات عرض سعرها (${salesEmail}).`,
    guests: (plan, last, free) => `نعم، يمكن لعملائك متابعة التقدم كضيوف: وصول الضيوف متاح في باقة **${plan}**${last ? '' : ' وما فوقها'}${free ? '، والضيوف (متعاونون للقراءة فقط) مجانيون' : ''}.`,
    notOnTheirs: (plan) => `(باقة **${plan}** لا تتضمنه.)`,
    story: (customer) => `هكذا تعمل ${customer} مع عملائها.`,
    noPortal: (salesEmail) => `أما بوابة عملاء منفصلة بعلامتك التجارية فليست مدرجة في كتالوجنا، لذا لا أعدك بها: يمكن لفريقنا (${salesEmail}) أن يخبرك بالمزيد.`,
    renamed: (name) => `عذرًا يا ${name}، صحّحت ذلك.`,
  },
};
