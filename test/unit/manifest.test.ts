/** Incremental builds: what the manifest skips, rebuilds and removes. */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { build, type BuildOptions, type BuildResult } from '../../pipeline/build/index.js';
import { sha256 } from '../../pipeline/build/hash.js';
import { fingerprintOf, matches, RACY_MS } from '../../pipeline/build/fingerprint.js';
import { heapPolicy } from '../../pipeline/build/heap.js';
import { makeInput } from '../support/batch.js';

const statuses = (r: BuildResult): Record<string, string> => Object.fromEntries(r.documents.map((d) => [d.stem, d.status]));

function options(input: string, out: string, extra: Partial<BuildOptions> = {}): BuildOptions {
  return { inputs: [input], outDir: out, formats: ['txt', 'json'], jobs: 1, ...extra };
}

test('a no-op rebuild skips everything and keeps the warnings; a changed source rebuilds only itself', async () => {
  const { input, out } = makeInput(3);
  const first = await build(options(input, out));
  assert.deepEqual(Object.values(statuses(first)), ['built', 'built', 'built']);
  const manifest = JSON.parse(readFileSync(join(out, '.handout-manifest.json'), 'utf8'));
  const entry = manifest.documents['release-1'];
  assert.equal(entry.sourceHash, sha256(readFileSync(join(input, 'release-1.txt'))));
  assert.deepEqual(entry.outputs.map((o: { path: string }) => o.path), ['release-1.txt', 'release-1.json']);
  assert.equal(entry.outputs[0].sha256, sha256(readFileSync(join(out, 'release-1.txt'))));

  const again = await build(options(input, out));
  assert.deepEqual(Object.values(statuses(again)), ['skipped', 'skipped', 'skipped']);
  // The seed's truncated-contact warning is replayed with its position.
  const warning = again.documents[0]!.file.messages[0]!;
  assert.equal(warning.ruleId, 'truncated-contact');
  assert.equal(warning.line, 16);
  assert.equal(again.documents[0]!.outputs.length, 2);

  writeFileSync(join(input, 'release-2.txt'), readFileSync(join(input, 'release-2.txt'), 'utf8').replace('Release Number 2', 'Release Number Two'));
  const changed = await build(options(input, out));
  assert.deepEqual(statuses(changed), { 'release-1': 'skipped', 'release-2': 'built', 'sub/release-3': 'skipped' });
  assert.equal(JSON.parse(readFileSync(join(out, 'release-2.json'), 'utf8')).title, 'The Release Number Two');
});

test('deleting a source removes its outputs; --force rebuilds all', async () => {
  const { input, out } = makeInput(3);
  await build(options(input, out));
  rmSync(join(input, 'sub', 'release-3.txt'));
  const after = await build(options(input, out));
  assert.deepEqual(statuses(after), { 'release-1': 'skipped', 'release-2': 'skipped' });
  assert.deepEqual(after.removed.sort(), [join(out, 'sub', 'release-3.json'), join(out, 'sub', 'release-3.txt')]);
  assert.ok(!existsSync(join(out, 'sub', 'release-3.txt')));
  const manifest = JSON.parse(readFileSync(join(out, '.handout-manifest.json'), 'utf8'));
  assert.deepEqual(Object.keys(manifest.documents).sort(), ['release-1', 'release-2']);
  const forced = await build(options(input, out, { force: true }));
  assert.deepEqual(Object.values(statuses(forced)), ['built', 'built']);
});

test('changed options or templates rebuild everything; dropping a format removes its outputs', async () => {
  const { dir, input, out } = makeInput(2);
  await build(options(input, out));
  const wider = await build(options(input, out, { render: { text: { width: 60 } } }));
  assert.deepEqual(Object.values(statuses(wider)), ['built', 'built']);
  assert.deepEqual(Object.values(statuses(await build(options(input, out, { render: { text: { width: 60 } } })))), ['skipped', 'skipped']);

  const tpl = join(dir, 'tpl');
  mkdirSync(tpl);
  writeFileSync(join(tpl, 'text.hbs'), '{{title}}\n');
  const templated = await build(options(input, out, { templatesDir: tpl, render: { text: { width: 60 } } }));
  assert.deepEqual(Object.values(statuses(templated)), ['built', 'built']);
  assert.equal(readFileSync(join(out, 'release-1.txt'), 'utf8'), 'The Release Number 1\n');

  const jsonOnly = await build(options(input, out, { formats: ['json'], templatesDir: tpl, render: { text: { width: 60 } } }));
  assert.deepEqual(Object.values(statuses(jsonOnly)), ['built', 'built']);
  assert.ok(!existsSync(join(out, 'release-1.txt')), 'the txt output no longer asked for is removed');
  assert.ok(existsSync(join(out, 'release-1.json')));
});

