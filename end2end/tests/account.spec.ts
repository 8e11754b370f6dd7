import { test, expect, Browser } from '@playwright/test';
import { asAdmin, createEvent, signUp, unique } from './helpers';

async function logIn(browser: Browser, email: string, password: string) {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  return { context, page };
}

// A person renames themself, changes their password (a wrong current password is refused
// next to its field and changes nothing), and the other device they were signed in on is
// signed out; then "sign out everywhere" signs out this one too.
test('account: profile, password change and sign out everywhere', async ({ page, browser }) => {
  const id = unique();
  const email = `acct-${id}@example.ma`;
  await signUp(page, 'Salma Idrissi', email);
  const other = await logIn(browser, email, 'correct horse battery');
  await expect(other.page.getByRole('button', { name: 'Log out' })).toBeVisible();

  await page.getByRole('link', { name: 'My account' }).click();
  await expect(page).toHaveURL(/\/account$/);
  const profile = page.locator('form', { has: page.getByRole('button', { name: 'Save name and email' }) });
  await profile.getByLabel('Full name').fill('Salma El Idrissi');
  await profile.getByRole('button', { name: 'Save name and email' }).click();
  await expect(page.getByText('Your name and email address were saved.')).toBeVisible();
  await expect(profile.getByLabel('Full name')).toHaveValue('Salma El Idrissi');

  const password = page.locator('form', { has: page.getByRole('button', { name: 'Change password' }) });
  await password.getByLabel('Current password').fill('not my password');
  await password.getByLabel('New password').fill('a brand new passphrase');
  await password.getByRole('button', { name: 'Change password' }).click();
  const current = password.getByLabel('Current password');
  await expect(current).toHaveAttribute('aria-invalid', 'true');
  // Refused: the other device is still signed in.
  await other.page.reload();
  await expect(other.page.getByRole('button', { name: 'Log out' })).toBeVisible();

  await current.fill('correct horse battery');
  await password.getByLabel('New password').fill('a brand new passphrase');
  await password.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('Your password was changed.', { exact: false })).toBeVisible();
  // This device stays signed in; the other one is signed out.
  await page.reload();
  await expect(page.getByRole('button', { name: 'Log out' })).toBeVisible();
  await other.page.reload();
  await expect(other.page.getByRole('link', { name: 'Log in' }).first()).toBeVisible();
  await other.context.close();

  // The old password no longer opens the account; the new one does.
  const old = await logIn(browser, email, 'correct horse battery');
  await expect(old.page.getByRole('button', { name: 'Log out' })).toHaveCount(0);
  await old.context.close();
  const fresh = await logIn(browser, email, 'a brand new passphrase');
  await expect(fresh.page.getByRole('button', { name: 'Log out' })).toBeVisible();

  await page.getByRole('button', { name: 'Sign out everywhere' }).click();
  await expect(page.getByRole('link', { name: 'Log in' }).first()).toBeVisible();
  await fresh.page.reload();
  await expect(fresh.page.getByRole('link', { name: 'Log in' }).first()).toBeVisible();
  await fresh.context.close();
});

