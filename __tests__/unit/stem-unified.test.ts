/** @jest-environment node */
import { contentWords, stem, wordTokens } from '@/lib/llm/offline/text';
import { getLocalizedKnowledgeBase } from '@/lib/sales/knowledge/localized';
import { processTerm, searchKnowledge } from '@/lib/sales/retrieval';
import { foldTerm, normalizeTerm, termWords } from '@/lib/sales/text-stem';
import type { SalesLocale } from '@/lib/sales/turn-state';

/**
 * One stemmer (lib/sales/text-stem): the knowledge-base search (processTerm, on the passages it indexes and on every
 * query) and the offline agent's matching (wordTokens, contentWords) cut text into the same words and stem each word
 * the same way, so an Arabic question with a prefix ("وللإلغاء؟", "وبالأمان") finds its entry in both.
 */

const top = (query: string, locale: SalesLocale, limit = 4) =>
  searchKnowledge(query, { kb: getLocalizedKnowledgeBase(locale), limit }).map((passage) => passage.id);

const WORDS: Record<SalesLocale, string[]> = {
  en: ['Integrations', 'plans', 'discounts', 'nonprofits', 'companies', 'Security', 'SSO', 'class', 'status', 'pricing', 'SOC', 'onboarding'],
  es: ['Integraciones', 'sesión', 'facturación', 'descuentos', 'seguridad', 'precios', 'cancelación', 'prueba', 'Herramientas'],
  fr: ['intégrations', 'sécurité', 'données', 'résilier', 'remises', 'essai', 'Facturation', 'prise', 'outils'],
  de: ['Integrationen', 'Sicherheit', 'Rabatte', 'kündigen', 'Testphase', 'Daten', 'Größe', 'Abrechnung', 'Preise'],
  ar: [
    'والسعر', 'بالأمان', 'الأسعار', 'سعر', 'وللإلغاء', 'بياناتنا', 'آمنة', 'مجانية', 'الباقة', 'تُخزَّن', 'شهريًا',
    'للتكاملات', 'فالتجربة', 'كالعادة', 'مستوى', 'وبالخصومات', 'الفوترة', 'الإعداد', 'مكلفة', 'غالية',
  ],
};

describe('one stem for retrieval and the offline agent', () => {
  it.each(Object.entries(WORDS))('%s: processTerm gives the stem the offline agent compares', (_locale, words) => {
    for (const word of words) {
      expect(processTerm(word)).not.toBeNull();
      expect([processTerm(word)]).toEqual(wordTokens(word));
      expect(processTerm(word)).toBe(stem(foldTerm(word)));
      expect(processTerm(word)).toBe(normalizeTerm(word));
    }
  });

  it('stems as before: plurals, accents, Arabic prefixes, possessive and feminine endings, vowel marks', () => {
    const expected: Record<string, string> = {
      Integrations: 'integration', companies: 'company', discounts: 'discount', class: 'class', status: 'status',
      sesión: 'sesion', Integraciones: 'integracione', sécurité: 'securite', Größe: 'große', kündigen: 'kundigen',
      والسعر: 'سعر', بالأمان: 'امان', الأسعار: 'اسعار', وللإلغاء: 'الغاء', بياناتنا: 'بيانات', آمنة: 'امن',
      مجانية: 'مجاني', تُخزَّن: 'تخزن', شهريًا: 'شهريا', مستوى: 'مستوي', وبالخصومات: 'خصومات', فالتجربة: 'تجرب',
    };
    for (const [word, stemmed] of Object.entries(expected)) {
      expect(processTerm(word)).toBe(stemmed);
      expect(wordTokens(word)).toEqual([stemmed]);
    }
  });

  it('cuts a sentence into the same words; only the stop words differ (each side keeps its own list)', () => {
    const sentences = [
      'Do you have SSO and SOC-2 integrations?',
      '¿Tienen inicio de sesión único (SSO)?',
      'Proposez-vous l’authentification unique (SSO) ?',
      'Unterstützen Sie Single Sign-on (SSO)?',
      'أين تُخزَّن بياناتنا؟ وبالأمان، هل هي آمنة؟',
    ];
    for (const sentence of sentences) {
      const words = termWords(sentence);
      expect(wordTokens(sentence)).toEqual(words.map(stem));
      for (const word of words) expect([null, stem(word)]).toContain(processTerm(word));
      for (const word of contentWords(sentence)) expect(words.map((raw) => processTerm(raw) ?? stem(raw))).toContain(word);
    }
    // A vowel mark no longer cuts an Arabic word in pieces ("تُخزَّن" was "ت", "خز", "ن" to the search).
    expect(termWords('أين تُخزَّن بياناتنا؟')).toEqual(['اين', 'تخزن', 'بياناتنا']);
  });

  it('keeps the stop words out of the search', () => {
    for (const word of ['the', 'do', 'you', 'los', 'avec', 'und', 'هل', 'في', 'على']) expect(processTerm(word)).toBeNull();
    expect(searchKnowledge('هل في')).toEqual([]);
  });
});

