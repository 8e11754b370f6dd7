import { test, expect, devices } from '@playwright/test';
import { asAdmin, createEvent, createInvite, openJudgingWithOneJudge, submitProject, unique } from './helpers';

// The hall: a judge scores on a phone while the projector (another browser, signed in as
// nobody) shows the board move without reloading; a freeze stops it; the organizer then
// publishes and steps a reveal from a phone, and the projector follows.
test('the projector follows scores, freeze and a reveal stepped from a phone', async ({ page, browser }) => {
  const id = unique();
  await asAdmin(page);
  await createEvent(page, `Hackathon Nador ${id}`, '1');
  const eventPath = new URL(page.url()).pathname.replace(/\/manage$/, '');
  const invite = await createInvite(page, 'participant', '5');
  for (const n of [1, 2]) await submitProject(browser, invite, id, n);

  await page.goto(`${eventPath}/rubric`);
  await page.locator('#f-name_1_fr').fill('Impact');
  await page.locator('#f-weight_1').fill('1');
  await page.getByRole('button', { name: 'Save rubric' }).click();
  await expect(page.getByRole('heading', { name: 'Preview: the judge\'s view' })).toBeVisible();
  const pass = await openJudgingWithOneJudge(page, eventPath, 'Karim Alaoui');

  // The organizer makes the live board public.
  await page.goto(`${eventPath}/show`);
  await page.getByLabel('Who sees the live leaderboard before publication').selectOption('public');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByLabel('Who sees the live leaderboard before publication')).toHaveValue('public');

  // The projector: its own browser, nobody signed in, opened once.
  const hall = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const projector = await hall.newPage();
  // The board's stream arrives gzip-compressed, and the browser reads it as it comes.
  const stream = projector.waitForResponse((r) => r.url().includes('/board/live'));
  await projector.goto(`${eventPath}/projector?theme=dark`);
  await expect(projector.locator('.pj-frame[data-state="live"]')).toBeVisible();
  expect((await stream).headers()['content-encoding']).toBe('gzip');
  await expect(projector.locator('.pj-row')).toHaveCount(0);
  await projector.evaluate(() => ((window as any).notReloaded = true));

  // The judge scores the first project on a phone.
  const { defaultBrowserType, ...pixel } = devices['Pixel 7'];
  const phone = await browser.newContext({ ...pixel });
  const j = await phone.newPage();
  await j.goto(pass);
  await j.getByRole('button', { name: 'Start scoring' }).click();
  await expect(j.locator('.desk[data-ready="true"]')).toBeVisible();
  const score = async (level: string) => {
    await j.locator('.criterion').nth(0).locator('label.level', { hasText: new RegExp(`^${level}`) }).click();
    await expect(j.locator('.desk-sync')).toHaveAttribute('data-sync', 'saved');
  };
  // An announcement reaches the projector and the judge's open page without a reload.
  await page.getByLabel('Announcement in French').fill('Pause déjeuner à 13 h');
  await page.getByLabel('Also show on the public projector (anyone can see it)').check();
  await page.getByRole('button', { name: 'Post the announcement' }).click();
  await expect(projector.locator('.pj-announce')).toHaveText('Pause déjeuner à 13 h');
  await expect(j.locator('.announcement')).toHaveText('Pause déjeuner à 13 h');

  await score('2');
  await expect(projector.locator('.pj-page:not([hidden]) .pj-row')).toHaveCount(1);
  const first = (await projector.locator('.pj-row .pj-title').first().textContent()) ?? '';

  // Deliberation: the board freezes; the next score does not reach the hall.
  await page.getByRole('button', { name: 'Freeze the public leaderboard' }).click();
  await expect(projector.locator('.pj-frame[data-state="frozen"]')).toBeVisible();
  await j.getByRole('button', { name: 'Save and next' }).click();
  await score('5');
  await projector.waitForTimeout(1500);
  await expect(projector.locator('.pj-row')).toHaveCount(1);

  // Results published as a reveal from last to first, stepped from the organizer's phone.
  await page.setViewportSize({ width: 360, height: 740 });
  await page.getByLabel('Reveal', { exact: true }).selectOption('ranking');
  await page.getByRole('button', { name: 'Publish the results' }).click();
  await expect(projector.locator('.pj-frame[data-state="reveal"]')).toBeVisible();
  await expect(projector.locator('.pj-veiled')).toHaveCount(2);
  await page.getByRole('button', { name: 'Reveal next' }).click();
  await expect(projector.locator('.pj-veiled')).toHaveCount(1);
  // Last place is the first project scored (2 against 5).
  await expect(projector.locator('.pj-row:not(.pj-veiled) .pj-title')).toHaveText(first);
  await page.getByRole('button', { name: 'Reveal next' }).click();
  await expect(projector.locator('.pj-frame[data-state="final"]')).toBeVisible();
  await expect(projector.locator('.pj-page:not([hidden]) .pj-row')).toHaveCount(2);
  expect(await projector.evaluate(() => (window as any).notReloaded)).toBe(true);

  // The public results page agrees.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`${eventPath}/ranking`);
  await expect(visitor.locator('.ranking-board .pj-row')).toHaveCount(2);
  await expect(visitor.locator('.ranking-board .pj-row').last().locator('.pj-title')).toHaveText(first);
  await phone.close();
  await hall.close();
});
