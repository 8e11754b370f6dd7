import { test, expect, devices, Browser, BrowserContext, Page } from '@playwright/test';
import { deskEvent, goOffline, logIn } from './helpers';

// The judge's desk shows only what the server stores or what the phone has queued: never
// marks left in the page by another project, and never a tap the desk has not taken.

const { defaultBrowserType, ...pixel } = devices['Pixel 7'];

/** The rows of a CSV file (quoted fields, "" for a quote inside one). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(field); field = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}

/** What the server stores for the judge: project title → its marks ("Impact=4; التنفيذ=7"). */
async function stored(organizer: Page, eventPath: string): Promise<Map<string, string>> {
  const res = await organizer.request.get(`${eventPath}/scores.csv?by=judge`);
  expect(res.status()).toBe(200);
  const rows = parseCsv((await res.text()).replace(/^\uFEFF/, ''));
  const head = rows[0];
  const title = head.indexOf('title');
  const marks = head.indexOf('marks');
  return new Map(rows.slice(1).filter((r) => r.length > marks).map((r) => [r[title], r[marks]]));
}

const criterion = (j: Page, i: number) => j.locator('.desk-form .criterion').nth(i);
/** A level's button: Impact's labels start with the number and go on with the descriptor. */
const level = (j: Page, i: number, n: string) =>
  criterion(j, i).locator('label.level', { hasText: new RegExp(i === 0 ? `^${n}\\D` : `^${n}$`) });
const chosen = (j: Page, i: number) => criterion(j, i).locator('.level-input:checked');

/** The levels the desk shows selected, as the export writes them. */
async function shown(j: Page): Promise<string> {
  const value = async (i: number) => ((await chosen(j, i).count()) ? await chosen(j, i).inputValue() : '');
  return `Impact=${await value(0)}; التنفيذ=${await value(1)}`;
}

async function expectShown(j: Page, impact: string | null, execution: string | null) {
  for (const [i, v] of [[0, impact], [1, execution]] as const) {
    if (v === null) await expect(chosen(j, i)).toHaveCount(0);
    else await expect(chosen(j, i)).toHaveValue(v);
  }
}

