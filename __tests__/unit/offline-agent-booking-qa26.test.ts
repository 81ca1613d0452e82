/** @jest-environment node */
// QA round 26, booking: bugs 1, 2 and 3 of .tmp/qa26/REPORT.md. Clock: Tue 24 Nov 2026 12:00 UTC.
import { booked, bookInput, talk } from '../support/offline-agent';

describe('offline agent booking: QA round 26', () => {
  it('1: "can we do monday same time?" after a booking moves it to Monday, never a Monday.com comparison', async () => {
    const [, , moved, when, compared] = await talk('en', 'America/Los_Angeles', ['demo friday 1pm', 'lee@orbit.io', "friday doesn't work, can we do monday same time?", 'when is my meeting?', 'how do you compare with monday.com?']);
    expect(moved?.text).not.toContain('Monday.com');
    expect(bookInput(moved)).toEqual({ email: 'lee@orbit.io', preferredTimes: ['2026-11-30 13:00'], timezone: 'America/Los_Angeles' });
    expect(moved?.text).toContain('to **Mon, Nov 30, 1:00 PM (America/Los_Angeles)**');
    expect(when?.text).toContain('**Mon, Nov 30, 1:00 PM (America/Los_Angeles)**');
    // Named as the product, it is still the comparison.
    expect(compared?.text).toContain('Monday.com');
    expect(compared?.tools).toEqual([]);

    // Arabic: "can we make it Monday at 11 instead?" ("بدلا من ذلك" is no comparison either).
    const [, , arabic, arabicWhen] = await talk('ar', 'Asia/Dubai', ['أريد حجز عرض يوم الخميس الساعة 11', 'k@r.ae', 'ممكن نخليه الاثنين الساعة 11 بدلا من ذلك؟', 'متى موعدي؟']);
    expect(arabic?.text).not.toContain('Monday.com');
    expect(booked(arabic)?.localLabel).toBe('الاثنين، 30 نوفمبر، 11:00 ص (Asia/Dubai)');
    expect(arabicWhen?.text).toContain('الاثنين، 30 نوفمبر، 11:00 ص (Asia/Dubai)');
  });

  it('2: "30 minutes later" and "an hour earlier" move from the booked time', async () => {
    const [, , later, when, earlier] = await talk('en', 'Asia/Kolkata', ['book a demo for tomorrow 3pm', 'a@b.in', 'move it 30 minutes later', 'when is it?', 'can we do an hour earlier?']);
    expect(bookInput(later)).toMatchObject({ preferredTimes: ['2026-11-25 15:30'], timezone: 'Asia/Kolkata' });
    expect(later?.text).toContain('to **Wed, Nov 25, 3:30 PM (Asia/Kolkata)**');
    expect(later?.text).not.toContain('outside our meeting hours');
    expect(when?.text).toContain('**Wed, Nov 25, 3:30 PM (Asia/Kolkata)**');
    expect(booked(earlier)).toMatchObject({ localLabel: 'Wed, Nov 25, 2:30 PM (Asia/Kolkata)' });
  });

  it('2: "what\'s that in London time?" converts only; "move it to 4pm" stays in their own zone', async () => {
    const [, , asked, moved, when] = await talk('en', 'Asia/Kolkata', ['book a demo for tomorrow 3pm', 'a@b.in', "what's that in London time?", 'move it to 4pm', 'when is it?']);
    expect(asked?.tools).toEqual([]);
    expect(asked?.text).toContain('**Wed, Nov 25, 9:30 AM (Europe/London)**');
    expect(bookInput(moved)).toEqual({ email: 'a@b.in', preferredTimes: ['2026-11-25 16:00'], timezone: 'Asia/Kolkata' });
    expect(booked(moved)).toMatchObject({ start: '2026-11-25T10:30:00.000Z', timezone: 'Asia/Kolkata' });
    expect(when?.text).toContain('**Wed, Nov 25, 4:00 PM (Asia/Kolkata)**');
  });

  it('3: "can we book a chat tomorrow at 9am?" books it, and the meeting can then be asked about and cancelled', async () => {
    const [asked, done, when, cancelled] = await talk('en', 'Australia/Sydney', ['can we book a chat tomorrow at 9am my time?', 'p@g.org.au', 'when is my meeting again?', 'actually can you cancel it']);
    expect(asked?.text).toContain('**tomorrow at 9am**');
    expect(bookInput(done)).toMatchObject({ email: 'p@g.org.au', preferredTimes: ['tomorrow at 9am'] });
    expect(booked(done)?.localLabel).toBe('Wed, Nov 25, 9:00 AM (Australia/Sydney)');
    expect(when?.text).toContain('**Wed, Nov 25, 9:00 AM (Australia/Sydney)**');
    expect(cancelled?.tools.map((call) => call.toolName)).toEqual(['cancel_meeting']);
  });

  it('3: a day, a part of the day and a bare hour in pieces are one slot; "10" is the hour, not a team of 10', async () => {
    const [, morning, ten, done] = await talk('en', 'America/Denver', ['book me something tomorrow', 'morning please', '10', 'me@quill.dev']);
    expect(morning?.text).toContain('**tomorrow morning**');
    expect(ten?.text).toContain('**Wed, Nov 25, 10:00 AM (America/Denver)**');
    expect(ten?.tools).toEqual([]);
    expect(ten?.session.state.lead.fields.teamSize).toBeUndefined();
    expect(bookInput(done)).toEqual({ email: 'me@quill.dev', preferredTimes: ['2026-11-25 10:00'], timezone: 'America/Denver' });
    expect(booked(done)?.localLabel).toBe('Wed, Nov 25, 10:00 AM (America/Denver)');
    expect(done?.session.state.lead.fields.teamSize).toBeUndefined();

    // A weekday asked after "book a demo", then the hour alone.
    const [, , thursday, thursdayDone] = await talk('en', 'America/Denver', ['book a demo', 'thursday', '10', 'me@quill.dev']);
    expect(thursday?.text).toContain('**Thu, Nov 26, 10:00 AM (America/Denver)**');
    expect(booked(thursdayDone)?.localLabel).toBe('Thu, Nov 26, 10:00 AM (America/Denver)');

    // With no meeting in talk, "10" answers the team size asked for.
    const [, , team] = await talk('en', 'America/Denver', ['hi', 'how much is pro?', '10']);
    expect(team?.session.state.lead.fields.teamSize?.value).toBe(10);
  });
});
