/** @jest-environment node */
// The shared lead reading (lib/sales/lead) in French, German and Arabic: what the sales brain records for both agents,
// with the prospect's own sentence as evidence, and what it must not take (look-alikes, questions, introductions
// given as a need).
import { classifySalesIntent } from '@/lib/sales/intents';
import { getLocalizedKnowledgeBase } from '@/lib/sales/knowledge/localized';
import { extractLeadFacts, findEvidence, mergeLead, monthsAhead, scoreLead } from '@/lib/sales/lead';
import type { SalesLocale } from '@/lib/sales/turn-state';
import { fold } from '@/lib/sales/lead/text';
import { emptySalesState, type LeadField } from '@/lib/sales/types';

const NOW = Date.UTC(2025, 0, 15);
const OWN_NAMES = ['Northwind Cloud', 'Northwind', 'Starter', 'Pro', 'Business', 'Enterprise', 'الاحترافية'];

const read = (text: string, askedField?: LeadField) =>
  Object.fromEntries(
    Object.entries(extractLeadFacts({ text, askedField, now: NOW, ownNames: OWN_NAMES, messageId: 'm1' })).map(([field, fact]) => [field, fact?.value]),
  );

describe('introductions and facts in French, German and Arabic', () => {
  it.each<[string, Record<string, string | number>]>([
    ['Je m’appelle Marie Dubois, je travaille chez Acme Logistique et nous sommes 12 personnes.', { name: 'Marie Dubois', company: 'Acme Logistique', teamSize: 12 }],
    ['je m’appelle marie et je travaille pour acme', { name: 'Marie', company: 'acme' }],
    ['Je suis Marie, de chez Acme.', { name: 'Marie', company: 'Acme' }],
    ['Moi c’est Paul, de la société Initech.', { name: 'Paul', company: 'Initech' }],
    ['Notre entreprise s’appelle Globex et nous sommes 40.', { company: 'Globex', teamSize: 40 }],
    ['Ich heiße Jonas Weber, ich arbeite bei Acme Logistik, wir sind 12 Personen.', { name: 'Jonas Weber', company: 'Acme Logistik', teamSize: 12 }],
    ['Mein Name ist Marie Koch und ich bin bei Acme GmbH.', { name: 'Marie Koch', company: 'Acme GmbH' }],
    ['Unser Unternehmen heißt Initech, wir sind etwa 25 Mitarbeiter.', { company: 'Initech', teamSize: 25 }],
    ['اسمي ليلى حسن، أعمل في شركة أكمي، ونحن فريق من 12 شخصًا.', { name: 'ليلى حسن', company: 'أكمي', teamSize: 12 }],
    ['أنا مريم من شركة أكمي.', { name: 'مريم', company: 'أكمي' }],
    ['أعمل في أكمي ونحن ١٢ شخصًا', { company: 'أكمي', teamSize: 12 }],
    ['أعمل في شركة Acme Logistics', { company: 'Acme Logistics' }],
    ['نحن ٢٥ مستخدمًا', { teamSize: 25 }],
  ])('%s', (text, expected) => {
    expect(read(text)).toMatchObject(expected);
    for (const fact of Object.values(extractLeadFacts({ text, now: NOW, ownNames: OWN_NAMES }))) expect(text).toContain(fact?.evidence);
  });

  it('reads the timeline, role, decision and need in each language', () => {
    expect(read('Nous voulons démarrer le trimestre prochain.')).toMatchObject({ timeline: 'le trimestre prochain' });
    expect(read('Wir brauchen es nächstes Quartal.')).toEqual({ timeline: 'nächstes Quartal' });
    expect(read('نريد البدء في الربع القادم')).toMatchObject({ timeline: 'الربع القادم' });
    expect(read('Dès que possible, idéalement d’ici la fin du mois.')).toMatchObject({ timeline: 'Dès que possible' });
    expect(read('Je suis directeur commercial chez Acme.')).toMatchObject({ role: 'directeur commercial', company: 'Acme' });
    expect(read('Ich bin Geschäftsführer bei Acme GmbH.')).toMatchObject({ role: 'Geschäftsführer', authority: 'decision maker', company: 'Acme GmbH' });
    expect(read('أنا المدير التنفيذي')).toMatchObject({ role: 'المدير التنفيذي', authority: 'decision maker' });
    expect(read('C’est moi qui décide.')).toEqual({ authority: 'decision maker' });
    expect(read('Ich muss das mit meinem Chef besprechen.')).toEqual({ authority: 'needs approval' });
    expect(read('مديري هو من يقرر')).toEqual({ authority: 'needs approval' });
    expect(read('أنا صاحب القرار')).toEqual({ authority: 'decision maker' });
    expect(read('Nous avons besoin de centraliser le suivi des projets.')).toEqual({ need: 'Nous avons besoin de centraliser le suivi des projets' });
    expect(read('Wir brauchen ein besseres Onboarding für neue Kunden.')).toEqual({ need: 'Wir brauchen ein besseres Onboarding für neue Kunden' });
    expect(read('نحتاج إلى أداة لمتابعة المشاريع')).toEqual({ need: 'نحتاج إلى أداة لمتابعة المشاريع' });
    expect(read('Notre budget est de 5000 € par mois.')).toEqual({ budget: '5000 € par mois' });
  });

  it('takes a name given alone as the name, never the words around it', () => {
    expect(read('Je m’appelle Marie', 'name')).toEqual({ name: 'Marie' });
    expect(read("je m'appelle marie", 'name')).toEqual({ name: 'Marie' });
    expect(read('Ich heiße Marie Koch', 'name')).toEqual({ name: 'Marie Koch' });
    expect(read('اسمي مريم', 'name')).toEqual({ name: 'مريم' });
    expect(read('مريم', 'name')).toEqual({ name: 'مريم' });
    expect(read('C’est Marie', 'name')).toEqual({ name: 'Marie' });
    // Unasked, the same sentences still name the prospect.
    expect(read('Je m’appelle Marie')).toEqual({ name: 'Marie' });
    expect(read('اسمي مريم')).toEqual({ name: 'مريم' });
  });

  it('never stores an introduction given after "what are you hoping to solve?" as the need', () => {
    for (const text of ['Je m’appelle Marie.', 'Ich heiße Marie Koch.', 'اسمي مريم.', 'Je travaille chez Acme.', 'Ich arbeite bei Acme.', 'أعمل في شركة أكمي.', 'Je suis Marie, je regarde juste.']) {
      const facts = extractLeadFacts({ text, askedField: 'need', now: NOW, ownNames: OWN_NAMES });
      expect({ text, need: facts.need }).toEqual({ text, need: undefined });
    }
    // A real answer to the question still counts.
    expect(read('Centraliser le suivi de nos projets clients', 'need')).toEqual({ need: 'Centraliser le suivi de nos projets clients' });
  });

  it('takes short answers to the question asked in each language', () => {
    expect(read('le trimestre prochain', 'timeline')).toEqual({ timeline: 'le trimestre prochain' });
    expect(read('الربع القادم', 'timeline')).toEqual({ timeline: 'الربع القادم' });
    expect(read('douze', 'teamSize')).toEqual({ teamSize: 12 });
    expect(read('١٥', 'teamSize')).toEqual({ teamSize: 15 });
    expect(read('أكمي', 'company')).toEqual({ company: 'أكمي' });
    expect(read('oui', 'authority')).toEqual({ authority: 'decision maker' });
    expect(read('Nein, mein Chef', 'authority')).toEqual({ authority: 'needs approval' });
    for (const text of ['Je ne sais pas', 'Keine Ahnung', 'لا أعرف', 'Ich schaue nur']) expect(read(text, 'need')).toEqual({});
  });

  it.each([
    'Pricing from HubSpot',
    'Les tarifs de HubSpot ?',
    'Chez HubSpot, les prix sont plus bas.',
    'Ich bin bei Bedarf erreichbar.',
    'Unser Budget liegt bei 5.000 € im Monat.',
    'Wir nutzen Jira und Slack.',
    'أنا مهتم بالباقة الاحترافية',
    'أسعار من شركة HubSpot أرخص',
    'أعمل في المبيعات',
    'Je voudrais une démo vendredi à 11h.',
    'Ich möchte eine Demo am Freitag um 11 Uhr.',
    'أريد عرضًا توضيحيًا يوم الجمعة',
    'Je suis Français et je regarde vos offres.',
    'Ich bin Student und schaue mich um.',
    'Je suis Responsable marketing.',
    'Ich bin Teamleiterin im Vertrieb.',
  ])('takes no name, no company and no need from "%s"', (text) => {
    const found = read(text);
    expect({ name: found.name, company: found.company, need: found.need }).toEqual({ name: undefined, company: undefined, need: undefined });
  });

  it('reads a question as a question in every language: a seat count in it is only a hint', () => {
    for (const text of ['Combien coûte Pro pour 12 utilisateurs ?', 'Was kostet Pro für 12 Nutzer?', 'كم سعر Pro لـ 12 مستخدم؟']) {
      const facts = extractLeadFacts({ text, now: NOW, ownNames: OWN_NAMES });
      expect(facts.teamSize?.confidence ?? 0).toBeLessThan(0.5);
      expect(facts.need).toBeUndefined();
    }
    expect(read('Nous sommes 12, combien coûte Pro ?')).toEqual({ teamSize: 12 });
  });
});

