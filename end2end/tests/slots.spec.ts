import { test, expect, devices } from '@playwright/test';
import { deskEvent, logIn } from './helpers';

const { defaultBrowserType, ...pixel } = devices['Pixel 7'];

// Pitch slots: the organizer makes the schedule; the judge's phone shows each project's slot
// with its countdown; the team of the judge's second slot has its page open on a phone and,
// without reloading, is told "you're next" the moment the judge saves the first slot.
test("a team's phone shows \"you're next\" when the judge finishes the slot before", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const { eventPath, pass, id } = await deskEvent(page, browser, 'Taroudant', { projects: 3 });

  await page.goto(`${eventPath}/judging`);
  await page.getByRole('link', { name: 'Pitch slots' }).click();
  await expect(page).toHaveURL(/\/slots$/);
  // A bad length is refused by field, and nothing is scheduled.
  // 09:00 a month from now: every slot is still to come whenever the test runs.
  const day = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel('First pitch at').fill(`${day}T09:00`);
  await page.getByLabel('Length of a slot').fill('0:10');
  await page.getByRole('button', { name: 'Make the schedule' }).click();
  await expect(page.locator('#f-pitch-error')).toBeVisible();
  await page.getByLabel('Length of a slot').fill('7');
  await page.getByRole('button', { name: 'Make the schedule' }).click();
  const rows = page.locator('#slots-lines tbody tr');
  await expect(rows).toHaveCount(3);
  await expect(rows.first()).toContainText('09:00–09:07');
  await expect(rows.nth(1)).toContainText('09:07–09:14');
  // The second slot's team: "Projet N" belongs to participant N.
  const n = ((await rows.nth(1).innerText()).match(/Projet (\d)/) ?? [])[1];
  expect(n).toBeTruthy();

  // The team's phone, its page open: told when the judge comes, not yet "next".
  const teamCtx = await browser.newContext({ ...pixel });
  const t = await teamCtx.newPage();
  await logIn(t, `p${n}-${id}@example.ma`);
  // Signed in (the sign-in's own navigation done) before going to the team's page.
  await expect(t.getByRole('button', { name: 'Log out' })).toBeVisible();
  await t.goto(`${eventPath}/team`);
  await expect(t.locator('.team-slots')).toContainText('A judge at your table at 09:07–09:14');
  await expect(t.locator('.slot-next')).toHaveCount(0);
  expect(await t.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

  // The judge's phone: the first slot, its time and countdown; scored and saved.
  const phone = await browser.newContext({ ...pixel, serviceWorkers: 'block' });
  const j = await phone.newPage();
  await j.goto(pass);
  await j.getByRole('button', { name: 'Start scoring' }).click();
  await expect(j.locator('.desk[data-ready="true"]')).toBeVisible();
  await expect(j.locator('.desk-slot')).toContainText('Your slot: 09:00–09:07');
  await expect(j.locator('.desk-slot .clock')).toHaveAttribute('data-clock-ends', /\d+/);
  const criterion = (i: number) => j.locator('.desk-form .criterion').nth(i);
  await criterion(0).locator('label.level', { hasText: /^4\D/ }).click();
  await criterion(1).locator('label.level', { hasText: /^7$/ }).click();
  await expect(j.locator('.desk-sync')).toHaveAttribute('data-sync', 'saved');
  await j.getByRole('button', { name: 'Save and next' }).click();
  await expect(j.locator('.desk-slot')).toContainText('Your slot: 09:07–09:14');

  // Pushed to the team's open page: it is next.
  await expect(t.locator('.slot-next')).toContainText("You're next: a judge is on the way.");
  // And the organizer's console, live: the first slot judged.
  await expect(rows.first()).toContainText('Judged');
  await phone.close();
  await teamCtx.close();
});
