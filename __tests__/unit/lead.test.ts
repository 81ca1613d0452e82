/** @jest-environment node */
import {
  extractLeadFacts,
  findEvidence,
  LEAD_SCORE_TABLE,
  leadSummary,
  mergeLead,
  monthsAhead,
  QUESTION_HINT_CONFIDENCE,
  scoreLead,
  type LeadFacts,
} from '@/lib/sales/lead';
import { splitSentences } from '@/lib/sales/sentences';
import { emptySalesState, LEAD_FIELDS, type LeadField, type LeadRecord } from '@/lib/sales/types';

const NOW = Date.UTC(2025, 0, 15); // mid-January: "by March" is two months away
const OWN_NAMES = ['Northwind Cloud', 'Northwind', 'Starter', 'Pro', 'Business', 'Enterprise'];

interface Case {
  text: string;
  asked?: LeadField;
  expect: Partial<Record<LeadField, string | number>>;
  /** Fields whose evidence is not the whole text: the exact sentence expected. */
  evidence?: Partial<Record<LeadField, string>>;
  /** Fields that must not be extracted. */
  absent?: LeadField[];
}

const CASES: Case[] = [
  {
    text: "Hi, I'm Ana Pérez, the CTO at Acme Corp. We need to automate onboarding for about 40 people.",
    expect: { name: 'Ana Pérez', role: 'CTO', company: 'Acme Corp', teamSize: 40, need: 'need to automate onboarding for about 40 people' },
    evidence: {
      name: "Hi, I'm Ana Pérez, the CTO at Acme Corp.",
      role: "Hi, I'm Ana Pérez, the CTO at Acme Corp.",
      company: "Hi, I'm Ana Pérez, the CTO at Acme Corp.",
      teamSize: 'We need to automate onboarding for about 40 people.',
      need: 'We need to automate onboarding for about 40 people.',
    },
  },
  { text: 'my name is ana garcia and i work at acme', expect: { name: 'Ana Garcia', company: 'acme' } },
  { text: "This is Tom from Globex.", expect: { name: 'Tom', company: 'Globex' } },
  { text: 'You can reach me at Tom.Baker@Globex.io for the proposal.', expect: { email: 'tom.baker@globex.io' } },
  { text: 'Call me at +34 612 345 678 please.', expect: { phone: '+34 612 345 678' } },
  { text: "We're a team of 35 and struggling with missed deadlines.", expect: { teamSize: 35, need: 'struggling with missed deadlines' } },
  { text: 'We have 50 seats today.', expect: { teamSize: 50 } },
  { text: 'We are 12.', expect: { teamSize: 12 }, absent: ['company'] },
  { text: "There are 200 employees but only 30 users would need it.", expect: { teamSize: 30 } },
  { text: 'We can do $5k a month.', expect: { budget: '$5k a month' } },
  { text: 'We have a budget of 10,000 per year.', expect: { budget: '10,000 per year' } },
  { text: 'We could spend around 2000 per year on this.', expect: { budget: 'around 2000 per year' } },
  { text: "I'm the decision maker here.", expect: { authority: 'decision maker' } },
  { text: 'I sign off on all our software purchases.', expect: { authority: 'decision maker' } },
  { text: "I'd need my boss's approval before we buy anything.", expect: { authority: 'needs approval' }, absent: ['need'] },
  { text: "We're looking for a tool to track client projects.", expect: { need: 'looking for a tool to track client projects' } },
  { text: 'Hi, we are looking for a project tool for our agency.', expect: { need: 'looking for a project tool for our agency' } },
  { text: 'I am trying to get our reporting out of spreadsheets.', expect: { need: 'trying to get our reporting out of spreadsheets' } },
  { text: 'We want to go live next month.', expect: { timeline: 'next month' }, absent: ['need'] },
  { text: 'Ideally this quarter.', expect: { timeline: 'this quarter' } },
  { text: 'We need to decide by end of next month.', expect: { timeline: 'by end of next month' } },
  { text: 'Probably early next year.', expect: { timeline: 'early next year' } },
  { text: 'We need it running in 2 weeks.', expect: { timeline: 'in 2 weeks' } },
  { text: 'We have to be up and running by January.', expect: { timeline: 'by January' } },
  { text: 'We need this asap.', expect: { timeline: 'asap' } },
  { text: "I'm Sarah, VP of Sales at Contoso Ltd.", expect: { name: 'Sarah', role: 'VP of Sales', company: 'Contoso Ltd' } },
  { text: "I'm in Madrid, working for Banco Santander.", expect: { company: 'Banco Santander' }, absent: ['name'] },
  { text: "I'm head of ops at Initech.", expect: { role: 'head of ops', company: 'Initech' }, absent: ['name'] },
  {
    text: 'Dr. Smith sent me. We are Initech Inc. and we need 20 seats.',
    expect: { company: 'Initech Inc', teamSize: 20 },
    evidence: { company: 'We are Initech Inc. and we need 20 seats.', teamSize: 'We are Initech Inc. and we need 20 seats.' },
    absent: ['need'],
  },
  { text: 'Version 2.5 of our app ships soon. Write to ops@acme.co.uk anytime.', expect: { email: 'ops@acme.co.uk' }, evidence: { email: 'Write to ops@acme.co.uk anytime.' } },
  { text: 'Thanks for the help!\nCheers,\nLaura', expect: { name: 'Laura' }, evidence: { name: 'Cheers,\nLaura' } },
  // Spanish
  { text: 'Me llamo Lucía y trabajo en Telefónica.', expect: { name: 'Lucía', company: 'Telefónica' } },
  { text: 'Mi correo es lucia@telefonica.es', expect: { email: 'lucia@telefonica.es' } },
  {
    text: 'Somos 20 personas y necesitamos automatizar la facturación el mes que viene.',
    expect: { teamSize: 20, need: 'necesitamos automatizar la facturación el mes que viene', timeline: 'el mes que viene' },
  },
  { text: 'Soy la directora de marketing.', expect: { role: 'directora de marketing' }, absent: ['name'] },
  { text: 'Tengo que consultarlo con mi jefe.', expect: { authority: 'needs approval' } },
  { text: 'Nuestro presupuesto es de 3000 euros al mes.', expect: { budget: '3000 euros al mes' } },
  // Bare answers right after we asked
  { text: 'Ana', asked: 'name', expect: { name: 'Ana' } },
  { text: 'about 40', asked: 'teamSize', expect: { teamSize: 40 } },
  { text: 'Acme', asked: 'company', expect: { company: 'Acme' } },
  { text: 'around 2000 per year', asked: 'budget', expect: { budget: 'around 2000 per year' } },
  { text: 'Q1', asked: 'timeline', expect: { timeline: 'Q1' } },
  { text: 'yes, that would be me', asked: 'authority', expect: { authority: 'decision maker' } },
  { text: 'someone else signs', asked: 'authority', expect: { authority: 'needs approval' } },
  { text: 'better reporting for our clients', asked: 'need', expect: { need: 'better reporting for our clients' } },
  { text: 'unos 15', asked: 'teamSize', expect: { teamSize: 15 } },
  // No false positives: questions about us, our own plan names, everyday words
  { text: 'How much does Pro cost per month?', expect: {}, absent: ['budget', 'company', 'teamSize', 'need', 'timeline'] },
  { text: "Your Pro plan at $29 is too expensive.", expect: {}, absent: ['budget', 'company', 'name'] },
  { text: "We're on Business at the moment and I'm interested in Enterprise.", expect: {}, absent: ['company', 'name'] },
  { text: "We're moving from Asana to something better.", expect: {}, absent: ['company'] },
  { text: "I'm looking at Pro for the team.", expect: {}, absent: ['company', 'name', 'need'] },
  { text: 'Can we do a call next week?', expect: {}, absent: ['timeline'] },
  { text: 'I need a demo.', expect: {}, absent: ['need'] },
  { text: 'Do you offer discounts for nonprofits?', expect: {}, absent: ['need', 'budget', 'company'] },
  { text: 'Not sure', asked: 'name', expect: {}, absent: ['name'] },
  { text: 'What do you mean?', asked: 'teamSize', expect: {}, absent: ['teamSize'] },
  // After "Which company are you with?", a sentence about the prospect is not a company's name.
  { text: "actually I'm in London", asked: 'company', expect: {}, absent: ['company'] },
  { text: 'we are based in Berlin', asked: 'company', expect: {}, absent: ['company'] },
  { text: 'Brightside Dental', asked: 'company', expect: { company: 'Brightside Dental' } },
];

