import { test, expect, devices } from '@playwright/test';
import { deskEvent, logIn } from './helpers';

const { defaultBrowserType, ...pixel } = devices['Pixel 7'];

// After the results: the judge wrote feedback for each team and private notes for the
// organizers; the organizer chooses to show each team its place, its average marks and the
// feedback, then publishes. A participant reads their team's result (never the private notes,
// never the judge's name), prints their certificate of participation, and anyone who opens the
// address printed on it is told it is genuine.
test('a team reads its marks and feedback, and prints a certificate anyone can check', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const { eventPath, pass, id } = await deskEvent(page, browser, 'Tétouan', { projects: 2, judge: 'Salma Berrada' });

  const phone = await browser.newContext({ ...pixel });
  const j = await phone.newPage();
  await j.goto(pass);
  await j.getByRole('button', { name: 'Start scoring' }).click();
  await expect(j.locator('.desk[data-ready="true"]')).toBeVisible();
  // Participant 1's project gets the better marks, whichever comes first on the desk.
  for (let i = 0; i < 2; i++) {
    const ours = ((await j.locator('#desk-title').innerText()).trim()) === 'Projet 1';
    const [impact, execution] = ours ? ['4', '7'] : ['2', '3'];
    await j.locator('.criterion').nth(0).locator('label.level', { hasText: new RegExp(`^${impact}`) }).click();
    await j.locator('.criterion').nth(1).locator('label.level', { hasText: new RegExp(`^${execution}$`) }).click();
    await j.getByLabel('Feedback for the team').fill(ours ? 'Démo claire, pensez au modèle économique' : 'Interface à simplifier');
    await j.getByLabel('Private notes for the organizers').fill(ours ? 'Mentor très présent' : 'Équipe absente au début');
    await j.getByLabel('Private notes for the organizers').blur();
    await expect(j.locator('.desk-sync')).toHaveAttribute('data-sync', 'saved');
    if (i === 0) {
      const before = await j.locator('#desk-title').innerText();
      await j.getByRole('button', { name: 'Save and next' }).click();
      await expect(j.locator('#desk-title')).not.toHaveText(before);
    }
  }
  await phone.close();

  // The organizer shows each team its marks and the feedback, and publishes everything at once.
  await page.goto(`${eventPath}/show`);
  const settings = page.locator('form:has(fieldset.team-view)');
  await expect(settings.getByLabel('Its place, overall and in its track')).toBeChecked();
  await settings.getByLabel('Its average mark on each criterion').check();
  await settings.getByLabel("The judges' feedback (without their names)").check();
  await settings.getByRole('button', { name: 'Save' }).click();
  await page.reload();
  await expect(page.getByLabel('Its average mark on each criterion')).toBeChecked();
  await expect(page.getByLabel("The judges' feedback (without their names)")).toBeChecked();
  await page.getByLabel('Reveal', { exact: true }).selectOption('all');
  await page.getByRole('button', { name: 'Publish the results' }).click();
  await expect(page.getByRole('link', { name: 'Certificates of participation' })).toBeVisible();

  // Participant 1 reads their team's result on a phone.
  const mine = await browser.newContext({ ...pixel });
  const p = await mine.newPage();
  await logIn(p, `p1-${id}@example.ma`);
  await expect(p.getByRole('button', { name: 'Log out' })).toBeVisible();
  await p.goto(`${eventPath}/ranking`);
  const result = p.locator('.my-result');
  await expect(result.locator('.big')).toContainText('1 / 2');
  const marks = result.locator('table.my-marks tbody tr');
  await expect(marks).toHaveCount(2);
  await expect(marks.nth(0).locator('th')).toHaveText('Impact');
  await expect(marks.nth(0).locator('td').first()).toContainText('4.0');
  await expect(marks.nth(1).locator('td').first()).toContainText('7.0');
  await expect(marks.nth(1).locator('td').last()).toHaveText('0–10');
  await expect(result.locator('ul.comments li')).toHaveText(['Démo claire, pensez au modèle économique']);
  const text = await p.locator('main').innerText();
  for (const hidden of ['Mentor très présent', 'Interface à simplifier', 'Salma Berrada']) expect(text).not.toContain(hidden);
  expect(await p.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

  // The certificate, as the browser prints it: the page's own controls are left out.
  await p.getByRole('link', { name: 'Your certificate of participation' }).click();
  await expect(p).toHaveURL(new RegExp(`${eventPath}/certificate$`));
  const cert = p.locator('article.certificate');
  await expect(cert.locator('.certificate-name')).toHaveText('Participant 1');
  await expect(cert).toContainText(`in the team Team 1 ${id}`);
  await expect(cert).toContainText('with the project “Projet 1”');
  await expect(cert.locator('.certificate-distinctions li')).toContainText(['First place']);
  await expect(cert.locator('.qr svg')).toBeVisible();
  await p.emulateMedia({ media: 'print' });
  await expect(cert).toBeVisible();
  await expect(p.locator('.no-print').first()).toBeHidden();
  await expect(p.locator('header').first()).toBeHidden();
  await p.emulateMedia({ media: 'screen' });
  const check = await cert.locator('.certificate-check a').getAttribute('href');
  expect(check).toMatch(/\/certificates\/[A-Za-z0-9_-]+$/);
  await mine.close();

  // Anyone holding the paper can check it, without an account.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(check!);
  await expect(visitor.getByRole('status')).toContainText('This certificate is genuine');
  await expect(visitor.locator('article.certificate .certificate-name')).toHaveText('Participant 1');
  const forged = check!.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
  const res = await visitor.goto(forged);
  expect(res?.status()).toBe(404);
  await expect(visitor.locator('article.certificate')).toHaveCount(0);
});