test('a tampered or missing output is rebuilt; a touched but identical one is not', async () => {
  const { input, out } = makeInput(2);
  await build(options(input, out));
  writeFileSync(join(out, 'release-1.txt'), 'tampered');
  rmSync(join(out, 'release-2.json'));
  assert.deepEqual(statuses(await build(options(input, out))), { 'release-1': 'built', 'release-2': 'built' });
  assert.notEqual(readFileSync(join(out, 'release-1.txt'), 'utf8'), 'tampered');
  // A restored cache: same bytes, new mtime. The hash is checked and the document kept.
  const path = join(out, 'release-1.json');
  writeFileSync(path, readFileSync(path));
  const touched = statSync(path).mtimeMs;
  assert.deepEqual(Object.values(statuses(await build(options(input, out)))), ['skipped', 'skipped']);
  const manifest = JSON.parse(readFileSync(join(out, '.handout-manifest.json'), 'utf8'));
  assert.equal(manifest.documents['release-1'].outputs[1].mtimeMs, touched);
});

test('a corrupt manifest means a full rebuild with a warning, not a crash', async () => {
  const { input, out } = makeInput(2);
  await build(options(input, out));
  writeFileSync(join(out, '.handout-manifest.json'), '{"version": 1, "documents": [trunc');
  const result = await build(options(input, out));
  assert.deepEqual(Object.values(statuses(result)), ['built', 'built']);
  assert.equal(result.problems.length, 1);
  assert.equal(result.problems[0]!.messages[0]!.ruleId, 'invalid-manifest');
  assert.equal(result.problems[0]!.messages[0]!.fatal, false);
  assert.equal(JSON.parse(readFileSync(join(out, '.handout-manifest.json'), 'utf8')).version, 1);
  assert.deepEqual(Object.values(statuses(await build(options(input, out)))), ['skipped', 'skipped']);
});

test('a failed document is never recorded as current', async () => {
  const { input, out } = makeInput(1, { 'empty.txt': '  \n' });
  const first = await build(options(input, out));
  assert.deepEqual(statuses(first), { empty: 'failed', 'release-1': 'built' });
  assert.deepEqual(statuses(await build(options(input, out))), { empty: 'failed', 'release-1': 'skipped' });
});

test('fingerprint rule: recorded only when mtime and ctime are two seconds older than the stat; all four fields must match', () => {
  const old = { size: 10, mtimeMs: 1_000_000, ctimeMs: 1_000_500, ino: 7 };
  assert.deepEqual(fingerprintOf(old, 1_000_500 + RACY_MS), old);
  // Written within the margin (the same timestamp tick, on any file system): hashed again next time.
  assert.equal(fingerprintOf(old, 1_000_500 + RACY_MS - 1), null);
  // Dated in the future (clock skew, touch -d): never trusted.
  assert.equal(fingerprintOf({ ...old, mtimeMs: 5_000_000 }, 2_000_000), null);
  // An injected file system without ctime or inode: never trusted.
  assert.equal(fingerprintOf({ size: 10, mtimeMs: 1 }, 1_000_000), null);
  assert.ok(matches(old, { ...old }));
  for (const field of ['size', 'mtimeMs', 'ctimeMs', 'ino'] as const) assert.ok(!matches(old, { ...old, [field]: old[field] + 1 }), field);
  assert.ok(!matches(null, old));
});

/** Record the source's current stat as its fingerprint, as a build would once the source is two seconds old. */
function trustStat(out: string, stem: string, source: string, edit: (entry: Record<string, unknown>) => void = () => {}): void {
  const path = join(out, '.handout-manifest.json');
  const manifest = JSON.parse(readFileSync(path, 'utf8'));
  const info = statSync(source);
  manifest.documents[stem].fingerprint = { size: info.size, mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs, ino: info.ino };
  edit(manifest.documents[stem]);
  writeFileSync(path, JSON.stringify(manifest));
}

