/** Incremental builds: what the manifest skips, rebuilds and removes. */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { build, type BuildOptions, type BuildResult } from '../../pipeline/build/index.js';
import { sha256 } from '../../pipeline/build/hash.js';
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
