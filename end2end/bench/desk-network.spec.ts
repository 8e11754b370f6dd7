import { test, expect, devices, BrowserContext } from '@playwright/test';
import { deskEvent } from '../tests/helpers';
import * as fs from 'fs';

// How the judge desk opens on a phone over a slow network: a 360 px phone profile, Chromium's
// network throttling, a judge with ten projects. For each network: the time until the first
// score level can be tapped (the server-rendered form, which saves by a plain post), the time
// until the desk's script is running (saves kept on the phone, sent in the background), and
// the bytes transferred, on a first visit (empty cache); and, for comparison, the same desk
// reopened with no network at all from what the desk's service worker kept. Times are the
// page's own, from the start of the navigation: the first paint (the style sheet is
// render-blocking, so the levels are drawn and tappable) and the moment the desk's script
// marks itself ready. Figures are printed and, for scripts/bench-phone, written to
// HAKAM_BENCH_REPORT.

const { defaultBrowserType, ...pixel } = devices['Pixel 7'];
const phone = { ...pixel, viewport: { width: 360, height: 780 } };

// (name, download kbit/s, upload kbit/s, round trip ms): the issue's Slow 4G, and DevTools'
// "3G" preset.
const NETWORKS: [string, number, number, number][] = [
  ['Slow 4G (400 kbit/s, 400 ms)', 400, 400, 400],
  ['3G (750 kbit/s up 250, 100 ms)', 750, 250, 100],
];
const RUNS = Number(process.env.HAKAM_BENCH_RUNS || 5);

type Run = { tappable: number; live: number; bytes: number };

async function open(ctx: BrowserContext, path: string, net: [string, number, number, number] | null): Promise<Run> {
  const page = await ctx.newPage();
  // When the desk's script marks itself ready, in the page's own clock.
  await page.addInitScript(() => {
    new MutationObserver(() => {
      const w = window as unknown as { __live?: number };
      if (w.__live === undefined && document.querySelector('.desk[data-ready="true"]')) w.__live = performance.now();
    }).observe(document, { subtree: true, childList: true, attributes: true });
  });
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Network.enable');
  if (net) {
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: net[3],
      downloadThroughput: (net[1] * 1000) / 8,
      uploadThroughput: (net[2] * 1000) / 8,
    });
  }
  let bytes = 0;
  cdp.on('Network.loadingFinished', (e) => { bytes += e.encodedDataLength; });
  await page.goto(path, { waitUntil: 'commit' });
  await page.locator('label.level').first().waitFor({ state: 'visible', timeout: 120_000 });
  await page.locator('.desk[data-ready="true"]').waitFor({ timeout: 120_000 });
  const tappable = await page.evaluate(
    () => new Promise<number>((resolve) => {
      const paint = () => performance.getEntriesByName('first-contentful-paint')[0];
      const check = () => (paint() ? resolve(paint().startTime) : setTimeout(check, 50));
      check();
    }),
  );
  const live = await page.evaluate(() => (window as unknown as { __live: number }).__live);
  await page.close();
  return { tappable, live, bytes };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

test('the judge desk over slow networks', async ({ page, browser }) => {
  const { eventPath, pass } = await deskEvent(page, browser, 'Guelmim', { projects: 10, judge: 'Hind Alaoui' });

  // The judge's session, on the phone profile.
  const signIn = await browser.newContext({ ...phone, serviceWorkers: 'block' });
  const j = await signIn.newPage();
  await j.goto(pass);
  await j.getByRole('button', { name: 'Start scoring' }).click();
  await expect(j.locator('.desk-list li')).toHaveCount(10);
  const storageState = await signIn.storageState();
  await signIn.close();
  const desk = `${eventPath}/judge`;

  const line = (name: string, runs: Run[]) =>
    `${name.padEnd(44)} first level tappable ${(median(runs.map((r) => r.tappable)) / 1000).toFixed(2)} s` +
    `  script live ${(median(runs.map((r) => r.live)) / 1000).toFixed(2)} s` +
    `  transferred ${(median(runs.map((r) => r.bytes)) / 1024).toFixed(1)} KiB  (medians of ${runs.length})`;
  const lines: string[] = [];
  for (const net of NETWORKS) {
    const cold: Run[] = [];
    for (let i = 0; i < RUNS; i++) {
      const c = await browser.newContext({ ...phone, storageState, serviceWorkers: 'block' });
      cold.push(await open(c, desk, net));
      await c.close();
    }
    lines.push(line(`${net[0]}, first visit`, cold));
  }
  // A phone that opened the desk before, now in airplane mode: its worker answers.
  const offline: Run[] = [];
  for (let i = 0; i < RUNS; i++) {
    const w = await browser.newContext({ ...phone, storageState });
    const first = await w.newPage();
    await first.goto(desk);
    await first.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await first.waitForFunction(async () => (await (await caches.open('hakam-desk-pages')).keys()).length > 0);
    await first.close();
    await w.setOffline(true);
    offline.push(await open(w, desk, null));
    await w.close();
  }
  lines.push(line('no network, reopened from the phone', offline));
  console.log(lines.join('\n'));
  if (process.env.HAKAM_BENCH_REPORT) fs.writeFileSync(process.env.HAKAM_BENCH_REPORT, lines.join('\n') + '\n');
});
