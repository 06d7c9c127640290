/**
 * Debian's Chromium driven by playwright-core: never a downloaded browser.
 * A missing /usr/bin/chromium fails the suite loudly; it never skips.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launch(): Promise<Browser> {
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install chromium (.ci/run does)`);
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The WCAG 2.1 A and AA rules. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface OpenedPage {
  page: Page;
  /** Every URL the page asked for, the page itself included. */
  requests: string[];
  /** Console errors and uncaught exceptions (a CSP violation is one). */
  errors: string[];
}

export async function open(browser: Browser, url: string, options: BrowserContextOptions = {}): Promise<OpenedPage> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url, { waitUntil: 'load' });
  return { page, requests, errors };
}

export async function close(opened: OpenedPage): Promise<void> {
  await opened.page.context().close();
}

/**
 * axe's violations as "rule: target" lines. The page's CSP forbids inline
 * scripts, so axe goes in through evaluate (DevTools protocol), not a <script>.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  const loaded = await page.evaluate('typeof axe');
  if (loaded === 'undefined') await page.evaluate(axeSource);
  // A string, not a function: this project compiles without the DOM library.
  return page.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(AXE_TAGS)} } })
    .then((r) => r.violations.flatMap((v) => v.nodes.map((n) => v.id + ': ' + n.target.join(' ') + ' ' + (n.failureSummary || ''))))`) as Promise<string[]>;
}

/** URLs that are not the local file or inline data: each one is a network fetch. */
export function networkRequests(requests: readonly string[]): string[] {
  return requests.filter((url) => !url.startsWith('file:') && !url.startsWith('data:'));
}

export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth') as Promise<number>;
}