describe('extractLeadFacts', () => {
  it('has a broad table of cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(25);
    expect(CASES.filter((c) => /[áéíóúñ]|somos|tengo|nuestro|unos/i.test(c.text)).length).toBeGreaterThanOrEqual(5);
  });

  it.each(CASES)('$text', ({ text, asked, expect: expected, evidence, absent }) => {
    const facts = extractLeadFacts({ text, messageId: 'm1', askedField: asked, now: NOW, ownNames: OWN_NAMES });
    for (const [field, value] of Object.entries(expected) as [LeadField, string | number][]) {
      const fact = facts[field];
      expect(fact?.value).toEqual(value);
      // Evidence is the prospect's own sentence, verbatim.
      expect(fact?.evidence).toBe(evidence?.[field] ?? text.trim());
      expect(text.includes(fact?.evidence ?? '\u0000')).toBe(true);
      expect(fact?.messageId).toBe('m1');
      expect(fact?.capturedAt).toBe(NOW);
      expect(fact?.asked).toBe(asked === field);
      expect(fact?.confidence).toBeGreaterThan(0);
      expect(fact?.confidence).toBeLessThanOrEqual(1);
    }
    for (const field of absent ?? []) expect(facts[field]).toBeUndefined();
  });

  it('takes only a low-confidence team-size hint from a question about us', () => {
    const facts = extractLeadFacts({ text: 'How much for 20 seats?', now: NOW });
    expect(facts.teamSize).toMatchObject({ value: 20, confidence: QUESTION_HINT_CONFIDENCE, evidence: 'How much for 20 seats?' });
    expect(facts.budget).toBeUndefined();
  });

  it('reads the statement before a question in the same sentence at full confidence', () => {
    const facts = extractLeadFacts({ text: "We're 20 people, how much would Pro cost?", now: NOW, ownNames: OWN_NAMES });
    expect(facts.teamSize?.value).toBe(20);
    expect(facts.teamSize?.confidence).toBeGreaterThan(QUESTION_HINT_CONFIDENCE);
    expect(facts.budget).toBeUndefined();
  });

  it('takes bare answers at lower confidence than explicit statements', () => {
    const bare = extractLeadFacts({ text: 'Ana', askedField: 'name', now: NOW }).name;
    const explicit = extractLeadFacts({ text: 'My name is Ana.', now: NOW }).name;
    expect(bare?.asked).toBe(true);
    expect(explicit?.asked).toBe(false);
    expect(bare?.confidence).toBeLessThan(explicit?.confidence ?? 0);
    // Without the question, a lone word is nobody's name.
    expect(extractLeadFacts({ text: 'Ana', now: NOW }).name).toBeUndefined();
  });

  it('reads a team size corrected with a bare number only against the size on record and a correction cue', () => {
    const read = (text: string, knownTeamSize?: number) => extractLeadFacts({ text, now: NOW, ...(knownTeamSize === undefined ? {} : { knownTeamSize }) }).teamSize?.value;
    expect(read('sorry, I meant 300, not 30', 30)).toBe(300);
    expect(read('not 30 but 45', 30)).toBe(45);
    expect(read('perdón, quise decir 12', 21)).toBe(12);
    expect(read('ich meinte 40', 14)).toBe(40);
    // No size on record, no cue, or two candidates: nothing is guessed.
    expect(read('sorry, I meant 300, not 30')).toBeUndefined();
    expect(read('We run 3 offices', 30)).toBeUndefined();
    expect(read('actually between 40 and 60', 30)).toBeUndefined();
    expect(read('actually, call me at 10am', 30)).toBeUndefined();
  });

  it('marks an explicit statement of the asked field as asked', () => {
    const facts = extractLeadFacts({ text: 'We are about 40 people.', askedField: 'teamSize', now: NOW });
    expect(facts.teamSize).toMatchObject({ value: 40, asked: true });
  });

  it('infers authority from a founder role, below an explicit statement', () => {
    const inferred = extractLeadFacts({ text: "I'm the founder of Acme.", now: NOW }).authority;
    expect(inferred?.value).toBe('decision maker');
    expect(inferred?.confidence).toBeLessThan(0.6);
  });
});

