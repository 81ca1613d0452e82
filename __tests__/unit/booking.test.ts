/** @jest-environment node */
import { createBooking, type BookingRequest, type BookingResult } from '@/lib/sales/booking';
import { buildInvite, escapeText, foldLine } from '@/lib/sales/invite';
import { knowledgeBaseFile, parseKnowledgeBase } from '@/lib/sales/knowledge';
import { canonicalTimeZone, fromWallClock, offsetMinutes, toWallClock } from '@/lib/sales/time-zone';

/** Thursday 26 March 2026, 12:00 UTC: 13:00 in Madrid (CET, before the 29 March switch to CEST), 08:00 in New York (EDT). */
const NOW = Date.parse('2026-03-26T12:00:00Z');

function book(preferredTimes: string[], timezone: string, extra: Partial<BookingRequest> = {}) {
  return createBooking({ email: 'Ana.Lopez@Acme.example', preferredTimes, timezone, now: NOW, ...extra });
}

function expectOk(result: BookingResult) {
  if (!result.ok) throw new Error(`expected a booking, got ${result.code}: ${result.message}`);
  return result;
}

/** The .ics content lines with folding undone, as a calendar reads them. */
function icsLines(ics: string): string[] {
  return ics.replace(/\r\n /g, '').split('\r\n').filter(Boolean);
}

describe('createBooking: reading preferred times in the prospect’s zone', () => {
  it('books "Tuesday at 10am" in Madrid across the spring DST change', () => {
    const result = expectOk(book(['Tuesday at 10am'], 'Europe/Madrid', { invitesByEmail: true }));
    // Booked on Thursday at UTC+1; Tuesday 31 March is already UTC+2.
    expect(result.booking).toMatchObject({
      email: 'ana.lopez@acme.example',
      start: '2026-03-31T08:00:00.000Z',
      durationMinutes: 30,
      timezone: 'Europe/Madrid',
      localLabel: 'Tue, Mar 31, 10:00 AM (Europe/Madrid)',
      createdAt: NOW,
    });
    expect(result).toMatchObject({ requested: 'Tuesday at 10am', adjusted: false, adjustedFor: null });
    expect(result.message).toBe('Booked for Tue, Mar 31, 10:00 AM (Europe/Madrid); the invite goes to ana.lopez@acme.example.');
  });

  it.each([
    ['tomorrow 3pm', 'America/New_York', '2026-03-27T19:00:00.000Z', 'Fri, Mar 27, 3:00 PM (America/New_York)'],
    ['2026-12-01 10:00', 'Asia/Tokyo', '2026-12-01T01:00:00.000Z', 'Tue, Dec 1, 10:00 AM (Asia/Tokyo)'],
    ['2027-01-05 14:30', 'Asia/Kolkata', '2027-01-05T09:00:00.000Z', 'Tue, Jan 5, 2027, 2:30 PM (Asia/Kolkata)'],
    ['el martes a las 10', 'Europe/Madrid', '2026-03-31T08:00:00.000Z', 'Tue, Mar 31, 10:00 AM (Europe/Madrid)'],
    ['Friday afternoon', 'Europe/Madrid', '2026-03-27T14:00:00.000Z', 'Fri, Mar 27, 3:00 PM (Europe/Madrid)'],
    ['Monday', 'America/Los_Angeles', '2026-03-30T16:00:00.000Z', 'Mon, Mar 30, 9:00 AM (America/Los_Angeles)'],
  ])('"%s" in %s → %s', (text, zone, start, label) => {
    const { booking } = expectOk(book([text], zone));
    expect(booking.start).toBe(start);
    expect(booking.localLabel).toBe(label);
  });

  it('applies the autumn DST change in New York', () => {
    // 1 November 2026 clocks go back: 10:00 is UTC-4 on the Friday before and UTC-5 on the Monday after.
    expect(expectOk(book(['2026-10-30 10:00'], 'America/New_York')).booking.start).toBe('2026-10-30T14:00:00.000Z');
    expect(expectOk(book(['2026-11-02 10:00'], 'America/New_York')).booking.start).toBe('2026-11-02T15:00:00.000Z');
  });

  it('gives the same answer whatever the server’s own time zone is', () => {
    const original = process.env.TZ;
    const results = ['UTC', 'Asia/Kathmandu', 'America/Los_Angeles'].map((zone) => {
      process.env.TZ = zone;
      try {
        return book(['next Monday morning', 'tomorrow 3pm'], 'Europe/Madrid');
      } finally {
        if (original === undefined) delete process.env.TZ;
        else process.env.TZ = original;
      }
    });
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);
  });

  it('falls back to the configured default zone and canonicalises zone names', () => {
    expect(expectOk(book(['Tuesday at 10am'], '')).booking).toMatchObject({
      timezone: 'America/New_York',
      start: '2026-03-31T14:00:00.000Z',
    });
    expect(expectOk(book(['Tuesday at 10am'], 'europe/madrid')).booking.timezone).toBe('Europe/Madrid');
  });
});

