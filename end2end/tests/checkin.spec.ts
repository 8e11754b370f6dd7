import { test, expect, devices } from '@playwright/test';
import { asAdmin, createEvent, createInvite, logIn, submitProject, unique } from './helpers';

const { defaultBrowserType, ...pixel } = devices['Pixel 7'];

// Check-in at the venue: the organizer makes the venue's code and shows its QR code; a
// participant's phone (in Arabic) opens its address and taps "I'm here"; the organizer's list
// shows the team present, ticks the other team's member in by hand, and exports the list.
test('a participant checks in from the venue code and the organizer ticks the other team in', async ({ page, browser }) => {
  const id = unique();
  await asAdmin(page);
  await createEvent(page, `Hackathon Nador ${id}`, '1');
  const eventPath = new URL(page.url()).pathname.replace(/\/manage$/, '');
  const invite = await createInvite(page, 'participant', '5');
  await submitProject(browser, invite, id, 1);
  await submitProject(browser, invite, id, 2);

  await page.goto(eventPath);
  await page.getByRole('link', { name: 'Check-in', exact: true }).click();
  const summary = page.locator('.checkin-page .big');
  await expect(summary).toContainText('Teams here: 0 / 2');
  await page.getByRole('button', { name: 'Make a check-in code' }).click();
  await expect(page.locator('.checkin-code .qr svg')).toBeVisible();
  const address = ((await page.locator('.checkin-code .mono').textContent()) ?? '').trim();
  expect(address).toMatch(new RegExp(`${eventPath}/checkin/[A-Za-z0-9_-]+$`));

  // Participant 1 signs in on a phone, reads Arabic, and scans the poster.
  const phone = await browser.newContext({ ...pixel });
  const p = await phone.newPage();
  await logIn(p, `p1-${id}@example.ma`);
  await expect(p.getByRole('button', { name: 'Log out' })).toBeVisible();
  await p.goto(`/lang/ar?next=${encodeURIComponent(new URL(address).pathname)}`);
  await expect(p).toHaveURL(/\/checkin\//);
  expect(await p.evaluate(() => document.documentElement.dir)).toBe('rtl');
  await p.getByRole('button', { name: 'أنا هنا' }).click();
  await expect(p.locator('.checkin-page .notice')).toContainText('تم تسجيل حضورك');
  await p.setViewportSize({ width: 360, height: 740 });
  expect(await p.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await phone.close();

  // The organizer's list: team 1 is here; participant 2 is ticked in by hand.
  await page.reload();
  await expect(summary).toContainText('Teams here: 1 / 2');
  await expect(page.locator('.checkin-team.present')).toContainText(`Team 1 ${id}`);
  await page.getByRole('button', { name: 'Present Participant 2' }).click();
  await expect(summary).toContainText('Teams here: 2 / 2');
  await expect(page.locator('.checkin-team', { hasText: `Team 2 ${id}` })).toContainText('ticked by an organizer');

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Check-in list (CSV)' }).click();
  const file = await (await download).path();
  const csv = require('fs').readFileSync(file, 'utf8');
  expect(csv).toContain(`Team 1 ${id},Participant 1,yes`);
  expect(csv).toContain(`Team 2 ${id},Participant 2,yes`);
});