describe('splitSentences', () => {
  it('keeps abbreviations, emails, decimals and initials inside their sentence', () => {
    expect(splitSentences('Dr. Ruiz, e.g. our CFO, approved 2.5k. Email ana.p@acme.com. J. Smith agreed!')).toEqual([
      'Dr. Ruiz, e.g. our CFO, approved 2.5k.',
      'Email ana.p@acme.com.',
      'J. Smith agreed!',
    ]);
  });
  it('splits on lines and on ?/! and keeps verbatim text', () => {
    expect(splitSentences('hi there\nwe are 20?? ok!  great')).toEqual(['hi there', 'we are 20??', 'ok!', 'great']);
  });
});

function leadWith(facts: LeadFacts, now = NOW): LeadRecord {
  return mergeLead(emptySalesState(now).lead, facts, now).lead;
}
const fact = (value: string | number, confidence: number, evidence = `said ${value}`, capturedAt = NOW) => ({
  value,
  evidence,
  confidence,
  asked: false,
  capturedAt,
});

describe('mergeLead', () => {
  it('adds new fields, reports them as changed and rescores', () => {
    const facts = extractLeadFacts({ text: "I'm Ana, ana@acme.com. We're 40 people.", now: NOW });
    const { lead, changed } = mergeLead(emptySalesState(NOW).lead, facts, NOW + 1);
    expect(changed.sort()).toEqual(['email', 'name', 'teamSize']);
    expect(lead.fields.email?.value).toBe('ana@acme.com');
    expect(lead.score).toBe(LEAD_SCORE_TABLE.email.points + LEAD_SCORE_TABLE.name.points + LEAD_SCORE_TABLE.teamSizeFits.points);
    expect(lead.updatedAt).toBe(NOW + 1);
  });

  it('lets higher-or-equal confidence win and keeps a stronger fact over a weaker one', () => {
    const base = leadWith({ teamSize: fact(40, 0.8) });
    expect(mergeLead(base, { teamSize: fact(20, QUESTION_HINT_CONFIDENCE) }, NOW).lead.fields.teamSize?.value).toBe(40);
    const equal = mergeLead(base, { teamSize: fact(45, 0.8) }, NOW + 5);
    expect(equal.lead.fields.teamSize?.value).toBe(45);
    expect(equal.changed).toEqual(['teamSize']);
  });

  it('lets a newer explicit correction win even at lower confidence', () => {
    const base = leadWith({ email: fact('ana@old.com', 0.95, 'ana@old.com') });
    const corrected = extractLeadFacts({ text: 'Sorry, my email is actually ana@new.com', now: NOW + 10 });
    corrected.email = { ...corrected.email!, confidence: 0.7 };
    const { lead, changed } = mergeLead(base, corrected, NOW + 10);
    expect(lead.fields.email?.value).toBe('ana@new.com');
    expect(changed).toEqual(['email']);
    const stale = mergeLead(base, { email: fact('ana@other.com', 0.7, 'Sorry, use ana@other.com', NOW - 1000) }, NOW + 10);
    expect(stale.lead.fields.email?.value).toBe('ana@old.com');
  });

  it('does not report a repeated value as a change', () => {
    const base = leadWith({ company: fact('Acme', 0.6) });
    const { lead, changed } = mergeLead(base, { company: fact('acme', 0.85, 'I work at acme') }, NOW + 1);
    expect(changed).toEqual([]);
    expect(lead.fields.company?.confidence).toBe(0.85);
  });
});

