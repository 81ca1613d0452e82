/** @jest-environment node */
// Session 29 (b), the shared sales brain (lib/sales): a keyword at the end of a German compound finds its passage for
// both agents' retrieval; a plan's price asked for a period is no answer to "when?"; growth in a few words that read
// in any sentence, in five languages; the meeting hours in the language's own clock.
import { kb } from '../support/offline-agent';
import { extractLeadFacts } from '@/lib/sales/lead';
import { growthSaid, growthWords } from '@/lib/sales/memory';
import { searchKnowledge, getPassage } from '@/lib/sales/retrieval';
import { knowledgeFor } from '@/lib/sales/knowledge-locale';
import { compoundHeads, withCompoundHeads } from '@/lib/sales/text-stem';
import { formatLocalHour } from '@/lib/sales/booking';

describe('sales brain: session 29 (b)', () => {
  it('1: a German compound ending in a keyword finds its passage ("Jahresrabatt": the discounts FAQ); a short prefix is no compound', () => {
    const german = knowledgeFor(kb, 'de');
    const found = (query: string) => searchKnowledge(query, { kb: german }).map((passage) => passage.id);
    expect(found('gibt es einen Jahresrabatt?').slice(0, 2).sort()).toEqual(['faq:discounts', 'policy:discounts']);
    expect(found('Gibt es einen Mengenrabatt?')).toContain('faq:discounts');
    const heads = compoundHeads(['rabatt', 'security', 'sso', 'puesta en marcha']);
    expect([...heads]).toEqual(['rabatt', 'security']);
    expect(withCompoundHeads('Gibt es einen Jahresrabatt?', heads)).toBe('Gibt es einen Jahresrabatt? rabatt');
    // ("insecurity": two letters before the keyword; "Rabatt" alone is the keyword itself, nothing added.)
    expect(withCompoundHeads('insecurity and Rabatt', heads)).toBe('insecurity and Rabatt');
    // Spanish "incorporación" and Arabic "التهيئة" are words of the onboarding entry.
    expect(searchKnowledge('¿cómo es la incorporación?', { kb: knowledgeFor(kb, 'es') })[0]?.id).toBe('faq:onboarding');
  });

  it('2: "cuanto seria business para 25 anual" in answer to "when?" asks a price: no timeline read from it', () => {
    const read = (text: string) => extractLeadFacts({ text, messageId: 'm', now: 0, askedField: 'timeline', kb }).timeline?.value;
    expect(read('cuanto seria business para 25 anual')).toBeUndefined();
    expect(read('und business jährlich')).toBeUndefined();
    // (An answer about time still is one.)
    expect(read('el año que viene')).toBe('el año que viene');
  });

  it('3: growth in words for any sentence: the size grown to as where the team goes, people added as said', () => {
    const to = { to: 40, when: 'next year', evidence: "we'll be 40 next year" };
    expect(growthWords(to, 'en')).toBe('growing to 40 people next year');
    expect(growthWords({ ...to, when: 'el año que viene' }, 'es')).toBe('hasta 40 personas el año que viene');
    expect(growthWords({ ...to, when: "l'an prochain" }, 'fr')).toBe('jusqu’à 40 personnes l’an prochain');
    expect(growthWords({ ...to, when: 'nächstes Jahr' }, 'de')).toBe('nächstes Jahr auf 40 Personen');
    expect(growthWords({ ...to, when: 'السنة القادمة' }, 'ar')).toBe('إلى 40 شخصًا السنة القادمة');
    expect(growthSaid({ ...to, when: "l'an prochain" }, 'fr')).toEqual({ when: 'l’an prochain' });
    const added = { added: 4, when: 'en enero', evidence: 'en enero entran 4 más' };
    expect(growthSaid(added, 'es')).toEqual({ added: '4 personas más en enero', when: 'en enero' });
    expect(growthWords(added, 'es')).toBe('4 personas más en enero');
  });

  it('4: the meeting hours in each language\'s clock: "9 AM" in English, the passage the prompt gets too', () => {
    expect(['en', 'es', 'fr', 'de'].map((locale) => [formatLocalHour(9, locale as 'en'), formatLocalHour(17, locale as 'en')])).toEqual([
      ['9 AM', '5 PM'],
      ['9:00', '17:00'],
      ['09:00', '17:00'],
      ['09:00', '17:00'],
    ]);
    expect(getPassage('policy:meetings', kb)?.text).toContain('from 9 AM to 5 PM in your time zone');
    expect(getPassage('policy:meetings', knowledgeFor(kb, 'es'))?.text).toContain('entre las 9:00 y las 17:00');
  });
});
