// The pieces behind the agent's conversational memory: which question a reply asks, which sources a reply used,
// what counts as an unclear message or a recall question, and how repeats are avoided.
import { asksAboutCompany, recallQuestion } from '@/lib/llm/offline/understanding';
import { avoidRepeats, pickFresh } from '@/lib/llm/offline/variety';
import { fieldsAskedIn } from '@/lib/sales/asked-questions';
import { getKnowledgeBase } from '@/lib/sales/knowledge';
import { memoryLines, statedTools } from '@/lib/sales/memory';
import { questionFor } from '@/lib/sales/playbook';
import type { Passage } from '@/lib/sales/retrieval';
import { sourcesForReply } from '@/lib/sales/sources';
import { emptySalesState, LEAD_FIELDS } from '@/lib/sales/types';
import { isUnclear } from '@/lib/sales/unclear';
import { LOCALES } from '@/lib/i18n/locales';

const kb = getKnowledgeBase();

describe('fieldsAskedIn', () => {
  it.each(LEAD_FIELDS.flatMap((field) => LOCALES.flatMap((locale) => [0, 1].map((times) => [field, locale, times] as const))))(
    'reads the %s question (%s, asked %i times before)',
    (field, locale, times) => {
      expect(fieldsAskedIn(`Thanks!\n\n${questionFor(field, locale, times)}`)).toEqual([field]);
    },
  );

  it('words the second ask differently and ignores statements', () => {
    expect(questionFor('timeline', 'en', 1)).not.toBe(questionFor('timeline', 'en', 0));
    expect(fieldsAskedIn('Your team of 25 fits Pro. Budget noted.')).toEqual([]);
  });

  it('reads the playbook’s French, German and Arabic questions inside a reply, in order, and nothing else', () => {
    expect(fieldsAskedIn(`Merci, c’est noté. ${questionFor('timeline', 'fr')}\n\n${questionFor('email', 'fr', 1)}`)).toEqual(['timeline', 'email']);
    expect(fieldsAskedIn(`Danke! ${questionFor('teamSize', 'de', 1)}`)).toEqual(['teamSize']);
    // The reworded phone question is two question sentences; both read as the phone.
    expect(fieldsAskedIn(questionFor('phone', 'ar', 1))).toEqual(['phone']);
    expect(fieldsAskedIn(`شكرًا. ${questionFor('authority', 'ar')}`)).toEqual(['authority']);
    for (const other of ['Voulez-vous voir une démo ?', 'Avez-vous d’autres questions ?', 'Möchten Sie eine Demo sehen?', 'Haben Sie noch Fragen?', 'هل تود رؤية عرض توضيحي؟', 'هل لديك أي أسئلة أخرى؟']) {
      expect({ other, asked: fieldsAskedIn(other) }).toEqual({ other, asked: [] });
    }
    // A statement that repeats a question's words is not a question.
    expect(fieldsAskedIn('Vous m’avez indiqué votre taille d’équipe : 12.')).toEqual([]);
  });
});

describe('sourcesForReply', () => {
  const passage = (id: string, kind: Passage['kind'], title: string, text: string): Passage => ({ id, kind, title, text, score: 1 });
  const passages = [
    passage('objection:too-expensive', 'objection', "It's too expensive", 'That is a fair concern — the useful comparison is cost against the time it saves.'),
    passage('plan:pro', 'plan', 'Pro plan', 'Pro: $29 per seat per month.'),
    passage('plan:business', 'plan', 'Business plan', 'Business: $49 per seat per month.'),
    passage('faq:sso', 'faq', 'Do you support single sign-on (SSO)?', 'SAML single sign-on with Okta is included in Business.'),
  ];

  it('shows only the passages the reply used, never internal playbook entries', () => {
    const reply = 'That is a fair concern — the useful comparison is cost against the time it saves. **Pro** is $29 per seat per month.';
    expect(sourcesForReply(reply, passages).map((entry) => entry.id)).toEqual(['plan:pro']);
    expect(sourcesForReply('SAML single sign-on with Okta is included in Business.', passages).map((entry) => entry.id)).toEqual(['plan:business', 'faq:sso']);
  });
});

