// The web app in a real browser (Debian's Chromium through playwright-core) over the demo corpus: article list ->
// article -> an actor (by keyboard) -> the stance matrix -> a cell's evidence. Screenshots go to test-results/.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { readInputs } from '../src/ingest/index.js';
import { openStore, type Store } from '../src/kb/index.js';
import { processArticle } from '../src/pipeline.js';
import { startServer, type RunningServer } from '../src/server/index.js';
import { demoArticleCount, examplesDir, repoRoot } from './helpers.js';

// The callbacks given to page.evaluate and waitForFunction run in the page; the tests compile without DOM types.
declare const document: {
  documentElement: { dataset: Record<string, string | undefined> };
  activeElement: { id: string; tagName: string; classList: { contains(name: string): boolean } } | null;
};

const CHROMIUM = process.env.PARLEY_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const shots = join(repoRoot, 'test-results');

let dir: string;
let store: Store;
let server: RunningServer;
let browser: Browser | undefined;

before(async () => {
  // Not a skip: CI installs Chromium, and a missing browser must not pass unnoticed.
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM}: install it (apt-get install chromium) or set PARLEY_CHROMIUM to run the browser test`);
  }
  mkdirSync(shots, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), 'parley-browser-'));
  store = await openStore(join(dir, 'demo.db'));
  for await (const item of readInputs([examplesDir])) {
    if (item.ok) await store.put(processArticle(item.article).record);
  }
  server = await startServer({ store, port: 0 });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
});

after(async () => {
  await browser?.close();
  await server?.close();
  await store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Waits until the app has rendered a route whose hash starts with `prefix`. */
async function rendered(page: Page, prefix: string): Promise<void> {
  await page.waitForFunction((p) => (document.documentElement.dataset.rendered ?? '').startsWith(p), prefix, { timeout: 10_000 });
}

test('click through: articles -> article -> actor (keyboard) -> stance matrix -> evidence', { timeout: 60_000 }, async () => {
  const page = await browser!.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });

  // 1. The article list.
  await page.goto(`${server.url}/`);
  await rendered(page, '#/articles');
  assert.equal(await page.locator('h1').textContent(), 'Articles');
  assert.match((await page.locator('.lede').textContent()) ?? '', new RegExp(`^${demoArticleCount} articles,`));
  assert.equal(await page.locator('.article-card').count(), demoArticleCount);
  await page.screenshot({ path: join(shots, '01-articles.png'), fullPage: true });

  // 2. An article: mentions marked by type, quotes underlined, hovering a quote names its speaker.
  const title = 'Reykjavik talks open as Norway proposes international observers for Svalbard waters';
  await page.getByRole('link', { name: title }).click();
  await rendered(page, '#/articles/');
  assert.equal(await page.locator('h1').textContent(), title);
  assert.ok((await page.locator('#article-text a.mention').count()) > 10, 'actor mentions are links');
  assert.ok((await page.locator('#article-text .quote').count()) > 3, 'quotes are marked');
  const quote = page.locator('#article-text .quote-direct').first();
  await quote.hover();
  const tip = page.locator('#tooltip');
  await tip.waitFor({ state: 'visible' });
  assert.match((await tip.textContent()) ?? '', / · direct quote$/);
  await page.screenshot({ path: join(shots, '02-article.png') });

  // 3. An actor, reached with the keyboard: focus a person's mention, Enter follows it.
  const mention = page.locator('#article-text a.mention.type-person').first();
  const actorName = ((await mention.getAttribute('data-tip')) ?? '').split(' · ')[0]!;
  await mention.focus();
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('mention')), true);
  await page.keyboard.press('Enter');
  await rendered(page, '#/actors/');
  assert.equal(await page.locator('h1').textContent(), actorName);
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1', 'focus moves to the new page');
  for (const heading of ['Roles', 'Stance timeline', 'Quotes', 'Stances', 'Events']) {
    assert.equal(await page.getByRole('heading', { name: heading, exact: true }).count(), 1, heading);
  }
  await page.screenshot({ path: join(shots, '03-actor.png'), fullPage: true });

  // 4. The stance matrix.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Stances' }).click();
  await rendered(page, '#/matrix');
  const cells = page.locator('table.matrix td.cell a');
  assert.ok((await cells.count()) > 0, 'the matrix has cells');
  await page.screenshot({ path: join(shots, '04-matrix.png') });

  // 5. A cell's evidence: the article opens with the stance's sentence highlighted and focused.
  const cell = cells.first();
  const label = (await cell.getAttribute('aria-label')) ?? '';
  const href = (await cell.getAttribute('href')) ?? '';
  const [, articleId, stanceId] = /^#\/articles\/([0-9a-f]{64})\?hl=(s\d+)$/.exec(href) ?? [];
  assert.ok(articleId && stanceId, href);
  await cell.click();
  await rendered(page, `#/articles/${articleId}`);
  const record = (await (await fetch(`${server.url}/api/articles/${articleId}`)).json()) as {
    stances: Array<{ id: string; issue: string; holder: string; evidence: { text: string } }>;
    actors: Array<{ id: string; name: string }>;
  };
  const stance = record.stances.find((s) => s.id === stanceId)!;
  const marked = (await page.locator('mark.evidence').allTextContents()).join('');
  assert.equal(marked, stance.evidence.text);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'evidence');
  assert.ok(label.includes(`“${stance.issue}”`), `${label} names the issue`);
  const holder = record.actors.find((a) => a.id === stance.holder)!;
  assert.match((await page.locator('.evidence-note').textContent()) ?? '', new RegExp(holder.name));
  await page.screenshot({ path: join(shots, '05-evidence.png') });

  // 6. The events timeline: an event that the rewrite (09 of 08) reports again is shown once, naming the other report.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Events' }).click();
  await rendered(page, '#/events');
  assert.ok((await page.locator('.timeline-day .event-item').count()) > 5, 'the timeline lists events');
  await page.getByLabel('Type').selectOption('ACCUSE');
  await page.getByRole('button', { name: 'Filter' }).click();
  await rendered(page, '#/events?type=ACCUSE');
  const alsoReported = page.locator('.event-item .reports');
  assert.ok((await alsoReported.count()) >= 1, 'an event reported twice names its other report');
  assert.match((await alsoReported.first().textContent()) ?? '', /^Also reported by one more article: /);
  await page.screenshot({ path: join(shots, '06-events.png'), fullPage: true });

  assert.deepEqual(errors, [], 'no errors in the page');
  await page.close();
});
