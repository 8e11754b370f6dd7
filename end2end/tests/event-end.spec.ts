import { test, expect } from '@playwright/test';
import { asAdmin, createEvent, createInvite, signUp, unique } from './helpers';

// After the results: the organizer archives the event (read-only, still readable), cannot
// delete it before downloading the whole event, then downloads it and deletes it for good.
test('an event is archived, exported, then deleted', async ({ page }) => {
  const id = unique();
  const name = `Hackathon Nador ${id}`;
  await asAdmin(page);
  await createEvent(page, name);
  const eventPath = new URL(page.url()).pathname.replace(/\/manage$/, '');

  await page.goto(`${eventPath}/dashboard`);
  // Results are not due yet: archiving needs the box ticked.
  await page.getByLabel(/I confirm the event is over anyway/).check();
  await page.getByRole('button', { name: 'Archive the event' }).click();
  const banner = page.getByText('This event is archived: it is read-only.', { exact: false }).first();
  await expect(banner).toBeVisible();
  await page.goto(eventPath);
  await expect(banner).toBeVisible();
  await expect(page.getByRole('button', { name: 'Join as a participant' })).toHaveCount(0);

  // Not before a full export taken since the archive.
  await page.goto(`${eventPath}/dashboard`);
  const confirmName = page.getByLabel("Type the event's name to confirm");
  await confirmName.fill(name);
  await page.getByRole('button', { name: 'Delete the event for good' }).click();
  await expect(page.getByText('Download the whole event (ZIP) first', { exact: false }).first()).toBeVisible();
  await page.goto(eventPath);
  await expect(page.getByRole('heading', { name })).toBeVisible();

  await page.goto(`${eventPath}/dashboard`);
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Whole event (ZIP)' }).first().click();
  expect((await download).suggestedFilename()).toMatch(/\.zip$/);
  await page.reload();
  await expect(page.getByText('A full export was downloaded since the event was archived.')).toBeVisible();
  await page.getByLabel("Type the event's name to confirm").fill(name);
  await page.getByRole('button', { name: 'Delete the event for good' }).click();
  await expect(page).toHaveURL(/\/$/);
  const gone = await page.goto(eventPath);
  expect(gone!.status()).toBe(404);
});

// A person downloads their data and deletes their account; the privacy notice reads
// right-to-left in Arabic on a phone.
test('personal data: download, deletion, and the notice in Arabic', async ({ page, browser }) => {
  const id = unique();
  const email = `data-${id}@example.ma`;
  await signUp(page, 'Imane Tazi', email);
  await page.goto('/account');

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download my data' }).click();
  const file = await download;
  const chunks: Buffer[] = [];
  for await (const c of await file.createReadStream()) chunks.push(c as Buffer);
  const data = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  expect(JSON.stringify(data)).toContain(email);
  expect(JSON.stringify(data)).toContain('Imane Tazi');
  expect(JSON.stringify(data)).not.toContain('argon2');

  const form = page.locator('form', { has: page.getByRole('button', { name: 'Delete my account for good' }) });
  await form.getByLabel('Type your email address to confirm').fill('someone-else@example.ma');
  await form.getByLabel('Current password').fill('correct horse battery');
  await form.getByRole('button', { name: 'Delete my account for good' }).click();
  // A wrong confirmation is said next to its field, and the account stays.
  await expect(form.getByLabel('Type your email address to confirm')).toHaveAttribute('aria-invalid', 'true');
  await page.goto('/account');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  const again = page.locator('form', { has: page.getByRole('button', { name: 'Delete my account for good' }) });
  await again.getByLabel('Type your email address to confirm').fill(email);
  await again.getByLabel('Current password').fill('correct horse battery');
  await again.getByRole('button', { name: 'Delete my account for good' }).click();
  await expect(page).toHaveURL(/\/login\?done=deleted/);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill('correct horse battery');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('button', { name: 'Log out' })).toHaveCount(0);

  const phone = await browser.newContext({ locale: 'ar', viewport: { width: 360, height: 740 } });
  const p = await phone.newPage();
  await p.goto('/privacy');
  await expect(p.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(p.getByRole('heading', { level: 1 })).toHaveText('إشعار الخصوصية');
  const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await phone.close();
});

// The organizer removes a mentor from the people table, behind a confirmation; the mentor
// loses the event at their next click.
test('an organizer removes a mentor', async ({ page, browser }) => {
  const id = unique();
  await asAdmin(page);
  await createEvent(page, `Bootcamp Tétouan ${id}`);
  const manage = page.url();
  const invite = await createInvite(page, 'mentor', '1');

  const mentor = await browser.newContext({ locale: 'en-US' });
  const m = await mentor.newPage();
  await m.goto(invite);
  await m.locator('#f-display_name').fill('Reda Mentor');
  await m.locator('#f-email').fill(`mentor-${id}@example.ma`);
  await m.locator('#f-password').fill('correct horse battery');
  await m.locator('form button[type=submit]').last().click();
  await expect(m).toHaveURL(/\/events\/\d+$/);
  const eventPath = new URL(m.url()).pathname;

  await page.goto(manage);
  const row = page.locator('tr', { hasText: 'Reda Mentor' });
  await row.getByText('Remove', { exact: true }).click();
  await expect(row.getByText('Their upcoming sessions are withdrawn', { exact: false })).toBeVisible();
  await row.getByRole('button', { name: 'Yes, remove' }).click();
  await expect(page.locator('tr', { hasText: 'Reda Mentor' })).toHaveCount(0);

  const refused = await m.goto(`${eventPath}/mentor`);
  expect([401, 403, 404]).toContain(refused!.status());
  await mentor.close();
});