test('the desk shows each project its own marks, and taps made while it loads are sent', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const { eventPath, pass } = await deskEvent(page, browser, 'Nador');

  // No service worker: the page's own routes below must see every request (a worker would
  // answer the WASM from its cache); the worker has tests of its own further down.
  const phone = await browser.newContext({ ...pixel, serviceWorkers: 'block' });
  const j = await phone.newPage();
  await j.goto(pass);
  await j.getByRole('button', { name: 'Start scoring' }).click();
  await expect(j).toHaveURL(/\/judge$/);
  await expect(j.locator('.desk[data-ready="true"]')).toBeVisible();
  const title = () => j.locator('#desk-title').innerText();

  await test.step('"Save and next" opens the next project with its own marks: none', async () => {
    const first = await title();
    await level(j, 0, '4').click();
    await level(j, 1, '7').click();
    await expect(j.locator('.desk-sync')).toHaveAttribute('data-sync', 'saved');
    await j.getByRole('button', { name: 'Save and next' }).click();
    await expect(j.locator('#desk-title')).not.toHaveText(first);
    // The project opened takes the focus, so a screen reader says which one it is.
    await expect(j.locator('#desk-title')).toBeFocused();
    const second = await title();
    await expectShown(j, null, null);
    await expect(j.locator('.desk-sync')).toHaveAttribute('data-sync', 'empty');
    await expect(j.locator('.desk-sync')).toHaveText('Not scored yet');

    // The level at the place the previous project's was is free, so tapping it scores.
    await level(j, 0, '4').click();
    await expectShown(j, '4', null);
    await expect(j.locator('.desk-sync')).toHaveAttribute('data-sync', 'saved');

    // Skip: the third project shows nothing either; back, each shows its own.
    await j.getByRole('link', { name: 'Skip', exact: true }).click();
    await expect(j.locator('#desk-title')).not.toHaveText(second);
    const third = await title();
    await expectShown(j, null, null);
    await j.getByRole('link', { name: 'Previous' }).click();
    await expect(j.locator('#desk-title')).toHaveText(second);
    await expectShown(j, '4', null);
    await j.getByRole('link', { name: 'Previous' }).click();
    await expect(j.locator('#desk-title')).toHaveText(first);
    await expectShown(j, '4', '7');
    await expect(j.locator('.desk-pending')).toHaveText('');

    // The server holds exactly that, and a reload of each project shows it.
    const server = await stored(page, eventPath);
    expect(server.get(first)).toBe('Impact=4; التنفيذ=7');
    expect(server.get(second)).toBe('Impact=4; التنفيذ=');
    expect(server.has(third)).toBe(false);
    for (const p of [0, 1, 2]) {
      await j.goto(`${eventPath}/judge?p=${p}`);
      await expect(j.locator('.desk[data-ready="true"]')).toBeVisible();
      expect(await shown(j)).toBe(server.get(await title()) ?? 'Impact=; التنفيذ=');
    }
  });

  await test.step('taps made before the desk has started are shown as not saved, then sent', async () => {
    // A slow phone: the WASM arrives four seconds after the page.
    await j.route('**/*.wasm', async (route) => {
      await new Promise((r) => setTimeout(r, 4000));
      await route.continue();
    });

    // A project already scored: the judge changes a mark before the desk has started.
    await j.goto(`${eventPath}/judge?p=0`, { waitUntil: 'domcontentloaded' });
    const first = await title();
    await expectShown(j, '4', '7');
    await level(j, 0, '2').click();
    await expect(j.locator('.desk[data-ready="false"]')).toBeVisible();
    await expect(j.locator('.desk-unsent')).toBeVisible();
    await expect(j.locator('.desk-sync')).toBeHidden();
    // Once started, the desk keeps the tap and sends it.
    await expect(j.locator('.desk[data-ready="true"]')).toBeVisible({ timeout: 20_000 });
    await expect(j.locator('.desk-unsent')).toBeHidden();
    await expectShown(j, '2', '7');
    await expect(j.locator('.desk-sync')).toHaveAttribute('data-sync', 'saved');
    expect((await stored(page, eventPath)).get(first)).toBe('Impact=2; التنفيذ=7');

    // A project not scored yet: both criteria tapped before the desk has started.
    await j.goto(`${eventPath}/judge?p=2`, { waitUntil: 'domcontentloaded' });
    const third = await title();
    await expectShown(j, null, null);
    await level(j, 0, '3').click();
    await level(j, 1, '10').click();
    await expect(j.locator('.desk[data-ready="false"]')).toBeVisible();
    await expect(j.locator('.desk-unsent')).toBeVisible();
    await expect(j.locator('.desk[data-ready="true"]')).toBeVisible({ timeout: 20_000 });
    await expectShown(j, '3', '10');
    await expect(j.locator('.desk-sync')).toHaveAttribute('data-sync', 'saved');
    await expect(j.locator('.desk-pending')).toHaveText('');

    // Reload each project (at full speed) and compare with the server.
    await j.unroute('**/*.wasm');
    const server = await stored(page, eventPath);
    expect(server.get(first)).toBe('Impact=2; التنفيذ=7');
    expect(server.get(third)).toBe('Impact=3; التنفيذ=10');
    for (const p of [0, 1, 2]) {
      await j.goto(`${eventPath}/judge?p=${p}`);
      await expect(j.locator('.desk[data-ready="true"]')).toBeVisible();
      expect(await shown(j)).toBe(server.get(await title()));
      await expect(j.locator('.desk-sync')).toHaveAttribute('data-sync', 'saved');
    }
  });
  await phone.close();
});

