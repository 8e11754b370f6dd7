import { Browser, BrowserContext, Page, expect } from '@playwright/test';

export const unique = () => `${Date.now()}${Math.floor(Math.random() * 1e6)}`;

/** A `datetime-local` value `offsetDays` from now. */
export function localInput(offsetDays: number): string {
  const d = new Date(Date.now() + offsetDays * 86400000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export async function signUp(page: Page, name: string, email: string) {
  await page.goto('/signup');
  await page.getByLabel('Full name').fill(name);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill('correct horse battery');
  await page.getByRole('button', { name: 'Sign up' }).click();
  await expect(page.getByRole('button', { name: 'Log out' })).toBeVisible();
}

/** Submits the sign-in form with the tests' common password. */
export async function logIn(page: Page, email: string) {
  await page.goto('/login');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill('correct horse battery');
  await page.getByRole('button', { name: 'Log in' }).click();
}

/** Fills and submits the create-event form; registration is open now. Ends on the manage page. */
export async function createEvent(page: Page, name: string, teamMin = '2') {
  await page.goto('/events/new');
  await page.getByLabel('Event name').fill(name);
  await page.getByLabel('Minimum team size').fill(teamMin);
  await page.locator('#f-description_fr').fill('Le numérique au service du citoyen.');
  await page.locator('#f-description_ar').fill('الرقمي في خدمة المواطن.');
  await page.getByLabel('Venue').fill('Berkane');
  await page.getByLabel('Event starts').fill(localInput(5));
  await page.getByLabel('Event ends').fill(localInput(8));
  await page.getByLabel('Registration opens').fill(localInput(-1));
  await page.getByLabel('Registration closes').fill(localInput(5));
  await page.getByLabel('Hacking starts').fill(localInput(5));
  await page.getByLabel('Submission deadline').fill(localInput(7));
  await page.getByLabel('Judging opens').fill(localInput(7));
  await page.getByLabel('Judging closes').fill(localInput(8));
  await page.getByLabel('Results announced').fill(localInput(8));
  await page.getByRole('button', { name: 'Create event' }).click();
  await expect(page).toHaveURL(/\/events\/\d+\/manage$/);
}

/** Creates an invite link for `role` on the manage page and returns its path. */
export async function createInvite(page: Page, role: string, uses: string): Promise<string> {
  await page.getByLabel('Role', { exact: true }).selectOption(role);
  await page.getByLabel('Number of uses').fill(uses);
  // Wait for the new invite to be listed (newest first) before reading its link.
  const before = await page.getByLabel('Link').count();
  await page.getByRole('button', { name: 'Create invite link' }).click();
  await expect(page.getByLabel('Link')).toHaveCount(before + 1);
  const link = page.getByLabel('Link').first();
  await expect(link).toHaveValue(/\/invite\/[A-Za-z0-9]{24}$/);
  return new URL(await link.inputValue()).pathname;
}

/** Signs in as the e2e platform admin, creating the account the first time. The server was
 *  started with HAKAM_ADMIN_EMAIL set to that address, which makes no one admin by itself:
 *  the account claims the one-time set-up link the server printed at start, which
 *  scripts/test passes in E2E_ADMIN_SETUP. */
export async function asAdmin(page: Page) {
  const email = process.env.E2E_ADMIN_EMAIL || 'e2e-admin@example.ma';
  await logIn(page, email);
  const loggedIn = await page
    .getByRole('button', { name: 'Log out' })
    .waitFor({ timeout: 5000 })
    .then(() => true, () => false);
  if (!loggedIn) await signUp(page, 'Organisatrice', email);
  const isAdmin = await page.getByRole('link', { name: 'Administration' }).isVisible();
  if (!isAdmin) {
    const setup = process.env.E2E_ADMIN_SETUP;
    if (!setup) throw new Error('E2E_ADMIN_SETUP (the admin set-up link the server printed) is not set');
    await page.goto(setup);
    await page.getByRole('button', { name: 'Become the platform admin' }).click();
    await expect(page).toHaveURL(/\/admin$/);
    // Back home, where signing in lands as well.
    await page.goto('/');
  }
}

/** A 2×2 PNG made in memory. */
export function pngBytes(): Buffer {
  return Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==',
    'base64',
  );
}

/** A participant signs up through the invite, forms a team of one and submits a project. */
export async function submitProject(browser: Browser, invite: string, id: string, n: number) {
  const ctx = await browser.newContext();
  const p = await ctx.newPage();
  await p.goto(invite);
  await p.getByLabel('Full name').fill(`Participant ${n}`);
  await p.getByLabel('Email address').fill(`p${n}-${id}@example.ma`);
  await p.getByLabel('Password').fill('correct horse battery');
  await p.getByRole('button', { name: 'Create account and accept' }).click();
  await expect(p).toHaveURL(/\/events\/\d+$/);
  await p.getByRole('link', { name: 'My team' }).click();
  await p.getByLabel('Team name').fill(`Team ${n} ${id}`);
  await p.getByRole('button', { name: 'Create a team' }).click();
  await p.getByRole('link', { name: 'Our project' }).click();
  await p.getByLabel('Project title').fill(`Projet ${n}`);
  await p.getByLabel('Description').fill('Une application pour la province.');
  await p.getByRole('button', { name: 'Submit project' }).click();
  await expect(p.locator('.badge')).toHaveText('Submitted');
  await ctx.close();
}

/** On the judging console: judging open now with one judge per project, one judge added by
 *  name, assignment run. Returns the path of the judge's phone sign-in link, which the console
 *  shows once, on the page view right after the judge is added (only its digest is stored). */
export async function openJudgingWithOneJudge(page: Page, eventPath: string, judge: string): Promise<string> {
  await page.goto(`${eventPath}/judging`);
  await page.getByLabel('Judges per project').fill('1');
  await page.getByLabel('Judging state').selectOption('open');
  await page.getByRole('button', { name: 'Save' }).first().click();
  await expect(page.locator('.badge[data-open="true"]')).toBeVisible();
  await page.getByLabel('Full name').fill(judge);
  await page.getByRole('button', { name: 'Add judge' }).click();
  await expect(page.locator('input.pass-link')).toHaveCount(1);
  const pass = new URL(await page.locator('input.pass-link').inputValue()).pathname;
  await page.getByRole('button', { name: 'Assign projects' }).click();
  await expect(page.locator('#coverage tr.under')).toHaveCount(0);
  return pass;
}

/** An event with `projects` submitted projects (three by default), a two-criterion rubric
 *  (Impact, weight 3, with a descriptor per level; التنفيذ from 0 to 10), judging open and one
 *  judge (`judge`) assigned all of them. Returns the
 *  event's path, the judge's sign-in link and the participants' email suffix (participant n
 *  is `p${n}-${id}@example.ma`). */
export async function deskEvent(
  page: Page,
  browser: Browser,
  town: string,
  { projects = 3, judge = 'Karim Bennani' } = {},
): Promise<{ eventPath: string; pass: string; id: string }> {
  const id = unique();
  await asAdmin(page);
  await createEvent(page, `Hackathon ${town} ${id}`, '1');
  const eventPath = new URL(page.url()).pathname.replace(/\/manage$/, '');
  const invite = await createInvite(page, 'participant', String(Math.max(5, projects)));
  for (let n = 1; n <= projects; n++) await submitProject(browser, invite, id, n);
  await page.goto(`${eventPath}/rubric`);
  await page.locator('#f-name_1_fr').fill('Impact');
  await page.locator('#f-weight_1').fill('3');
  await page.locator('#f-levels_1_fr').fill('Aucun\nFaible\nMoyen\nFort\nExceptionnel');
  await page.locator('#f-name_2_ar').fill('التنفيذ');
  await page.locator('#f-scale_2').selectOption('0-10');
  await page.getByRole('button', { name: 'Save rubric' }).click();
  await expect(page.getByRole('heading', { name: 'Preview: the judge\'s view' })).toBeVisible();
  const pass = await openJudgingWithOneJudge(page, eventPath, judge);
  return { eventPath, pass, id };
}

/** Cuts the phone's network, and waits until the cut reaches requests that pass through the
 *  desk's worker as well as the page's own: it can reach a worker (re)started for a
 *  navigation a moment after the page, and a save sent in that moment went out in one run. */
export async function goOffline(ctx: BrowserContext, j: Page) {
  await ctx.setOffline(true);
  await expect
    .poll(() => j.evaluate(() => fetch('/healthz', { cache: 'no-store' }).then(() => 'online', () => 'offline')))
    .toBe('offline');
}
