/** @jest-environment node */
// Session 29 (the shared sales brain, lib/sales): "we'll be 40 next year" is growth beside a team of 30, in five
// languages; a question about SSO is their need; a surname corrected; tools written in Arabic script read as tools.
import { kb } from '../support/offline-agent';
import { extractLeadFacts } from '@/lib/sales/lead';
import { growthIn, latinToolNames, statedTools } from '@/lib/sales/memory';

const read = (text: string, known: { knownTeamSize?: number; knownName?: string } = {}) =>
  Object.fromEntries(Object.entries(extractLeadFacts({ text, messageId: 'm', now: 0, ...known })).map(([field, fact]) => [field, fact?.value]));

describe('sales brain: session 29', () => {
  it('2: a size next year is growth, never today\'s team over a known 30; "actually we\'re 40 now" replaces it', () => {
    for (const said of ["we'll be 40 next year", 'next year we will be 40', 'el año que viene seremos 40', "l'an prochain on sera 40", 'nächstes Jahr werden wir 40 sein', 'wir werden nächstes Jahr 40 sein', 'سنكون ٤٠ العام القادم', 'سنصبح 40 السنة القادمة']) {
      expect({ said, team: read(said, { knownTeamSize: 30 }).teamSize, to: growthIn(said)?.to, when: growthIn(said)?.when !== undefined }).toEqual({ said, team: undefined, to: 40, when: true });
    }
    for (const said of ["actually we're 40 now", "we're 40 now", 'en fait on est 40', 'al final somos 40']) {
      expect({ said, team: read(said, { knownTeamSize: 30 }).teamSize }).toEqual({ said, team: 40 });
    }
  });

  it('3: asking about SSO records it as their need (below a need they state); doing without it does not', () => {
    for (const said of ['do you support SSO?', '¿tienen SSO?', 'SSO ?', 'unterstützt ihr SSO', 'هل لديكم تسجيل الدخول الموحد؟', 'is SAML single sign-on included?']) {
      expect({ said, need: read(said).need }).toEqual({ said, need: 'SSO' });
    }
    for (const said of ["we don't need SSO", 'no necesitamos SSO', 'how much is pro?']) expect({ said, need: read(said).need }).toEqual({ said, need: undefined });
    // A need stated outright stays theirs, in their words.
    expect(read('we need SSO for compliance').need).not.toBe('SSO');
  });

  it('4: the surname on record set aside: "it\'s Marc Dupont, not Dupond", "c\'est Dupont, pas Dupond"', () => {
    expect(read("sorry, it's Marc Dupont, not Dupond", { knownName: 'Marc Dupond' }).name).toBe('Marc Dupont');
    expect(read("c'est Dupont, pas Dupond", { knownName: 'Marc Dupond' }).name).toBe('Marc Dupont');
    // (The first name corrected keeps the surname, as before.)
    expect(read("sorry, it's Joan, not Jon", { knownName: 'Jon Smith' }).name).toBe('Joan Smith');
  });

  it('5: tool names in Arabic script read in their own spelling, and the ones we list remembered as their stack', () => {
    expect(latinToolNames('نستخدم فيغما وسلاك وهبسبوت وجوجل درايف')).toBe('نستخدم Figma و Slack و HubSpot و Google Drive');
    expect(latinToolNames('نعمل على نوشن وجيميل ومايكروسوفت 365')).toBe('نعمل على Notion و Gmail و Microsoft 365');
    expect(statedTools('نستخدم فيغما و سلاك و هبسبوت', kb).map((tool) => tool.name)).toEqual(['Slack', 'HubSpot']);
    // (An Arabic word that only looks like a tool stays as written.)
    expect(latinToolNames('أنا أكسل من أن أكتب')).toBe('أنا أكسل من أن أكتب');
  });
});
