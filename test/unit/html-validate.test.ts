/**
 * html-validate (recommended rules) on every HTML page handout writes: the
 * fixtures, a hostile title, and every release of the corpus. Pure JS, so it
 * runs in `npm test`.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { test } from 'node:test';
import { HtmlValidate, type Report } from 'html-validate';
import { extractRelease, sourceFile } from '../../pipeline/document.js';
import { renderHtml } from '../../pipeline/render/html/index.js';
import { renderIndex } from '../../pipeline/pressroom/index-page.js';
import { newestFirst, summarize } from '../../pipeline/pressroom/summary.js';
import type { PressEntry } from '../../pipeline/pressroom/entry.js';
import { loadTemplates } from '../../pipeline/render/templates.js';
import { loadReleaseImages } from '../../pipeline/media/release-images.js';
import { corpusFiles } from '../support/corpus.js';
import { fixtures, seedPath } from '../support/paths.js';

const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
const templates = loadTemplates();

export function describeReport(report: Report): string {
  return report.results
    .flatMap((r) => r.messages.map((m) => `${r.filePath}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`))
    .join('\n');
}

const entries: PressEntry[] = [];

/** The release's page; its summary joins the press room index validated last. */
function page(path: string): string {
  const release = extractRelease(sourceFile(readFileSync(path, 'utf8'), basename(path)));
  assert.ok(release, `${path} extracts`);
  const stem = basename(path).replace(/\.[^.]+$/u, '');
  entries.push({ summary: summarize(release, basename(path), stem), outputs: [{ format: 'html', path: `${stem}.html`, bytes: 0, sha256: '' }, { format: 'pdf', path: `${stem}.pdf`, bytes: 0, sha256: '' }] });
  return renderHtml(release, templates);
}

const HOSTILE = `Acme & Co <Widget> "2.0" {{title}} — a very long headline that runs well past seventy characters 🚀🚀

Press Release
Office of Acme & Sons <Communications>
March 3, 2026

Acme said <script>alert(1)</script> and [a link](javascript:alert(1)) and <b onclick="x()">bold</b>.
`;

test('fixture pages and a hostile title validate with no errors', async () => {
  const pages: [string, string][] = [
    ['seed', page(seedPath)],
    ['front-matter', page(join(fixtures, 'front-matter', 'source.md'))],
    ['rtl', page(join(fixtures, 'rtl', 'source.md'))],
    ['hostile', renderHtml(extractRelease(sourceFile(HOSTILE, 'hostile.txt'))!, templates)],
    ...[join(fixtures, 'images', 'release.md'), join(fixtures, 'image-variants', 'variants.md')].map((path): [string, string] => {
      // With its images embedded: <figure>, data: URIs, width and height.
      const file = sourceFile(readFileSync(path, 'utf8'), path);
      const release = extractRelease(file)!;
      const html = renderHtml(release, templates, { media: loadReleaseImages(release, file) });
      assert.match(html, /<figure><img src="data:image\/(?:png|jpeg);base64,[^"]+" alt="[^"]+" width="\d+" height="\d+"><figcaption>/u);
      return [basename(path), html];
    }),
  ];
  for (const [name, html] of pages) {
    const report = await validator.validateString(html, `${name}.html`);
    assert.equal(report.errorCount, 0, describeReport(report));
  }
});

test('every corpus release validates with no errors', async () => {
  const files = corpusFiles();
  assert.ok(files.length >= 100, `only ${files.length} corpus files`);
  let errors = 0;
  const details: string[] = [];
  for (const path of files) {
    const report = await validator.validateString(page(path), basename(path));
    errors += report.errorCount;
    if (!report.valid) details.push(describeReport(report));
  }
  assert.equal(errors, 0, details.join('\n'));
});

test('the press room index of all of them validates with no errors', async () => {
  assert.ok(entries.length > 100);
  const html = renderIndex([...entries].sort((a, b) => newestFirst(a.summary, b.summary)), templates, { title: 'Press releases', generator: 'handout' });
  const report = await validator.validateString(html, 'index.html');
  assert.equal(report.errorCount, 0, describeReport(report));
});
