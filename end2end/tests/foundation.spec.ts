import { test, expect, devices, Browser } from '@playwright/test';
import { asAdmin, createEvent } from './helpers';

// The foundation flow: an organizer signs up, creates an event with tracks and a judge invite;
// the judge opens the link on a phone, switches to Arabic and joins with only a name.
// It runs first (with one worker, Playwright runs the files in name order, and every other
// file sorts after "foundation"), so its organizer is the one who claims the admin set-up link.


async function phoneContext(browser: Browser) {
  const { defaultBrowserType, ...pixel } = devices['Pixel 7'];
  return browser.newContext({ ...pixel, locale: 'fr-FR' });
}

test('organizer creates an event and a judge joins by invite on a phone, in Arabic', async ({ page, browser }) => {
  // Organizer, desktop: signing up makes no one admin; the set-up link the server printed does.
  await asAdmin(page);
  await expect(page.getByRole('link', { name: 'Create event' })).toBeVisible();

  await createEvent(page, 'هاكاثون بركان الرقمي');

  for (const [lang, track] of [['ar', 'الرقمي في خدمة المواطن'], ['fr', 'Agritech']]) {
    await page.locator(`#f-track_name_${lang}`).fill(track);
    await page.getByRole('button', { name: 'Add track' }).click();
    await expect(page.locator('ul.tracks')).toContainText(track);
  }

  await page.getByLabel('Role', { exact: true }).selectOption('judge');
  await page.getByLabel('Who is it for?').fill('Jury');
  await page.getByRole('button', { name: 'Create invite link' }).click();
  const link = page.getByLabel('Link').first();
  await expect(link).toHaveValue(/\/invite\/[A-Za-z0-9]{24}$/);
  const inviteUrl = await link.inputValue();
  await expect(page.locator('.invite .qr svg').first()).toBeVisible();

  // Judge, on a phone.
  const phone = await phoneContext(browser);
  const judge = await phone.newPage();
  await judge.goto(new URL(inviteUrl).pathname);
  await expect(judge.locator('html')).toHaveAttribute('lang', 'fr');
  await judge.getByRole('link', { name: 'العربية' }).click();
  await expect(judge.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(judge.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(judge.getByRole('heading', { level: 1 })).toContainText('عضو لجنة التحكيم');

  // A judge needs only a name on the phone; an error is in Arabic, next to its field.
  await judge.getByLabel('الاسم الكامل').fill('   ');
  await judge.getByRole('button', { name: 'ابدأ التنقيط' }).click();
  await expect(judge.locator('#f-display_name-error')).toHaveText('هذا الحقل مطلوب.');
  await judge.getByLabel('الاسم الكامل').fill('عبد الرحيم الإدريسي');
  await judge.getByRole('button', { name: 'ابدأ التنقيط' }).click();
  // Signed in on this phone for this event only, straight onto the scoring page.
  await expect(judge).toHaveURL(/\/events\/\d+\/judge$/);
  await expect(judge.getByRole('heading', { level: 1 })).toContainText('التنقيط');
  await expect(judge.getByText('لم يُسند إليك أي مشروع بعد.')).toBeVisible();

  // Nothing overflows sideways on a 412 px phone in right-to-left layout.
  const overflow = await judge.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  // Event content reads in the reader's language: the Arabic description and track name,
  // not the French ones the organizer also wrote (the second track has French only).
  const eventPath = page.url().match(/\/events\/\d+/)![0];
  await judge.goto(eventPath);
  await expect(judge.locator('p.description')).toHaveText('الرقمي في خدمة المواطن.');
  await expect(judge.locator('ul.tracks')).toContainText('Agritech');
  await phone.close();
});

test('the language switch and forms work before any script runs', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: 'en-US' });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByRole('link', { name: 'Français' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await page.getByLabel('Adresse e-mail').fill('nobody@example.ma');
  await page.getByLabel('Mot de passe').fill('wrong password');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  // A plain form post: the server redirects back and the page shows the error in French.
  await expect(page.locator('#f-password-error')).toHaveText('E-mail ou mot de passe incorrect.');
  await context.close();
});