/** How many desk pages the phone's service worker keeps. */
const keptPages = (j: Page) =>
  j.evaluate(async () => ((await caches.has('hakam-desk-pages')) ? (await (await caches.open('hakam-desk-pages')).keys()).length : 0));

/** Signs the phone in with the judge's link and waits until the desk's worker keeps the page. */
async function openDeskOnline(j: Page, pass: string) {
  await j.goto(pass);
  await j.getByRole('button', { name: 'Start scoring' }).click();
  await expect(j).toHaveURL(/\/judge$/);
  await expect(j.locator('.desk[data-ready="true"]')).toBeVisible();
  await j.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await expect.poll(() => keptPages(j), { timeout: 15_000 }).toBe(1);
}

test('a judge scores with no network across reloads and a reopened page; each score arrives once', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const { eventPath, pass } = await deskEvent(page, browser, 'Tiznit');
  const phone = await browser.newContext({ ...pixel });
  const j = await phone.newPage();
  await openDeskOnline(j, pass);
  const title = () => j.locator('#desk-title').innerText();

  // Online, the first project is scored: the page the worker kept predates this score.
  const first = await title();
  await level(j, 0, '3').click();
  await expect(j.locator('.desk-sync')).toHaveAttribute('data-sync', 'saved');

  await test.step('with no network, the desk reloads from the phone and keeps scoring', async () => {
    await goOffline(phone, j);
    await j.reload();
    await expect(j.locator('.desk[data-ready="true"]')).toBeVisible();
    await goOffline(phone, j);
    // The marks as last known: the confirmed score, not the kept page's empty form.
    await expect(j.locator('#desk-title')).toHaveText(first);
    await expectShown(j, '3', null);
    await expect(j.locator('.desk-sync')).toHaveAttribute('data-sync', 'saved');
    // A change to it, built on the version the server confirmed, and the second project.
    await level(j, 0, '5').click();
    await j.getByRole('button', { name: 'Save and next' }).click();
    await expect(j.locator('#desk-title')).not.toHaveText(first);
    await level(j, 0, '2').click();
    await level(j, 1, '8').click();
    await expect(j.locator('.desk-sync')).toHaveAttribute('data-sync', 'waiting');
    await expect(j.locator('.desk-pending')).toHaveText('Waiting to send: 2');
    // Nothing reached the server.
    expect((await stored(page, eventPath)).get(first)).toBe('Impact=3; التنفيذ=');
  });
  const second = await title();

  await test.step('the page closed and opened again, still with no network: the saves are there', async () => {
    await j.close();
    const k = await phone.newPage();
    await k.goto(`${eventPath}/judge?p=1`);
    await expect(k.locator('.desk[data-ready="true"]')).toBeVisible();
    await goOffline(phone, k);
    await expect(k.locator('#desk-title')).toHaveText(second);
    await expectShown(k, '2', '8');
    await expect(k.locator('.desk-pending')).toHaveText('Waiting to send: 2');
    // (The server is not asked here: a page opened while the browser is cut off can send one
    // request before the cut reaches it, as a phone leaving a hall's Wi-Fi can. That save is
    // then sent again with its key, applied once: the checks below count it.)

    // The network returns: both saves go, once each, in order, none refused as stale.
    await phone.setOffline(false);
    await expect(k.locator('.desk-pending')).toHaveText('', { timeout: 20_000 });
    await expect(k.locator('.desk-sync')).toHaveAttribute('data-sync', 'saved');
    const server = await stored(page, eventPath);
    expect(server.get(first)).toBe('Impact=5; التنفيذ=');
    expect(server.get(second)).toBe('Impact=2; التنفيذ=8');
    const rows = (await (await page.request.get(`${eventPath}/scores.csv?by=judge`)).text()).split('\n');
    expect(rows.filter((r) => r.includes(first)).length).toBe(1);
    expect(rows.filter((r) => r.includes(second)).length).toBe(1);
  });
  await phone.close();
});

