import type { SalesLocale } from '@/lib/sales/turn-state';

/**
 * The offline agent's sentences for follow-ups on their own stack and on what was said before, in the five languages:
 * an app of a suite the catalogue lists ("and Gmail?"), tools we do not list ("we use QuickBooks"), their identity
 * provider after the SSO answer ("we use Okta"), a plan asked about again, and a team size over the plan quoted.
 */
export interface FollowUpPhrases {
  /** "And Gmail?": the suite it is part of, which the catalogue lists, and the plan that has the suite. */
  suiteApp: (app: string, suite: string, from: string, every: boolean) => string;
  /** What the connection does inside the app itself is not in the catalogue: the team confirms it. */
  suiteDetail: (apps: string, salesEmail: string) => string;
  /** "We use QuickBooks and Xero": not among the integrations we list, never guessed. */
  unlistedTools: (tools: string, many: boolean, salesEmail: string) => string;
  /** "We use Okta" after the SSO answer: one of the identity providers the SSO answer names, and the plans with SSO. */
  idpFits: (idp: string, from: string, only: boolean) => string;
  /** A plan asked about again with no team size on record: its price, in short (the page was shown already). */
  planAgain: (plan: string, price: string) => string;
  /** "And for 12?" after a quote for a plan that stops below it: the plan's top, and the plan for that many. */
  outgrown: (plan: string, max: number, seats: number, next: string) => string;
  /** Their stack said again: each tool answered once more in one sentence, those that connect and those we do not list. */
  stackAgain: (company: string, connected: { tools: string; many: boolean } | undefined, unlisted: { tools: string; many: boolean } | undefined) => string;
}