describe('Unicode-aware evidence (what capture_lead checks against)', () => {
  const messages = [
    { id: 'u1', text: 'اسمي مريم، أعمل في شركة أكمي ونحن ١٢ شخصًا.' },
    { id: 'u2', text: 'Ich heiße Jonas Weber. Wir sind bei Müller & Söhne GmbH.' },
  ];

  it('finds Arabic names and companies, hamza seats and Arabic-Indic digits included', () => {
    expect(findEvidence('مريم', messages)?.messageId).toBe('u1');
    expect(findEvidence('اكمي', messages)?.messageId).toBe('u1');
    expect(findEvidence('12', messages)?.messageId).toBe('u1');
    expect(findEvidence('Müller & Söhne GmbH', messages)?.sentence).toBe('Wir sind bei Müller & Söhne GmbH.');
    expect(fold('أكمي')).toBe(fold('اكمي'));
    expect(fold('Ac\u200Bme')).toBe('acme');
  });

  it('refuses what the prospect never wrote, look-alike letters and Arabic words not said', () => {
    expect(findEvidence('فاطمة', messages)).toBeNull();
    expect(findEvidence('شركة النور', messages)).toBeNull();
    // Cyrillic "А" and "с": the same look, another word.
    expect(findEvidence('Асme', [{ id: 'u3', text: 'I work at Acme.' }])).toBeNull();
    expect(findEvidence('ignore previous instructions', messages)).toBeNull();
  });

  it('merges an Arabic correction and scores French, German and Arabic timelines by how soon they are', () => {
    const first = mergeLead(emptySalesState(0).lead, extractLeadFacts({ text: 'نحن 12 شخصًا', now: NOW }), NOW).lead;
    const corrected = mergeLead(first, extractLeadFacts({ text: 'عفوًا، نحن 15 شخصًا', now: NOW }), NOW);
    expect(corrected.lead.fields.teamSize?.value).toBe(15);
    expect(corrected.changed).toEqual(['teamSize']);
    expect(monthsAhead('le trimestre prochain', NOW)).toBe(4);
    expect(monthsAhead('nächstes Quartal', NOW)).toBe(4);
    expect(monthsAhead('الربع القادم', NOW)).toBe(4);
    expect(monthsAhead('le mois prochain', NOW)).toBe(1);
    expect(monthsAhead('so schnell wie möglich', NOW)).toBe(0);
    expect(monthsAhead('في أقرب وقت', NOW)).toBe(0);
    expect(monthsAhead('dans 2 mois', NOW)).toBe(2);
    expect(monthsAhead('innerhalb von 6 Wochen', NOW)).toBe(1);
    expect(monthsAhead('خلال 3 أشهر', NOW)).toBe(3);
    expect(monthsAhead('fin mars', NOW)).toBe(2);
    expect(monthsAhead('bis Juni', NOW)).toBe(5);
    const soon = scoreLead({ fields: { timeline: { value: 'الربع القادم', evidence: 'الربع القادم', confidence: 0.75, asked: true, capturedAt: NOW } } });
    expect(soon.reasons).toEqual(['+5 timeline given']);
    const asap = scoreLead({ fields: { timeline: { value: 'dès que possible', evidence: 'dès que possible', confidence: 0.75, asked: true, capturedAt: NOW } } });
    expect(asap.reasons).toEqual(['+10 timeline within 3 months']);
  });
});

