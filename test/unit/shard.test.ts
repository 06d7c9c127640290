/** Sharding: a stable partition whose union is byte for byte one full build; pools give the same bytes. */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { build, type BuildOptions } from '../../pipeline/build/index.js';
import { parseShard, shardOf } from '../../pipeline/build/shard.js';
import { UsageError } from '../../pipeline/errors.js';
import { makeInput, snapshot } from '../support/batch.js';

const render = { pdf: { sourceDateEpoch: 1_700_000_000 } };

test('shardOf is a stable partition: adding documents moves no other', () => {
  const names = Array.from({ length: 300 }, (_, i) => `dir/release-${i}.txt`);
  const before = new Map(names.map((n) => [n, shardOf(n, 3)]));
  for (const shard of before.values()) assert.ok(shard >= 1 && shard <= 3);
  const counts = [1, 2, 3].map((s) => [...before.values()].filter((v) => v === s).length);
  for (const c of counts) assert.ok(c > 60, `shards are roughly even: ${counts.join(', ')}`);
  const more = [...names, 'dir/new-one.txt', 'other/new-two.md'];
  for (const n of more) if (before.has(n)) assert.equal(shardOf(n, 3), before.get(n));
  assert.equal(shardOf('a\\b.txt', 5), shardOf('a/b.txt', 5), 'Windows separators give the same shard');
  assert.deepEqual(parseShard('2/3'), { index: 2, count: 3 });
  for (const bad of ['0/3', '4/3', '1/0', 'x', '1/2/3']) assert.throws(() => parseShard(bad), UsageError);
});

test('the union of 3 shards (each in its own folder) is byte-identical to a full build, duplicates included', async () => {
  const { dir, input } = makeInput(5, { 'release-1.md': '# Same Name\n\nWASHINGTON — A markdown twin of release-1.\n' });
  const base = (outDir: string): BuildOptions => ({ inputs: [input], outDir, jobs: 1, render, formats: ['html', 'pdf', 'txt', 'json'], pressroom: false });
  const full = await build(base(join(dir, 'full')));
  assert.equal(full.documents.length, 6);
  const union = new Map<string, Buffer>();
  let documents = 0;
  for (const index of [1, 2, 3]) {
    const out = join(dir, `shard-${index}`);
    const result = await build({ ...base(out), shard: { index, count: 3 } });
    documents += result.documents.length;
    for (const [path, bytes] of snapshot(out)) {
      assert.ok(!union.has(path), `${path} is built by one shard only`);
      union.set(path, bytes);
    }
  }
  assert.equal(documents, 6);
  const expected = snapshot(join(dir, 'full'));
  assert.deepEqual([...union.keys()].sort(), [...expected.keys()]);
  for (const [path, bytes] of expected) assert.ok(bytes.equals(union.get(path)!), `${path} differs`);
  // The twin was disambiguated from the full list, in every shard the same way.
  assert.ok(expected.has('release-1-txt.json') && expected.has('release-1.json'));
});

test('shards sharing one output folder keep separate manifests and do not delete each other', async () => {
  const { dir, input } = makeInput(4);
  const out = join(dir, 'out');
  const opts = (index: number): BuildOptions => ({ inputs: [input], outDir: out, jobs: 1, formats: ['json'], shard: { index, count: 2 }, pressroom: false });
  const a = await build(opts(1));
  const b = await build(opts(2));
  assert.equal(a.documents.length + b.documents.length, 4);
  assert.equal(snapshot(out).size, 4);
  const again = await build(opts(1));
  assert.ok(again.documents.every((d) => d.status === 'skipped'));
  assert.deepEqual(again.removed, []);
  assert.equal(snapshot(out).size, 4);
});

test('2 workers give the same bytes and diagnostics as 1, and a bad document does not stop the pool', async () => {
  const { dir, input } = makeInput(4, { 'broken.txt': Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x41]) });
  writeFileSync(join(input, 'empty.md'), '\n');
  const one = await build({ inputs: [input], outDir: join(dir, 'one'), jobs: 1, render });
  const two = await build({ inputs: [input], outDir: join(dir, 'two'), jobs: 2, render });
  assert.equal(two.jobs, 2);
  const a = snapshot(join(dir, 'one'));
  const b = snapshot(join(dir, 'two'));
  assert.deepEqual([...b.keys()], [...a.keys()]);
  for (const [path, bytes] of a) assert.ok(bytes.equals(b.get(path)!), `${path} differs between 1 and 2 workers`);
  const messages = (r: typeof one): string[] => r.documents.flatMap((d) => d.file.messages.map((m) => `${d.file.path}:${m.line}:${m.column} ${m.fatal} ${m.ruleId} ${m.reason}`));
  assert.deepEqual(messages(two), messages(one));
  assert.deepEqual(two.documents.map((d) => d.status), ['failed', 'failed', 'built', 'built', 'built', 'built']);
  assert.ok(messages(two).some((m) => /release-1\.txt:16:1 false truncated-contact/u.test(m)), 'positions survive the worker boundary');
});