export const FOLLOW_UP_PHRASES: Record<SalesLocale, FollowUpPhrases> = {
  en: {
    suiteApp: (app, suite, from, every) => `${app} is part of ${suite}, which ${every ? `every plan connects to, from **${from}** up` : `comes with **${from}** and above`}.`,
    suiteDetail: (apps, email) => `Exactly what the connection does inside ${apps} itself, the team at ${email} can confirm.`,
    unlistedTools: (tools, many, email) => `**${tools}** ${many ? "aren't" : "isn't"} among the integrations we list, and I'd rather not guess: the team at ${email} can tell you whether ${many ? 'they' : 'it'} can be connected.`,
    idpFits: (idp, from, only) => `${idp} is one of the identity providers our SAML single sign-on names, so it fits: SSO comes with ${only ? `**${from}** only` : `**${from}** and above`}.`,
    planAgain: (plan, price) => `**${plan}**, in short: ${price}.`,
    outgrown: (plan, max, seats, next) => `**${plan}** goes up to ${max} seats, so for ${seats} the plan is **${next}**.`,
    stackAgain: (company, connected, unlisted) =>
      `As I said, ${[connected && `${connected.tools} ${connected.many ? 'connect' : 'connects'} with ${company}`, unlisted && `**${unlisted.tools}** ${unlisted.many ? "aren't" : "isn't"} among the integrations we list`].filter(Boolean).join(', and ')}.`,
  },
  es: {
    suiteApp: (app, suite, from, every) => `${app} forma parte de ${suite}, ${every ? `que se conecta en todos los planes, desde **${from}**` : `incluida en **${from}** y los planes superiores`}.`,
    suiteDetail: (apps, email) => `Qué hace exactamente la conexión dentro de ${apps}, se lo puede confirmar el equipo en ${email}.`,
    unlistedTools: (tools, many, email) => `**${tools}** no ${many ? 'figuran' : 'figura'} entre las integraciones que ofrecemos, y prefiero no adivinar: el equipo de ${email} puede decirle si se ${many ? 'pueden' : 'puede'} conectar.`,
    idpFits: (idp, from, only) => `${idp} es uno de los proveedores de identidad que nombra nuestro inicio de sesión único (SAML), así que encaja: el SSO está incluido en ${only ? `**${from}** solamente` : `**${from}** y los planes superiores`}.`,
    planAgain: (plan, price) => `**${plan}**, en resumen: ${price}.`,
    outgrown: (plan, max, seats, next) => `**${plan}** llega hasta ${max} usuarios, así que para ${seats} corresponde **${next}**.`,
    stackAgain: (company, connected, unlisted) =>
      `Como le decía, ${[connected && `${connected.tools} se ${connected.many ? 'conectan' : 'conecta'} con ${company}`, unlisted && `**${unlisted.tools}** no ${unlisted.many ? 'figuran' : 'figura'} entre las integraciones que ofrecemos`].filter(Boolean).join(', y ')}.`,
  },
  fr: {
    suiteApp: (app, suite, from, every) => `${app} fait partie de ${suite}, ${every ? `connecté dans toutes les offres, dès **${from}**` : `inclus dans **${from}** et les offres supérieures`}.`,
    suiteDetail: (apps, email) => `Ce que la connexion fait exactement dans ${apps}, l’équipe peut vous le confirmer à ${email}.`,
    unlistedTools: (tools, many, email) => `**${tools}** ne ${many ? 'font' : 'fait'} pas partie des intégrations que nous proposons, et je préfère ne pas deviner : l’équipe à ${email} peut vous dire ${many ? 'si ces outils peuvent être connectés' : 's’il peut être connecté'}.`,
    idpFits: (idp, from, only) => `${idp} fait partie des fournisseurs d’identité que cite notre authentification unique (SAML), donc cela convient : le SSO est inclus dans ${only ? `**${from}** uniquement` : `**${from}** et les offres supérieures`}.`,
    planAgain: (plan, price) => `**${plan}**, en bref : ${price}.`,
    outgrown: (plan, max, seats, next) => `**${plan}** s’arrête à ${max} utilisateurs ; pour ${seats}, c’est **${next}**.`,
    stackAgain: (company, connected, unlisted) =>
      `Comme je vous le disais, ${[connected && `${connected.tools} se ${connected.many ? 'connectent' : 'connecte'} à ${company}`, unlisted && `**${unlisted.tools}** ne ${unlisted.many ? 'font' : 'fait'} pas partie des intégrations que nous proposons`].filter(Boolean).join(', et ')}.`,
  },
  de: {
    suiteApp: (app, suite, from, every) => `${app} gehört zu ${suite}, ${every ? `das in allen Tarifen angebunden ist, ab **${from}**` : `das ab **${from}** enthalten ist`}.`,
    suiteDetail: (apps, email) => `Was die Anbindung in ${apps} selbst genau kann, bestätigt Ihnen das Team unter ${email}.`,
    unlistedTools: (tools, many, email) => `**${tools}** ${many ? 'gehören' : 'gehört'} nicht zu den Integrationen, die wir anbieten, und ich möchte nicht raten: Das Team unter ${email} kann Ihnen sagen, ob ${many ? 'sie sich anbinden lassen' : 'es sich anbinden lässt'}.`,
    idpFits: (idp, from, only) => `${idp} gehört zu den Identitätsanbietern, die unser Single Sign-on (SAML) nennt, das passt also: SSO ist ${only ? `nur in **${from}**` : `ab **${from}**`} enthalten.`,
    planAgain: (plan, price) => `**${plan}** kurz gesagt: ${price}.`,
    outgrown: (plan, max, seats, next) => `**${plan}** endet bei ${max} Nutzern; für ${seats} passt **${next}**.`,
    stackAgain: (company, connected, unlisted) =>
      `Wie gesagt: ${[connected && `${connected.tools} ${connected.many ? 'lassen' : 'lässt'} sich mit ${company} verbinden`, unlisted && `**${unlisted.tools}** ${unlisted.many ? 'gehören' : 'gehört'} nicht zu den Integrationen, die wir anbieten`].filter(Boolean).join(', ')}.`,
  },
  ar: {
    suiteApp: (app, suite, from, every) => `${app} جزء من ${suite}، ${every ? `المتوفر في كل الباقات بدءًا من باقة **${from}**` : `المتوفر في باقة **${from}** وما فوقها`}.`,
    suiteDetail: (apps, email) => `أما ما يفعله الربط داخل ${apps} تحديدًا، فيمكن لفريقنا تأكيده على ${email}.`,
    unlistedTools: (tools, many, email) => `**${tools}** ${many ? 'ليست' : 'ليس'} ضمن التكاملات التي نقدمها، ولا أريد التخمين: يمكن لفريقنا على ${email} إخبارك إن كان بالإمكان ربط${many ? 'ها' : 'ه'}.`,
    idpFits: (idp, from, only) => `${idp} من مزوّدي الهوية الذين يذكرهم تسجيل الدخول الموحد (SAML) لدينا، فهو مناسب: الدخول الموحد متوفر في باقة **${from}**${only ? ' فقط' : ' وما فوقها'}.`,
    planAgain: (plan, price) => `باختصار، **${plan}**: ${price}.`,
    outgrown: (plan, max, seats, next) => `باقة **${plan}** تتوقف عند ${max} مستخدمين، لذا فالأنسب لـ ${seats} هي باقة **${next}**.`,
    stackAgain: (company, connected, unlisted) =>
      `كما ذكرت، ${connected ? `يتكامل ${company} مع ${connected.tools}${unlisted ? `، أما **${unlisted.tools}** ف${unlisted.many ? 'ليست' : 'ليس'} ضمن التكاملات التي نقدمها` : ''}` : `**${unlisted?.tools ?? ''}** ${unlisted?.many ? 'ليست' : 'ليس'} ضمن التكاملات التي نقدمها`}.`,
  },
};