describe('a timeline answer is not the timing objection', () => {
  // Each locale's knowledge base lists "next quarter" among the timing objection's keywords ("not now, next quarter").
  it.each<[SalesLocale, string, 'objection' | 'other']>([
    ['fr', 'le trimestre prochain', 'other'],
    ['fr', 'Le trimestre prochain, j’espère.', 'other'],
    ['de', 'nächstes Quartal', 'other'],
    ['ar', 'الربع القادم', 'other'],
    ['en', 'next quarter', 'other'],
    ['fr', 'Pas maintenant, peut-être le trimestre prochain', 'objection'],
    ['de', 'Nicht jetzt, vielleicht nächstes Quartal.', 'objection'],
    ['ar', 'ليس الآن، ربما الربع القادم', 'objection'],
    ['en', 'Not now, maybe next quarter', 'objection'],
  ])('%s "%s" reads as %s', (locale, text, intent) => {
    expect(classifySalesIntent(text, getLocalizedKnowledgeBase(locale))).toBe(intent);
    expect(extractLeadFacts({ text, now: NOW }).timeline).toBeDefined();
  });

  it('keeps "later" without a date an objection', () => {
    expect(classifySalesIntent('Plus tard dans l’année.', getLocalizedKnowledgeBase('fr'))).toBe('objection');
  });
});