describe('createBooking: snapping into meeting hours and the future', () => {
  it('reads a morning without an hour as the start of meeting hours, not as a time outside them', () => {
    const result = expectOk(book(['next Monday morning'], 'Europe/London'));
    expect(result.booking).toMatchObject({ start: '2026-03-30T08:00:00.000Z', localLabel: 'Mon, Mar 30, 9:00 AM (Europe/London)' });
    // chrono's "morning" is 06:00; the prospect asked for the morning, and 09:00 is one: nothing was moved.
    expect(result).toMatchObject({ adjusted: false });
    expect(result.message).not.toMatch(/outside our meeting hours/);
  });

  it('keeps the time of day when the day is not a working day', () => {
    const result = expectOk(book(['Saturday 10am'], 'Europe/Madrid', { invitesByEmail: true }));
    expect(result.booking.localLabel).toBe('Mon, Mar 30, 10:00 AM (Europe/Madrid)');
    expect(result.message).toBe(
      '"Saturday 10am" is outside our meeting hours, so I booked the nearest free slot: Mon, Mar 30, 10:00 AM (Europe/Madrid). ' +
        'The invite goes to ana.lopez@acme.example.',
    );
  });

  it('moves a time before hours to the opening and after hours to the last slot that day (QA 25: the nearest)', () => {
    expect(expectOk(book(['Tuesday at 7am'], 'Europe/Madrid')).booking.localLabel).toBe('Tue, Mar 31, 9:00 AM (Europe/Madrid)');
    expect(expectOk(book(['Tuesday at 8pm'], 'Europe/Madrid')).booking.localLabel).toBe('Tue, Mar 31, 4:30 PM (Europe/Madrid)');
    // The whole meeting must fit: 16:45 + 30 minutes runs past 17:00.
    expect(expectOk(book(['Friday 4:45pm'], 'Europe/Madrid')).booking.localLabel).toBe('Fri, Mar 27, 4:30 PM (Europe/Madrid)');
  });

  it('reads an hour without am or pm as the afternoon when only that is within hours, and keeps the daypart said after it', () => {
    // "at 3" for a sales call is 3 pm; "at 10" stays 10 am; "8am" is said, so it is 8 (then moved to the opening).
    expect(expectOk(book(['Tuesday at 3'], 'Europe/Madrid')).booking.localLabel).toBe('Tue, Mar 31, 3:00 PM (Europe/Madrid)');
    expect(expectOk(book(['Tuesday at 10'], 'Europe/Madrid')).booking.localLabel).toBe('Tue, Mar 31, 10:00 AM (Europe/Madrid)');
    expect(expectOk(book(['Tuesday at 8am'], 'Europe/Madrid')).booking.localLabel).toBe('Tue, Mar 31, 9:00 AM (Europe/Madrid)');
    expect(expectOk(book(['Tuesday 4 in the afternoon'], 'Europe/Madrid')).booking.localLabel).toBe('Tue, Mar 31, 4:00 PM (Europe/Madrid)');
    expect(expectOk(book(['martes a las 4 de la tarde'], 'Europe/Madrid', { locale: 'es' })).booking.localLabel).toBe('martes, 31 de marzo, 16:00 (Europe/Madrid)');
    expect(expectOk(book(['mañana a las 10'], 'Europe/Madrid', { locale: 'es' })).booking.localLabel).toBe('viernes, 27 de marzo, 10:00 (Europe/Madrid)');
    expect(expectOk(book(['Dienstag um 4 Uhr nachmittags'], 'Europe/Berlin', { locale: 'de' })).booking.localLabel).toMatch(/16:00 \(Europe\/Berlin\)$/);
  });

  it('moves a meeting: the same id and UID, SEQUENCE one higher, where it was, and a message that says so', () => {
    const first = expectOk(book(['Tuesday at 10am'], 'Europe/Madrid')).booking;
    const moved = expectOk(book(['Wednesday at 11am'], 'Europe/Madrid', { replaces: first }));
    expect(moved.booking).toMatchObject({ id: first.id, sequence: 1, movedFrom: 'Tue, Mar 31, 10:00 AM (Europe/Madrid)', localLabel: 'Wed, Apr 1, 11:00 AM (Europe/Madrid)' });
    expect(icsLines(moved.booking.ics)).toEqual(expect.arrayContaining([expect.stringMatching(`^UID:${first.id}@`), 'SEQUENCE:1']));
    expect(moved.message).toMatch(/^Moved from Tue, Mar 31, 10:00 AM \(Europe\/Madrid\)\. Booked for Wed, Apr 1, 11:00 AM/);
    expect(expectOk(book(['Thursday at 11am'], 'Europe/Madrid', { replaces: moved.booking })).booking.sequence).toBe(2);
  });

  it('respects the minimum notice', () => {
    // 13:00 in Madrid now; two hours' notice makes 15:00 the earliest start.
    const result = expectOk(book(['today at 2pm'], 'Europe/Madrid'));
    expect(result.booking.localLabel).toBe('Thu, Mar 26, 3:00 PM (Europe/Madrid)');
    expect(result.adjustedFor).toBe('too_soon');
  });

  it('skips preferences in the past or unparseable and uses the next one', () => {
    const result = expectOk(book(['whenever suits', '2026-01-05 10:00', 'Friday 11am'], 'Europe/Madrid'));
    expect(result.requested).toBe('Friday 11am');
    expect(result.booking.localLabel).toBe('Fri, Mar 27, 11:00 AM (Europe/Madrid)');
  });

  it('proposes the next free working slot when no preferred time can be read', () => {
    const result = expectOk(book(['asap', 'whenever works'], 'Europe/Madrid'));
    expect(result).toMatchObject({ requested: null, adjusted: true, adjustedFor: null });
    expect(result.booking.localLabel).toBe('Thu, Mar 26, 3:00 PM (Europe/Madrid)');
    // Without e-mailed invites (no SMTP) the message promises none: the card's .ics download is the invite.
    expect(result.message).toBe('The next free slot is Thu, Mar 26, 3:00 PM (Europe/Madrid); no invite is e-mailed: the .ics download on the booking card is the invite.');
    expect(expectOk(book(['Saturday 10am'], 'Europe/Madrid')).message).toMatch(/so I booked the nearest free slot: Mon, Mar 30, 10:00 AM \(Europe\/Madrid\)\. No invite is e-mailed: /);
    // Late on a Friday the next slot is Monday morning, on the half hour.
    const friday = Date.parse('2026-03-27T19:10:00Z'); // 15:10 in New York
    expect(expectOk(book([], 'America/New_York', { now: friday })).booking.localLabel).toBe('Mon, Mar 30, 9:00 AM (America/New_York)');
    const morning = Date.parse('2026-03-26T12:10:00Z'); // 08:10 in New York → 10:10 → 10:30
    expect(expectOk(book([], 'America/New_York', { now: morning })).booking.localLabel).toBe('Thu, Mar 26, 10:30 AM (America/New_York)');
  });

  it('never overlaps a meeting already booked', () => {
    const first = expectOk(book(['Tuesday at 10am'], 'Europe/Madrid')).booking;
    const second = expectOk(book(['Tuesday at 10am'], 'Europe/Madrid', { email: 'bo@acme.example', taken: [first] }));
    expect(second.booking.localLabel).toBe('Tue, Mar 31, 10:30 AM (Europe/Madrid)');
    expect(second.adjustedFor).toBe('taken');
  });

  it('follows a knowledge base with other meeting rules', () => {
    const data = structuredClone(knowledgeBaseFile) as { policies: { meetings: Record<string, unknown> } };
    data.policies.meetings = { durationMinutes: 60, defaultTimezone: 'Europe/Berlin', workingHours: { start: 10, end: 14 }, workingDays: [6, 7], minNoticeMinutes: 0 };
    const kb = parseKnowledgeBase(data);
    const result = expectOk(book(['Friday 9am'], '', { kb }));
    expect(result.booking).toMatchObject({ localLabel: 'Sat, Mar 28, 10:00 AM (Europe/Berlin)', durationMinutes: 60, timezone: 'Europe/Berlin' });
    expect(icsLines(result.booking.ics)).toEqual(expect.arrayContaining(['DTSTART:20260328T090000Z', 'DTEND:20260328T100000Z']));
  });
});

