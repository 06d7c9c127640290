/**
 * Embargo: read from front matter and from an "EMBARGOED UNTIL …" header
 * line, shown in every format, and kept out of the press room until its time
 * (an injected clock covers both sides), unless --include-embargoed.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { simpleParser } from 'mailparser';
import { build } from '../../pipeline/build/index.js';
import { parseCommand, resolveBuild } from '../../pipeline/cli/args.js';
import { parseConfig } from '../../pipeline/config/index.js';
import { extractRelease, sourceFile } from '../../pipeline/document.js';
import { parseEmbargo } from '../../pipeline/extract/embargo.js';
import { renderFormat } from '../../pipeline/render/index.js';
import { loadTemplates } from '../../pipeline/render/templates.js';
import { flat, readPdf } from '../support/pdf.js';
import { tempDir } from '../support/paths.js';

const templates = loadTemplates();

const FRONT = `---
title: Acme Ships Widget 3.0
date: 2026-03-03
embargo: 2026-03-03T10:00-05:00
issuer: Acme <Communications>
---

Acme today released Widget 3.0, the third version of its widget. It is faster and smaller than the one before.
`;

const PLAIN = `EMBARGOED UNTIL 10:00 a.m. EST, March 3, 2026

Acme Ships Widget 2.0

Office of Communications

PORTLAND, Ore., March 1, 2026 — Acme today released Widget 2.0, the second version of its widget. It is faster and smaller than the first.

For more information contact press@acme.example.
`;

function extract(source: string, name: string) {
  const file = sourceFile(source, name);
  return { file, release: extractRelease(file)! };
}

const rules = (file: { messages: { ruleId?: string | null }[] }): (string | null | undefined)[] => file.messages.map((m) => m.ruleId);

test('front matter: the embargo keeps its offset and its place', () => {
  const { release, file } = extract(FRONT, 'fm.md');
  assert.equal(release.embargo, '2026-03-03T10:00:00-05:00');
  assert.equal(release.sources.embargo?.origin, 'front-matter');
  assert.deepEqual([release.sources.embargo?.position?.start.line, release.sources.embargo?.position?.start.column], [4, 10]);
  assert.deepEqual(rules(file), []);
});

test('a plain-text "EMBARGOED UNTIL" line gives the embargo, read with its zone', () => {
  const { release } = extract(PLAIN, 'plain.txt');
  assert.equal(release.embargo, '2026-03-03T10:00:00-05:00');
  assert.equal(release.release, 'EMBARGOED UNTIL 10:00 a.m. EST, March 3, 2026');
  assert.equal(release.sources.embargo?.origin, 'text');
  assert.equal(release.sources.embargo?.position?.start.line, 1);
  assert.equal(release.title, 'Acme Ships Widget 2.0');
  const colon = extract(PLAIN.replace('EMBARGOED UNTIL 10:00 a.m. EST, March 3, 2026', 'EMBARGO: 3 March 2026 09:30 GMT'), 'plain.txt').release;
  assert.equal(colon.embargo, '2026-03-03T09:30:00+00:00');
});

test('what a source leaves out is read the latest way it allows', () => {
  // No time: the start of the day; no zone: UTC−12, the last zone to reach it.
  assert.equal(parseEmbargo('2026-03-03'), '2026-03-03T00:00:00-12:00');
  assert.equal(parseEmbargo('2026-03-03T10:00'), '2026-03-03T10:00:00-12:00');
  assert.equal(parseEmbargo('March 3, 2026'), '2026-03-03T00:00:00-12:00');
  assert.equal(parseEmbargo('2026-03-03T10:00Z'), '2026-03-03T10:00:00+00:00');
  assert.equal(parseEmbargo('2026-02-30'), undefined);
  assert.equal(parseEmbargo('soon'), undefined);
});

test('an unreadable embargo is a diagnostic with its position', () => {
  const fm = extract(FRONT.replace('2026-03-03T10:00-05:00', 'next Tuesday-ish'), 'bad.md');
  assert.equal(fm.release.embargo, null);
  const message = fm.file.messages.find((m) => m.ruleId === 'invalid-front-matter')!;
  assert.ok(message, 'invalid-front-matter');
  assert.deepEqual([message.line, message.column], [4, 10]);
  const text = extract(PLAIN.replace('10:00 a.m. EST, March 3, 2026', 'further notice'), 'bad.txt');
  assert.equal(text.release.embargo, null);
  const line = text.file.messages.find((m) => m.ruleId === 'invalid-embargo')!;
  assert.ok(line, 'invalid-embargo');
  assert.deepEqual([line.line, line.column], [1, 1]);
});

test('every format shows the embargo', async () => {
  const { release, file } = extract(FRONT, 'fm.md');
  const render = async (format: 'html' | 'txt' | 'json' | 'pdf' | 'eml'): Promise<Uint8Array> => renderFormat(format, release, file, templates, { pdf: { sourceDateEpoch: 0 } });
  const html = Buffer.from(await render('html')).toString('utf8');
  assert.ok(
    html.includes('<p class="embargo" role="note"><strong>Embargoed until <time datetime="2026-03-03T10:00:00-05:00">March 3, 2026 at 10:00 AM GMT-5</time></strong></p>'),
    'HTML banner',
  );
  // The banner comes before the headline.
  assert.ok(html.indexOf('class="embargo"') < html.indexOf('<h1>'));
  const ld = JSON.parse(/<script type="application\/ld\+json">\n([\s\S]*?)\n<\/script>/u.exec(html)![1]!) as Record<string, unknown>;
  assert.equal(ld['datePublished'], '2026-03-03T10:00:00-05:00', 'JSON-LD is not published before the embargo');
  const text = Buffer.from(await render('txt')).toString('utf8');
  assert.equal(text.split('\n')[0], 'EMBARGOED UNTIL MARCH 3, 2026 AT 10:00 AM GMT-5');
  assert.ok(!text.includes('FOR IMMEDIATE RELEASE'));
  const json = JSON.parse(Buffer.from(await render('json')).toString('utf8')) as Record<string, unknown>;
  assert.equal(json['embargo'], '2026-03-03T10:00:00-05:00');
  const pdf = await readPdf(await render('pdf'));
  assert.equal(pdf.text[0]!.split('\n')[0], 'EMBARGOED UNTIL MARCH 3, 2026 AT 10:00 AM GMT-5');
  const mail = await simpleParser(Buffer.from(await render('eml')));
  assert.equal(mail.subject, '[Embargoed until March 3, 2026 at 10:00 AM GMT-5] Acme Ships Widget 3.0');
});

test('a plain-text embargo line is shown once, as the notice, in the release language', async () => {
  const { release, file } = extract(PLAIN, 'plain.txt');
  const text = Buffer.from(await renderFormat('txt', release, file, templates)).toString('utf8');
  assert.equal(text.match(/EMBARGOED UNTIL/gu)?.length, 1);
  const spanish = extract(FRONT.replace('issuer:', 'language: es\nissuer:'), 'es.md');
  const html = Buffer.from(await renderFormat('html', spanish.release, spanish.file, templates)).toString('utf8');
  assert.ok(html.includes('Bajo embargo hasta el <time datetime="2026-03-03T10:00:00-05:00">3 de marzo de 2026 a las 10:00 GMT-5</time>'));
  const pdf = await readPdf(await renderFormat('pdf', spanish.release, spanish.file, templates));
  assert.ok(flat(pdf.text.join(' ')).includes('BAJO EMBARGO HASTA EL 3 DE MARZO DE 2026 A LAS 10:00 GMT-5'));
});

function batch(): { input: string; out: string } {
  const dir = tempDir('handout-embargo-');
  const input = join(dir, 'in');
  mkdirSync(input);
  writeFileSync(join(input, 'embargoed.md'), FRONT);
  writeFileSync(join(input, 'open.md'), FRONT.replace('embargo: 2026-03-03T10:00-05:00\n', '').replaceAll('Widget 3.0', 'Widget 1.0'));
  return { input, out: join(dir, 'out') };
}

const BEFORE = new Date('2026-03-03T14:59:59Z');
const AFTER = new Date('2026-03-03T15:00:00Z');

test('the press room leaves an embargoed release out until its time, with a warning; its handouts are built', async () => {
  const { input, out } = batch();
  const result = await build({ inputs: [input], outDir: out, formats: ['html', 'json'], jobs: 1, now: BEFORE, pressroom: { now: new Date(0) } });
  const index = readFileSync(join(out, 'index.html'), 'utf8');
  const feed = readFileSync(join(out, 'feed.xml'), 'utf8');
  const manifest = readFileSync(join(out, 'manifest.json'), 'utf8');
  assert.ok(index.includes('Widget 1.0') && feed.includes('Widget 1.0') && manifest.includes('Widget 1.0'));
  for (const page of [index, feed, manifest]) assert.ok(!page.includes('Widget 3.0'));
  const held = result.documents.find((d) => d.source.relative === 'embargoed.md')!;
  assert.equal(held.outputs.length, 2, 'the handouts are still built');
  const warning = held.file.messages.find((m) => m.ruleId === 'embargoed')!;
  assert.ok(warning, 'embargoed warning');
  assert.deepEqual([warning.line, warning.column], [4, 10]);
  assert.ok(!result.documents.find((d) => d.source.relative === 'open.md')!.file.messages.some((m) => m.ruleId === 'embargoed'));

  // The same build at the embargo's time lists it, with no warning (nothing changed but the clock: it is an incremental no-op).
  const later = await build({ inputs: [input], outDir: out, formats: ['html', 'json'], jobs: 1, now: AFTER, pressroom: { now: new Date(0) } });
  assert.ok(later.documents.every((d) => d.status === 'skipped'));
  assert.ok(readFileSync(join(out, 'index.html'), 'utf8').includes('Widget 3.0'));
  assert.ok(readFileSync(join(out, 'feed.xml'), 'utf8').includes('Widget 3.0'));
  assert.ok(!later.documents.some((d) => d.file.messages.some((m) => m.ruleId === 'embargoed')));
});

test('--include-embargoed lists it before its time, without a warning', async () => {
  const { input, out } = batch();
  const result = await build({ inputs: [input], outDir: out, formats: ['html'], jobs: 1, now: BEFORE, pressroom: { includeEmbargoed: true } });
  assert.ok(readFileSync(join(out, 'index.html'), 'utf8').includes('Widget 3.0'));
  assert.ok(readFileSync(join(out, 'feed.xml'), 'utf8').includes('Widget 3.0'));
  assert.ok(!result.documents.some((d) => d.file.messages.some((m) => m.ruleId === 'embargoed')));
});

test('--include-embargoed: flag, config key, default off', () => {
  const flags = (argv: string[]) => {
    const command = parseCommand(['build', ...argv]);
    assert.equal(command.command, 'build');
    return command.command === 'build' ? command.flags : undefined!;
  };
  assert.equal(resolveBuild(flags([]), undefined, 1).includeEmbargoed, false);
  assert.equal(resolveBuild(flags(['--include-embargoed']), undefined, 1).includeEmbargoed, true);
  const config = parseConfig('{"includeEmbargoed": true}', 'handout.config.json');
  assert.equal(resolveBuild(flags([]), config, 1).includeEmbargoed, true);
  assert.throws(() => parseConfig('{"includeEmbargoed": "yes"}', 'c.json'), /must be a boolean/u);
});
