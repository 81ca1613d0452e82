/** @jest-environment node */
import esOverlay from '@/knowledge/knowledge-base.es.json';
import { LOCALES } from '@/lib/i18n';
import { getKnowledgeBase, getKnowledgeOverlay, KnowledgeBaseError, knowledgeOverlayFiles } from '@/lib/sales/knowledge';
import { getLocalizedKnowledgeBase, knowledgeLocale, missingPassages } from '@/lib/sales/knowledge/localized';
import { applyOverlay, parseOverlay, parseOverlays } from '@/lib/sales/knowledge/overlay';

const base = getKnowledgeBase();
const numbers = (kb: typeof base) =>
  kb.plans.map(({ id, pricePerSeatMonthly, pricePerSeatMonthlyAnnual, minSeats, maxSeats, highlight }) => ({
    id,
    pricePerSeatMonthly,
    pricePerSeatMonthlyAnnual,
    minSeats,
    maxSeats,
    highlight,
  }));

describe('the knowledge base in every locale', () => {
  it.each(LOCALES)('%s quotes exactly the base prices, seats and currency, plan by plan', (locale) => {
    const kb = getLocalizedKnowledgeBase(locale);
    expect(numbers(kb)).toEqual(numbers(base));
    expect(kb.company.currency).toBe(base.company.currency);
    expect(kb.company.salesEmail).toBe(base.company.salesEmail);
    expect(kb.policies.maxDiscountPercent).toBe(base.policies.maxDiscountPercent);
    expect(knowledgeLocale(kb)).toBe(locale);
  });

  it.each(['es', 'fr', 'de', 'ar'] as const)('%s words every plan, the company and every FAQ in its own language', (locale) => {
    const kb = getLocalizedKnowledgeBase(locale);
    kb.plans.forEach((plan, index) => {
      const english = base.plans[index]!;
      expect(plan.summary).not.toBe(english.summary);
      plan.features.forEach((feature, i) => expect({ plan: plan.id, feature }).not.toEqual({ plan: plan.id, feature: english.features[i] }));
    });
    expect(kb.company.tagline).not.toBe(base.company.tagline);
    expect(kb.company.description).not.toBe(base.company.description);
    expect(kb.faqs.map((faq) => faq.id)).toEqual(base.faqs.map((faq) => faq.id));
    kb.faqs.forEach((faq, index) => expect(faq.answer).not.toBe(base.faqs[index]!.answer));
    expect(kb.suggestedQuestions).toHaveLength(base.suggestedQuestions.length);
    expect(kb.suggestedQuestions).not.toEqual(base.suggestedQuestions);
    expect(missingPassages(locale).filter((id) => id.startsWith('plan:') || id.startsWith('faq:'))).toEqual([]);
  });

  it('words Arabic plan names in Arabic and keeps the brand name findable', () => {
    const pro = getLocalizedKnowledgeBase('ar').plans.find((plan) => plan.id === 'pro')!;
    expect(pro.name).toBe('الاحترافية');
    expect(pro.aliases).toEqual(expect.arrayContaining(['Pro', 'برو']));
  });

  it('leaves out, rather than shows in English, what a locale has no words for', () => {
    const { kb, missing } = applyOverlay(base, { plans: {}, faqs: { trial: { question: '¿Prueba?', answer: 'Sí, 14 días.' } } });
    expect(kb.faqs.map((faq) => faq.id)).toEqual(['trial']);
    expect(missing).toEqual(expect.arrayContaining(['faq:sso', 'objection:too-expensive', 'plan:pro']));
    expect(kb.plans).toHaveLength(base.plans.length);
  });

  it('refuses a price, an unknown field or an id the base does not have in an overlay', () => {
    expect(() => parseOverlay({ plans: { pro: { pricePerSeatMonthly: 1 } } }, base, 'test')).toThrow(/pricePerSeatMonthly|Unrecognized/);
    expect(() => parseOverlay({ faqs: { nope: { answer: 'x' } } }, base, 'test')).toThrow(/faqs\.nope/);
    expect(() => parseOverlay({ company: { currency: 'EUR' } }, base, 'test')).toThrow(/currency|Unrecognized/);
    expect(() => parseOverlay(esOverlay, base, 'es')).not.toThrow();
  });
});