describe('createBooking: errors and determinism', () => {
  it.each(['Mars/Olympus', 'GMT+25', '+02:00', 'Madrid'])('rejects the time zone %p', (zone) => {
    const result = book(['Tuesday at 10am'], zone);
    expect(result).toEqual({
      ok: false,
      code: 'invalid_timezone',
      message: `"${zone}" is not a time zone I know. Use an IANA name such as "America/New_York" or "Europe/Madrid".`,
    });
  });

  it('rejects an address an invite cannot go to', () => {
    expect(book(['Tuesday at 10am'], 'Europe/Madrid', { email: 'ana at acme' })).toMatchObject({ ok: false, code: 'invalid_email' });
    expect(book(['Tuesday at 10am'], 'Europe/Madrid', { now: Number.NaN })).toMatchObject({ ok: false, code: 'invalid_now' });
  });

  it('is pure: the same request gives the same booking and id', () => {
    const a = expectOk(book(['Tuesday at 10am'], 'Europe/Madrid'));
    const b = expectOk(book(['Tuesday at 10am'], 'Europe/Madrid'));
    expect(b).toEqual(a);
    expect(a.booking.id).toMatch(/^bk_[0-9a-f]{16}$/);
    expect(expectOk(book(['Tuesday at 10am'], 'Europe/Madrid', { email: 'bo@acme.example' })).booking.id).not.toBe(a.booking.id);
  });
});

