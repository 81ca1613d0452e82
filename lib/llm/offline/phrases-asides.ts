import type { SalesLocale } from '@/lib/sales/turn-state';

/**
 * The offline agent's sentences for the asides of lib/llm/offline/asides.ts, in the five languages: a question the
 * catalogue says nothing of (a partner programme, billing their own clients, the app's languages), "shorter please",
 * a tool corrected ("HubSpot, not Salesforce"), a plan's minimum seats asked about, and a closing thanks.
 */
export type Unlisted = 'partner-program' | 'client-billing' | 'product-languages';

export interface AsidePhrases {
  /** Nothing in the catalogue says it: said so plainly, nothing promised (the offer to pass it on follows). */
  unlisted: (subject: Unlisted, company: string, salesEmail: string) => string;
  /** "Too long, shorter please": agreed. */
  shorter: string;
  /** "More detail please": agreed (the full replies come back). */
  longer: string;
  /** "Actually we use HubSpot, not Salesforce": noted. `connects`: the tools the integrations list names. */
  toolCorrected: (now: string, not: string, company: string, connects: boolean) => string;
  /** "Do I have to pay for 3 users?": yes (a team below the plan's minimum, or no team on record) or no (theirs is above). */
  minimumYes: (plan: string, min: number, team: number | undefined) => string;
  minimumNo: (plan: string, min: number, team: number) => string;
  /** "Ok merci beaucoup", "alles klar, danke!": a short goodbye, no new question. */
  closingThanks: (salesEmail: string) => string;
  /** The customer story just told, asked for again: the one there is (its size and plan), nothing told twice. */
  caseAgain: (customer: string, teamSize: number, plan: string | undefined) => string;
}

