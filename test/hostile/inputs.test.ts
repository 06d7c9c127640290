/**
 * Hostile input, case by case: every case's messages are asserted exactly
 * (rule id and line:column), outputs exist only for built cases, and no stack
 * trace ever reaches the user.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { assertNoStack, reported, runCli, withBuildFiles } from '../support/cli.js';
import { unsafeParts } from '../support/html.js';
import { cli, tempDir } from '../support/paths.js';
import { readPdf } from '../support/pdf.js';
import { CASES, type HostileCase } from './cases.js';

const FORMATS = ['html', 'pdf', 'txt', 'json'] as const;

async function buildCase(c: HostileCase): Promise<{ out: string; stem: string; stderr: string; code: number }> {
  const dir = tempDir('handout-hostile-');
  mkdirSync(join(dir, 'in'));
  writeFileSync(join(dir, 'in', c.file), c.content);
  const out = join(dir, 'out');
  const { code, stderr } = await runCli(['build', join(dir, 'in'), '--out', out]);
  return { out, stem: c.file.replace(/\.[^.]+$/u, ''), stderr, code };
}

const outputs = new Map<string, { out: string; stem: string }>();

for (const c of CASES) {
  test(`hostile: ${c.name}`, async () => {
    const { out, stem, stderr, code } = await buildCase(c);
    assertNoStack(stderr);
    const messages = reported(stderr).map((m) => ({ ruleId: m.ruleId, at: m.at }));
    assert.deepEqual(messages, c.expect, stderr);
    const failed = c.expect.some((m) => ['empty-document', 'invalid-encoding', 'too-deep', 'too-complex', 'too-large'].includes(m.ruleId));
    assert.equal(code, failed ? 1 : 0);
    for (const ext of FORMATS) assert.equal(existsSync(join(out, `${stem}.${ext}`)), c.built, `${stem}.${ext}`);
    if (c.built) {
      outputs.set(c.file, { out, stem });
      for (const ext of FORMATS) assert.ok(readFileSync(join(out, `${stem}.${ext}`)).byteLength > 0);
      const html = readFileSync(join(out, `${stem}.html`), 'utf8');
      assert.deepEqual(unsafeParts(html), []);
      JSON.parse(readFileSync(join(out, `${stem}.json`), 'utf8'));
      await readPdf(readFileSync(join(out, `${stem}.pdf`)));
    }
  });
}

function read(file: string, ext: string): string {
  const { out, stem } = outputs.get(file)!;
  return readFileSync(join(out, `${stem}.${ext}`), 'utf8');
}

test('hostile: encodings and line endings all give the same record', () => {
  const titles = ['utf16.txt', 'bom.txt', 'crlf.txt', 'cr.txt'].map((f) => JSON.parse(read(f, 'json')) as { title: string; date: string; location: string });
  for (const r of titles) assert.deepEqual([r.title, r.date, r.location], ['Acme Ships Widget', '2026-03-03', 'PORTLAND, Ore.']);
  // The BOM is not part of the title, and CR endings do not leak into the wire copy.
  assert.ok(!read('bom.txt', 'txt').includes('\ufeff'));
  assert.ok(!read('cr.txt', 'txt').includes('\r'));
});

test('hostile: control characters never reach an output; the title reads as words', async () => {
  const record = JSON.parse(read('controls.txt', 'json')) as { title: string };
  assert.equal(record.title, 'Acme Ships Widget [31m');
  for (const ext of ['html', 'txt', 'json']) assert.doesNotMatch(read('controls.txt', ext), /[\0\x07\x1b]/u, ext);
  const pdf = await readPdf(readFileSync(join(outputs.get('controls.txt')!.out, 'controls.pdf')));
  assert.equal(pdf.info['Title'], 'Acme Ships Widget [31m');
});

test('hostile: bidi overrides are removed from the title everywhere; the zero-width space stays', async () => {
  const title = 'Acme tegdiW Ships\u200b Now';
  assert.equal((JSON.parse(read('bidi.txt', 'json')) as { title: string }).title, title);
  const html = read('bidi.txt', 'html');
  assert.ok(html.includes(`<title>${title}</title>`));
  assert.ok(html.includes(`<h1>${title}</h1>`));
  assert.doesNotMatch(html, /[\u202a-\u202e\u2066-\u2069]/u);
  const pdf = await readPdf(readFileSync(join(outputs.get('bidi.txt')!.out, 'bidi.pdf')));
  assert.equal(pdf.info['Title'], title);
  assert.doesNotMatch(pdf.xmp ?? '', /[\u202a-\u202e\u2066-\u2069]/u);
});

test('hostile: raw HTML and javascript: links are gone from HTML, text, JSON body and PDF', async () => {
  const html = read('script.md', 'html');
  assert.deepEqual(unsafeParts(html), []);
  assert.doesNotMatch(html, /javascript:|onerror|onload|<iframe|<svg|evil\.example/iu);
  // Inline <script> inside a paragraph is dropped as markup; the words between its tags are plain text.
  assert.deepEqual(html.match(/alert\(\d\)/gu), ['alert(6)']);
  assert.ok(html.includes('<p>alert(6)</p>'));
  const text = read('script.md', 'txt');
  assert.doesNotMatch(text, /javascript:|<script|<iframe|<svg|onerror|onload/iu);
  // The refused javascript: image is a placeholder line of its own; the full stop after it ends the sentence before.
  assert.match(text, /Text and click and\s+and spaced and raw and\.\n\n\[Photo: i\]\n/u);
  const body = (JSON.parse(read('script.md', 'json')) as { body: { text: string }[] }).body.map((b) => b.text).join('\n');
  assert.doesNotMatch(body, /<script|javascript:/iu);
  const pdf = await readPdf(readFileSync(join(outputs.get('script.md')!.out, 'script.pdf')));
  assert.doesNotMatch(pdf.text.join('\n'), /javascript:|alert\([1-5]\)|onerror/iu);
});

test('hostile: {{…}} in a release is printed literally in every format', async () => {
  const literal = 'We print {{title}}, {{{body}}}, {{> header}}, {{#each x}}y{{/each}} and {{constructor.constructor}} as written.';
  assert.equal((JSON.parse(read('mustache.md', 'json')) as { title: string }).title, 'Acme {{title}} Widget');
  assert.ok(read('mustache.md', 'html').includes(`<p>${literal}</p>`));
  assert.ok(read('mustache.md', 'html').includes('<h1>Acme {{title}} Widget</h1>'));
  assert.ok(read('mustache.md', 'txt').replace(/\s+/gu, ' ').includes(literal));
  const pdf = await readPdf(readFileSync(join(outputs.get('mustache.md')!.out, 'mustache.pdf')));
  assert.ok(pdf.text.join(' ').replace(/\s+/gu, ' ').includes(literal), pdf.text.join('\n'));
  assert.equal(pdf.info['Title'], 'Acme {{title}} Widget');
});

test('hostile: prototype keys in front matter pollute nothing', () => {
  const record = JSON.parse(read('proto.md', 'json')) as Record<string, unknown>;
  assert.equal(record['issuer'], 'Acme');
  assert.equal(record['title'], null);
  assert.equal(record['date'], '2026-03-03');
  assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
  assert.equal(Object.prototype.hasOwnProperty.call(record, 'polluted'), false);
  assert.equal(Object.getPrototypeOf(record), Object.prototype);
});

test('hostile: the alias bomb is refused for the fields it feeds; the Markdown title is used', () => {
  const record = JSON.parse(read('laughs.md', 'json')) as Record<string, unknown>;
  assert.equal(record['title'], 'Acme Ships Widget');
  assert.equal(record['subtitle'], null);
});

test('hostile: the whole table through the spawned CLI: one bad file never stops the rest, no stack trace', async () => {
  const dir = tempDir('handout-hostile-all-');
  mkdirSync(join(dir, 'in'));
  for (const c of CASES) writeFileSync(join(dir, 'in', c.file), c.content);
  const result = await promisify(execFile)(process.execPath, [cli, 'build', join(dir, 'in'), '-o', join(dir, 'out'), '--format', 'json'], {
    env: { ...process.env, NO_COLOR: '1' },
  }).then(
    (r) => ({ code: 0, ...r }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
  assert.equal(result.code, 1);
  assertNoStack(result.stderr);
  const built = CASES.filter((c) => c.built).map((c) => c.file.replace(/\.[^.]+$/u, '.json')).sort();
  assert.deepEqual(readdirSync(join(dir, 'out')).sort(), withBuildFiles(built));
  // Every case's messages, file by file, as the table states them.
  const byFile = new Map<string, string[]>();
  for (const m of reported(result.stderr)) byFile.set(m.file, [...(byFile.get(m.file) ?? []), `${m.ruleId}@${m.at}`]);
  for (const c of CASES) {
    const file = [...byFile.keys()].find((f) => f.endsWith(`/${c.file}`));
    assert.deepEqual(file ? byFile.get(file) : [], c.expect.map((m) => `${m.ruleId}@${m.at}`), c.file);
  }
});