describe('scoreLead', () => {
  it('scores a fully qualified lead 100 with a reason per field', () => {
    const facts: LeadFacts = {
      email: fact('ana@acme.com', 0.95),
      name: fact('Ana', 0.9),
      phone: fact('+34 612 345 678', 0.9),
      company: fact('Acme', 0.85),
      role: fact('CTO', 0.8),
      teamSize: fact(40, 0.85),
      budget: fact('$5k a month', 0.8),
      authority: fact('decision maker', 0.85),
      need: fact('automate onboarding', 0.75),
      timeline: fact('by March', 0.75),
    };
    const score = scoreLead({ fields: facts });
    expect(score.score).toBe(100);
    expect(score.reasons).toEqual([
      '+20 email given',
      '+5 name given',
      '+5 phone given',
      '+5 company given',
      '+5 role given',
      '+10 team size fits Pro/Business',
      '+15 budget stated',
      '+15 decision maker',
      '+10 need stated',
      '+10 timeline within 3 months',
    ]);
    expect(Object.keys(facts).sort()).toEqual([...LEAD_FIELDS].sort());
  });

  it('gives less for a far timeline, an approver, a tiny team, no budget, and nothing for hints', () => {
    const score = scoreLead({
      fields: {
        timeline: fact('next year', 0.75),
        authority: fact('needs approval', 0.85),
        teamSize: fact(2, 0.8),
        budget: fact('no budget set', 0.7),
        email: fact('x@y.com', 0.3),
      },
    });
    expect(score.reasons).toEqual(['+5 team size given', '+0 no budget set yet', '+5 approval path known', '+5 timeline given']);
    expect(score.score).toBe(15);
  });

  it('counts months ahead from when the timeline was said', () => {
    expect(monthsAhead('by March', NOW)).toBe(2);
    expect(monthsAhead('by January', Date.UTC(2025, 1, 1))).toBe(11);
    expect(monthsAhead('in 2 weeks', NOW)).toBe(0);
    expect(monthsAhead('Q2', NOW)).toBe(3);
    expect(monthsAhead('el mes que viene', NOW)).toBe(1);
    expect(monthsAhead('someday', NOW)).toBeUndefined();
  });
});

