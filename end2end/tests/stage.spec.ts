import { test, expect, devices, Locator } from '@playwright/test';
import { deskEvent } from './helpers';

const { defaultBrowserType, ...pixel } = devices['Pixel 7'];

/** The seconds a countdown shows ("4:58" is 298, "-0:03" is -3). */
async function seconds(clock: Locator): Promise<number> {
  const text = ((await clock.textContent()) ?? '').trim();
  const m = /^(-?)(\d+):(\d\d)$/.exec(text);
  expect(m, `a countdown, not "${text}"`).not.toBeNull();
  const s = Number(m![2]) * 60 + Number(m![3]);
  return m![1] ? -s : s;
}

// A pitch on stage: the organizer puts the first project on stage and runs its timer from the
// stage console; the projector and a judge's phone (in Arabic) show the project and count down
// together, and stop together when the timer is paused. The judge goes from the strip to the
// project's score.
test('a pitch on stage counts down on the projector and the judge\'s desk', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const { eventPath, pass } = await deskEvent(page, browser, 'Meknès', { judge: 'Hind Alaoui' });

  const phone = await browser.newContext({ ...pixel, locale: 'ar-MA', serviceWorkers: 'block' });
  const judge = await phone.newPage();
  await judge.goto(pass);
  await judge.getByRole('button', { name: 'ابدأ التنقيط' }).click();
  await expect(judge).toHaveURL(/\/judge$/);
  await expect(judge.locator('.desk[data-ready="true"]')).toBeVisible();
  await expect(judge.locator('.desk-stage')).toHaveCount(0);

  const projector = await page.context().newPage();
  await projector.goto(`${eventPath}/projector`);
  await expect(projector.locator('.pj-frame')).toBeVisible();
  await expect(projector.locator('.pj-stage')).toHaveCount(0);

  await page.goto(eventPath);
  await page.getByRole('link', { name: 'Stage', exact: true }).click();
  await expect(page.getByText('Nobody is on stage.')).toBeVisible();
  await page.getByRole('button', { name: /^Next: P\d+/ }).click();
  const onStage = page.locator('#stage-now .stage-project');
  await expect(onStage).toBeVisible();
  const code = ((await onStage.locator('.code').textContent()) ?? '').trim();
  await expect(page.locator('#stage-now .clock')).toHaveText('5:00');

  // Pushed to the other screens, not yet running.
  await expect(projector.locator('.pj-stage')).toContainText(code);
  await expect(projector.locator('.pj-stage .clock')).toHaveText('5:00');
  await expect(judge.locator('.desk-stage')).toContainText('على المنصة');
  await expect(judge.locator('.desk-stage')).toContainText(code);
  await expect(judge.locator('.desk-stage .clock')).toHaveText('5:00');

  await page.getByRole('button', { name: 'Start the timer' }).click();
  await expect(page.getByRole('button', { name: 'Pause the timer' })).toBeVisible();
  // Every screen counts down, by the server's clock.
  await expect.poll(() => seconds(projector.locator('.pj-stage .clock')), { timeout: 10_000 }).toBeLessThan(299);
  await expect.poll(() => seconds(judge.locator('.desk-stage .clock')), { timeout: 10_000 }).toBeLessThan(299);
  await expect.poll(() => seconds(page.locator('#stage-now .clock')), { timeout: 10_000 }).toBeLessThan(299);
  const [p1, j1] = [await seconds(projector.locator('.pj-stage .clock')), await seconds(judge.locator('.desk-stage .clock'))];
  expect(Math.abs(p1 - j1)).toBeLessThanOrEqual(1);

  // Paused: every screen stops at the same time left.
  await page.getByRole('button', { name: 'Pause the timer' }).click();
  await expect(page.getByRole('button', { name: 'Start the timer' })).toBeVisible();
  await expect(projector.locator('.pj-stage .clock')).not.toHaveAttribute('data-clock-ends', /\d/);
  await expect(judge.locator('.desk-stage .clock')).not.toHaveAttribute('data-clock-ends', /\d/);
  const stopped = await seconds(page.locator('#stage-now .clock'));
  await page.waitForTimeout(1500);
  expect(await seconds(page.locator('#stage-now .clock'))).toBe(stopped);
  expect(await seconds(projector.locator('.pj-stage .clock'))).toBe(stopped);
  expect(await seconds(judge.locator('.desk-stage .clock'))).toBe(stopped);

  // The judge goes from the strip to the project on stage, on a 360 px phone, right to left.
  await judge.setViewportSize({ width: 360, height: 740 });
  expect(await judge.evaluate(() => document.documentElement.dir)).toBe('rtl');
  expect(await judge.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await judge.locator('.desk-stage').getByRole('link').click();
  await expect(judge.locator('.desk-shown .desk-project')).toContainText(code);

  // The organizer clears the stage: the strip leaves every screen.
  await page.getByRole('button', { name: 'Clear the stage' }).click();
  await expect(page.getByText('Nobody is on stage.')).toBeVisible();
  await expect(projector.locator('.pj-stage')).toHaveCount(0);
  await expect(judge.locator('.desk-stage')).toHaveCount(0);
  await phone.close();
});