/** A judge's phone with the desk kept by its worker and one level scored online. */
async function judgeScoredOnline(browser: Browser, pass: string) {
  const phone = await browser.newContext({ ...pixel });
  const j = await phone.newPage();
  await openDeskOnline(j, pass);
  await level(j, 0, '4').click();
  await expect(j.locator('.desk-sync')).toHaveAttribute('data-sync', 'saved');
  return { phone, j };
}

/** The phone's copies of confirmed scores, one key per event and judge. */
const knownKeys = (j: Page) =>
  j.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('hakam-desk-known-')));

/** With the network cut, the desk's address shows no one's desk (the browser's error page). */
async function expectNoDeskAt(j: Page, eventPath: string) {
  const reopened = await j.goto(`${eventPath}/judge`).then(() => j.content(), (e) => String(e));
  expect(reopened).not.toContain('desk-title');
  expect(reopened).not.toContain('Impact');
}

test('a signed-out phone keeps nothing of the judge, and its worker serves none of it', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const { eventPath, pass } = await deskEvent(page, browser, 'Ouarzazate');
  const { phone, j } = await judgeScoredOnline(browser, pass);
  expect(await j.evaluate(() => localStorage.length)).toBeGreaterThan(0);

  // A save still on the phone: signing out would delete it, so the page asks first.
  await goOffline(phone, j);
  await level(j, 1, '6').click();
  await expect(j.locator('.desk-pending')).not.toHaveText('');
  let asked = '';
  j.once('dialog', (d) => { asked = d.message(); void d.dismiss(); });
  await j.getByRole('button', { name: 'Log out' }).click();
  await expect.poll(() => asked).toContain('not sent yet');
  await expect(j.getByRole('button', { name: 'Log out' })).toBeVisible();
  await phone.setOffline(false);
  await expect(j.locator('.desk-pending')).toHaveText('', { timeout: 20_000 });

  // Nothing waiting: no question (an unexpected one would be dismissed, and the test fail).
  await j.getByRole('button', { name: 'Log out' }).click();
  await expect(j).toHaveURL(/\/$/);
  // Nothing kept: no page, no storage, no worker.
  await expect.poll(() => keptPages(j)).toBe(0);
  expect(await j.evaluate(() => localStorage.length)).toBe(0);
  expect(await j.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);

  // With no network, the desk's address shows the browser's offline error, not the judge's desk.
  await phone.setOffline(true);
  await expectNoDeskAt(j, eventPath);
  await phone.close();
});

/** The phone keeps no desk page and none of the judge's confirmed scores, and with the
 *  network cut the desk's address shows no one's desk. */
async function expectNothingOfTheJudge(phone: BrowserContext, j: Page, eventPath: string) {
  await expect.poll(() => keptPages(j)).toBe(0);
  await expect.poll(() => knownKeys(j)).toEqual([]);
  await goOffline(phone, j);
  await expectNoDeskAt(j, eventPath);
}

test('a revoked sign-in leaves the phone no desk and no scores, online or off', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const { eventPath, pass } = await deskEvent(page, browser, 'Guelmim');
  const { phone, j } = await judgeScoredOnline(browser, pass);
  expect(await knownKeys(j)).toHaveLength(1);

  // The organizer revokes the judge's phone sign-in from the judging console.
  await page.goto(`${eventPath}/judging`);
  await page.getByRole('button', { name: 'Revoke sign-in' }).click();
  await expect(page.getByRole('button', { name: 'Revoke sign-in' })).toHaveCount(0);

  // The phone, online, opens the desk again: refused; the worker forgets the kept page and
  // the page that answers forgets the judge's confirmed scores.
  await j.goto(`${eventPath}/judge`);
  await expect(j.locator('.desk')).toHaveCount(0);
  await expectNothingOfTheJudge(phone, j, eventPath);
  await phone.close();
});

