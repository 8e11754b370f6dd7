import { test, expect, devices } from '@playwright/test';
import { asAdmin, createEvent, createInvite, logIn, submitProject, unique } from './helpers';

// People's choice on phones: the organizer opens the vote and prints tickets; a visitor
// uses one on a phone in Arabic (right to left) and votes; a participant votes, never for
// their own team; the organizer's tally follows without a reload; a used ticket opens
// nothing on another phone.
test("a visitor with a ticket and a participant vote from their phones", async ({ page, browser }) => {
  const id = unique();
  await asAdmin(page);
  await createEvent(page, `Forum Oujda ${id}`, '1');
  const eventPath = new URL(page.url()).pathname.replace(/\/manage$/, '');
  const invite = await createInvite(page, 'participant', '5');
  for (const n of [1, 2]) await submitProject(browser, invite, id, n);

  await page.goto(`${eventPath}/audience`);
  await page.getByLabel('Vote', { exact: true }).selectOption('open');
  await page.getByLabel('Visitors with a ticket may vote').check();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByLabel('Vote', { exact: true })).toHaveValue('open');
  await page.getByLabel('How many tickets').fill('2');
  await page.getByRole('button', { name: 'Make tickets to print' }).click();
  // The print run opens on a page of its own, which prints the tickets alone.
  await expect(page).toHaveURL(new RegExp(`${eventPath}/audience/print$`));
  await expect(page.locator('.ticket-sheet .ticket')).toHaveCount(2);
  await expect(page.locator('.ticket-sheet .qr svg')).toHaveCount(2);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.page-head')).toBeHidden();
  await expect(page.locator('.ticket-sheet .ticket').first()).toBeVisible();
  await page.emulateMedia({ media: 'screen' });
  const ticket = new URL((await page.locator('.ticket-url').first().textContent()) ?? '').pathname;
  await page.goto(`${eventPath}/audience`);
  // Give the tally's live region time to connect; the page then stays open.
  await page.waitForTimeout(1500);

  // A visitor's phone, in Arabic.
  const { defaultBrowserType, ...pixel } = devices['Pixel 7'];
  const visitorCtx = await browser.newContext({ ...pixel, locale: 'ar-MA' });
  const visitor = await visitorCtx.newPage();
  await visitor.goto(ticket);
  await expect(visitor.locator('html')).toHaveAttribute('dir', 'rtl');
  await visitor.getByRole('button', { name: 'التصويت بهذه التذكرة' }).click();
  await expect(visitor).toHaveURL(new RegExp(`${eventPath}/vote$`));
  // Numbers in a sentence are isolated for right-to-left text (U+2068 … U+2069).
  await expect(visitor.getByText(/التذكرة رقم \u20681\u2069/)).toBeVisible();
  const cards = visitor.locator('.ballot-list .card');
  await expect(cards).toHaveCount(2);
  const first = cards.filter({ hasText: 'Projet 1' });
  await first.getByRole('button', { name: 'التصويت لهذا المشروع' }).click();
  await expect(first.getByText('صوتكم')).toBeVisible();
  await expect(first.getByRole('button', { name: 'سحب صوتي' })).toBeVisible();
  // Nothing is wider than the phone.
  expect(await visitor.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

  // Participant 1 votes with their login: not for their own team's project.
  const memberCtx = await browser.newContext({ ...pixel });
  const member = await memberCtx.newPage();
  await logIn(member, `p1-${id}@example.ma`);
  await expect(member.getByRole('button', { name: 'Log out' })).toBeVisible();
  await member.goto(`${eventPath}/vote`);
  const own = member.locator('.ballot-list .card').filter({ hasText: 'Projet 1' });
  await expect(own.getByText("Your team's project: you cannot vote for it.")).toBeVisible();
  await expect(own.getByRole('button')).toHaveCount(0);
  const other = member.locator('.ballot-list .card').filter({ hasText: 'Projet 2' });
  await other.getByRole('button', { name: 'Vote for this project' }).click();
  await expect(other.getByText('Your vote')).toBeVisible();

  // The organizer's tally, live.
  await expect(page.locator('#live-tally')).toContainText('Voters: 2 · votes: 2', { timeout: 10000 });

  // The used ticket on another phone opens nothing.
  const thiefCtx = await browser.newContext({ ...pixel });
  const thief = await thiefCtx.newPage();
  await thief.goto(ticket);
  await thief.getByRole('button', { name: 'Vote with this ticket' }).click();
  await expect(thief.getByText('This ticket was already used on another phone.')).toBeVisible();
  await expect(thief).toHaveURL(new RegExp(`${ticket}$`));
  await visitorCtx.close();
  await memberCtx.close();
  await thiefCtx.close();
});
