import { test, expect, devices } from '@playwright/test';
import { asAdmin, createEvent, createInvite, localInput, pngBytes, unique } from './helpers';

// A participant on a phone submits a project with a screenshot; the organizer moves the
// deadline into the past; the participant's next edit is refused with the deadline shown.
test('a team submits a project with a screenshot, then edits are refused after the deadline', async ({ page, browser }) => {
  const id = unique();
  await asAdmin(page);
  // Teams of one may submit here, so one participant is enough.
  await createEvent(page, `Forum Société Numérique ${id}`, '1');
  const manageUrl = page.url();
  const invite = await createInvite(page, 'participant', '5');

  const { defaultBrowserType, ...pixel } = devices['Pixel 7'];
  const phone = await browser.newContext({ ...pixel, locale: 'fr-FR' });
  const p = await phone.newPage();
  await p.goto(invite);
  await p.getByLabel('Nom complet').fill('Imane Fassi');
  await p.getByLabel('Adresse e-mail').fill(`imane${id}@example.ma`);
  await p.getByLabel('Mot de passe').fill('correct horse battery');
  await p.getByRole('button', { name: 'Créer le compte et accepter' }).click();
  await expect(p).toHaveURL(/\/events\/\d+$/);
  await p.getByRole('link', { name: 'Mon équipe' }).click();
  await p.getByLabel("Nom de l'équipe").fill(`Atlas ${id}`);
  await p.getByRole('button', { name: 'Créer une équipe' }).click();
  await p.getByRole('link', { name: 'Notre projet' }).click();

  await p.getByLabel('Titre du projet').fill('منصة البيانات المفتوحة');
  await p.getByLabel('Description').fill('Une plateforme pour publier les données de la province.\nمنصة لنشر البيانات العمومية.');
  await p.getByLabel('Lien du dépôt').fill('https://github.com/atlas/open-data');
  await p.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
  await expect(p.getByText('Enregistré.')).toBeVisible();

  await p.getByLabel("Ajouter une capture d'écran").setInputFiles({ name: 'ecran.png', mimeType: 'image/png', buffer: pngBytes() });
  await p.getByRole('button', { name: 'Envoyer' }).click();
  await expect(p.locator('ul.shots img')).toHaveCount(1);
  await expect(p.locator('ul.shots img')).toHaveJSProperty('naturalWidth', 2);

  await p.getByRole('button', { name: 'Soumettre le projet' }).click();
  await expect(p.locator('.badge')).toHaveText('Soumis');
  await expect(p.locator('ol.history > li')).toHaveCount(2);

  // The organizer moves the schedule so that the deadline has passed.
  await page.goto(manageUrl);
  await page.getByLabel('Registration opens').fill(localInput(-3));
  await page.getByLabel('Registration closes').fill(localInput(-2));
  await page.getByLabel('Event starts').fill(localInput(-2));
  await page.getByLabel('Hacking starts').fill(localInput(-2));
  await page.getByLabel('Submission deadline').fill(localInput(-0.05));
  await page.getByRole('button', { name: 'Save' }).first().click();
  await expect(page.getByText('Saved.')).toBeVisible();

  // The participant, whose page was open before, tries one more edit.
  await p.getByLabel('Titre du projet').fill('Titre changé trop tard');
  await p.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
  await expect(p.locator('.form-error').first()).toContainText('La date limite était le');
  await expect(p.locator('.form-error').first()).toContainText('(Africa/Casablanca)');
  // What was typed is still there.
  await expect(p.getByLabel('Titre du projet')).toHaveValue('Titre changé trop tard');
  await p.reload();
  await expect(p.getByLabel('Titre du projet')).toHaveValue('منصة البيانات المفتوحة');
  await phone.close();
});