describe('reading the message', () => {
  it.each(['asdkjh qwe', 'lkjsdf lkj zzq', '???', 'asdfgh qwerty', 'مرحبا asdkjh qwe'])('finds %p unclear', (text) => expect(isUnclear(text)).toBe(true));
  it.each([
    'We use Jira heavily', '25', 'Hola', 'ok thanks', 'SSO?',
    // Arabic is never keyboard mashing (no Latin vowels to find); nor are French and German words with their accents.
    'اسمي مريم', 'ما حجم فريقي الذي ذكرته لك؟', 'نحن ١٢', '١٢', 'كم سعر Pro؟', 'Tschüss', 'Deutschland', 'Rechtsschutzversicherung', 'Je m’appelle Marie', 'Ich heiße Marie Koch',
  ])('finds %p clear', (text) => expect(isUnclear(text)).toBe(false));

  it('recognises recall questions and the facts they ask about', () => {
    expect(recallQuestion('What did I say my team size was?')).toEqual(['teamSize']);
    expect(recallQuestion('Which company did I say I’m with?')).toEqual(['company']);
    expect(recallQuestion('¿Cuántas personas dije que éramos?')).toEqual(['teamSize']);
    expect(recallQuestion('What tools did I say we use?')).toEqual(['tools']);
    expect(recallQuestion('How many people can use Pro?')).toBeUndefined();
    // "need" as a verb beside a team-size question is not the goal; named as a noun, it is.
    expect(recallQuestion('How many seats did I say we need?')).toEqual(['teamSize']);
    expect(recallQuestion('What did I say our team size and main problem were?')).toEqual(['teamSize', 'need']);
    expect(recallQuestion('What did I say we need?')).toEqual(['need']);
  });

  it('recognises "what do you do" in any wording', () => {
    for (const text of ['What does Northwind Cloud do?', 'what do you guys do?', 'Tell me more about your product', '¿Qué hace Northwind?']) {
      expect(asksAboutCompany(text, kb)).toBe(true);
    }
    expect(asksAboutCompany('What does Pro include?', kb)).toBe(false);
  });

  it('takes tools from statements, not from questions', () => {
    expect(statedTools('We use Salesforce and Jira', kb).map((tool) => tool.name)).toEqual(['Salesforce', 'Jira']);
    expect(statedTools('Why not just use HubSpot?', kb)).toEqual([]);
  });
});

describe('variety', () => {
  const previous = ['**Pro** is **$29 per seat per month** billed monthly. For growing teams that automate their workflows.'];

  it('drops sentences said in the last replies, and recaps a price asked for again', () => {
    expect(avoidRepeats(['**Pro** is **$29 per seat per month** billed monthly. It covers 3–250 seats today.'], previous, 'As I mentioned,')).toEqual([
      // The recap where the price stood: before what followed it.
      'As I mentioned, **Pro** is **$29 per seat per month** billed monthly.',
      'It covers 3–250 seats today.',
    ]);
    expect(pickFresh(['For growing teams that automate their workflows.', 'Another way to say it here.'], previous)).toBe('Another way to say it here.');
  });
});

describe('memoryLines', () => {
  it('lists each fact with the prospect’s words and what was already asked', () => {
    const state = { ...emptySalesState(0), asked: { need: 2 }, tools: [{ name: 'Jira', evidence: 'We use Jira heavily' }] };
    state.lead.fields.teamSize = { value: 25, evidence: 'team of 25', confidence: 0.85, asked: false, capturedAt: 0 };
    expect(memoryLines(state, kb)).toEqual([
      '- team size: 25 (they said: "team of 25")',
      '- uses Jira (they said: "We use Jira heavily")',
      '- you already asked about: need (2×)',
    ]);
  });
});

describe('avoidRepeats: a recap keeps a name\'s capital', () => {
  it('"BrightPath" and a name the knowledge base knows stay capitalised after "As I mentioned,"; other words do not', () => {
    const said = 'BrightPath, a 35-person agency, runs every client campaign on shared boards and gives clients free guest access.';
    expect(avoidRepeats([said], [said], 'As I mentioned,')).toEqual([`As I mentioned, ${said}`]);
    const asana = 'Asana is a widely used work-management tool for task tracking.';
    expect(avoidRepeats([asana], [asana], 'As I mentioned,', undefined, ['Asana'])).toEqual([`As I mentioned, ${asana}`]);
    expect(avoidRepeats([asana], [asana], 'As I mentioned,')).toEqual([`As I mentioned, a${asana.slice(1)}`]);
    // A name is a whole word: "Pro" does not keep the capital of "Procurement".
    const procurement = 'Procurement teams usually ask for the security pack first.';
    expect(avoidRepeats([procurement], [procurement], 'As I mentioned,', undefined, ['Pro'])).toEqual([`As I mentioned, p${procurement.slice(1)}`]);
  });
});

describe('avoidRepeats: a lead-in and its list', () => {
  it('drops "Where … is stronger:" when every line of the list it introduced was said before, and keeps a lead-in whose list is new', () => {
    const previous = ['- No-code workflow automation included from the Starter plan\n- Cross-team dashboards and time tracking on Pro'];
    const reply = avoidRepeats(
      [
        'How Northwind Cloud compares with Asana: a widely used tool.',
        'Where Northwind Cloud is stronger:',
        '- No-code workflow automation included from the Starter plan\n- Cross-team dashboards and time tracking on Pro',
        'Where Asana is strong:',
        '- A mature product with a large user community',
      ],
      previous,
      'As I mentioned,',
    );
    expect(reply).not.toContain('Where Northwind Cloud is stronger:');
    expect(reply).toContain('Where Asana is strong:');
    expect(reply.join('\n\n')).not.toMatch(/:\n\n(?!- )|:\s*$/);
  });
});