describe('Arabic questions with prefixes find their knowledge-base entries', () => {
  // Each of these found nothing, or the wrong entry first, when the search stripped only ال/وال/بال/فال/كال/لل.
  const cases: Array<[query: string, id: string]> = [
    ['وبالأمان؟', 'faq:security'],
    ['وبالتشفير؟', 'faq:security'],
    ['وللإلغاء؟', 'faq:cancellation'],
    ['وللدعم؟', 'faq:support'],
    ['وبالدعم الفني', 'faq:support'],
    ['فللتكامل', 'faq:integrations'],
    ['وبالتكامل مع سلاك', 'faq:integrations'],
    ['وللتجربة', 'faq:trial'],
    ['وبالفوترة', 'faq:billing'],
    ['وللفوترة', 'faq:billing'],
    ['وبالإعداد', 'faq:onboarding'],
    ['وللترحيل', 'faq:onboarding'],
    ['وبالاستضافة', 'faq:data-residency'],
    ['وبالموافقة', 'objection:need-approval'],
    ['ومعقدة', 'objection:too-complex'],
    ['غالية جدا', 'objection:too-expensive'],
    ['الأسعار مرتفعة', 'objection:too-expensive'],
  ];

  it.each(cases)('%s → %s', (query, id) => {
    expect(top(query, 'ar')[0]).toBe(id);
  });

  it('finds discounts and prices behind "وبال" / "ولل"', () => {
    expect(top('وبالخصومات', 'ar').slice(0, 2).sort()).toEqual(['faq:discounts', 'policy:discounts']);
    expect(top('وللخصم', 'ar').slice(0, 2).sort()).toEqual(['faq:discounts', 'policy:discounts']);
    expect(top('وبالأسعار', 'ar')[0]).toMatch(/^plan:/);
  });

  it('still finds what it found before', () => {
    expect(top('والسعر غالي', 'ar')[0]).toBe('objection:too-expensive');
    expect(top('هل بياناتنا آمنة؟', 'ar')[0]).toBe('faq:security');
    expect(top('أين تُخزَّن بياناتنا؟', 'ar')[0]).toBe('faq:data-residency');
    expect(top('هل تدعمون تسجيل الدخول الموحد (SSO)؟', 'ar')[0]).toBe('faq:sso');
    expect(top('كم سعر الباقة الاحترافية؟', 'ar')[0]).toBe('plan:pro');
    expect(top('والتجربة مجانية؟', 'ar')[0]).toBe('faq:trial');
    expect(top('ونستخدم الأداة الحالية', 'ar')[0]).toBe('objection:already-use-competitor');
  });

  it('a keyword with "وب"/"وبال" or "ولل" glued in front finds what the bare keyword finds', () => {
    const kb = getLocalizedKnowledgeBase('ar');
    const keywords = [...kb.faqs, ...kb.objections]
      .flatMap((entry) => entry.keywords)
      .filter((keyword) => /^[\u0600-\u06FF]+$/u.test(keyword) && processTerm(keyword) !== null);
    expect(keywords.length).toBeGreaterThan(40);
    for (const keyword of keywords) {
      const bare = foldTerm(keyword).replace(/^ال/u, '');
      const expected = top(keyword, 'ar');
      expect(expected.length).toBeGreaterThan(0);
      expect(top(`وبال${bare}`, 'ar')).toEqual(expected);
      if (!bare.startsWith('ل')) expect(top(`ولل${bare}`, 'ar')).toEqual(expected);
      // The offline agent reads the prefixed word as the same word too.
      expect(wordTokens(`وبال${bare}`)).toEqual(wordTokens(keyword));
    }
  });
});

