import type { KnowledgeBase } from '@/lib/sales/knowledge/schema';
import { splitSentences } from '@/lib/sales/sentences';
import { westernDigits } from '@/lib/sales/lead/text';
import type { SalesLocale } from '@/lib/sales/turn-state';
import { LEAD_FIELDS, type LeadField, type QuotedPrice, type SalesState, type StatedGrowth, type StatedTool } from '@/lib/sales/types';

/**
 * The conversation's memory beyond the lead record: tools the prospect uses, what was quoted, what was asked and
 * which objections came up. The state is what both agents remember, so a prospect's "what did I say…" is answered
 * from here rather than from whichever turns still fit in the prompt. Pure and client-safe.
 */

/** Tools we can name: the competitors and the integrations the knowledge base lists, with their own capitalisation. */
export function knownTools(kb: KnowledgeBase): string[] {
  const names = kb.competitors.map((competitor) => competitor.name);
  const add = (name: string) => {
    if (!names.some((known) => known.toLowerCase() === name.toLowerCase())) names.push(name);
  };
  const integrations = kb.faqs.filter((faq) => /integrat/i.test(`${faq.id} ${faq.question}`));
  for (const faq of integrations) {
    for (const keyword of faq.keywords) {
      const found = new RegExp(`\\b${keyword.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i').exec(faq.answer)?.[0];
      if (found && /^\p{Lu}/u.test(found)) add(found);
    }
    // The list the answer gives ("including Slack, Microsoft Teams, Google Workspace…"), not only its keywords.
    integrationNames(faq.answer).forEach(add);
  }
  kb.plans.flatMap((plan) => plan.features.flatMap(integrationNames)).forEach(add);
  return names;
}

/**
 * The tools a line lists after its word for integrations, up to the end of that sentence or a "plus": "10 core
 * integrations (Slack, Google Workspace, Microsoft 365…)" → Slack, Google Workspace, Microsoft 365; "All 60+
 * integrations, including Salesforce, HubSpot and Jira" → Salesforce, HubSpot, Jira (proper names, as written).
 */
export function integrationNames(line: string): string[] {
  const at = line.search(/integra|intégra|تكامل/iu);
  if (at < 0) return [];
  const list = line.slice(at).split(/[.;]\s|\s(?:plus|además de|ainsi que|sowie)\s/u)[0] ?? '';
  return [...list.matchAll(/(?<![\p{L}\d])\p{Lu}[\p{L}\d]*(?: [\p{Lu}\d][\p{L}\d]*)*/gu)].map((match) => match[0]);
}

const QUESTION = /\?\s*$|^\s*¿|^\s*(why|how|what|which|should|could|would|can|do|does|is|are)\b/i;
const USE =
  /\b(use|using|used|run|running|on|live in|work in|rely on|usamos|utilizamos|trabajamos con|tenemos|estamos en|utilisons|utilise|on utilise|travaillons (?:avec|sur|dans)|sommes sur|nutzen|nutze|verwenden|verwende|arbeiten mit|arbeite mit|setzen \S+ ein)\b|نستخدم|نعمل على|نعتمد على/iu;

/** Whether `text` names `name` as a word of its own ("Jira", not "Jirafa"), in any case. */
export function mentionsName(text: string, name: string): boolean {
  return new RegExp(`(?<![\\p{L}])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'iu').test(text);
}

/** The known tools `text` names, by their name or a competitor's alias ("monday" for Monday.com), in catalogue order. */
export function toolsNamed(text: string, kb: KnowledgeBase): string[] {
  return knownTools(kb).filter((name) => [name, ...(kb.competitors.find((competitor) => competitor.name === name)?.aliases ?? [])].some((alias) => mentionsName(text, alias)));
}

/** Tool names written in Arabic script ("سلاك", "هابسبوت", "سيلزفورس"), with a leading و/ب/ل/ال kept apart. */
const ARABIC_TOOL_NAMES: readonly [RegExp, string][] = [
  [/(?<!\p{L})(و|ب|ل|ال|وال|بال|لل)?(?:مايكروسوفت|ميكروسوفت) تيمز(?!\p{L})/gu, 'Microsoft Teams'],
  [/(?<!\p{L})(و|ب|ل|ال|وال|بال|لل)?سلاك(?!\p{L})/gu, 'Slack'],
  [/(?<!\p{L})(و|ب|ل|ال|وال|بال|لل)?ها?ب ?سبوت(?!\p{L})/gu, 'HubSpot'],
  [/(?<!\p{L})(و|ب|ل|ال|وال|بال|لل)?سيلز ?فورس(?!\p{L})/gu, 'Salesforce'],
  [/(?<!\p{L})(و|ب|ل|ال|وال|بال|لل)?جيرا(?!\p{L})/gu, 'Jira'],
  [/(?<!\p{L})(و|ب|ل|ال|وال|بال|لل)?زين ?ديسك(?!\p{L})/gu, 'Zendesk'],
  [/(?<!\p{L})(و|ب|ل|ال|وال|بال|لل)?زابير(?!\p{L})/gu, 'Zapier'],
  [/(?<!\p{L})(و|ب|ل|ال|وال|بال|لل)?(?:جيت ?هاب|جيت ?هب)(?!\p{L})/gu, 'GitHub'],
  [/(?<!\p{L})(و|ب|ل|ال|وال|بال|لل)?تيمز(?!\p{L})/gu, 'Microsoft Teams'],
  // (Suites and their apps, and tools we do not list: read as written so the stack answer can say which is which.)
  [/(?<!\p{L})(و|ب|ل)?(?:جوجل|غوغل|قوقل) (?:ورك ?سبيس|وورك ?سبيس)(?!\p{L})/gu, 'Google Workspace'],
  [/(?<!\p{L})(و|ب|ل)?(?:جوجل|غوغل|قوقل) درايف(?!\p{L})/gu, 'Google Drive'],
  [/(?<!\p{L})(و|ب|ل)?(?:جوجل|غوغل|قوقل) (?:شيتس|شيت)(?!\p{L})/gu, 'Google Sheets'],
  [/(?<!\p{L})(و|ب|ل)?(?:جوجل|غوغل|قوقل) (?:دوكس|دوكز)(?!\p{L})/gu, 'Google Docs'],
  [/(?<!\p{L})(و|ب|ل)?(?:جوجل|غوغل|قوقل) (?:كالندر|كاليندر)(?!\p{L})/gu, 'Google Calendar'],
  [/(?<!\p{L})(و|ب|ل)?(?:مايكروسوفت|ميكروسوفت) (?:365|٣٦٥)(?!\d)/gu, 'Microsoft 365'],
  [/(?<!\p{L})(و|ب|ل|ال)?(?:جي ?ميل|جيميل)(?!\p{L})/gu, 'Gmail'],
  [/(?<!\p{L})(و|ب|ل|ال)?(?:أوتلوك|اوتلوك|آوتلوك)(?!\p{L})/gu, 'Outlook'],
  [/(?<!\p{L})(و|ب|ل|ال)?(?:إكسل|إكسيل|اكسيل)(?!\p{L})/gu, 'Excel'],
  [/(?<!\p{L})(و|ب|ل|ال)?(?:فيغما|فيجما|فيقما|فغما)(?!\p{L})/gu, 'Figma'],
  [/(?<!\p{L})(و|ب|ل|ال)?(?:نوشن|نوشين|نوتشن)(?!\p{L})/gu, 'Notion'],
  [/(?<!\p{L})(و|ب|ل|ال)?(?:دروب ?بوكس)(?!\p{L})/gu, 'Dropbox'],
  [/(?<!\p{L})(و|ب|ل|ال)?زووم(?!\p{L})/gu, 'Zoom'],
  [/(?<!\p{L})(و|ب|ل|ال)?(?:كويك ?بوكس)(?!\p{L})/gu, 'QuickBooks'],
  [/(?<!\p{L})(و|ب|ل|ال)?(?:كليك ?أب|كليك ?اب)(?!\p{L})/gu, 'ClickUp'],
];

/** `text` with tool names written in Arabic script in their own spelling: "نستخدم هابسبوت" → "نستخدم HubSpot". */
export function latinToolNames(text: string): string {
  if (!/\p{Script=Arabic}/u.test(text)) return text;
  return ARABIC_TOOL_NAMES.reduce((read, [name, latin]) => read.replace(name, (_, prefix: string | undefined) => (prefix ? `${prefix} ${latin}` : latin)), text);
}

/** "Not", "instead of", "no", "pas", "nicht", "مش" right before a tool: "HubSpot, not Salesforce". */
const NOT_BEFORE =
  /(?:(?<!\p{L})(?:not|no|pas|nicht|kein\w*|instead of|rather than|en lugar de|en vez de|au lieu de|statt|anstatt|anstelle von)|(?<!\p{L})(?:مش|وليس|ليس|مو|بدل|بدلا من|بدلًا من))\s+(?:(?:on|in|with|using|con|avec|mit|de|du|el|la|le|mehr|more|anymore|plus|m[aá]s)\s+){0,2}$/iu;

/** Tools a message says they do not use ("actually we use HubSpot not Salesforce": Salesforce). */
export function negatedTools(text: string, kb: KnowledgeBase): string[] {
  const read = latinToolNames(text);
  return toolsNamed(read, kb).filter((name) => {
    const at = read.toLowerCase().indexOf(name.toLowerCase());
    return at >= 0 && NOT_BEFORE.test(read.slice(Math.max(0, at - 40), at));
  });
}

/** Tools the message says the prospect uses; a question about a tool ("why not HubSpot?") is not a statement. */
export function statedTools(text: string, kb: KnowledgeBase): StatedTool[] {
  const tools: StatedTool[] = [];
  const read = latinToolNames(text);
  // ("Actually we use HubSpot, not Salesforce": HubSpot only.)
  const not = negatedTools(read, kb);
  for (const sentence of splitSentences(read)) {
    if (QUESTION.test(sentence) || !USE.test(sentence)) continue;
    for (const name of toolsNamed(sentence, kb)) if (!not.includes(name)) tools.push({ name, evidence: sentence });
  }
  return tools;
}

/** `dropped`: tools the message says they do not use (a correction), forgotten. */
export function rememberTools(state: SalesState, tools: readonly StatedTool[], dropped: readonly string[] = []): SalesState {
  if (tools.length === 0 && !(state.tools ?? []).some((tool) => dropped.includes(tool.name))) return state;
  const kept = (state.tools ?? []).filter((tool) => !tools.some((fresh) => fresh.name === tool.name) && !dropped.includes(tool.name));
  return { ...state, tools: [...kept, ...tools] };
}

/** People added: "we'll add 5 more", "we're hiring 10", "bringing on 3 engineers" (a count, then more/people or a hire). */
const ADDING =
  /\b(?:(?:add|adding|onboard|onboarding)\s+(?:another\s+|about\s+|around\s+|maybe\s+|roughly\s+|~\s?)?(\d{1,5})\s+(?:more|new|extra|additional|people|users|seats|hires|engineers|devs|developers|staff|employees|folks|ppl|sales ?reps|reps|agents)\b|(?:hire|hiring|recruit|recruiting|bring on|bringing on)\s+(?:another\s+|about\s+|around\s+|maybe\s+|roughly\s+|~\s?)?(\d{1,5})\b(?!\s*(?:%|percent|minutes?|hours?|days?|weeks?|months?|years?)\b))/i;
/** The size grown to: "grow to 30", "we'll be 50 by summer", "should be around 60 next year". */
const GROWING_TO =
  /\b(?:grow|growing|scale|scaling|expand|expanding|get|getting)(?: up)? to (?:about |around |roughly |~\s?)?(\d{1,6})\b|\b(?:we['’]ll|we will|we['’]re going to|we are going to|we should|should) (?:probably |likely |soon |easily )?be (?:at |around |about |over |roughly )?(\d{1,6})\b(?!\s*(?:minutes?|mins?|hours?|days?|weeks?|months?|%|am|pm)\b)/i;
/** When, in their words: "in january", "next quarter", "by Q3", "over the next year". */
const GROWTH_WHEN =
  /\b(?:(?:in|by|from|before|after|around|over|within)\s+(?:the\s+)?(?:next\s+|coming\s+)?|next\s+|this\s+|early\s+|late\s+)(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|q[1-4]|quarter|year|month|spring|summer|autumn|fall|winter|few months|couple (?:of )?months|\d+ months)\b/i;

/**
 * "Finalement on sera 25", "al final seremos 20", "in the end we'll be 25": the size settled on, a correction of the
 * team on record rather than growth (with no "when" beside it; "we'll be 40 next year" grows). So is a change of mind,
 * "I changed my mind, we'll be 12 from the start", "غيرت رأيي، سنبدأ بـ 20".
 */
export const SETTLED =
  /(?<!\p{L})(?:finalement|au final|en fin de compte|al final|finalmente|en definitiva|in the end|actually|ultimately|am ende|letztendlich|schlie(?:ß|ss)lich|changed my mind|from the (?:start|outset)|chang[ée] d['’]avis|d[èe]s le d[ée]part|cambi[ée] de (?:opini[oó]n|idea)|al principio|desde el principio|anders [üu]berlegt|von anfang an)(?!\p{L})|في النهاية|بالنهاية|في الآخر|غي(?:ّ)?رت رأيي|من البداية/iu;

/** The team's growth a message states or supposes ("what if we add 5 more?"), not one it asks about otherwise. */
export function growthIn(text: string): StatedGrowth | undefined {
  for (const sentence of splitSentences(text)) {
    // ("What if I hire 2 people next year?" supposes it: remembered, and priced as the team they would be.)
    const supposes = /^\s*(?:and |so |ok |but )?(?:what|and) if\b/i.test(sentence);
    if (!supposes && (/\?\s*$/.test(sentence) || /^\s*(?:what|how|if|would|could|can|does|do|is)\b/i.test(sentence))) continue;
    const adding = ADDING.exec(sentence);
    const growing = adding ? undefined : GROWING_TO.exec(sentence);
    const added = Number(adding?.[1] ?? adding?.[2]);
    const to = Number(growing?.[1] ?? growing?.[2]);
    const when = GROWTH_WHEN.exec(sentence)?.[0].toLowerCase().replace(/\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*/i, (month) => month.charAt(0).toUpperCase() + month.slice(1)).replace(/\bq([1-4])\b/, 'Q$1');
    const base = { evidence: sentence, ...(when ? { when } : {}) };
    if (Number.isSafeInteger(added) && added > 0) return { added, ...base };
    if (Number.isSafeInteger(to) && to > 0 && !(SETTLED.test(sentence) && !when)) return { to, ...base };
  }
  return growthInOtherLanguages(text);
}

/** People added, in es/fr/de/ar: "en enero entran 4 más", "contratamos 5", "4 personnes de plus en janvier", "on recrute
 *  3", "im Januar kommen 4 dazu", "wir stellen 5 neue Leute ein", "بنوظف ٣ كمان", "ينضم ٤ موظفين جدد". */
const ADDING_ELSEWHERE = new RegExp(
  [
    String.raw`(?<!\p{L})(\d{1,5})\s+(?:personas?\s+|empleados?\s+|usuarios?\s+|trabajadores?\s+|personnes?\s+|salari[ée]s?\s+|coll[èe]gues?\s+|utilisateurs?\s+)?(?:m[aá]s|de plus|en plus|suppl[ée]mentaires?)(?!\p{L})`,
    String.raw`(?<!\p{L})(?:contrat\p{L}*|incorpor\p{L}*|sum\p{L}*|entra[nr]?|entrar[aá]n|llega[nr]?|recrut\p{L}*|embauch\p{L}*|arrivent|arriveront)\s+(?:a\s+|unas?\s+|otr[oa]s\s+|environ\s+|encore\s+)?(\d{1,5})(?!\s*(?:%|d[ií]as|semanas|meses|a[nñ]os|jours|semaines|mois|ans)(?!\p{L}))(?!\d)`,
    String.raw`(?<!\p{L})(\d{1,5})\s+(?:weitere|neue|zus[äa]tzliche|mehr)(?!\p{L})`,
    String.raw`(?<!\p{L})(?:kommen|stellen|stellt|holen)\s+(?:noch\s+|etwa\s+|ungef[äa]hr\s+)?(\d{1,5})\s+(?:\p{L}+\s+){0,3}(?:dazu|hinzu|ein)(?!\p{L})`,
    String.raw`(?:نوظف|سنوظف|بنوظف|هنوظف|راح نوظف|ينضم|سينضم|هيدخل|يدخل|بيدخل)\s+(?:إلينا\s+|معنا\s+|معانا\s+)?(\d{1,5})`,
    String.raw`(\d{1,5})\s+(?:أشخاص|اشخاص|موظفين|موظف|ناس)?\s*(?:إضافيين|اضافيين|زيادة|جدد|كمان)`,
  ].join('|'),
  'iu',
);
/** The size grown to: "seremos 30", "llegaremos a 30", "nous serons 30", "on passera à 30", "wir werden 30", "سنصبح ٣٠";
 *  "nächstes Jahr werden wir 40 sein", "wir werden nächstes Jahr 40 sein" (a German "when" between verb and count). */
const GROWING_TO_ELSEWHERE =
  /(?<!\p{L})(?:seremos|llegaremos a|creceremos a|pasaremos a|nous serons|on sera|on passera à|nous passerons à|wir werden|werden wir|wir wachsen auf|سنصبح|هنبقى|راح نصير|سنكون)\s+(?:(?:n[äa]chstes jahr|im \p{L}+|ab \p{L}+|bis \p{L}+|bald|wohl)\s+)?(?:unos\s+|unas\s+|environ\s+|etwa\s+|ungef[äa]hr\s+|حوالي\s+)?(\d{1,6})(?!\d)/iu;
/** When, in their words: "en enero", "el próximo trimestre", "en janvier", "l'an prochain", "im Januar", "nächstes Jahr", "في يناير". */
const GROWTH_WHEN_ELSEWHERE =
  /(?<!\p{L})(?:(?:en|para|a partir de|desde|antes de|dentro de|à partir de|d['’]ici|dans|au|im|ab|bis|zum|في|خلال|من)\s+(?:el\s+|la\s+|le\s+|l['’]|den\s+|الـ?)?(?:pr[oó]xim[oa]\s+|siguiente\s+|prochain\s+|n[äa]chsten?\s+)?(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre|januar|februar|m[äa]rz|april|juni|juli|august|oktober|dezember|trimestre|quartal|(?:\d+|unos|quelques|ein paar)\s+(?:meses|mois|monaten)|يناير|فبراير|مارس|أبريل|ابريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر|الشهر الجاي|الشهر القادم)|el (?:a[nñ]o|mes|trimestre) que viene|el pr[oó]ximo (?:a[nñ]o|mes|trimestre)|l['’](?:ann[ée]e|an) prochaine?|le (?:mois|trimestre) prochain|n[äa]chstes (?:jahr|quartal)|n[äa]chsten monat|(?:السنة|الشهر|الربع|العام) (?:الجاي|القادم|الجاية|القادمة|المقبل|المقبلة))(?!\p{L})/iu;

/** growthIn for es/fr/de/ar, read clause by clause ("en enero entran 4 más, ¿seguimos en Starter?" states the growth,
 *  then asks): a clause that asks ("¿y si contratamos 5?", "et si on embauche 3 ?") states nothing. */
function growthInOtherLanguages(text: string): StatedGrowth | undefined {
  for (const clause of splitSentences(text).flatMap((sentence) => sentence.split(/\s*[,;]\s*(?=¿|\p{L})|\s+(?=¿)/u))) {
    const said = westernDigits(clause);
    if (/[?؟]\s*$/.test(said) || /^\s*(?:¿|(?:y |et |und )?(?:si|if|wenn|falls|qu[eé]|que|combien|cu[aá]nt\p{L}*|was|wie|hal|هل|لو|إذا|اذا)(?!\p{L}))/iu.test(said)) continue;
    const adding = ADDING_ELSEWHERE.exec(said);
    const growing = adding ? undefined : GROWING_TO_ELSEWHERE.exec(said);
    const added = Number(adding?.slice(1).find((found) => found !== undefined));
    const to = Number(growing?.[1]);
    const when = GROWTH_WHEN_ELSEWHERE.exec(said)?.[0].replace(/^\p{Lu}/u, (letter) => letter.toLowerCase()).replace(/(?<=\b(?:im|ab|bis|zum)\s+)\p{L}/iu, (letter) => letter.toUpperCase()).replace(/(?<=^n[äa]chste[ns]?\s+)\p{L}/iu, (letter) => letter.toUpperCase());
    const base = { evidence: clause.trim(), ...(when ? { when } : {}) };
    if (Number.isSafeInteger(added) && added > 0) return { added, ...base };
    if (Number.isSafeInteger(to) && to > 0 && !(SETTLED.test(clause) && !when)) return { to, ...base };
  }
  return undefined;
}

export function rememberGrowth(state: SalesState, growth: StatedGrowth | undefined): SalesState {
  return growth ? { ...state, growth } : state;
}

/** The growth in a few words, in the reply's language: "5 more in January", "4 más en enero", "4 weitere im Januar";
 *  a size grown to as where the team is going: "growing to 40 people next year", "hasta 40 personas el año que viene". */
export function growthWords(growth: StatedGrowth, locale: SalesLocale = 'en'): string {
  const said = growthSaid(growth, locale);
  if (said.added !== undefined) return said.added;
  const when = said.when ? ` ${said.when}` : '';
  const words: Record<SalesLocale, string> = {
    en: `growing to ${growth.to} people${when}`,
    es: `hasta ${growth.to} personas${when}`,
    fr: `jusqu’à ${growth.to} personnes${when}`,
    // (German puts the time first: "nächstes Jahr auf 40 Personen".)
    de: `${said.when ? `${said.when} ` : ''}auf ${growth.to} Personen`,
    ar: `إلى ${growth.to} شخصًا${when}`,
  };
  return words[locale];
}

/** The growth for a sentence of its own: the people added in their words ("5 more in January"), else when (if said)
 *  the team reaches the size grown to ("next year", "l’an prochain"), for "from 30 to 40 people next year". */
export function growthSaid(growth: StatedGrowth, locale: SalesLocale = 'en'): GrowthSaid {
  const when = growth.when === undefined ? undefined : locale === 'fr' ? growth.when.replace(/'/g, '’') : growth.when;
  const tail = when ? ` ${when}` : '';
  if (growth.added === undefined) return when ? { when } : {};
  const added: Record<SalesLocale, string> = {
    en: `${growth.added} more${tail}`,
    es: `${growth.added} ${growth.added === 1 ? 'persona' : 'personas'} más${tail}`,
    fr: `${growth.added} ${growth.added === 1 ? 'personne' : 'personnes'} de plus${tail}`,
    de: `${growth.added === 1 ? 'eine weitere Person' : `${growth.added} weitere Personen`}${tail}`,
    ar: `${growth.added} أشخاص إضافيين${tail}`,
  };
  return { added: added[locale], ...(when ? { when } : {}) };
}

/** See growthSaid. */
export interface GrowthSaid {
  added?: string;
  when?: string;
}

/** The team after the growth they told us of: the size grown to, or today's team plus the people added. */
export function grownTeam(state: SalesState): number | undefined {
  const growth = state.growth;
  const today = state.lead.fields.teamSize?.value;
  if (!growth) return undefined;
  if (growth.to !== undefined) return typeof today === 'number' && growth.to <= today ? undefined : growth.to;
  return typeof today === 'number' && growth.added !== undefined ? today + growth.added : undefined;
}

export function rememberQuote(state: SalesState, quote: QuotedPrice): SalesState {
  const same = (entry: QuotedPrice) => entry.planId === quote.planId && entry.seats === quote.seats && entry.billing === quote.billing;
  return { ...state, quoted: [...(state.quoted ?? []).filter((entry) => !same(entry)), quote] };
}

export function rememberObjection(state: SalesState, id: string | undefined): SalesState {
  if (!id || state.objections?.includes(id)) return state;
  return { ...state, objections: [...(state.objections ?? []), id] };
}

export function rememberAsked(state: SalesState, fields: readonly LeadField[]): SalesState {
  if (fields.length === 0) return state;
  const asked = { ...state.asked };
  for (const field of fields) asked[field] = (asked[field] ?? 0) + 1;
  return { ...state, asked };
}

const LABELS: Record<LeadField, string> = {
  name: 'name', email: 'email', company: 'company', role: 'role', phone: 'phone', teamSize: 'team size',
  budget: 'budget', authority: 'decision', need: 'need', timeline: 'timeline',
};

/**
 * The memory as compact prompt lines: each fact with the prospect's own words, the tools, the prices quoted, the
 * objections raised and the questions already asked. Evidence is clipped so a long message cannot crowd the budget.
 */
export function memoryLines(state: SalesState, kb: KnowledgeBase): string[] {
  const lines: string[] = [];
  for (const field of LEAD_FIELDS) {
    const fact = state.lead.fields[field];
    if (fact) lines.push(`- ${LABELS[field]}: ${clip(String(fact.value), 80)} (they said: "${clip(fact.evidence, 100)}")`);
  }
  for (const tool of state.tools ?? []) lines.push(`- uses ${tool.name} (they said: "${clip(tool.evidence, 100)}")`);
  if (state.growth) lines.push(`- team growth: ${state.growth.added !== undefined ? `${state.growth.added} more` : `to ${state.growth.to}`}${state.growth.when ? ` ${state.growth.when}` : ''}${grownTeam(state) === undefined ? '' : ` (${grownTeam(state)} then)`}; size plans for it (they said: "${clip(state.growth.evidence, 100)}")`);
  if (lines.length === 0) lines.push('- nothing yet');
  const plan = (id: string) => kb.plans.find((entry) => entry.id === id)?.name ?? id;
  const quoted = (state.quoted ?? []).map((entry) => `${plan(entry.planId)} for ${entry.seats} seats, ${entry.billing}`);
  if (quoted.length > 0) lines.push(`- already quoted: ${quoted.join('; ')}`);
  const objections = state.objections ?? [];
  if (objections.length > 0) lines.push(`- objections raised: ${objections.map((id) => kb.objections.find((entry) => entry.id === id)?.title ?? id).join('; ')}`);
  const asked = Object.entries(state.asked ?? {}).map(([field, times]) => `${LABELS[field as LeadField]} (${times}×)`);
  if (asked.length > 0) lines.push(`- you already asked about: ${asked.join(', ')}`);
  if (state.quiet) lines.push('- they asked you to stop asking questions: ask none');
  if (state.noEmail) lines.push('- they declined to give an email: do not ask for it again');
  return lines;
}

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}
