import { test, expect, devices } from '@playwright/test';
import { deskEvent, goOffline } from './helpers';

// A judge opens their link on a phone, scores two projects, loses the connection, scores a
// third, comes back online; the organizer then sees all three scores exactly once.
test('a judge scores on a phone through a connection loss and nothing is lost', async ({ page, browser }) => {
  // Three projects, a two-criterion rubric, judging open now with one judge per project.
  const { eventPath, pass } = await deskEvent(page, browser, 'Oujda', { judge: 'Nadia El Idrissi' });
  await expect(page.locator('#coverage tbody tr')).toHaveCount(3);

  // The judge's phone.
  const { defaultBrowserType, ...pixel } = devices['Pixel 7'];
  const phone = await browser.newContext({ ...pixel });
  const j = await phone.newPage();
  await j.goto(pass);
  await j.getByRole('button', { name: 'Start scoring' }).click();
  await expect(j).toHaveURL(/\/judge$/);
  await expect(j.locator('.desk[data-ready="true"]')).toBeVisible();

  const score = async (impact: string, execution: string) => {
    await j.locator('.criterion').nth(0).locator('label.level', { hasText: new RegExp(`^${impact}`) }).click();
    await j.locator('.criterion').nth(1).locator('label.level', { hasText: new RegExp(`^${execution}$`) }).click();
  };
  await score('4', '7');
  await expect(j.locator('.desk-sync')).toHaveAttribute('data-sync', 'saved');
  await j.getByRole('button', { name: 'Save and next' }).click();
  await score('5', '9');
  await expect(j.locator('.desk-sync')).toHaveAttribute('data-sync', 'saved');
  await j.getByRole('button', { name: 'Save and next' }).click();
  await expect(j.getByText('Done: 2 / 3')).toBeVisible();

  // The hall's Wi-Fi drops.
  await goOffline(phone, j);
  await score('3', '10');
  await j.getByLabel('Feedback for the team').fill('Démo hors ligne, équipe motivée');
  await j.getByLabel('Private notes for the organizers').fill('À revoir avec le mentor');
  await j.getByLabel('Private notes for the organizers').blur();
  await expect(j.locator('.desk-sync')).toHaveAttribute('data-sync', 'waiting');
  await expect(j.locator('.desk-pending')).toHaveText('Waiting to send: 1');
  await expect(j.getByText('Done: 3 / 3')).toBeVisible();
  // Still kept after a moment offline (retries fail quietly).
  await j.waitForTimeout(3500);
  await expect(j.locator('.desk-sync')).toHaveAttribute('data-sync', 'waiting');

  // Back online: the pending save goes out by itself.
  await phone.setOffline(false);
  await expect(j.locator('.desk-sync')).toHaveAttribute('data-sync', 'saved', { timeout: 15000 });
  await expect(j.locator('.desk-pending')).toHaveText('');

  // The organizer sees three projects each scored once by the judge.
  await page.goto(`${eventPath}/judging`);
  await expect(page.getByText('Done: 3/3')).toBeVisible();
  await expect(page.locator('#coverage .judges-cell .tag.done')).toHaveCount(3);
  await page.goto(`${eventPath}/results`);
  const rows = page.locator('table.results').first().locator('tbody tr');
  await expect(rows).toHaveCount(3);
  for (let i = 0; i < 3; i++) await expect(rows.nth(i).locator('td').nth(4)).toHaveText('1');
  await phone.close();
});
