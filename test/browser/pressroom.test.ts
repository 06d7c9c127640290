/**
 * The press room's index.html in Chromium from file://: the filter script
 * runs under the page's CSP (its hash is accepted), filters by text, type and
 * issuer, and the page is axe-clean with no network request.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { build, type BuildResult } from '../../pipeline/build/index.js';
import { browserSelection } from '../support/corpus.js';
import { fixtures, seedPath, tempDir } from '../support/paths.js';
import { axeViolations, close, horizontalOverflow, launch, networkRequests, open, type OpenedPage } from './support.js';
import { loadTemplates } from '../../pipeline/render/templates.js';
import { indexPage, upTo } from '../support/index-page.js';

const dir = tempDir('handout-pressroom-browser-');
let browser: Browser;
let result: BuildResult;
let indexUrl: string;

before(async () => {
  result = await build({ inputs: [seedPath, join(fixtures, 'rtl', 'source.md'), ...browserSelection()], outDir: join(dir, 'out'), formats: ['html', 'txt'] });
  indexUrl = pathToFileURL(join(dir, 'out', 'index.html')).href;
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

async function visible(opened: OpenedPage): Promise<number> {
  return opened.page.locator('.entry:visible').count();
}

test('the index is axe-clean in light and dark, at 375 px and on a desktop, with no fetch and no console error', async () => {
  for (const options of [{ viewport: { width: 375, height: 812 }, colorScheme: 'light' as const }, { viewport: { width: 1280, height: 900 }, colorScheme: 'dark' as const }]) {
    const opened = await open(browser, indexUrl, options);
    try {
      assert.deepEqual(await axeViolations(opened.page), [], `${options.colorScheme} ${options.viewport.width}`);
      assert.ok((await horizontalOverflow(opened.page)) <= 0, 'no horizontal scroll');
      assert.deepEqual(networkRequests(opened.requests), []);
      assert.deepEqual(opened.errors, [], 'no console errors (a CSP refusal of the script would be one)');
    } finally {
      await close(opened);
    }
  }
});

test('the filter narrows the list by text, type and issuer, and says how many are shown', async () => {
  const opened = await open(browser, indexUrl, { viewport: { width: 375, height: 812 } });
  try {
    const page = opened.page;
    const total = result.documents.length;
    assert.equal(total, 22);
    assert.equal(await page.locator('form.filter').isVisible(), true, 'the script ran and showed the form');
    assert.equal(await visible(opened), total);
    assert.equal(await page.textContent('.count'), `${total} releases`);

    await page.getByLabel('Text').fill('cyber dialogue');
    const cyber = await visible(opened);
    assert.equal(cyber, 2, 'the seed and the 4th U.S.-Japan cyber dialogue');
    assert.equal(await page.textContent('.count'), `2 of ${total} releases`);
    // Months with no match are hidden with their entries.
    assert.equal(await page.locator('.month:visible').count(), 2);

    await page.getByLabel('Text').fill('總統');
    assert.equal(await visible(opened), 8, 'CJK text matches the Traditional Chinese releases');

    await page.getByLabel('Text').fill('');
    await page.getByLabel('Type').selectOption('Media Note');
    const notes = await visible(opened);
    assert.ok(notes >= 1 && notes < total);
    for (const type of await page.locator('.entry:visible').evaluateAll((els) => els.map((e) => (e as unknown as { dataset: { type: string } }).dataset.type))) assert.equal(type, 'Media Note');

    await page.getByLabel('Type').selectOption('');
    await page.getByLabel('Issuer').selectOption('Office of the Spokesperson');
    const spokesperson = await visible(opened);
    assert.ok(spokesperson >= 1 && spokesperson < total);

    await page.getByLabel('Text').fill('no release says this xyzzy');
    assert.equal(await visible(opened), 0);
    assert.equal(await page.textContent('.count'), `0 of ${total} releases`);
    assert.deepEqual(await axeViolations(page), [], 'axe-clean while filtered');
    assert.deepEqual(opened.errors, []);
  } finally {
    await close(opened);
  }
});

test('print hides the filter', async () => {
  const opened = await open(browser, indexUrl);
  try {
    await opened.page.emulateMedia({ media: 'print' });
    assert.equal(await opened.page.locator('form.filter').isVisible(), false);
  } finally {
    await close(opened);
  }
});

test('the count speaks each language\'s plural forms as the user filters: 0, 1, 2, 5 and 21 releases in English, French and Russian', async () => {
  const templates = loadTemplates();
  const russian = {
    ru: {
      releasesCount: { one: '{count} пресс-релиз', few: '{count} пресс-релиза', many: '{count} пресс-релизов', other: '{count} пресс-релиза' },
      releasesShown: { one: '{shown} из {count} пресс-релиза', few: '{shown} из {count} пресс-релизов', many: '{shown} из {count} пресс-релизов', other: '{shown} из {count} пресс-релиза' },
    },
  };
  const cases = [
    { language: 'en', all: ['0 releases', '1 release', '2 releases', '5 releases', '21 releases'], of21: ['0 of 21 releases', '1 of 21 releases', '2 of 21 releases', '5 of 21 releases'] },
    { language: 'fr', all: ['0 communiqué', '1 communiqué', '2 communiqués', '5 communiqués', '21 communiqués'], of21: ['0 sur 21 communiqués', '1 sur 21 communiqués', '2 sur 21 communiqués', '5 sur 21 communiqués'] },
    { language: 'ru', strings: russian, all: ['0 пресс-релизов', '1 пресс-релиз', '2 пресс-релиза', '5 пресс-релизов', '21 пресс-релиз'], of21: ['0 из 21 пресс-релиза', '1 из 21 пресс-релиза', '2 из 21 пресс-релиза', '5 из 21 пресс-релиза'] },
  ];
  const opened = await open(browser, 'about:blank');
  try {
    const { page } = opened;
    for (const { language, strings, all, of21 } of cases) {
      for (const [i, count] of [0, 1, 2, 5, 21].entries()) {
        const path = join(dir, `plural-${language}-${count}.html`);
        writeFileSync(path, indexPage(count, templates, language, strings));
        await page.goto(pathToFileURL(path).href, { waitUntil: 'load' });
        assert.equal(await page.textContent('.count'), all[i], `${language}, ${count} releases`);
      }
      // The last page holds 21: filter it down to 0, 1, 2 and 5.
      const shown = [];
      for (const k of [0, 1, 2, 5]) {
        await page.getByRole('searchbox').fill(upTo(k));
        assert.equal(await visible(opened), k);
        shown.push(await page.textContent('.count'));
      }
      assert.deepEqual(shown, of21, language);
    }
    assert.deepEqual(opened.errors, [], 'no console errors: the script ran under each page\'s CSP');
    assert.deepEqual(networkRequests(opened.requests).filter((url) => url !== 'about:blank'), []);
  } finally {
    await close(opened);
  }
});
