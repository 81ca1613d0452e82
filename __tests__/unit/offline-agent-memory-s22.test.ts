/** @jest-environment node */
// Booking and memory leftovers of QA rounds 25 and 26 (.tmp/qa25/REPORT.md, .tmp/qa26/REPORT.md). Clock: Tue 24 Nov 2026 12:00 UTC.
import type { SalesLocale } from '@/lib/sales/turn-state';
import { fieldsAskedIn } from '@/lib/sales/asked-questions';
import { booked, bookInput, type Said, talk } from '../support/offline-agent';

const priced = (reply: Said | undefined) => reply?.tools.filter((call) => call.toolName === 'get_pricing').map((call) => call.input);

describe('offline agent memory: session 22', () => {
  it('1: "afternoon" after a booking is no name: it moves the meeting that day, and a following "3" is 15:00', async () => {
    const [, , afternoon, three, when] = await talk('en', 'Europe/London', ['book a demo tomorrow 10am', 'sam@acme.io', 'afternoon', '3', 'when is my meeting?']);
    expect(afternoon?.text).not.toContain('Afternoon');
    expect(afternoon?.session.state.lead.fields.name).toBeUndefined();
    expect(bookInput(afternoon)).toEqual({ email: 'sam@acme.io', preferredTimes: ['2026-11-25 15:00'], timezone: 'Europe/London' });
    expect(bookInput(three)).toEqual({ email: 'sam@acme.io', preferredTimes: ['2026-11-25 15:00'], timezone: 'Europe/London' });
    expect(three?.session.state.lead.fields.teamSize).toBeUndefined();
    expect(booked(three)?.localLabel).toBe('Wed, Nov 25, 3:00 PM (Europe/London)');
    expect(when?.text).toContain('**Wed, Nov 25, 3:00 PM (Europe/London)**');

    // Spanish: "por la tarde", then "a las 4" (16:00 that day), never a company called "a las 4".
    const [, , tarde, four] = await talk('es', 'Europe/Madrid', ['demo mañana a las 10', 'a@b.es', 'por la tarde', 'a las 4']);
    expect(tarde?.session.state.lead.fields.name).toBeUndefined();
    expect(bookInput(four)).toMatchObject({ preferredTimes: ['2026-11-25 16:00'] });
    expect(four?.session.state.lead.fields.company).toBeUndefined();
  });

  it.each<[SalesLocale, string, string[], string]>([
    ['de', 'Europe/Berlin', ['koennen wir am montag um 9 telefonieren?', 'a@b.de', 'oh moment, montag geht nicht, lieber dienstag 9'], '2026-12-01 09:00'],
    ['en', 'Europe/London', ['demo monday at 10', 'a@b.io', "monday doesn't work, tuesday at 9 instead"], '2026-12-01 09:00'],
    ['es', 'Europe/Madrid', ['demo el lunes a las 10', 'a@b.es', 'el lunes no puedo, mejor el martes a las 9'], '2026-12-01 09:00'],
    ['fr', 'Europe/Paris', ['démo lundi à 10h', 'a@b.fr', 'lundi ça ne va pas, plutôt mardi 9h'], '2026-12-01 09:00'],
  ])('2: the day turned down is not asked for (%s): the meeting moves to the other', async (locale, zone, turns, slot) => {
    const replies = await talk(locale, zone, turns);
    const moved = replies.at(-1);
    expect(bookInput(moved)).toMatchObject({ preferredTimes: [slot] });
    expect(booked(moved)?.start.slice(0, 10)).toBe('2026-12-01');
  });

  it('3: growth plans: the team today is kept, the team to come is neither its size, a timeline nor a need', async () => {
    const [now] = await talk('en', 'Europe/London', ["we're 20 now but will be 50 next year"]);
    expect(now?.session.state.lead.fields.teamSize?.value).toBe(20);
    expect(now?.session.state.lead.fields.timeline).toBeUndefined();
    expect(priced(now)).toEqual(expect.arrayContaining([expect.objectContaining({ seats: 20 })]));
    expect(priced(now)).not.toEqual(expect.arrayContaining([expect.objectContaining({ seats: 50 })]));
    // The plan grows with them: changing plans later is said after the price.
    expect(now?.text).toContain('Upgrade at any time and the difference is prorated immediately');
    expect(now?.text).not.toMatch(/^Yes\./m);

    const [, grow] = await talk('en', 'Europe/London', ["we're 25 people", 'actually we might grow to 40 by march, does that change anything?']);
    expect(grow?.session.state.lead.fields.teamSize?.value).toBe(25);
    expect(grow?.text).not.toContain('noted a team of 40');
    expect(grow?.text).toContain('Upgrade at any time');

    const [, double] = await talk('en', 'Europe/London', ["we're 20 people", 'we plan to double next year']);
    expect(double?.session.state.lead.fields.teamSize?.value).toBe(20);
    expect(double?.session.state.lead.fields.need).toBeUndefined();
  });

  it('4: an unanswered question does not come back within the next three replies (and at most twice)', async () => {
    const replies = await talk('en', 'Europe/London', ['hi', 'what integrations do you have?', 'do you have an API?', 'is there a mobile app?', 'what about slack?', 'and jira?', 'and github?']);
    const asked = replies.map((reply) => fieldsAskedIn(reply.text));
    asked.forEach((fields, index) => {
      for (const field of fields) {
        // Not asked in any of the three replies before.
        expect({ field, index, before: asked.slice(Math.max(0, index - 3), index).some((earlier) => earlier.includes(field)) }).toEqual({ field, index, before: false });
      }
    });
    for (const field of new Set(asked.flat())) expect(asked.filter((fields) => fields.includes(field)).length).toBeLessThanOrEqual(2);
    expect(asked[0]).toContain('need');
  });

  it('5: "actually starter" from a team of 12 quotes Starter for its 10 seats beside the plan that holds 12', async () => {
    const [, , starter] = await talk('en', 'Europe/London', ["we're 12 people", 'how much is pro?', 'hmm actually starter']);
    expect(priced(starter)).toEqual(expect.arrayContaining([{ plan: 'starter', seats: 10, billing: 'monthly' }, { plan: 'pro', seats: 12, billing: 'monthly' }]));
    expect(starter?.text).toContain('Starter goes up to 10 seats; for 12 seats Pro fits.');
    expect(starter?.text).toContain('**Starter** for 10 seats, billed monthly: **$12 per seat per month**, so **$120 a month**');
    expect(starter?.session.state.lead.fields.teamSize?.value).toBe(12);
  });
});
