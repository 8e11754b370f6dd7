import { test, expect } from '@playwright/test';
import { deskEvent } from './helpers';

// A judge without a phone: the organizer prints the judge's sheets, then keys one in from
// the sheet's QR code on a phone; the judge's score is saved and the audit names who keyed
// it in.
test('an organizer prints a judge\'s sheets and keys one in from its QR code', async ({ page, browser }) => {
  const { eventPath } = await deskEvent(page, browser, 'Taza', { judge: 'Nadia Tazi' });

  await page.goto(`${eventPath}/judging`);
  await page.getByRole('link', { name: 'Print paper score sheets' }).click();
  await expect(page.locator('.paper-sheet')).toHaveCount(3);
  await expect(page.locator('.paper-sheet').first()).toContainText('Judge: Nadia Tazi');
  await expect(page.locator('.paper-sheet .qr svg')).toHaveCount(3);
  // Printed, only the sheets remain, one per page.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.page-head')).toBeHidden();
  await expect(page.locator('.paper-sheet').first()).toHaveCSS('break-after', 'page');
  await page.emulateMedia({ media: 'screen' });
  const entry = new URL((await page.locator('.sheet-url').first().textContent()) ?? '');

  // The QR code's address, opened on the organizer's phone.
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(entry.pathname + entry.search);
  await expect(page.getByRole('heading', { name: 'Key in a paper sheet' })).toBeVisible();
  await page.locator('.criterion').nth(0).locator('label.level', { hasText: /^4/ }).click();
  await page.locator('.criterion').nth(1).locator('label.level', { hasText: /^7/ }).click();
  await page.getByRole('button', { name: 'Save the sheet' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved: the score is now at version' })).toBeVisible();
  await expect(page.locator('.criterion').nth(0).locator('input:checked')).toHaveValue('4');
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

  await page.goto(`${eventPath}/audit`);
  await expect(page.locator('.paper-entry-mark').first()).toContainText('from paper');
});