describe('English, Spanish, French and German results do not change', () => {
  // Top results pinned before the stemmers were unified.
  const pinned: Record<Exclude<SalesLocale, 'ar'>, Array<[string, string]>> = {
    en: [
      ['How do you keep our data secure?', 'faq:security'],
      ['Do you support single sign-on (SSO)?', 'faq:sso'],
      ['Where is our data stored?', 'faq:data-residency'],
      ['Is there a free trial?', 'faq:trial'],
      ['Can we cancel at any time?', 'faq:cancellation'],
      ['Which tools do you integrate with?', 'faq:integrations'],
      ['How does billing work?', 'faq:billing'],
      ['Can we change plans later?', 'faq:change-plan'],
      ["It's too expensive", 'objection:too-expensive'],
      ['We already use another tool', 'objection:already-use-competitor'],
      ['I need approval from someone else', 'objection:need-approval'],
      ['It looks too complex for us', 'objection:too-complex'],
      ['How much is Pro for 25 people?', 'plan:pro'],
    ],
    es: [
      ['¿Cómo protegen nuestros datos?', 'faq:security'],
      ['¿Tienen inicio de sesión único (SSO)?', 'faq:sso'],
      ['¿Dónde se guardan nuestros datos?', 'faq:data-residency'],
      ['¿Hay una prueba gratuita?', 'faq:trial'],
      ['¿Podemos cancelar en cualquier momento?', 'faq:cancellation'],
      ['¿Qué soporte ofrecen?', 'faq:support'],
      ['¿Ofrecen descuentos?', 'faq:discounts'],
      ['¿Cómo funciona la facturación?', 'faq:billing'],
      ['Es demasiado caro', 'objection:too-expensive'],
      ['Ya usamos otra herramienta', 'objection:already-use-competitor'],
      ['Nos preocupa la seguridad', 'objection:security-concerns'],
      ['Parece demasiado complejo para nosotros', 'objection:too-complex'],
    ],
    fr: [
      ['Comment protégez-vous nos données ?', 'faq:security'],
      ['Proposez-vous l’authentification unique (SSO) ?', 'faq:sso'],
      ['Où nos données sont-elles stockées ?', 'faq:data-residency'],
      ['Y a-t-il un essai gratuit ?', 'faq:trial'],
      ['Pouvons-nous résilier à tout moment ?', 'faq:cancellation'],
      ['Proposez-vous des remises ?', 'faq:discounts'],
      ['Comment fonctionne la facturation ?', 'faq:billing'],
      ['Pourrons-nous changer d’offre plus tard ?', 'faq:change-plan'],
      ['C’est trop cher', 'objection:too-expensive'],
      ['Nous utilisons déjà un autre outil', 'objection:already-use-competitor'],
      ['Nous avons des inquiétudes sur la sécurité', 'objection:security-concerns'],
      ['Je dois obtenir l’accord de quelqu’un d’autre', 'objection:need-approval'],
    ],
    de: [
      ['Wie schützen Sie unsere Daten?', 'faq:security'],
      ['Unterstützen Sie Single Sign-on (SSO)?', 'faq:sso'],
      ['Wo werden unsere Daten gespeichert?', 'faq:data-residency'],
      ['Gibt es eine kostenlose Testphase?', 'faq:trial'],
      ['Können wir jederzeit kündigen?', 'faq:cancellation'],
      ['Mit welchen Tools lässt sich Northwind Cloud verbinden?', 'faq:integrations'],
      ['Gibt es Rabatte?', 'faq:discounts'],
      ['Wie funktioniert die Abrechnung?', 'faq:billing'],
      ['Das ist zu teuer', 'objection:too-expensive'],
      ['Wir nutzen schon ein anderes Tool', 'objection:already-use-competitor'],
      ['Wir haben Sicherheitsbedenken', 'objection:security-concerns'],
      ['Das wirkt zu kompliziert für uns', 'objection:too-complex'],
    ],
  };

  for (const [locale, questions] of Object.entries(pinned) as Array<[Exclude<SalesLocale, 'ar'>, Array<[string, string]>]>) {
    it.each(questions)(`${locale}: %s → %s`, (question, id) => {
      expect(top(question, locale)[0]).toBe(id);
    });
  }
});
