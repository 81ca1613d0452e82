import { expect, test } from '@playwright/test';
import { createClient } from 'redis';
import { say, tuesdayNextWeek } from '../support/e2e-chat';
import { baseURL } from '../support/e2e';

test('a prospect gets prices, gives their details, books a demo and gets an invite; the lead is stored with evidence', async ({ page }) => {
  await page.goto(baseURL());
  await page.getByTestId('composer-input').click();

  const prices = await say(page, 'How much is the Pro plan?');
  await expect(prices).toContainText('$29');

  const details = await say(page, "I'm Ana Lopez, CTO at Acme Corp. We are 40 people and we need to automate our client onboarding.");
  await expect(details.getByTestId('lead-confirmation')).toContainText(/Ana|Acme/);

  const email = await say(page, 'You can reach me at ana.lopez@acme.example.');
  await expect(email.getByTestId('lead-confirmation')).toContainText("we'll email you at ana.lopez@acme.example");

  // An explicit date: "next Tuesday" said on a Monday is ambiguous, and the agent rightly asks which one.
  const booking = await say(page, `Can we book a demo on ${tuesdayNextWeek()} at 10am? My time zone is Europe/Madrid.`);
  const card = booking.getByTestId('booking-card');
  await expect(card).toContainText(/Demo booked/);
  const href = await card.getByTestId('booking-ics').getAttribute('href');
  const ics = decodeURIComponent((href ?? '').replace(/^data:text\/calendar;charset=utf-8,/, ''));
  expect(ics).toMatch(/^BEGIN:VCALENDAR/);
  expect(ics).toMatch(/ATTENDEE[^\r\n]*ana\.lopez@acme\.example/);

  const conversationId = await page.evaluate(() => localStorage.getItem('sales-agent:conversation-id'));
  const redis = createClient({ url: process.env.E2E_REDIS_URL });
  await redis.connect();
  try {
    const raw = await redis.get(`e2e:conv:${conversationId}:state`);
    const state = JSON.parse(raw ?? '{}');
    expect(state.lead.fields.email).toMatchObject({ value: 'ana.lopez@acme.example', evidence: 'You can reach me at ana.lopez@acme.example.' });
    expect(state.lead.fields.company.evidence).toContain('Acme Corp');
    expect(state.lead.fields.teamSize).toMatchObject({ value: 40 });
    expect(state.stageHistory.length).toBeGreaterThan(1);
    expect(state.stage).toBe('closing');
    expect(state.bookings).toHaveLength(1);
  } finally {
    await redis.quit();
  }
});

test.describe('in Berlin', () => {
  test.use({ timezoneId: 'Europe/Berlin' });

  test('a demo asked for without a time zone is booked in the browser’s, and the reply says so', async ({ page }) => {
    await page.goto(baseURL());
    await page.getByTestId('composer-input').click();
    const booking = await say(page, `Can we book a demo on ${tuesdayNextWeek()} at 10am? My email is jonas@beispiel.example.`);
    await expect(booking.getByTestId('booking-card')).toContainText(/Demo booked/);
    await expect(booking).toContainText('10:00 AM (Europe/Berlin)');
    await expect(booking).toContainText('as your browser reports it');

    // Moved: the first card says so and loses its invite; the new card has the new time and the updated invite.
    const moved = await say(page, `Can we move it to ${tuesdayNextWeek()} at 2pm instead?`);
    await expect(moved).toContainText("Done — I've moved your demo from");
    await expect(moved.getByTestId('booking-card')).toContainText('Demo moved');
    await expect(moved.getByTestId('booking-card')).toContainText('2:00 PM (Europe/Berlin)');
    // (say() returns the last reply: the first card is found in the page.)
    const first = page.getByTestId('booking-card').first();
    await expect(first).toHaveAttribute('data-superseded', 'true');
    await expect(first.getByTestId('booking-ics')).toHaveCount(0);
    await expect(page.getByTestId('booking-ics')).toHaveCount(1);
    const href = await moved.getByTestId('booking-ics').getAttribute('href');
    expect(decodeURIComponent(href ?? '')).toContain('SEQUENCE:1');

    // Cancelled: both earlier cards lose their invites; the cancellation's card offers the update that removes it.
    const cancelled = await say(page, 'Actually, please cancel the demo.');
    await expect(cancelled).toContainText('is cancelled, and the sales team knows');
    const last = cancelled.getByTestId('booking-card');
    await expect(last).toHaveAttribute('data-cancelled', 'true');
    await expect(last).toContainText('Demo cancelled');
    await expect(page.locator('[data-testid="booking-card"][data-superseded="true"]')).toHaveCount(2);
    await expect(page.getByTestId('booking-ics')).toHaveCount(1);
    const removal = await last.getByRole('link', { name: 'Remove from calendar (.ics)' }).getAttribute('href');
    expect(decodeURIComponent(removal ?? '')).toContain('METHOD:CANCEL');
    expect(decodeURIComponent(removal ?? '')).toContain('SEQUENCE:2');
    // After a reload the conversation still shows it cancelled.
    await page.reload();
    await expect(page.locator('[data-testid="booking-card"][data-cancelled="true"]')).toHaveCount(1);
  });
});
