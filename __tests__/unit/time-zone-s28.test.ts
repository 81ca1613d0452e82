import { fromWallClock, toWallClock } from '@/lib/sales/time-zone';

const iso = (instant: number) => new Date(instant).toISOString();

describe('fromWallClock across daylight-saving changes', () => {
  it('moves a time skipped by spring-forward one hour later west of UTC, as east of it', () => {
    // Los Angeles, 8 March 2026: 02:00 PST becomes 03:00 PDT; 02:30 does not exist.
    expect(iso(fromWallClock({ year: 2026, month: 3, day: 8, hour: 2, minute: 30 }, 'America/Los_Angeles'))).toBe('2026-03-08T10:30:00.000Z');
    expect(toWallClock(fromWallClock({ year: 2026, month: 3, day: 8, hour: 2, minute: 30 }, 'America/Los_Angeles'), 'America/Los_Angeles')).toMatchObject({ hour: 3, minute: 30 });
    // New York and Santiago too (Santiago jumps at midnight, 6 September 2026).
    expect(toWallClock(fromWallClock({ year: 2026, month: 3, day: 8, hour: 2, minute: 0 }, 'America/New_York'), 'America/New_York')).toMatchObject({ day: 8, hour: 3, minute: 0 });
    expect(toWallClock(fromWallClock({ year: 2026, month: 9, day: 6, hour: 0, minute: 15 }, 'America/Santiago'), 'America/Santiago')).toMatchObject({ day: 6, hour: 1, minute: 15 });
    // Berlin, 29 March 2026: 02:30 does not exist either, and lands at 03:30 CEST.
    expect(iso(fromWallClock({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 }, 'Europe/Berlin'))).toBe('2026-03-29T01:30:00.000Z');
  });

  it('keeps the times around the change and the first of a repeated time', () => {
    expect(iso(fromWallClock({ year: 2026, month: 3, day: 8, hour: 1, minute: 30 }, 'America/Los_Angeles'))).toBe('2026-03-08T09:30:00.000Z');
    expect(iso(fromWallClock({ year: 2026, month: 3, day: 8, hour: 3, minute: 30 }, 'America/Los_Angeles'))).toBe('2026-03-08T10:30:00.000Z');
    // 1 November 2026, 01:30 happens twice in Los Angeles: the first (PDT) is meant.
    expect(iso(fromWallClock({ year: 2026, month: 11, day: 1, hour: 1, minute: 30 }, 'America/Los_Angeles'))).toBe('2026-11-01T08:30:00.000Z');
    expect(iso(fromWallClock({ year: 2026, month: 10, day: 25, hour: 2, minute: 30 }, 'Europe/Berlin'))).toBe('2026-10-25T00:30:00.000Z');
    expect(iso(fromWallClock({ year: 2026, month: 12, day: 4, hour: 10, minute: 0 }, 'Asia/Kolkata'))).toBe('2026-12-04T04:30:00.000Z');
  });
});
