import { test, expect } from '@playwright/test';
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
