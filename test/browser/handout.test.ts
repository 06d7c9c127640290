/**
 * The HTML handout in a real browser (Debian's Chromium, from file://): the
 * seed, twenty corpus releases (all the Traditional Chinese ones and the
 * longest), an RTL release and a hostile title. Each page: no axe violation
 * (WCAG 2.1 A/AA) in light and dark, no console error, no network request,
 * no horizontal scroll at 375 px or on a desktop, and JSON-LD that parses
 * with the record's fields. The branded example (examples/brand) too, with
 * its pale accent colour and its PNG and SVG logos.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { build, type BuildResult } from '../../pipeline/build/index.js';
import { browserSelection } from '../support/corpus.js';
import { fixtures, root, seedPath, tempDir } from '../support/paths.js';
import { parseConfig } from '../../pipeline/config/index.js';
import jpeg from 'jpeg-js';
import { axeViolations, close, horizontalOverflow, launch, networkRequests, open } from './support.js';

const HOSTILE = `Acme & Co <Widget> "2.0" {{title}} </script> — ünïcödé 🚀

Press Release
Office of Acme & Sons <Communications>
Portland, Oregon
March 3, 2026

Acme said <script>alert(1)</script> and [a link](javascript:alert(1)) and [the product page](https://example.com/widget?a=1&b=2) today.
`;

// An embargoed release: its banner must be axe-clean (contrast) in light and dark.
const EMBARGOED = `---
title: Acme lanza Widget 3.0
date: 2026-03-03
embargo: 2026-03-03T10:00-05:00
issuer: Acme
---

Acme lanzó hoy Widget 3.0, la tercera versión de su widget. Es más rápido y más pequeño que el anterior.
`;

// A photo far wider than a phone: it must shrink to the column, keeping its proportions.
const WIDE = `---
title: A wide photo
date: 2026-03-03
issuer: Acme
---

Acme opened its new plant on Tuesday, with the whole town invited.

![The new plant from the river, at dawn](wide.jpg "The plant, seen from the river")
`;

const dir = tempDir('handout-browser-');
const brandExample = join(root, 'examples', 'brand');
let browser: Browser;
let result: BuildResult;

before(async () => {
  writeFileSync(join(dir, 'hostile.txt'), HOSTILE);
  writeFileSync(join(dir, 'embargoed.md'), EMBARGOED);
  writeFileSync(join(dir, 'wide.md'), WIDE);
  writeFileSync(join(dir, 'wide.jpg'), jpeg.encode({ width: 1600, height: 400, data: Buffer.alloc(1600 * 400 * 4, 90) }, 60).data);
  result = await build({
    inputs: [seedPath, join(fixtures, 'rtl', 'source.md'), join(dir, 'hostile.txt'), join(dir, 'embargoed.md'), join(fixtures, 'images', 'release.md'), join(dir, 'wide.md'), ...browserSelection()],
    outDir: join(dir, 'out'),
    formats: ['html', 'json'],
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

interface JsonLd {
  '@type': string;
  headline?: string;
  datePublished?: string;
  dateline?: string;
  inLanguage: string;
  author?: { name: string };
  publisher?: { name: string };
  mentions?: { '@type': string; name: string }[];
}

function outputOf(stemEnd: string, format: 'html' | 'json'): string {
  const doc = result.documents.find((d) => d.outputs.some((o) => o.format === format && o.path.endsWith(`${stemEnd}.${format}`)));
  assert.ok(doc, `${stemEnd}.${format} was built`);
  return doc.outputs.find((o) => o.format === format)!.path;
}

test('the batch built the seed, the RTL fixture, the hostile page, the embargoed page, two pages with images and twenty corpus releases', () => {
  assert.equal(result.documents.length, 26);
  for (const d of result.documents) assert.ok(d.ok, `${d.file.path}: ${d.file.messages.join('; ')}`);
  assert.ok(result.documents.filter((d) => /taiwan-president/u.test(d.source.path)).length >= 8, 'the Traditional Chinese releases are in');
});

describe('every page', () => {
  test('each page, in turn', async (t) => {
    for (const doc of result.documents) {
      const html = doc.outputs.find((o) => o.format === 'html')!.path;
      const record = JSON.parse(readFileSync(doc.outputs.find((o) => o.format === 'json')!.path, 'utf8')) as Record<string, unknown> & { mentions: { people: unknown[]; organizations: unknown[]; places: unknown[] } };
      const url = pathToFileURL(html).href;
      await t.test(doc.source.relative, async () => {
        const phone = await open(browser, url, { viewport: { width: 375, height: 812 }, colorScheme: 'light' });
        try {
          assert.deepEqual(await axeViolations(phone.page), [], 'axe, light, 375 px');
          assert.ok((await horizontalOverflow(phone.page)) <= 0, 'no horizontal scroll at 375 px');
          const ld = JSON.parse((await phone.page.textContent('script[type="application/ld+json"]')) ?? '') as JsonLd;
          assert.equal(ld['@type'], 'NewsArticle');
          assert.equal(ld.headline, record['title'] ?? undefined);
          // Never published before the embargo: the embargo's instant stands in for an earlier date.
          assert.equal(ld.datePublished, record['embargo'] && (!record['date'] || String(record['date']) <= String(record['embargo']).slice(0, 10)) ? record['embargo'] : (record['date'] ?? undefined));
          assert.equal(ld.inLanguage, record['language']);
          if (record['issuer']) assert.equal(ld.author?.name, record['issuer']);
          const brandName = (record['brand'] as { name: string | null } | null)?.name;
          if (brandName ?? record['organization'] ?? record['issuer']) assert.equal(ld.publisher?.name, brandName ?? record['organization'] ?? record['issuer']);
          if (record['location'] || record['date']) assert.ok(ld.dateline, 'a dateline');
          const named = record.mentions.people.length + record.mentions.organizations.length + record.mentions.places.length;
          assert.equal(ld.mentions?.length ?? 0, named, 'every mention');
          const lang = await phone.page.getAttribute('html', 'lang');
          assert.equal(lang, record['language']);
          assert.deepEqual(networkRequests(phone.requests), [], 'no network requests');
          assert.deepEqual(phone.errors, [], 'no console errors');
        } finally {
          await close(phone);
        }
        const desktop = await open(browser, url, { viewport: { width: 1280, height: 900 }, colorScheme: 'dark' });
        try {
          assert.deepEqual(await axeViolations(desktop.page), [], 'axe, dark, desktop');
          assert.ok((await horizontalOverflow(desktop.page)) <= 0, 'no horizontal scroll on a desktop');
          assert.deepEqual(networkRequests(desktop.requests), []);
          assert.deepEqual(desktop.errors, []);
        } finally {
          await close(desktop);
        }
      });
    }
  });
});

test('images: every figure shows its embedded image, within the column at 375 px, in its own proportions', async () => {
  for (const stem of ['/release', '/wide']) {
    const phone = await open(browser, pathToFileURL(outputOf(stem, 'html')).href, { viewport: { width: 375, height: 812 }, colorScheme: 'light' });
    try {
      const figures = (await phone.page.evaluate(`[...document.querySelectorAll('figure')].map((f) => {
        const img = f.querySelector('img');
        const box = img.getBoundingClientRect();
        return { complete: img.complete, natural: img.naturalWidth, width: box.width, height: box.height, ratio: img.width / img.height,
          attrRatio: Number(img.getAttribute('width')) / Number(img.getAttribute('height')), column: f.getBoundingClientRect().width,
          caption: f.querySelector('figcaption')?.textContent ?? null, data: img.src.startsWith('data:image/') };
      })`)) as { complete: boolean; natural: number; width: number; height: number; ratio: number; attrRatio: number; column: number; caption: string | null; data: boolean }[];
      assert.equal(figures.length, stem === '/release' ? 2 : 1);
      for (const f of figures) {
        assert.ok(f.complete && f.natural > 0 && f.data, `${stem}: the image decodes`);
        assert.ok(f.width <= f.column + 0.5, `${stem}: ${f.width} px wide in a ${f.column} px column`);
        assert.ok(Math.abs(f.width / f.height - f.attrRatio) < 0.02, `${stem}: proportions kept`);
        assert.ok(f.caption, `${stem}: a caption`);
      }
      assert.deepEqual(networkRequests(phone.requests), [], 'no network requests');
    } finally {
      await close(phone);
    }
  }
});

test('the branded example: axe-clean in light and dark with its pale accent, the logo decoded from its data: URI, nothing fetched', async () => {
  const settings = parseConfig(readFileSync(join(brandExample, 'handout.config.json'), 'utf8'), 'handout.config.json', brandExample).values.brand!;
  const branded = await build({ inputs: [join(brandExample, 'releases')], outDir: join(dir, 'branded'), formats: ['html'], render: { brand: settings }, pressroom: false, jobs: 1 });
  assert.equal(branded.documents.length, 2);
  for (const doc of branded.documents) {
    assert.ok(doc.ok, doc.file.messages.join('; '));
    const url = pathToFileURL(doc.outputs[0]!.path).href;
    for (const [colorScheme, width] of [['light', 375], ['dark', 1280]] as const) {
      const page = await open(browser, url, { viewport: { width, height: 900 }, colorScheme });
      try {
        assert.deepEqual(await axeViolations(page.page), [], `${doc.source.relative}: axe, ${colorScheme}`);
        assert.ok((await horizontalOverflow(page.page)) <= 0, 'no horizontal scroll');
        const logo = (await page.page.evaluate(`(() => { const img = document.querySelector('.letterhead img'); return { complete: img.complete, natural: img.naturalWidth, alt: img.alt, data: img.src.startsWith('data:image/') }; })()`)) as { complete: boolean; natural: number; alt: string; data: boolean };
        assert.ok(logo.complete && logo.natural > 0 && logo.data, 'the logo decodes');
        const ld = JSON.parse((await page.page.textContent('script[type="application/ld+json"]')) ?? '') as JsonLd & { publisher: { name: string; logo: { url: string } } };
        assert.equal(ld.publisher.name, logo.alt);
        assert.ok(ld.publisher.logo.url.startsWith('data:image/'));
        assert.deepEqual(networkRequests(page.requests), [], 'no network requests');
        assert.deepEqual(page.errors, [], 'no console errors');
      } finally {
        await close(page);
      }
    }
  }
});

test('right to left: dir="rtl" and lang="ar" on the Arabic release', async () => {
  const page = await open(browser, pathToFileURL(outputOf('source', 'html')).href);
  try {
    assert.equal(await page.page.getAttribute('html', 'dir'), 'rtl');
    assert.equal(await page.page.getAttribute('html', 'lang'), 'ar');
    assert.equal(await page.page.evaluate('getComputedStyle(document.body).direction'), 'rtl');
  } finally {
    await close(page);
  }
});

test('the embargo banner is the first thing on the page, with a machine-readable time', async () => {
  const page = await open(browser, pathToFileURL(outputOf('embargoed', 'html')).href);
  try {
    assert.equal(await page.page.textContent('.letterhead > :first-child'), 'Bajo embargo hasta el 3 de marzo de 2026 a las 10:00 GMT-5');
    assert.equal(await page.page.getAttribute('.embargo time', 'datetime'), '2026-03-03T10:00:00-05:00');
    assert.ok(await page.page.isVisible('.embargo'));
  } finally {
    await close(page);
  }
});

test('Traditional Chinese pages say lang="zh-Hant"', async () => {
  const doc = result.documents.find((d) => /taiwan-president/u.test(d.source.path))!;
  const page = await open(browser, pathToFileURL(doc.outputs.find((o) => o.format === 'html')!.path).href);
  try {
    assert.equal(await page.page.getAttribute('html', 'lang'), 'zh-Hant');
  } finally {
    await close(page);
  }
});

test('print: links show their URL after them, and the hostile page never ran a script', async () => {
  const page = await open(browser, pathToFileURL(outputOf('hostile', 'html')).href);
  try {
    await page.page.emulateMedia({ media: 'print' });
    const after = await page.page.evaluate(`getComputedStyle(document.querySelector('.body a[href^="https:"]'), '::after').content`);
    assert.match(String(after), /https:\/\/example\.com\/widget\?a=1&b=2/u);
    assert.equal(await page.page.evaluate('document.querySelectorAll(".body script, .body a[href^=\\"javascript\\"]").length'), 0);
    assert.equal(await page.page.evaluate('document.querySelectorAll("script:not([type=\\"application/ld+json\\"])").length'), 0);
    assert.deepEqual(page.errors, []);
  } finally {
    await close(page);
  }
});
