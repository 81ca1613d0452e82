import { expect, type Page } from '@playwright/test';

/** The Tuesday of next week, spelled out ("Tuesday 8 December"): never ambiguous, unlike "next Tuesday" on a Monday. */
export function tuesdayNextWeek(): string {
  const day = new Date();
  day.setUTCDate(day.getUTCDate() + 7);
  while (day.getUTCDay() !== 2) day.setUTCDate(day.getUTCDate() + 1);
  return new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(day);
}

/** Types a message in the composer, sends it with Enter and waits for the whole reply; returns the reply. */
export async function say(page: Page, text: string) {
  const input = page.getByTestId('composer-input');
  await expect(input).toBeEnabled({ timeout: 15_000 });
  await input.fill(text);
  await input.press('Enter');
  await expect(page.getByTestId('message-user').last()).toContainText(text);
  await expect(page.getByTestId('stop-button')).toBeHidden({ timeout: 20_000 });
  return page.getByTestId('message-assistant').last();
}