export const ASIDE_PHRASES: Record<SalesLocale, AsidePhrases> = {
  en: {
    unlisted: (subject, company, email) =>
      ({
        'partner-program': `I don't have a confirmed answer on a partner or reseller programme: nothing I have on ${company} mentions one, so I'd rather not guess. The team at ${email} can tell you for sure.`,
        'client-billing': `Billing your own clients for ${company} isn't something I have a confirmed answer on: what I have only covers how we bill you (per active seat, monthly or annually), so I'd rather not guess. The team at ${email} can tell you for sure.`,
        'product-languages': `I don't have a confirmed answer on which languages the ${company} app itself comes in, so I'd rather not guess: the team at ${email} can tell you. Here in the chat, I can keep going in English, Spanish, French, German or Arabic.`,
      })[subject],
    shorter: "Sure, I'll keep it short.",
    longer: "Of course, I'll go into more detail.",
    toolCorrected: (now, not, company, connects) => `Got it: ${now}, not ${not}.${connects ? ` ${company} connects with ${now}, so your team keeps working in it.` : ''}`,
    minimumYes: (plan, min, team) => `Yes: **${plan}** has a minimum of ${min} seats, so ${team === undefined ? `a smaller team is billed for ${min}` : `your team of ${team} is billed for ${min}`}.`,
    minimumNo: (plan, min, team) => `No: **${plan}** has a minimum of ${min} seats, and your team of ${team} is above it, so you pay for your ${team} seats and nothing more.`,
    closingThanks: (email) => `You're welcome! If anything else comes up, write here any time or email ${email}.`,
    caseAgain: (customer, team, plan) => `**${customer}** is the closest example I have for you: ${team} people${plan ? ` on **${plan}**` : ''}, as I described just now. I don't have a second story like it to share.`,
  },
  es: {
    unlisted: (subject, company, email) =>
      ({
        'partner-program': `No tengo una respuesta confirmada sobre un programa de partners o revendedores: nada de lo que tengo sobre ${company} lo menciona, así que prefiero no adivinar. El equipo en ${email} se lo puede confirmar.`,
        'client-billing': `No tengo una respuesta confirmada sobre si pueden facturar ustedes mismos a sus clientes: lo que tengo solo explica cómo les facturamos a ustedes (por usuario activo, mensual o anualmente), así que prefiero no adivinar. El equipo en ${email} se lo puede confirmar.`,
        'product-languages': `No tengo una respuesta confirmada sobre en qué idiomas está disponible la aplicación de ${company}, y prefiero no adivinar: el equipo en ${email} se lo puede decir. Aquí en el chat puedo seguir atendiéndole en español.`,
      })[subject],
    shorter: 'Claro, seré más breve.',
    longer: 'Claro, le daré más detalle.',
    toolCorrected: (now, not, company, connects) => `Entendido: ${now}, no ${not}.${connects ? ` ${company} se conecta con ${now}, así que su equipo puede seguir trabajando ahí.` : ''}`,
    minimumYes: (plan, min, team) => `Sí: **${plan}** tiene un mínimo de ${min} usuarios, así que ${team === undefined ? `un equipo más pequeño se factura como ${min}` : `su equipo de ${team} se factura como ${min}`}.`,
    minimumNo: (plan, min, team) => `No: **${plan}** tiene un mínimo de ${min} usuarios y su equipo de ${team} ya lo supera, así que pagan sus ${team} usuarios, nada más.`,
    closingThanks: (email) => `¡De nada! Si surge cualquier otra cosa, escriba aquí cuando quiera o a ${email}.`,
    caseAgain: (customer, team, plan) => `**${customer}** es el ejemplo más parecido que tengo: ${team} personas${plan ? ` con **${plan}**` : ''}, como le acabo de contar. No tengo otro caso similar que compartir.`,
  },
  fr: {
    unlisted: (subject, company, email) =>
      ({
        'partner-program': `Je n’ai pas de réponse confirmée sur un programme partenaire ou revendeur : rien dans mes informations sur ${company} n’en parle, donc je préfère ne pas deviner. L’équipe à ${email} pourra vous le confirmer.`,
        'client-billing': `Je n’ai pas de réponse confirmée sur la facturation de vos propres clients : mes informations ne couvrent que la façon dont nous vous facturons (par utilisateur actif, au mois ou à l’année), donc je préfère ne pas deviner. L’équipe à ${email} pourra vous le confirmer.`,
        'product-languages': `Je n’ai pas de réponse confirmée sur les langues dans lesquelles l’application ${company} est disponible, et je préfère ne pas deviner : l’équipe à ${email} pourra vous le dire. Ici, dans le chat, je peux continuer en français.`,
      })[subject],
    shorter: 'Bien sûr, je fais plus court.',
    longer: 'Bien sûr, je vais détailler davantage.',
    toolCorrected: (now, not, company, connects) => `C’est noté : ${now}, pas ${not}.${connects ? ` ${company} se connecte à ${now} : votre équipe continue d’y travailler.` : ''}`,
    minimumYes: (plan, min, team) => `Oui : **${plan}** a un minimum de ${min} utilisateurs, donc ${team === undefined ? `une équipe plus petite est facturée pour ${min}` : `votre équipe de ${team} est facturée pour ${min}`}.`,
    minimumNo: (plan, min, team) => `Non : **${plan}** a un minimum de ${min} utilisateurs, et votre équipe de ${team} le dépasse déjà : vous payez vos ${team} utilisateurs, rien de plus.`,
    closingThanks: (email) => `Avec plaisir ! Pour toute autre question, écrivez ici quand vous voulez ou à ${email}.`,
    caseAgain: (customer, team, plan) => `**${customer}** est l’exemple le plus proche que j’aie : ${team} personnes${plan ? ` sur **${plan}**` : ''}, comme je viens de vous le décrire. Je n’ai pas d’autre cas semblable à partager.`,
  },
  de: {
    unlisted: (subject, company, email) =>
      ({
        'partner-program': `Zu einem Partner- oder Reseller-Programm habe ich keine bestätigte Antwort: In meinen Informationen zu ${company} steht nichts dazu, und raten möchte ich nicht. Das Team unter ${email} kann es Ihnen sicher sagen.`,
        'client-billing': `Ob Sie Ihren eigenen Kunden selbst Rechnungen stellen können, dazu habe ich keine bestätigte Antwort: Meine Informationen decken nur ab, wie wir Ihnen abrechnen (pro aktivem Nutzer, monatlich oder jährlich), und raten möchte ich nicht. Das Team unter ${email} kann es Ihnen sicher sagen.`,
        'product-languages': `In welchen Sprachen die Anwendung von ${company} selbst verfügbar ist, dazu habe ich keine bestätigte Antwort, und raten möchte ich nicht: Das Team unter ${email} kann es Ihnen sagen. Hier im Chat mache ich gern auf Deutsch weiter.`,
      })[subject],
    shorter: 'Gern, ich fasse mich kürzer.',
    longer: 'Gern, ich werde ausführlicher.',
    toolCorrected: (now, not, company, connects) => `Verstanden: ${now}, nicht ${not}.${connects ? ` ${company} lässt sich mit ${now} verbinden: Ihr Team arbeitet dort weiter.` : ''}`,
    minimumYes: (plan, min, team) => `Ja: **${plan}** hat ein Minimum von ${min} Nutzern, daher ${team === undefined ? `wird ein kleineres Team mit ${min} abgerechnet` : `wird Ihr Team von ${team} mit ${min} abgerechnet`}.`,
    minimumNo: (plan, min, team) => `Nein: **${plan}** hat ein Minimum von ${min} Nutzern, und Ihr Team von ${team} liegt darüber: Sie zahlen Ihre ${team} Nutzer, mehr nicht.`,
    closingThanks: (email) => `Gern geschehen! Wenn noch etwas ist, schreiben Sie jederzeit hier oder an ${email}.`,
    caseAgain: (customer, team, plan) => `**${customer}** ist das passendste Beispiel, das ich habe: ${team} Personen${plan ? ` mit **${plan}**` : ''}, wie eben beschrieben. Ein zweites ähnliches Beispiel habe ich nicht.`,
  },
  ar: {
    unlisted: (subject, company, email) =>
      ({
        'partner-program': `ليست لديّ إجابة مؤكدة عن برنامج للشركاء أو الموزعين: لا شيء في معلوماتي عن ${company} يذكره، ولا أريد التخمين. يمكن لفريقنا على ${email} أن يؤكد لك ذلك.`,
        'client-billing': `ليست لديّ إجابة مؤكدة عن إصدار فواتير لعملائكم بأنفسكم: معلوماتي تشرح فقط كيف نحاسبكم نحن (لكل مستخدم نشط، شهريًا أو سنويًا)، ولا أريد التخمين. يمكن لفريقنا على ${email} أن يؤكد لك ذلك.`,
        'product-languages': `ليست لديّ إجابة مؤكدة عن اللغات التي تتوفر بها واجهة ${company} نفسها، ولا أريد التخمين: يمكن لفريقنا على ${email} أن يخبرك. أما هنا في المحادثة فيمكنني مواصلة الحديث معك بالعربية.`,
      })[subject],
    shorter: 'بالتأكيد، سأختصر.',
    longer: 'بالتأكيد، سأشرح بتفصيل أكثر.',
    toolCorrected: (now, not, company, connects) => `فهمت: ${now} وليس ${not}.${connects ? ` يتكامل ${company} مع ${now}، فيواصل فريقكم العمل عليه.` : ''}`,
    minimumYes: (plan, min, team) => `نعم: الحد الأدنى لباقة **${plan}** هو ${min} مستخدمين، لذلك ${team === undefined ? `يُحتسب أي فريق أصغر على أنه ${min}` : `يُحتسب فريقكم المكوّن من ${team} على أنه ${min}`}.`,
    minimumNo: (plan, min, team) => `لا: الحد الأدنى لباقة **${plan}** هو ${min} مستخدمين، وفريقكم المكوّن من ${team} يتجاوزه، فتدفعون عن ${team} مستخدمين فقط.`,
    closingThanks: (email) => `على الرحب والسعة! إن احتجت أي شيء آخر، اكتب هنا في أي وقت أو راسلنا على ${email}.`,
    caseAgain: (customer, team, plan) => `**${customer}** هو أقرب مثال لديّ: ${team} شخصًا${plan ? ` على باقة **${plan}**` : ''}، كما وصفته لك للتو. ليس لديّ مثال آخر مشابه لأشاركه.`,
  },
};