test('another person signing in on the phone never gets the judge desk it kept', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const { eventPath, pass } = await deskEvent(page, browser, 'Taroudant');
  const { phone, j } = await judgeScoredOnline(browser, pass);

  // Someone else (the organizer) signs in on the same phone, without the judge signing out.
  await logIn(j, process.env.E2E_ADMIN_EMAIL || 'e2e-admin@example.ma');
  await expect(j).not.toHaveURL(/\/login/);
  await expectNothingOfTheJudge(phone, j, eventPath);
  await phone.close();
});

test('a score changed from another phone is never overwritten: the judge keeps theirs or shows the saved one', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const { eventPath, pass } = await deskEvent(page, browser, 'Larache');
  // The same judge on two phones, each with the desk open before either scores.
  const phones = await Promise.all([0, 1].map(() => browser.newContext({ ...pixel, serviceWorkers: 'block' })));
  const [a, b] = await Promise.all(phones.map((p) => p.newPage()));
  for (const j of [a, b]) {
    await j.goto(pass);
    await j.getByRole('button', { name: 'Start scoring' }).click();
    await expect(j.locator('.desk[data-ready="true"]')).toBeVisible();
  }
  const first = await a.locator('#desk-title').innerText();
  await level(a, 0, '4').click();
  await expect(a.locator('.desk-sync')).toHaveAttribute('data-sync', 'saved');

  await test.step('the second phone, on the older version, is told and keeps its own', async () => {
    await level(b, 0, '2').click();
    await expect(b.locator('.desk-sync')).toHaveAttribute('data-sync', 'stale');
    await expect(b.locator('.desk-sync')).toContainText('changed from another device');
    // Nothing of it was written over the first phone's save.
    expect((await stored(page, eventPath)).get(first)).toBe('Impact=4; التنفيذ=');
    // A note typed and not reported yet (a tap that leaves the focus in the text box, as on
    // iOS: the button is clicked without a blur) goes with the save instead of being lost.
    const notes = b.getByLabel('Private notes for the organizers');
    const feedback = b.getByLabel('Feedback for the team');
    await notes.fill('Démo solide, à revoir');
    await feedback.fill('Bonne démo : clarifiez le modèle économique');
    await expect(b.getByRole('button', { name: 'Keep mine' })).toBeVisible();
    await b.locator('[data-act="keep"]').evaluate((button) => (button as HTMLElement).click());
    await expect(b.locator('.desk-sync')).toHaveAttribute('data-sync', 'saved');
    await expectShown(b, '2', null);
    await expect(notes).toHaveValue('Démo solide, à revoir');
    await expect(feedback).toHaveValue('Bonne démo : clarifiez le modèle économique');
    await expect(b.locator('#desk-title')).toBeFocused();
    expect((await stored(page, eventPath)).get(first)).toBe('Impact=2; التنفيذ=');
    await b.reload();
    await expect(b.locator('.desk[data-ready="true"]')).toBeVisible();
    await expect(notes).toHaveValue('Démo solide, à revoir');
    await expect(feedback).toHaveValue('Bonne démo : clarifiez le modèle économique');
  });

  await test.step('the first phone, now behind, shows the saved one', async () => {
    await level(a, 1, '9').click();
    await expect(a.locator('.desk-sync')).toHaveAttribute('data-sync', 'stale');
    await a.getByRole('link', { name: 'Show the saved one' }).click();
    await expect(a.locator('.desk[data-ready="true"]')).toBeVisible();
    await expect(a.locator('#desk-title')).toHaveText(first);
    await expectShown(a, '2', null);
    await expect(a.locator('.desk-sync')).toHaveAttribute('data-sync', 'saved');
    await expect(a.locator('.desk-pending')).toHaveText('');
    expect((await stored(page, eventPath)).get(first)).toBe('Impact=2; التنفيذ=');
  });
  for (const p of phones) await p.close();
});