// Someone forgot their password: the forgot page says whom to ask (there is no e-mail),
// the platform admin issues a one-time link, the person sets a new password with it, and
// the link does not work a second time.
test('account: a forgotten password through a one-time reset link', async ({ page, browser }) => {
  const id = unique();
  const email = `forgot-${id}@example.ma`;
  const signup = await browser.newContext({ locale: 'en-US' });
  await signUp(await signup.newPage(), 'Youssef Amrani', email);
  await signup.close();
  // The person comes back on another device, in French.
  const person = await browser.newContext({ locale: 'fr-FR' });
  const p = await person.newPage();

  await p.goto('/login');
  await p.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
  await expect(p).toHaveURL(/\/forgot$/);
  await expect(p.getByRole('heading', { level: 1 })).toContainText('Mot de passe oublié');

  await asAdmin(page);
  await page.goto('/admin');
  const row = page.locator('tr', { hasText: email });
  await row.getByRole('button', { name: 'Issue a reset link' }).click();
  const link = page.locator('tr', { hasText: email }).getByLabel('One-time reset link (shown once)');
  await expect(link).toHaveValue(/\/reset\/[A-Za-z0-9_-]+$/);
  const path = new URL(await link.inputValue()).pathname;

  await p.goto(path);
  await p.getByLabel('Nouveau mot de passe').fill('une phrase toute neuve');
  await p.locator('form button[type=submit]').last().click();
  await expect(p).toHaveURL(/\/login/);
  await p.getByLabel('Adresse e-mail').fill(email);
  await p.getByLabel('Mot de passe', { exact: true }).fill('une phrase toute neuve');
  await p.locator('form button[type=submit]').last().click();
  await expect(p.getByRole('button', { name: 'Se déconnecter' })).toBeVisible();

  // Used once: a second use is refused and changes nothing.
  await person.clearCookies();
  await p.goto(path);
  await p.getByLabel('Nouveau mot de passe').fill('encore une autre phrase');
  await p.locator('form button[type=submit]').last().click();
  await expect(p.locator('[role=alert]').first()).toBeVisible();
  const again = await logIn(browser, email, 'une phrase toute neuve');
  await expect(again.page.getByRole('button', { name: 'Log out' })).toBeVisible();
  await again.context.close();
  await person.close();
});

// The organizer's dashboard shows the join QR code for the projector and downloads the whole
// event as one ZIP; someone holding only a team link signs up and joins event and team at once.
test('dashboard join code, event ZIP, and joining by team link alone', async ({ page, browser }) => {
  const id = unique();
  await asAdmin(page);
  await createEvent(page, `Hackathon Oujda ${id}`, '1');
  const eventPath = new URL(page.url()).pathname.replace(/\/manage$/, '');

  await page.goto(`${eventPath}/dashboard`);
  const qr = page.locator('.join-qr svg');
  await expect(qr).toBeVisible();
  // Large enough to scan from the back of a hall on the projector. (Measured as the page
  // lays it out: the dashboard's live region may redraw the code once the script is in.)
  await expect
    .poll(() => page.locator('.join-qr svg').evaluate((e) => e.getBoundingClientRect().width))
    .toBeGreaterThan(120);

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Whole event (ZIP)' }).click();
  const zip = await download;
  expect(zip.suggestedFilename()).toMatch(/\.zip$/);
  const stream = await zip.createReadStream();
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  const bytes = Buffer.concat(chunks);
  expect(bytes.subarray(0, 2).toString()).toBe('PK');

  // A captain creates a team (joining the event through its page first).
  const captain = await browser.newContext({ locale: 'en-US' });
  const c = await captain.newPage();
  await signUp(c, 'Nadia Berrada', `captain-${id}@example.ma`);
  await c.goto(eventPath);
  await c.getByRole('button', { name: 'Join as a participant' }).click();
  await c.getByRole('link', { name: 'My team' }).click();
  await c.getByLabel('Team name').fill(`Oujda Makers ${id}`);
  await c.getByLabel('One-line pitch').fill('Water meters that talk');
  await c.getByRole('button', { name: 'Create a team' }).click();
  const teamUrl = await c.getByLabel('Team invite link').inputValue();
  const teamLink = new URL(teamUrl).pathname;

  // A newcomer on a phone in Arabic has only the team link: sign up from it, then join.
  const newcomer = await browser.newContext({ locale: 'ar', viewport: { width: 360, height: 740 } });
  const n = await newcomer.newPage();
  await n.goto(teamLink);
  await n.locator(`a[href="/signup?next=${teamLink}"]`).click();
  await n.locator('#f-display_name').fill('أمين الزياني');
  await n.locator('#f-email').fill(`newcomer-${id}@example.ma`);
  await n.locator('#f-password').fill('correct horse battery');
  await n.locator('form button[type=submit]').last().click();
  await expect(n).toHaveURL(new RegExp(`${teamLink}$`));
  await expect(n.locator('p.hint').first()).toBeVisible();
  await n.getByRole('button', { name: 'الانضمام إلى الفريق' }).click();
  await expect(n).toHaveURL(/\/events\/\d+\/team$/);
  await expect(n.locator('ul.members li')).toHaveCount(2);
  const overflow = await n.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await captain.close();
  await newcomer.close();
});
