import { test, expect, devices, Page } from '@playwright/test';
import { asAdmin, createEvent, createInvite, unique } from './helpers';

// A team raises a help request; the mentor's already open page shows it without reloading;
// the mentor claims and resolves it, and the team sees who is coming.
test('the help queue updates live on the mentor page', async ({ page, browser }) => {
  const id = unique();
  await asAdmin(page);
  await createEvent(page, `Hackathon Agadir ${id}`, '1');
  const mentorInvite = await createInvite(page, 'mentor', '1');
  const participantInvite = await createInvite(page, 'participant', '1');

  const mentorContext = await browser.newContext({ locale: 'fr-FR' });
  const mentor = await mentorContext.newPage();
  await mentor.goto(mentorInvite);
  await mentor.getByLabel('Nom complet').fill('Youssef Alaoui');
  await mentor.getByLabel('Adresse e-mail').fill(`mentor${id}@example.ma`);
  await mentor.getByLabel('Mot de passe').fill('correct horse battery');
  await mentor.getByRole('button', { name: 'Créer le compte et accepter' }).click();
  await expect(mentor).toHaveURL(/\/events\/\d+$/);
  const eventPath = new URL(mentor.url()).pathname;
  await mentor.goto(`${eventPath}/help`);
  await expect(mentor.getByRole('heading', { name: 'File des demandes' })).toBeVisible();
  // Give the live island time to load and connect; the page then stays open.
  await mentor.waitForTimeout(1500);

  const teamContext = await browser.newContext({ locale: 'fr-FR' });
  const team = await teamContext.newPage();
  await team.goto(participantInvite);
  await team.getByLabel('Nom complet').fill('Meryem Seddiki');
  await team.getByLabel('Adresse e-mail').fill(`team${id}@example.ma`);
  await team.getByLabel('Mot de passe').fill('correct horse battery');
  await team.getByRole('button', { name: 'Créer le compte et accepter' }).click();
  await expect(team).toHaveURL(/\/events\/\d+$/);
  await team.goto(`${eventPath}/team`);
  await team.getByLabel("Nom de l'équipe").fill(`Atlas ${id}`);
  await team.getByRole('button', { name: 'Créer une équipe' }).click();
  await expect(team.getByRole('heading', { name: `Atlas ${id}` })).toBeVisible();
  await team.goto(`${eventPath}/help`);
  await team.getByLabel('De quoi avez-vous besoin ?').fill('Déploiement bloqué');
  await team.getByLabel('Où êtes-vous (table, salle)').fill('Table 7');
  await team.getByRole('button', { name: "Demander de l'aide" }).click();
  await expect(team.getByText('Déploiement bloqué')).toBeVisible();

  // The mentor's page shows it without a reload.
  const card = mentor.locator('#live-help li').filter({ hasText: 'Déploiement bloqué' });
  await expect(card).toBeVisible({ timeout: 10000 });
  await card.getByRole('button', { name: "Je m'en charge" }).click();
  await expect(mentor.locator('#live-help li').filter({ hasText: 'Déploiement bloqué' })).toContainText('Un mentor arrive');

  // The team's page learns who is coming, live as well.
  await expect(team.getByText('Youssef Alaoui arrive.')).toBeVisible({ timeout: 10000 });

  await mentor.locator('#live-help li').filter({ hasText: 'Déploiement bloqué' }).getByRole('button', { name: "C'est résolu" }).click();
  await expect(mentor.locator('#live-help li').filter({ hasText: 'Déploiement bloqué' })).toHaveCount(0);
  await mentorContext.close();
  await teamContext.close();
});

// Two teams wait for help. The second, on a phone, reads its place in the queue; when the
// request ahead of it is resolved its open page moves it up, without a reload. The
// organizer then sends a mentor to it from the queue and sees that mentor busy.
test('a team sees its place in the queue move up, and an organizer sends a mentor', async ({ page, browser }) => {
  const id = unique();
  await asAdmin(page);
  await createEvent(page, `Hackathon Safi ${id}`, '1');
  const eventPath = new URL(page.url()).pathname.replace(/\/manage$/, '');
  const mentorInvite = await createInvite(page, 'mentor', '1');
  const participantInvite = await createInvite(page, 'participant', '2');

  const mentorContext = await browser.newContext();
  const mentor = await mentorContext.newPage();
  await mentor.goto(mentorInvite);
  await mentor.getByLabel('Full name').fill('Hamza Tahiri');
  await mentor.getByLabel('Email address').fill(`mentor${id}@example.ma`);
  await mentor.getByLabel('Password').fill('correct horse battery');
  await mentor.getByRole('button', { name: 'Create account and accept' }).click();
  await expect(mentor).toHaveURL(/\/events\/\d+$/);

  const { defaultBrowserType, ...pixel } = devices['Pixel 7'];
  const teams: Page[] = [];
  for (const [n, topic] of [[1, 'Base de données'], [2, 'Capteur muet']] as const) {
    const ctx = await browser.newContext(n === 2 ? { ...pixel } : {});
    const t = await ctx.newPage();
    await t.goto(participantInvite);
    await t.getByLabel('Full name').fill(`Participant ${n}`);
    await t.getByLabel('Email address').fill(`p${n}-${id}@example.ma`);
    await t.getByLabel('Password').fill('correct horse battery');
    await t.getByRole('button', { name: 'Create account and accept' }).click();
    await expect(t).toHaveURL(/\/events\/\d+$/);
    await t.goto(`${eventPath}/team`);
    await t.getByLabel('Team name').fill(`Team ${n} ${id}`);
    await t.getByRole('button', { name: 'Create a team' }).click();
    await expect(t.getByRole('heading', { name: `Team ${n} ${id}` })).toBeVisible();
    await t.goto(`${eventPath}/help`);
    await t.getByLabel('What do you need?').fill(topic);
    await t.getByLabel('Where you sit (table, room)').fill(`Table ${n}`);
    await t.getByRole('button', { name: 'Ask for help' }).click();
    await expect(t.locator('.help-place')).toContainText(`Place in the queue: ${n}`);
    teams.push(t);
  }
  const second = teams[1];
  await expect(second.locator('.help-place')).toContainText('No estimate yet');
  expect(await second.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  // Let the open page connect to the live channel.
  await second.waitForTimeout(1500);

  // The first team solved it itself: the second moves up on its open page.
  await teams[0].locator('#live-help li').filter({ hasText: 'Base de données' }).getByRole('button', { name: 'Resolved' }).click();
  await expect(second.locator('.help-place')).toContainText('Place in the queue: 1', { timeout: 10000 });

  // The organizer sends the mentor to the second team, and sees the mentor busy.
  await page.goto(`${eventPath}/help`);
  const card = page.locator('#live-help li').filter({ hasText: 'Capteur muet' });
  await card.getByLabel('Send a mentor').selectOption({ label: 'Hamza Tahiri' });
  await card.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.locator('.mentor-loads li').filter({ hasText: 'Hamza Tahiri' })).toContainText('Helping: Capteur muet');
  await expect(second.getByText('Hamza Tahiri is coming.')).toBeVisible({ timeout: 10000 });
  await expect(second.locator('.help-place')).toHaveCount(0);
  await mentorContext.close();
});
