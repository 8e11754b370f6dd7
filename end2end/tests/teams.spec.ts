import { test, expect, devices } from '@playwright/test';
import { asAdmin, createEvent, createInvite, unique } from './helpers';

// Three participants join an event by invite, one creates a team, the others join it
// through the team's link (one of them on a phone), and all three see the same team.
test('three participants form a team through an invite link', async ({ page, browser }) => {
  const id = unique();
  await asAdmin(page);
  await createEvent(page, `Bootcamp Essaouira ${id}`);
  const invite = await createInvite(page, 'participant', '10');

  const { defaultBrowserType, ...pixel } = devices['Pixel 7'];
  const contexts = [
    await browser.newContext({ locale: 'fr-FR' }),
    await browser.newContext({ ...pixel, locale: 'ar' }),
    await browser.newContext({ locale: 'en-US' }),
  ];
  const names = ['Meryem Seddiki', 'هشام بنكيران', 'Omar Chraibi'];
  const pages = [];
  for (const [i, context] of contexts.entries()) {
    const p = await context.newPage();
    await p.goto(invite);
    await p.locator('#f-display_name').fill(names[i]);
    await p.locator('#f-email').fill(`p${i}-${id}@example.ma`);
    await p.locator('#f-password').fill('correct horse battery');
    await p.locator('form button[type=submit]').last().click();
    await expect(p).toHaveURL(/\/events\/\d+$/);
    pages.push(p);
  }

  // The first participant (French) creates the team.
  const [meryem, hicham, omar] = pages;
  await meryem.getByRole('link', { name: 'Mon équipe' }).click();
  await meryem.getByLabel("Nom de l'équipe").fill('فريق الأطلس');
  await meryem.getByLabel("L'idée en une phrase").fill('Des données ouvertes pour la province');
  await meryem.getByRole('button', { name: 'Créer une équipe' }).click();
  await expect(meryem.getByRole('heading', { name: 'فريق الأطلس' })).toBeVisible();
  const teamUrl = await meryem.getByLabel("Lien d'invitation de l'équipe").inputValue();
  expect(teamUrl).toMatch(/^https?:\/\/.+\/join\/[A-Za-z0-9]{10}$/);
  const teamLink = new URL(teamUrl).pathname;

  // The second, on a phone in Arabic, and the third join through that link.
  await hicham.goto(teamLink);
  await expect(hicham.locator('html')).toHaveAttribute('dir', 'rtl');
  await hicham.getByRole('button', { name: 'الانضمام إلى الفريق' }).click();
  await expect(hicham).toHaveURL(/\/events\/\d+\/team$/);
  await expect(hicham.locator('ul.members li')).toHaveCount(2);

  await omar.goto(teamLink);
  await omar.getByRole('button', { name: 'Join the team' }).click();
  await expect(omar).toHaveURL(/\/events\/\d+\/team$/);

  await meryem.reload();
  const members = meryem.locator('ul.members li');
  await expect(members).toHaveCount(3);
  for (const name of names) await expect(members.filter({ hasText: name })).toHaveCount(1);
  await expect(members.filter({ hasText: 'Meryem Seddiki' })).toContainText('Capitaine');

  const overflow = await hicham.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  for (const c of contexts) await c.close();
});