describe('the .ics invite', () => {
  const { booking } = expectOk(book(['Tuesday at 10am'], 'Europe/Madrid'));

  it('is an RFC 5545 request with UTC times, organizer and attendee', () => {
    const lines = icsLines(booking.ics);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.at(-1)).toBe('END:VCALENDAR');
    expect(lines).toEqual(
      expect.arrayContaining([
        'VERSION:2.0',
        'METHOD:REQUEST',
        'BEGIN:VEVENT',
        `UID:${booking.id}@northwind.example`,
        'DTSTAMP:20260326T120000Z',
        'DTSTART:20260331T080000Z',
        'DTEND:20260331T083000Z',
        'SUMMARY:Northwind Cloud demo',
        'DESCRIPTION:A 30-minute call with the Northwind Cloud sales team (Tue\\, Mar 31\\, 10:00 AM (Europe/Madrid)).',
        'ORGANIZER;CN="Northwind Cloud Sales":mailto:sales@northwind.example',
        'ATTENDEE;CN="ana.lopez@acme.example";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:ana.lopez@acme.example',
        'END:VEVENT',
      ]),
    );
    expect(lines.filter((line) => line.startsWith('BEGIN:'))).toHaveLength(2);
  });

  it('uses CRLF line ends and folds lines at 75 octets', () => {
    expect(booking.ics.endsWith('\r\n')).toBe(true);
    expect(booking.ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of booking.ics.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
  });

  it('escapes text and never splits a multi-byte character when folding', () => {
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
    const long = `DESCRIPTION:${'ñ'.repeat(100)}`;
    const folded = foldLine(long);
    for (const line of folded.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(long);
    const ics = buildInvite({
      uid: 'x@y', stamp: 0, start: 0, durationMinutes: 15, summary: 'S', description: 'D',
      organizer: { name: 'Sales; "EU"', email: 's@y' }, attendee: { email: 'a@b', name: 'Ana: CTO' },
    });
    expect(icsLines(ics)).toEqual(expect.arrayContaining(['ORGANIZER;CN="Sales; EU":mailto:s@y', 'DTEND:19700101T001500Z']));
    expect(ics).toContain('ATTENDEE;CN="Ana: CTO";');
  });
});

describe('time-zone arithmetic', () => {
  it('converts wall clocks across DST gaps and overlaps', () => {
    // Madrid springs forward at 02:00 on 29 March 2026: 02:30 does not exist and lands at 03:30 CEST.
    expect(new Date(fromWallClock({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 }, 'Europe/Madrid')).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    // New York falls back at 02:00 on 1 November 2026: 01:30 happens twice; the first (EDT) is used.
    expect(new Date(fromWallClock({ year: 2026, month: 11, day: 1, hour: 1, minute: 30 }, 'America/New_York')).toISOString()).toBe('2026-11-01T05:30:00.000Z');
    expect(offsetMinutes(Date.parse('2026-07-01T00:00:00Z'), 'Asia/Kathmandu')).toBe(345);
    expect(toWallClock(Date.parse('2026-12-31T23:30:00Z'), 'Pacific/Auckland')).toEqual({ year: 2027, month: 1, day: 1, hour: 12, minute: 30 });
  });

  it('knows real zones only', () => {
    expect(canonicalTimeZone('utc')).toBe('UTC');
    expect(canonicalTimeZone('Europe/Madrid')).toBe('Europe/Madrid');
    expect(canonicalTimeZone(' europe/MADRID ')).toBe('Europe/Madrid');
    // ICU's canonical name for it is the legacy "Asia/Calcutta"; the prospect's own spelling is kept.
    expect(canonicalTimeZone('Asia/Kolkata')).toBe('Asia/Kolkata');
    expect(canonicalTimeZone('Europe/Atlantis')).toBeUndefined();
    expect(canonicalTimeZone('')).toBeUndefined();
  });
});

describe('ambiguous relative dates', () => {
  const { ambiguousDate, createBooking: book } = jest.requireActual<typeof import('@/lib/sales/booking')>('@/lib/sales/booking');
  const MONDAY = Date.parse('2026-11-23T09:00:00Z');
  const FRIDAY = Date.parse('2026-11-27T09:00:00Z');

  it('"next Tuesday" said on a Monday is asked about, with both dates spelled out, and nothing is booked', () => {
    expect(ambiguousDate('next Tuesday at 10am', 'Europe/Madrid', MONDAY)).toEqual({ phrase: 'next Tuesday', options: ['Tuesday, November 24', 'Tuesday, December 1'] });
    const result = book({ email: 'sam@northpeak.example', preferredTimes: ['next Tuesday at 10am'], timezone: 'Europe/Madrid', now: MONDAY });
    expect(result).toMatchObject({ ok: false, code: 'ambiguous_date', message: expect.stringContaining('Tuesday, November 24 or Tuesday, December 1') });
  });

  it('is not ambiguous said on a Friday, nor with an explicit date, nor in Spanish after the day has passed', () => {
    expect(ambiguousDate('next Tuesday at 10am', 'Europe/Madrid', FRIDAY)).toBeUndefined();
    expect(ambiguousDate('next Tuesday, 1 December at 10am', 'Europe/Madrid', MONDAY)).toBeUndefined();
    expect(ambiguousDate('el próximo martes a las 10', 'Europe/Madrid', MONDAY)?.options).toEqual(['Tuesday, November 24', 'Tuesday, December 1']);
    expect(ambiguousDate('el próximo lunes', 'Europe/Madrid', MONDAY)).toBeUndefined();
    expect(book({ email: 'sam@northpeak.example', preferredTimes: ['Tuesday 1 December at 10am'], timezone: 'Europe/Madrid', now: MONDAY }).ok).toBe(true);
  });
});