test('a source whose stat matches its fingerprint is not read again; a same-size edit with its mtime put back is rebuilt', async () => {
  const { input, out } = makeInput(2);
  const source = join(input, 'release-1.txt');
  // A whole second, so that putting the mtime back below is exact.
  const second = 1_700_000_000;
  utimesSync(source, second, second);
  await build(options(input, out));
  // Proof that the fast path does not hash: a wrong recorded hash goes unnoticed while the stat matches.
  trustStat(out, 'release-1', source, (entry) => void (entry['sourceHash'] = '0'.repeat(64)));
  assert.deepEqual(statuses(await build(options(input, out))), { 'release-1': 'skipped', 'release-2': 'skipped' });

  trustStat(out, 'release-1', source);
  const before = statSync(source);
  writeFileSync(source, readFileSync(source, 'utf8').replace('Release Number 1', 'Release Number X'));
  utimesSync(source, second, second);
  assert.equal(statSync(source).size, before.size);
  assert.equal(statSync(source).mtimeMs, before.mtimeMs);
  // Same size, same mtime: the ctime (which no tool can put back) gives the edit away.
  const rebuilt = await build(options(input, out));
  assert.deepEqual(statuses(rebuilt), { 'release-1': 'built', 'release-2': 'skipped' });
  assert.equal(JSON.parse(readFileSync(join(out, 'release-1.json'), 'utf8')).title, 'The Release Number X');
});

test('a source written just before the build gets no fingerprint, so an edit in the same timestamp tick is still seen', async () => {
  const { input, out } = makeInput(1);
  const source = join(input, 'release-1.txt');
  const now = Math.floor(Date.now() / 1000);
  utimesSync(source, now, now);
  await build(options(input, out));
  const manifest = JSON.parse(readFileSync(join(out, '.handout-manifest.json'), 'utf8'));
  assert.equal(manifest.documents['release-1'].fingerprint, null);
  // Same size, mtime restored exactly, as if written again within one tick of the first build.
  writeFileSync(source, readFileSync(source, 'utf8').replace('Release Number 1', 'Release Number Y'));
  utimesSync(source, now, now);
  assert.deepEqual(statuses(await build(options(input, out))), { 'release-1': 'built' });
  assert.equal(JSON.parse(readFileSync(join(out, 'release-1.json'), 'utf8')).title, 'The Release Number Y');
});

test('a no-op rebuild rewrites neither the manifest nor the press room; a changed entry or a missing page brings the press room back', async () => {
  const { input, out } = makeInput(2);
  const withRoom = (extra: Partial<BuildOptions> = {}): BuildOptions => options(input, out, { formats: ['html'], pressroom: {}, ...extra });
  const first = await build(withRoom());
  const mtimes = (): number[] => ['.handout-manifest.json', 'index.html', 'feed.xml', 'manifest.json'].map((f) => statSync(join(out, f)).mtimeMs);
  const written = mtimes();
  const again = await build(withRoom());
  assert.deepEqual(Object.values(statuses(again)), ['skipped', 'skipped']);
  assert.deepEqual(mtimes(), written);
  assert.deepEqual(again.pressroom, first.pressroom);

  // Rebuilt without a press room: the recorded one no longer matches the entries, so the next build writes it again.
  const source = join(input, 'release-2.txt');
  writeFileSync(source, readFileSync(source, 'utf8').replace('Release Number 2', 'Release Number Two'));
  assert.deepEqual(statuses(await build(withRoom({ pressroom: false }))), { 'release-1': 'skipped', 'release-2': 'built' });
  assert.ok(!readFileSync(join(out, 'index.html'), 'utf8').includes('Release Number Two'));
  const caughtUp = await build(withRoom());
  assert.deepEqual(Object.values(statuses(caughtUp)), ['skipped', 'skipped']);
  assert.ok(readFileSync(join(out, 'index.html'), 'utf8').includes('Release Number Two'));

  rmSync(join(out, 'index.html'));
  await build(withRoom());
  assert.ok(readFileSync(join(out, 'index.html'), 'utf8').includes('Release Number Two'));
});

test('heap policy: a heap may double before a full collection without PDFs, V8 defaults when the PDF shaping cache is live', () => {
  assert.deepEqual(heapPolicy(['html', 'txt', 'json']), { growingPercent: 100 });
  assert.deepEqual(heapPolicy(['html', 'pdf']), {});
  assert.deepEqual(heapPolicy(['eml']), {}, 'a mail embeds the PDF');
});
