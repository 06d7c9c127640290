/** The benchmark's helpers, quickly: argument parsing, batch generation, verdicts, tables. */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { limit, makeBatch, makeSmallBatch, parseBenchArgs, table, timed, verdict } from '../../scripts/bench-lib.js';
import { corpusDir, tempDir } from '../support/paths.js';

test('bench arguments: defaults and overrides; bad ones are refused', () => {
  assert.deepEqual(parseBenchArgs([]), { docs: 1000, noopDocs: 10_000, sample: 50 });
  assert.deepEqual(parseBenchArgs(['--docs', '20', '--sample', '5']), { docs: 20, noopDocs: 10_000, sample: 5 });
  assert.throws(() => parseBenchArgs(['--docs', '0']));
  assert.throws(() => parseBenchArgs(['--nope', '3']));
});

test('makeBatch copies the corpus with varied names into folders of 100', () => {
  const dest = join(tempDir(), 'batch');
  const written = makeBatch(join(corpusDir, 'raw'), dest, 120);
  assert.equal(written.length, 120);
  assert.equal(new Set(written).size, 120);
  assert.deepEqual(readdirSync(dest).sort(), ['part-000', 'part-001']);
  assert.equal(readdirSync(join(dest, 'part-001')).length, 20);
  const first = readdirSync(join(corpusDir, 'raw')).sort()[0]!;
  assert.equal(readFileSync(join(dest, written[0]!), 'utf8'), readFileSync(join(corpusDir, 'raw', first), 'utf8'));
  const small = join(tempDir(), 'small');
  makeSmallBatch(small, 3);
  assert.match(readFileSync(join(small, 'part-000', 'release-2.txt'), 'utf8'), /^Acme Opens Office Number 2\n/u);
});

test('verdicts, tables, limited concurrency and timed runs', async () => {
  assert.equal(verdict({ name: 'x', value: 12, bound: 10, kind: 'min', unit: '×' }), 'PASS');
  assert.equal(verdict({ name: 'x', value: 2.5, bound: 2, kind: 'max', unit: 's' }), 'FAIL');
  assert.equal(verdict({ name: 'x', value: null, bound: 2, kind: 'max', unit: 's' }), 'MISSING');
  assert.equal(table(['a', 'b'], [['1', '2']]), '| a | b |\n| --- | --- |\n| 1 | 2 |');
  let running = 0;
  let most = 0;
  const results = await limit(
    [1, 2, 3, 4, 5].map((n) => async () => {
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 5));
      running--;
      return n * 2;
    }),
    2,
  );
  assert.deepEqual(results, [2, 4, 6, 8, 10]);
  assert.equal(most, 2);
  const run = await timed(process.execPath, ['-e', 'process.exit(3)']);
  assert.equal(run.code, 3);
  assert.ok(run.peakMb !== null && run.peakMb > 1);
  const busy = await timed(process.execPath, ['-e', 'const end = Date.now() + 300; while (Date.now() < end);']);
  assert.equal(busy.code, 0);
  assert.ok(busy.cpuSeconds !== null && busy.cpuSeconds > 0, 'CPU time is read');
});
