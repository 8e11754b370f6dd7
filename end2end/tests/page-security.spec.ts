import { test, expect, Page } from '@playwright/test';
import { asAdmin, createEvent, unique } from './helpers';

// Every page runs under the Content-Security-Policy with nothing refused: the scripts'
// loader, the renderer's data scripts, the WebAssembly and the style sheet all load, and no
// inline style or script is blocked. A violation shows as a `securitypolicyviolation` event
// or a console message; either fails the test.

async function watch(page: Page): Promise<string[]> {
  const seen: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const w = window as any;
      (w.__violations = w.__violations || []).push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  page.on('console', (m) => {
    const text = m.text();
    if (/Content Security Policy|Refused to (execute|load|apply|compile|frame|connect)/i.test(text)) seen.push(`${page.url()}: ${text}`);
  });
  return seen;
}

async function visit(page: Page, path: string, seen: string[]) {
  const response = await page.goto(path);
  expect(response, path).not.toBeNull();
  const policy = response!.headers()['content-security-policy'] ?? '';
  expect(policy, `${path} has a policy`).toContain("frame-ancestors 'none'");
  expect(policy).not.toContain('unsafe-inline');
  // The page's WebAssembly is loaded (from the network or the cache; resource timing
  // lists both), and then compiled under 'wasm-unsafe-eval'.
  await page.waitForFunction(
    () => performance.getEntriesByType('resource').some((e) => e.name.endsWith('.wasm')),
    null,
    { timeout: 20_000 },
  );
  await page.waitForTimeout(500);
  const violations: string[] = await page.evaluate(() => (window as any).__violations ?? []);
  for (const v of violations) seen.push(`${path}: ${v}`);
}

test('every page loads with no Content-Security-Policy violation', async ({ page, browser }) => {
  const seen = await watch(page);
  for (const path of ['/', '/login', '/signup']) await visit(page, path, seen);

  await asAdmin(page);
  await createEvent(page, `Hackathon Oujda ${unique()}`, '1');
  const eventPath = new URL(page.url()).pathname.replace(/\/manage$/, '');
  // An announcement for the projector, so its frame carries one.
  await page.goto(`${eventPath}/show`);
  await page.getByLabel('Announcement in Arabic').fill('مرحباً بالجميع');
  await page.getByLabel('Also show on the public projector (anyone can see it)').check();
  await page.getByRole('button', { name: 'Post the announcement' }).click();
  await expect(page.locator('.announcements-list li')).toHaveCount(1);

  const pages = [
    '/', '/admin', '/events/new', eventPath, `${eventPath}/manage`, `${eventPath}/teams`, `${eventPath}/submissions`,
    `${eventPath}/mentoring`, `${eventPath}/sessions`, `${eventPath}/help`, `${eventPath}/judging`, `${eventPath}/rubric`,
    `${eventPath}/results`, `${eventPath}/conflicts`, `${eventPath}/audit`, `${eventPath}/show`, `${eventPath}/projector`,
    `${eventPath}/ranking`, `${eventPath}/dashboard`, `${eventPath}/import`,
  ];
  for (const path of pages) await visit(page, path, seen);

  // The projector as the public sees it, in Arabic, with its board pushed live.
  const hall = await browser.newContext();
  const projector = await hall.newPage();
  const hallSeen = await watch(projector);
  await visit(projector, `${eventPath}/projector?theme=dark`, hallSeen);
  await projector.goto('/lang/ar?next=/');
  await visit(projector, `${eventPath}/projector`, hallSeen);
  await expect(projector.locator('.pj-frame')).toBeVisible();
  await expect(projector.locator('progress.pj-bar')).toBeVisible();
  await hall.close();

  expect([...seen, ...hallSeen], 'CSP violations').toEqual([]);
});
