import { test, expect, devices } from '@playwright/test';
import { deskEvent } from './helpers';

const { defaultBrowserType, ...pixel } = devices['Pixel 7'];

// Rooms and tables: the organizer names two rooms in walking order and places the projects
// automatically; the judge's phone walks them in that order and says where the next project
// is, in English and in Arabic; the map lists each room's tables.
test('the judge walks the rooms the organizer set, told where the next project is', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const { eventPath, pass } = await deskEvent(page, browser, 'Tiznit', { projects: 3 });

  await page.goto(eventPath);
  await page.getByRole('link', { name: 'Rooms and tables' }).click();
  await expect(page).toHaveURL(/\/rooms$/);
  const addRoom = async (name: string, tables: string) => {
    await page.locator('#f-name').fill(name);
    await page.locator('#f-capacity').fill(tables);
    await page.getByRole('button', { name: 'Add the room' }).click();
  };
  await addRoom('Salle A', '2');
  await expect(page.locator('.room')).toHaveCount(1);
  // A second room of the same name is refused, by name.
  await addRoom('Salle A', '');
  await expect(page.locator('#f-name-error')).toHaveText('Another room of this event has this name.');
  await expect(page.locator('.room')).toHaveCount(1);
  await addRoom('Salle B', '1');
  await expect(page.locator('.room')).toHaveCount(2);
  await page.getByRole('button', { name: 'Place projects' }).click();
  await expect(page.locator('.room').first()).toContainText('Tables used: 2 / 2');
  await expect(page.locator('.room').nth(1)).toContainText('Tables used: 1 / 1');
  // A pasted list naming a project the event does not have is refused by line, placing nothing.
  await page.locator('#f-places').fill('code,room,table\nP999999, Salle A, 1');
  await page.getByRole('button', { name: 'Place the projects listed' }).click();
  await expect(page.locator('#f-places-error')).toHaveText('Lines 2: no submitted project of this event has that code.');
  await expect(page.locator('.room').first()).toContainText('Tables used: 2 / 2');

  // The judge's phone: room A's two tables, then room B's.
  const phone = await browser.newContext({ ...pixel, serviceWorkers: 'block' });
  const j = await phone.newPage();
  await j.goto(pass);
  await j.getByRole('button', { name: 'Start scoring' }).click();
  await expect(j.locator('.desk[data-ready="true"]')).toBeVisible();
  await expect(j.locator('.desk-code')).toContainText('Salle A, table 1');
  await expect(j.locator('.desk-next')).toHaveText('Next: Table 2 · 1 table ahead');
  await j.getByRole('link', { name: 'Skip', exact: true }).click();
  await expect(j.locator('.desk-code')).toContainText('Salle A, table 2');
  await expect(j.locator('.desk-next')).toHaveText('Next: Salle B, table 1');
  await j.getByRole('link', { name: 'Skip', exact: true }).click();
  await expect(j.locator('.desk-code')).toContainText('Salle B, table 1');
  await expect(j.locator('.desk-next')).toHaveCount(0);
  expect(await j.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

  // In Arabic, right to left.
  await j.goto(`/lang/ar?next=${encodeURIComponent(new URL(j.url()).pathname)}`);
  await expect(j.locator('.desk[data-ready="true"]')).toBeVisible();
  expect(await j.evaluate(() => document.documentElement.dir)).toBe('rtl');
  // Values come wrapped in bidi isolation marks (U+2068 … U+2069) in Arabic text.
  await expect(j.locator('.desk-code')).toContainText(/Salle A\u2069?، الطاولة \u2068?1/);
  await expect(j.locator('.desk-next')).toContainText(/التالي: \u2068?الطاولة \u2068?2/);
  await phone.close();

  // The map: each room with its tables, in walking order.
  await page.getByRole('link', { name: 'Map of the rooms' }).click();
  const sheets = page.locator('.room-sheet');
  await expect(sheets).toHaveCount(2);
  await expect(sheets.first().locator('h2')).toContainText('Salle A');
  await expect(sheets.first().locator('tbody tr')).toHaveCount(2);
  await expect(sheets.nth(1).locator('tbody tr')).toHaveCount(1);
  await expect(sheets.first().locator('.room-table-label').first()).toHaveText('1');
});