describe('findEvidence', () => {
  const messages = [
    { id: 'u1', text: 'Hi! I am Ana from Acme. We are about 40 people.' },
    { id: 'u2', text: 'You can write to ANA@Acme.com. Or call +34 612-345-678.' },
    { id: 'u3', text: 'Our budget is $5,000 a month. We need to automate our onboarding process.' },
    { id: 'u4', text: 'Actually we are 40 people now, sorry.' },
  ];

  it('finds emails case-insensitively and phones by digits', () => {
    expect(findEvidence('ana@acme.com', messages)).toEqual({ sentence: 'You can write to ANA@Acme.com.', messageId: 'u2' });
    expect(findEvidence('+34612345678', messages)).toEqual({ sentence: 'Or call +34 612-345-678.', messageId: 'u2' });
  });

  it('finds numbers whatever their format, newest first', () => {
    expect(findEvidence('40', messages)).toEqual({ sentence: 'Actually we are 40 people now, sorry.', messageId: 'u4' });
    expect(findEvidence('5000', messages)?.messageId).toBe('u3');
    expect(findEvidence('$5k per month', messages)?.sentence).toBe('Our budget is $5,000 a month.');
  });

  it('finds words ignoring case and accents, and a lightly paraphrased need', () => {
    expect(findEvidence('ACME', messages.slice(0, 1))).toEqual({ sentence: 'I am Ana from Acme.', messageId: 'u1' });
    expect(findEvidence('automate onboarding process', messages)?.sentence).toBe('We need to automate our onboarding process.');
    expect(findEvidence('Pérez', [{ id: 'u9', text: 'Soy Ana Perez.' }])?.messageId).toBe('u9');
  });

  it('returns null for anything the prospect never said', () => {
    expect(findEvidence('bob@acme.com', messages)).toBeNull();
    expect(findEvidence('250', messages)).toBeNull();
    expect(findEvidence('Globex', messages)).toBeNull();
    expect(findEvidence('migrate from Jira quickly', messages)).toBeNull();
    expect(findEvidence('  ', messages)).toBeNull();
  });
});

describe('leadSummary', () => {
  it('says nothing is known for an empty lead', () => {
    expect(leadSummary(emptySalesState(NOW).lead)).toBe('Nothing known about the prospect yet.');
  });

  it('is one line with contact, BANT and score, marking hints as unconfirmed', () => {
    const lead = leadWith({
      name: fact('Ana', 0.9),
      role: fact('CTO', 0.8),
      company: fact('Acme', 0.85),
      email: fact('ana@acme.com', 0.95),
      teamSize: fact(40, QUESTION_HINT_CONFIDENCE),
      need: fact('automate onboarding', 0.75),
      timeline: fact('Q1', 0.75),
    });
    const line = leadSummary(lead);
    expect(line).toBe(
      `Ana (CTO) at Acme, ana@acme.com, 40 seats (unconfirmed); need: automate onboarding; budget unknown; authority unknown; timeline: Q1; score ${lead.score}/100`,
    );
    expect(line).not.toContain('\n');
  });
});