/* ------------------------------------------------------------------------------------------------------------------
 * The shipped overlays against the base, entry by entry (issue 11, "the knowledge base" in four more languages):
 * every customer-facing entry and field of the base has a translation, with the same numbers and links, and no
 * English sentence left in it. `auditOverlay` returns one line per problem, so a failure names the file, the entry
 * and the field; the tests below it feed it broken copies to show each check can fail.
 * ---------------------------------------------------------------------------------------------------------------- */

type OverlayLocale = keyof typeof knowledgeOverlayFiles;
const OVERLAY_LOCALES = Object.keys(knowledgeOverlayFiles) as OverlayLocale[];
type Json = Record<string, unknown>;

/**
 * The translatable fields of each section that a prospect is shown or told, and so every overlay must give when the
 * base has them (non-empty). Plan `name` is not among them: "Starter", "Pro"… are brand names a locale may keep
 * (Arabic gives its own, and the base name then stays an alias). Competitor names and customers are names too.
 */
const REQUIRED = {
  plans: ['summary', 'features', 'aliases'],
  faqs: ['question', 'answer', 'keywords'],
  objections: ['title', 'answer', 'keywords'],
  competitors: ['summary', 'ourAdvantages', 'theirStrengths'],
  caseStudies: ['industry', 'summary', 'results', 'keywords'],
} as const;
/** Words the retrieval matches on, never shown: they may repeat English brand and technical terms ("sso", "saml"). */
const MATCH_ONLY = new Set(['keywords', 'aliases']);

/** Common English words that no es/fr/de/ar sentence contains (not "in", "on", "a", "will", "not": those are German, French or Spanish too). */
const ENGLISH_STOPWORDS = new Set(['the', 'and', 'you', 'your', 'with', 'for', 'our', 'we', 'that', 'this', 'is', 'are', 'of', 'to', 'from', 'can', 'have', 'only', 'than', 'when']);

/** Names that stay as they are in every language: the company, plans, competitors, customers and the products text names. */
const NAMES = [
  base.company.name,
  ...base.plans.map((plan) => plan.name),
  ...base.competitors.flatMap((competitor) => [competitor.name, ...competitor.aliases]),
  ...base.caseStudies.map((study) => study.customer),
  'Northwind Assist', 'Google Workspace', 'Microsoft Teams', 'Microsoft 365', 'Microsoft Entra ID', 'Azure AD', 'Monday work management',
].sort((a, b) => b.length - a.length);

