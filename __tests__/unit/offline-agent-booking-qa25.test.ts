/** @jest-environment node */
// QA round 25, booking and time: bugs 1, 2, 3, 4, 14, 15 and 18 of .tmp/qa25/REPORT.md. Clock: Tue 24 Nov 2026 12:00 UTC.
import { createBooking } from '@/lib/sales/booking';
import { booked, bookInput, NOW, talk } from '../support/offline-agent';

describe('offline agent booking: QA round 25', () => {
  it('1: asking the time in another zone converts only; "move it to 3pm" stays in their own zone', async () => {
    const [, , asked, moved, when] = await talk('en', 'Europe/London', ['demo thursday 2pm', 'a@b.co', 'what time is that in new york?', 'move it to 3pm', 'when is my meeting?']);
    expect(asked?.tools).toEqual([]);
    expect(asked?.text).toContain('**Thu, Nov 26, 9:00 AM (America/New_York)**');
    expect(bookInput(moved)).toEqual({ email: 'a@b.co', preferredTimes: ['2026-11-26 15:00'], timezone: 'Europe/London' });
    expect(moved?.text).toContain('to **Thu, Nov 26, 3:00 PM (Europe/London)**');
    expect(booked(moved)).toMatchObject({ start: '2026-11-26T15:00:00.000Z', timezone: 'Europe/London' });
    expect(when?.text).toContain('**Thu, Nov 26, 3:00 PM (Europe/London)**');
    expect(when?.text).not.toContain('America/New_York');

    // Spanish: "y eso a qué hora es en Madrid?", then "the same time on Thursday" is the same time in Mexico City.
    const spanish = await talk('es', 'America/Mexico_City', ['demo el miercoles a las 10', 'd@t.mx', 'y eso a que hora es en madrid?', 'mejor pasala al jueves a la misma hora']);
    expect(bookInput(spanish[3])).toMatchObject({ timezone: 'America/Mexico_City', preferredTimes: ['2026-11-26 10:00'] });
    expect(booked(spanish[3])).toMatchObject({ timezone: 'America/Mexico_City', start: '2026-11-26T16:00:00.000Z' });
  });

  it('18: the time in a zone they named that is not theirs is never said to be "for you"', async () => {
    const [, , newYork] = await talk('en', 'Europe/London', ['demo thursday 2pm', 'a@b.co', 'what time is that in new york?']);
    expect(newYork?.text).toBe('Your demo is on **Thu, Nov 26, 2:00 PM (Europe/London)**. In that time zone it is **Thu, Nov 26, 9:00 AM (America/New_York)**.');
    const [, , german] = await talk('de', 'Europe/Berlin', ['Demo am Donnerstag um 14 Uhr', 'a@b.de', 'Wie spät ist das in New York?']);
    expect(german?.text).toContain('In dieser Zeitzone ist das **Donnerstag, 26. November, 08:00 (America/New_York)**');
    expect(german?.text).not.toContain('Bei Ihnen');
  });

  it('2: on the French site, "book a demo monday 1pm" is Monday at 13:00, never today', async () => {
    const [asked, done] = await talk('fr', 'America/Montreal', ['book a demo monday 1pm', 'julie@studioboreal.ca']);
    expect(asked?.text).toContain('**monday 1pm**');
    expect(bookInput(done)).toMatchObject({ preferredTimes: ['monday 1pm'] });
    expect(booked(done)?.localLabel).toBe('lundi 30 novembre, 13:00 (America/Montreal)');
  });

  it('3: Arabic hours in words ("الثانية ظهرا", "العاشرة صباحا", "تلاتة العصر") and spoken weekdays', async () => {
    const [, two] = await talk('ar', 'Asia/Dubai', ['اريد عرض يوم الخميس الساعة الثانية ظهرا', 'a@b.ae']);
    expect(booked(two)?.localLabel).toBe('الخميس، 26 نوفمبر، 2:00 م (Asia/Dubai)');
    const [echo, ten, moved] = await talk('ar', 'Asia/Dubai', ['اريد عرض يوم الخميس الساعة العاشرة صباحا', 'a@b.ae', 'هل يمكن تغيير الموعد إلى الجمعة الساعة العاشرة والنصف صباحا؟']);
    expect(echo?.text).toContain('الساعة 10');
    expect(booked(ten)?.localLabel).toBe('الخميس، 26 نوفمبر، 10:00 ص (Asia/Dubai)');
    expect(booked(moved)?.localLabel).toBe('الجمعة، 27 نوفمبر، 10:30 ص (Asia/Dubai)');
    // Egyptian: "يوم الاتنين" is Monday, "تلاتة العصر" 15:00; "للاربع" (15: to Wednesday) is a Wednesday, not Thursday.
    const [, monday, wednesday, plans] = await talk('ar', 'Africa/Cairo', ['عايز ديمو يوم الاتنين الساعة تلاتة العصر', 'a@b.eg', 'غيري الميعاد للاربع الساعة ١٢', 'ما الفرق بين الباقات الاربع؟']);
    expect(booked(monday)?.localLabel).toBe('الاثنين، 30 نوفمبر، 3:00 م (Africa/Cairo)');
    expect(booked(wednesday)?.localLabel).toBe('الأربعاء، 2 ديسمبر، 12:00 م (Africa/Cairo)');
    // "The four plans" is no Wednesday.
    expect(plans?.tools.some((call) => call.toolName === 'book_meeting')).toBe(false);
  });

  it('4: "8am is early, move to 10am" moves it to 10:00 and says so; a move to the same slot says when it is', async () => {
    const [, , moved, when] = await talk('en', 'America/Los_Angeles', ['demo tomorrow at 8am please', 'p@l.com', 'hmm 8am is early, move to 10am', 'when is my meeting?']);
    expect(bookInput(moved)).toMatchObject({ preferredTimes: ['2026-11-25 10:00'] });
    expect(moved?.text).toContain('to **Wed, Nov 25, 10:00 AM (America/Los_Angeles)**');
    expect(when?.text).toContain('**Wed, Nov 25, 10:00 AM (America/Los_Angeles)**');
    const [, , same] = await talk('en', 'America/Los_Angeles', ['demo tomorrow at 8am please', 'p@l.com', 'can we move it to 7am']);
    expect(same?.text).toContain('**Wed, Nov 25, 9:00 AM (America/Los_Angeles)**');
  });

  it('14: a time after hours gets the last slot that day, and "make that 4:15" keeps that day', async () => {
    const [, spanish] = await talk('es', 'Europe/Madrid', ['Me gustaría una demo el miércoles a las 17:30', 'c@l.es']);
    expect(booked(spanish)?.localLabel).toBe('miércoles, 25 de noviembre, 16:30 (Europe/Madrid)');
    expect(spanish?.text).toContain('fuera de nuestro horario');
    const [, late, earlier] = await talk('en', 'Europe/Dublin', ['book me in for thursday 4:45pm', 'x@y.ie', 'make that 4:15']);
    expect(booked(late)?.localLabel).toBe('Thu, Nov 26, 4:30 PM (Europe/Dublin)');
    expect(booked(earlier)?.localLabel).toBe('Thu, Nov 26, 4:15 PM (Europe/Dublin)');
    // Too soon for the last slot today (16:00 in Dubai, two hours' notice): the next morning.
    const tonight = createBooking({ email: 'a@b.co', preferredTimes: ['today at 7pm'], timezone: 'Asia/Dubai', now: NOW });
    expect(tonight.ok && tonight.booking.localLabel).toBe('Wed, Nov 25, 9:00 AM (Asia/Dubai)');
    const london = createBooking({ email: 'a@b.co', preferredTimes: ['today at 7pm'], timezone: 'Europe/London', now: NOW });
    expect(london.ok && london.booking.localLabel).toBe('Tue, Nov 24, 4:30 PM (Europe/London)');
  });

  it('15: "3/12" is asked about, and the answer keeps the hour', async () => {
    const [, which, answered] = await talk('en', 'Europe/London', ['demo on 3/12 at 10am', 'a@b.co', '3 december']);
    expect(which?.text).toContain('by "3/12" do you mean **Thursday, December 3** or **Friday, March 12, 2027**?');
    expect(which?.session.state.bookings).toEqual([]);
    expect(booked(answered)?.localLabel).toBe('Thu, Dec 3, 10:00 AM (Europe/London)');
    // One reading only ("13/12") is no question.
    const only = createBooking({ email: 'a@b.co', preferredTimes: ['13/12 at 10am'], timezone: 'Europe/London', now: NOW });
    expect(only.ok || only.code).not.toBe('ambiguous_date');
  });

  it('15: a new hour after "which Wednesday?" asks again instead of picking one; the day they pick keeps it', async () => {
    const [, which, again, picked] = await talk('en', 'Europe/Berlin', ['book me a demo next wednesday 4pm', 'jonas@kitefox.io', 'wait make it 9am instead', 'the 2nd']);
    expect(which?.text).toContain('**Wednesday, November 25** or **Wednesday, December 2**');
    expect(bookInput(again)).toMatchObject({ preferredTimes: ['next wednesday 9am'] });
    expect(again?.session.state.bookings).toEqual([]);
    expect(again?.text).toContain('**Wednesday, November 25** or **Wednesday, December 2**');
    expect(booked(picked)?.localLabel).toBe('Wed, Dec 2, 9:00 AM (Europe/Berlin)');
    // A new hour before the email: on the day asked for, not today.
    const [, , thursday] = await talk('en', 'Europe/Berlin', ['book me a demo thursday 2pm', 'actually make it 3pm', 'jonas@kitefox.io']);
    expect(booked(thursday)?.localLabel).toBe('Thu, Nov 26, 3:00 PM (Europe/Berlin)');
  });

  it('15: the "which day?" question is in the language they switched to, not the page\'s', async () => {
    const replies = await talk('de', 'Europe/Berlin', ['can we switch to english please?', 'book me a demo next wednesday 4pm', 'jonas@kitefox.io']);
    expect(replies[2]?.text).toContain('**Wednesday, November 25** or **Wednesday, December 2**');
  });
});
