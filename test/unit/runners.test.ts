/**
 * The build's runners: one document at a time (an injected fs), two
 * interleaved in-process (`jobs: 1`) and two per worker on a pool (`jobs: 2`)
 * must make the same bytes, diagnostics and report; `runAll` keeps at most a
 * runner's `inFlight` documents started and stops dispatching when asked.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { build, type BuildOptions, type BuildResult } from '../../pipeline/build/index.js';
import { nodeFs } from '../../pipeline/build/fs.js';
import type { Job, JobResult } from '../../pipeline/build/job.js';
import { runAll, type Runner } from '../../pipeline/build/pool.js';
import { createReport } from '../../pipeline/build/report.js';
import { snapshot } from '../support/batch.js';
import { corpusDir, tempDir } from '../support/paths.js';

const render = { pdf: { sourceDateEpoch: 1_700_000_000 } };

/** Every seventh corpus release (all kinds and lengths), a file that is not text and an empty one. */
function mixedInput(): { dir: string; input: string } {
  const dir = tempDir();
  const input = join(dir, 'in');
  mkdirSync(join(input, 'sub'), { recursive: true });
  const raw = join(corpusDir, 'raw');
  const sources = readdirSync(raw).filter((f) => /\.(txt|md)$/u.test(f)).sort().filter((_, i) => i % 7 === 0);
  for (const [i, name] of sources.entries()) copyFileSync(join(raw, name), join(input, i % 2 === 0 ? 'sub' : '', name));
  writeFileSync(join(input, 'broken.txt'), Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x41]));
  writeFileSync(join(input, 'empty.md'), '\n');
  return { dir, input };
}

/** The report without what depends on the clock (durations, timings). */
function comparable(result: BuildResult, outDir: string): unknown {
  const { timings: _timings, documents, ...rest } = createReport(result, outDir, ['html', 'pdf', 'txt', 'json']);
  return { ...rest, documents: documents.map(({ ms: _ms, ...d }) => d) };
}

test('one document at a time, two interleaved in-process and two per worker make the same bytes, diagnostics and report', async () => {
  const { dir, input } = mixedInput();
  const options = (name: string, extra: Partial<BuildOptions>): BuildOptions => ({ inputs: [input], outDir: join(dir, name), render, formats: ['html', 'pdf', 'txt', 'json'], pressroom: { now: new Date('2026-01-01T00:00:00Z') }, ...extra });
  // An injected fs builds in-process one document at a time: the reference.
  const sequential = await build(options('sequential', { fs: nodeFs, jobs: 4 }));
  const interleaved = await build(options('interleaved', { jobs: 1 }));
  const pooled = await build(options('pooled', { jobs: 2 }));
  assert.equal(sequential.jobs, 1);
  assert.equal(pooled.jobs, 2);
  const reference = snapshot(join(dir, 'sequential'));
  assert.ok(reference.size > 40, 'four outputs per release and the press room');
  assert.ok([...reference.keys()].includes('index.html') && [...reference.keys()].includes('feed.xml'));
  for (const [name, result] of [['interleaved', interleaved], ['pooled', pooled]] as const) {
    const files = snapshot(join(dir, name));
    assert.deepEqual([...files.keys()], [...reference.keys()], `${name}: the same files`);
    for (const [path, bytes] of reference) assert.ok(bytes.equals(files.get(path)!), `${path} differs between one at a time and ${name}`);
    assert.deepEqual(comparable(result, join(dir, name)), comparable(sequential, join(dir, 'sequential')), `${name}: the same report`);
  }
  assert.deepEqual(
    sequential.documents.filter((d) => d.status === 'failed').map((d) => d.source.relative),
    ['broken.txt', 'empty.md'],
  );
});

/** A runner whose documents finish when the test says, recording how many ran at once. */
function fakeRunner(inFlight: number): Runner & { peak: number; started: string[]; finish(path: string, ok?: boolean): void } {
  const pending = new Map<string, { resolve: (r: JobResult) => void; reject: (e: Error) => void }>();
  let running = 0;
  const runner = {
    threads: 1,
    inFlight,
    peak: 0,
    started: [] as string[],
    run(job: Job): Promise<JobResult> {
      running++;
      runner.peak = Math.max(runner.peak, running);
      runner.started.push(job.path);
      return new Promise<JobResult>((resolve, reject) => pending.set(job.path, { resolve, reject })).finally(() => running--);
    },
    finish(path: string, ok = true): void {
      const p = pending.get(path)!;
      pending.delete(path);
      if (ok) p.resolve({ ok: true, outputs: [], messages: [], sourceHash: path, fingerprint: null, templatesHash: '', images: [], ms: 0 });
      else p.reject(new Error(`failed ${path}`));
    },
    close: async () => {},
  };
  return runner;
}

const job = (path: string): { job: Job } => ({ job: { path, displayPath: path, relative: path, root: '/', stem: path } });
const tick = (): Promise<void> => new Promise((done) => setImmediate(done));

test('runAll keeps at most inFlight documents started, reports each once and stops dispatching when asked', async () => {
  const runner = fakeRunner(2);
  const results: string[] = [];
  const errors: string[] = [];
  let stop = false;
  const items = ['a', 'b', 'c', 'd', 'e'].map(job);
  const all = runAll(items, runner, (item) => results.push(item.job.path), (item, error) => errors.push(`${item.job.path}: ${error.message}`), () => stop);
  await tick();
  assert.deepEqual(runner.started, ['a', 'b']);
  runner.finish('b');
  await tick();
  assert.deepEqual(runner.started, ['a', 'b', 'c'], 'a finished document makes room for the next');
  runner.finish('a', false);
  await tick();
  assert.deepEqual(runner.started, ['a', 'b', 'c', 'd']);
  stop = true;
  runner.finish('c');
  runner.finish('d');
  await all;
  assert.deepEqual(runner.started, ['a', 'b', 'c', 'd'], 'nothing is started once stopping');
  assert.equal(runner.peak, 2);
  assert.deepEqual(results, ['b', 'c', 'd']);
  assert.deepEqual(errors, ['a: failed a']);
});
