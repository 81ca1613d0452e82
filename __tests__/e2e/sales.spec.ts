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
