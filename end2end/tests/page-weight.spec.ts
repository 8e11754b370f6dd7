import { test, expect, devices, Browser, BrowserContext } from '@playwright/test';
import { deskEvent, logIn } from './helpers';
import * as fs from 'fs';

// What a phone downloads to open each kind of page, cold: the bytes on the wire (compressed,
// headers included) of the page and of everything it loads, the scripts' JS and WASM too,
// which arrive once the page is idle. Live streams are left out: they are not the page's
// weight but its updates. The budgets are the issue's; the figures go to the console and, for
// scripts/size-report, to the file named by HAKAM_WEIGHT_REPORT.

const { defaultBrowserType, ...pixel } = devices['Pixel 7'];
const KiB = 1024;

const BUDGET = { page: 60 * KiB, desk: 120 * KiB, deskFirst: 30 * KiB, projector: 150 * KiB };

type Weight = { total: number; firstHtmlCss: number; files: string[] };

/** Opens `path` in a fresh context (empty cache, no service worker) and sums its transfer. */
async function weigh(browser: Browser, storage: Awaited<ReturnType<BrowserContext['storageState']>> | undefined, path: string): Promise<Weight> {
  const ctx = await browser.newContext({ ...pixel, storageState: storage, serviceWorkers: 'block' });
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const requests = new Map<string, { url: string; type: string; bytes: number; done: boolean }>();
  let lastEvent = Date.now();
  cdp.on('Network.requestWillBeSent', (e) => {
    requests.set(e.requestId, { url: e.request.url, type: e.type ?? '', bytes: 0, done: false });
    lastEvent = Date.now();
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = requests.get(e.requestId);
    if (r) { r.bytes = e.encodedDataLength; r.done = true; }
    lastEvent = Date.now();
  });
  cdp.on('Network.loadingFailed', (e) => {
    const r = requests.get(e.requestId);
    if (r) r.done = true;
    lastEvent = Date.now();
  });
  const response = await page.goto(path, { waitUntil: 'load' });
  expect(response?.status(), path).toBe(200);
  // The scripts load when the page is idle: wait until nothing but live streams is under way
  // and the network has been quiet for a second.
  const counted = () => [...requests.values()].filter((r) => r.type !== 'EventSource');
  await expect
    .poll(() => counted().every((r) => r.done) && Date.now() - lastEvent > 1000, { timeout: 20_000 })
    .toBe(true);
  await ctx.close();
  const rows = counted();
  const total = rows.reduce((n, r) => n + r.bytes, 0);
  const firstHtmlCss = rows
    .filter((r) => r.type === 'Document' || r.type === 'Stylesheet')
    .reduce((n, r) => n + r.bytes, 0);
  const files = rows.map((r) => `${new URL(r.url).pathname} ${r.bytes}`);
  return { total, firstHtmlCss, files };
}

test('every page fits its budget on a phone', async ({ page, browser }) => {
  test.setTimeout(240_000);
  // Ten projects: the desk page carries every project the judge scores.
  const { eventPath, pass, id } = await deskEvent(page, browser, 'Essaouira', { projects: 10 });
  const organizer = await page.context().storageState();

  // A participant (the first project's) and the judge, each on a phone of their own.
  const participantCtx = await browser.newContext({ ...pixel });
  const participant = await participantCtx.newPage();
  await logIn(participant, `p1-${id}@example.ma`);
  await expect(participant.getByRole('button', { name: 'Log out' })).toBeVisible();
  const participantState = await participantCtx.storageState();
  await participantCtx.close();
  const judgeCtx = await browser.newContext({ ...pixel, serviceWorkers: 'block' });
  const judge = await judgeCtx.newPage();
  await judge.goto(pass);
  await judge.getByRole('button', { name: 'Start scoring' }).click();
  await expect(judge).toHaveURL(/\/judge$/);
  const judgeState = await judgeCtx.storageState();
  await judgeCtx.close();

  const pages: [string, typeof organizer | undefined, string, number][] = [
    ['home (visitor)', undefined, '/', BUDGET.page],
    ['sign-in (visitor)', undefined, '/login', BUDGET.page],
    ['event (visitor)', undefined, eventPath, BUDGET.page],
    ['team (participant)', participantState, `${eventPath}/team`, BUDGET.page],
    ['project (participant)', participantState, `${eventPath}/project`, BUDGET.page],
    ['mentor sessions (participant)', participantState, `${eventPath}/sessions`, BUDGET.page],
    ['help desk (participant)', participantState, `${eventPath}/help`, BUDGET.page],
    ["people's choice (participant)", participantState, `${eventPath}/vote`, BUDGET.page],
    ['manage (organizer)', organizer, `${eventPath}/manage`, BUDGET.page],
    ['dashboard (organizer)', organizer, `${eventPath}/dashboard`, BUDGET.page],
    ['judging console (organizer)', organizer, `${eventPath}/judging`, BUDGET.page],
    ['import (organizer)', organizer, `${eventPath}/import`, BUDGET.page],
    ['results (organizer)', organizer, `${eventPath}/results`, BUDGET.page],
    ["people's choice (organizer)", organizer, `${eventPath}/audience`, BUDGET.page],
    ['check-in (organizer)', organizer, `${eventPath}/checkin`, BUDGET.page],
    ['stage (organizer)', organizer, `${eventPath}/stage`, BUDGET.page],
    ['rooms (organizer)', organizer, `${eventPath}/rooms`, BUDGET.page],
    ['pitch slots (organizer)', organizer, `${eventPath}/slots`, BUDGET.page],
    ['judge desk', judgeState, `${eventPath}/judge`, BUDGET.desk],
    ['projector (organizer)', organizer, `${eventPath}/projector`, BUDGET.projector],
  ];

  const report: string[] = [];
  const over: string[] = [];
  for (const [name, state, path, budget] of pages) {
    const w = await weigh(browser, state, path);
    const line = `${name.padEnd(30)} ${(w.total / KiB).toFixed(1).padStart(7)} KiB  (budget ${budget / KiB} KiB; HTML+CSS ${(w.firstHtmlCss / KiB).toFixed(1)} KiB)`;
    report.push(line);
    if (w.total > budget) over.push(`${line}\n    ${w.files.join('\n    ')}`);
    if (name === 'judge desk' && w.firstHtmlCss > BUDGET.deskFirst) {
      over.push(`judge desk: the first HTML and CSS are ${(w.firstHtmlCss / KiB).toFixed(1)} KiB (budget ${BUDGET.deskFirst / KiB} KiB)`);
    }
  }
  console.log(`page weights (compressed transfer, cold, 360 px phone):\n${report.join('\n')}`);
  if (process.env.HAKAM_WEIGHT_REPORT) fs.writeFileSync(process.env.HAKAM_WEIGHT_REPORT, report.join('\n') + '\n');
  expect(over, `pages over budget:\n${over.join('\n')}`).toEqual([]);
});