/** The English stopwords in `text`, names removed first, e.g. "Everything in Starter, with the best support" → ["with", "the"]. */
function englishWords(text: string): string[] {
  let rest = text.toLowerCase();
  for (const name of NAMES) rest = rest.split(name.toLowerCase()).join(' ');
  return (rest.match(/\p{L}+(?:['’]\p{L}+)*/gu) ?? []).filter((word) => ENGLISH_STOPWORDS.has(word));
}

/**
 * The numbers a text states, whatever the locale writes: "1,000", "1.000" and "1 000" are 1000; "99.95%" and
 * "99,95 %" are 99.95; Arabic-Indic digits count; "9:00" is 9 (so "9 h" and "9:00 Uhr" agree). Sorted, once each.
 */
function numbersIn(text: string): number[] {
  const t = text
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/\u066b/g, '.')
    .replace(/\u066c/g, ',')
    .replace(/(\d{1,2}):00\b/g, '$1')
    .replace(/(\d)[,.\u00a0\u202f\u2009 ](?=\d{3}(?!\d))/g, '$1')
    .replace(/(\d),(\d)/g, '$1.$2');
  return [...new Set((t.match(/\d+(?:\.\d+)?/g) ?? []).map(Number))].sort((a, b) => a - b);
}

/** E-mail addresses and URLs in a text. */
function linksIn(text: string): string[] {
  return [...new Set(text.match(/https?:\/\/[^\s)"]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g) ?? [])].sort();
}

const isEmpty = (value: unknown) => value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

/** Every problem with one overlay (raw file contents) against the base; [] when it is complete and faithful. */
function auditOverlay(overlay: Json, kb: typeof base = base): string[] {
  const problems: string[] = [];
  /** A translated field against its English original: present, same length, same numbers and links, not English. */
  const compare = (where: string, english: unknown, words: unknown, matchOnly = false) => {
    if (isEmpty(english)) return;
    if (isEmpty(words)) return void problems.push(`${where}: missing (the base has it)`);
    const pairs: Array<[string, string | undefined]> = Array.isArray(english)
      ? (words as string[]).map((item, i) => [item, (english as string[])[i]])
      : [[words as string, english as string]];
    if (Array.isArray(english) && !matchOnly && (words as string[]).length !== english.length) {
      problems.push(`${where}: ${(words as string[]).length} items, the base has ${english.length}`);
    }
    pairs.forEach(([text, original], i) => {
      const at = Array.isArray(english) ? `${where}[${i}]` : where;
      const stop = englishWords(text);
      if (stop.length) problems.push(`${at}: English words (${stop.join(', ')}) in "${text}"`);
      if (matchOnly || original === undefined) return;
      if (text === original) problems.push(`${at}: same text as the base, not translated: "${text}"`);
      if (numbersIn(text).join(' ') !== numbersIn(original).join(' ')) {
        problems.push(`${at}: numbers [${numbersIn(text).join(', ')}] differ from the base's [${numbersIn(original).join(', ')}] in "${text}"`);
      }
      if (linksIn(text).join(' ') !== linksIn(original).join(' ')) problems.push(`${at}: links differ from the base's in "${text}"`);
    });
  };
  const company = (overlay.company ?? {}) as Json;
  compare('company.tagline', kb.company.tagline, company.tagline);
  compare('company.description', kb.company.description, company.description);
  for (const [section, fields] of Object.entries(REQUIRED) as Array<[keyof typeof REQUIRED, readonly string[]]>) {
    const words = (overlay[section] ?? {}) as Record<string, Json>;
    for (const entry of kb[section] as unknown as Json[]) {
      const id = entry.id as string;
      const mine = words[id];
      if (!mine) {
        problems.push(`${section}.${id}: missing (the base has this entry)`);
        continue;
      }
      for (const field of fields) compare(`${section}.${id}.${field}`, entry[field], mine[field], MATCH_ONLY.has(field));
      // Optional words the overlay gives anyway (a plan's own name) must not be English either.
      if (typeof mine.name === 'string' && englishWords(mine.name).length) problems.push(`${section}.${id}.name: English words in "${mine.name}"`);
    }
  }
  const policies = (overlay.policies ?? {}) as Json;
  compare('policies.annualDiscountNote', kb.policies.annualDiscountNote, policies.annualDiscountNote);
  compare('policies.mustNotPromise', kb.policies.mustNotPromise, policies.mustNotPromise);
  compare('policies.handoffHours', kb.policies.handoff.hours, policies.handoffHours);
  compare('suggestedQuestions', kb.suggestedQuestions, overlay.suggestedQuestions);
  return problems;
}

/** The words of a merged knowledge base a prospect can be shown or told (not keywords or aliases). */
function shownTexts(kb: typeof base): Array<[string, string]> {
  const out: Array<[string, string]> = [
    ['company.tagline', kb.company.tagline],
    ['company.description', kb.company.description],
    ['policies.annualDiscountNote', kb.policies.annualDiscountNote],
    ['policies.handoff.hours', kb.policies.handoff.hours],
    ...kb.policies.mustNotPromise.map((text, i): [string, string] => [`policies.mustNotPromise[${i}]`, text]),
    ...kb.suggestedQuestions.map((text, i): [string, string] => [`suggestedQuestions[${i}]`, text]),
  ];
  const add = (where: string, values: Array<string | undefined>) => values.forEach((text, i) => text && out.push([`${where}[${i}]`, text]));
  kb.plans.forEach((p) => add(`plan:${p.id}`, [p.name, p.summary, ...p.features]));
  kb.faqs.forEach((f) => add(`faq:${f.id}`, [f.question, f.answer]));
  kb.objections.forEach((o) => add(`objection:${o.id}`, [o.title, o.answer]));
  kb.competitors.forEach((c) => add(`competitor:${c.id}`, [c.summary, ...c.ourAdvantages, ...c.theirStrengths]));
  kb.caseStudies.forEach((s) => add(`case:${s.id}`, [s.industry, s.summary, ...s.results]));
  return out;
}

describe('the shipped overlays are complete translations of the base', () => {
  it.each(OVERLAY_LOCALES)('%s translates every entry and field, with the base numbers and no English left', (locale) => {
    expect(auditOverlay(knowledgeOverlayFiles[locale] as Json)).toEqual([]);
  });

  it.each(OVERLAY_LOCALES)('%s leaves nothing out and shows no English sentence once merged', (locale) => {
    const kb = getLocalizedKnowledgeBase(locale);
    expect(missingPassages(locale)).toEqual([]);
    for (const section of ['faqs', 'objections', 'competitors', 'caseStudies'] as const) {
      expect({ section, ids: kb[section].map((entry) => entry.id) }).toEqual({ section, ids: base[section].map((entry) => entry.id) });
    }
    const english = shownTexts(kb).filter(([, text]) => englishWords(text).length > 0);
    expect(english).toEqual([]);
    // The same count of every shown text as the base, so nothing was silently dropped in the merge.
    expect(shownTexts(kb).length).toBe(shownTexts(base).length);
  });

  it.each(OVERLAY_LOCALES)('%s keeps the base keywords and adds its own, once each', (locale) => {
    const kb = getLocalizedKnowledgeBase(locale);
    kb.objections.forEach((objection, i) => {
      expect(objection.keywords).toEqual(expect.arrayContaining(base.objections[i]!.keywords));
      expect(new Set(objection.keywords.map((k) => k.toLowerCase())).size).toBe(objection.keywords.length);
    });
    expect(kb.caseStudies.every((study, i) => study.keywords.length > base.caseStudies[i]!.keywords.length || locale === 'es')).toBe(true);
  });

  it('offers the locale words to code reading kb.localized[locale]', () => {
    const fr = getLocalizedKnowledgeBase('fr');
    expect(fr.localized.fr).toEqual({ tagline: fr.company.tagline, description: fr.company.description, suggestedQuestions: fr.suggestedQuestions });
    expect(getLocalizedKnowledgeBase('es').localized.es?.description).toBe(getLocalizedKnowledgeBase('es').company.description);
  });

  it('reads numbers the way each locale writes them', () => {
    expect(numbersIn('1,000 runs, 99.95% SLA, TLS 1.2+, 9:00–18:00')).toEqual([1.2, 9, 18, 99.95, 1000]);
    expect(numbersIn('1.000 ejecuciones, SLA del 99,95 %, TLS 1.2+, de 9:00 a 18:00')).toEqual([1.2, 9, 18, 99.95, 1000]);
    expect(numbersIn('1\u202f000 exécutions, 99,95 %, TLS 1.2+, de 9 h à 18 h')).toEqual([1.2, 9, 18, 99.95, 1000]);
    expect(numbersIn('٢٥٠٬٠٠٠ تشغيل و99٫95%')).toEqual([99.95, 250000]);
    expect(numbersIn('250.000 und SOC-2-Bericht')).toEqual([2, 250000]);
  });

  it('finds English sentences but not names or other languages', () => {
    expect(englishWords('Everything in Starter, with the best support')).toEqual(['with', 'the']);
    expect(englishWords('Your data stays in the EU')).toEqual(['your', 'the']);
    expect(englishWords('Todo lo de Starter, con Microsoft Teams y Monday.com')).toEqual([]);
    expect(englishWords('Ein Wechsel? Nicht jetzt, in Ruhe – will ich nicht')).toEqual([]);
    expect(englishWords('On commence par une équipe, or le temps manque')).toEqual([]);
  });

  describe('fails on a broken overlay', () => {
    const fr = () => structuredClone(knowledgeOverlayFiles.fr) as Json & Record<string, Record<string, Json>>;

    it('a missing entry or field', () => {
      const broken = fr();
      delete broken.objections!['no-time'];
      delete broken.competitors!.asana!.theirStrengths;
      delete broken.caseStudies!.acme!.keywords;
      delete (broken.policies as Json).handoffHours;
      delete broken.suggestedQuestions;
      expect(auditOverlay(broken)).toEqual(
        expect.arrayContaining([
          'objections.no-time: missing (the base has this entry)',
          'competitors.asana.theirStrengths: missing (the base has it)',
          'caseStudies.acme.keywords: missing (the base has it)',
          'policies.handoffHours: missing (the base has it)',
          'suggestedQuestions: missing (the base has it)',
        ]),
      );
    });

    it('a price, limit or other number that differs from the base', () => {
      const broken = fr();
      (broken.plans!.pro!.features as string[])[2] = '20 000 exécutions de workflow par mois';
      broken.objections!['just-looking']!.answer = 'Aucune pression. L’essai de 30 jours de l’offre Pro ne demande pas de carte bancaire.';
      (broken.policies as Json).mustNotPromise = [...((knowledgeOverlayFiles.fr as Json).policies as { mustNotPromise: string[] }).mustNotPromise];
      ((broken.policies as Json).mustNotPromise as string[])[3] = 'Une disponibilité au-delà du SLA publié (99,9 % sur Enterprise uniquement)';
      const problems = auditOverlay(broken).join('\n');
      expect(problems).toMatch(/plans\.pro\.features\[2\]: numbers \[20000\] differ from the base's \[25000\]/);
      expect(problems).toMatch(/objections\.just-looking\.answer: numbers \[30\] differ from the base's \[14\]/);
      expect(problems).toMatch(/policies\.mustNotPromise\[3\]: numbers \[99\.9\] differ from the base's \[99\.95\]/);
    });

    it('English left in a field, or a field left identical to the base', () => {
      const broken = fr();
      broken.competitors!.trello!.summary = 'A simple, card-based Kanban tool that many teams start with.';
      broken.caseStudies!.kitestack!.industry = 'Software';
      broken.objections!['too-complex']!.keywords = ['trop complexe', 'hard to use for the team'];
      const problems = auditOverlay(broken).join('\n');
      expect(problems).toMatch(/competitors\.trello\.summary: English words \(that, with\)/);
      expect(problems).toMatch(/competitors\.trello\.summary: same text as the base/);
      expect(problems).toMatch(/caseStudies\.kitestack\.industry: same text as the base/);
      expect(problems).toMatch(/objections\.too-complex\.keywords\[1\]: English words \(to, for, the\)/);
    });

    it('a list with an item dropped', () => {
      const broken = fr();
      broken.caseStudies!.medicore!.results = (broken.caseStudies!.medicore!.results as string[]).slice(0, 2);
      expect(auditOverlay(broken)).toContain('caseStudies.medicore.results: 2 items, the base has 3');
    });
  });
});

describe('overlays are validated with the base, at start-up', () => {
  it('lists every problem of every file, naming the file, the entry and the field', () => {
    const fr = structuredClone(knowledgeOverlayFiles.fr) as Record<string, Record<string, Record<string, unknown>>>;
    fr.objections!['no-time']!.answer = '';
    fr.caseStudies!.acme!.teamSize = 12;
    const de = structuredClone(knowledgeOverlayFiles.de) as Record<string, Record<string, Record<string, unknown>>>;
    de.competitors!.clickup = { summary: 'Ein Tool.' };
    de.competitors!.asana!.ourAdvantages = ['Nur eins'];
    let error: unknown;
    try {
      parseOverlays({ ...knowledgeOverlayFiles, fr, de }, base);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(KnowledgeBaseError);
    const { issues, message } = error as KnowledgeBaseError;
    expect(message).toMatch(/^Invalid knowledge overlays:\n/);
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^knowledge\/knowledge-base\.fr\.json: objections\.no-time\.answer: Too small/),
        expect.stringMatching(/^knowledge\/knowledge-base\.fr\.json: caseStudies\.acme: Unrecognized key: "teamSize"/),
        'knowledge/knowledge-base.de.json: competitors.clickup: The base (knowledge/knowledge-base.json) has no competitors entry with this id',
        'knowledge/knowledge-base.de.json: competitors.asana.ourAdvantages: Has 1 items; the base has 4 (one translation per item, in the same order)',
      ]),
    );
    expect(issues.some((line) => line.includes('.es.json') || line.includes('.ar.json'))).toBe(false);
  });

  it('a bad overlay stops the knowledge base from loading, as a bad base does (start-up and the build call it)', () => {
    const broken = structuredClone(knowledgeOverlayFiles.ar) as Record<string, unknown>;
    broken.plans = { pro: { pricePerSeatMonthly: 1 } };
    jest.isolateModules(() => {
      jest.doMock('@/knowledge/knowledge-base.ar.json', () => broken);
      expect(() => jest.requireActual('@/lib/sales/knowledge')).toThrow(
        /Invalid knowledge overlays:\n {2}- knowledge\/knowledge-base\.ar\.json: plans\.pro: Unrecognized key: "pricePerSeatMonthly"/,
      );
    });
    jest.dontMock('@/knowledge/knowledge-base.ar.json');
  });

  it('loads the shipped overlays and hands them to the merge', () => {
    expect(getKnowledgeOverlay('de').objections?.['no-time']?.title).toBe('Wir haben keine Zeit für einen Wechsel');
    expect(getLocalizedKnowledgeBase('de').objections.find((o) => o.id === 'no-time')?.title).toBe('Wir haben keine Zeit für einen Wechsel');
  });
});

describe('a knowledge base keeps its locale across bundles', () => {
  // Next.js gives instrumentation.ts and each route their own copy of every module. The offline agent (one per
  // process) may be built by one copy and retrieve from knowledge bases another copy built: each copy must still read
  // an Arabic knowledge base as Arabic, or its passages get English titles ("الاحترافية plan").
  async function loadIsolated<T>(load: () => Promise<T>): Promise<T> {
    let loaded: T | undefined;
    await jest.isolateModulesAsync(async () => {
      loaded = await load();
    });
    return loaded as T;
  }

  it('is read as its locale by another copy of the modules, and titles its plan passages in that language', async () => {
    const arabic = (await loadIsolated(() => import('@/lib/sales/knowledge/localized'))).getLocalizedKnowledgeBase('ar');
    const other = await loadIsolated(async () => ({ localized: await import('@/lib/sales/knowledge/localized'), retrieval: await import('@/lib/sales/retrieval') }));
    expect(other.localized.getLocalizedKnowledgeBase('ar')).not.toBe(arabic);
    expect(other.localized.knowledgeLocale(arabic)).toBe('ar');
    const titles = other.retrieval.searchKnowledge('كم سعر الباقة الاحترافية؟', { limit: 4, kb: arabic }).map((passage) => passage.title);
    expect(titles.some((title) => title.startsWith('باقة'))).toBe(true);
    expect(titles.join(' ')).not.toMatch(/[A-Za-z]{2,}/);
  });
});
