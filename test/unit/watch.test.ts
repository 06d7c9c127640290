/** Watch mode for real: a temp folder, file changes, awaited rebuild events. */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { watchBuild, type WatchEvent } from '../../pipeline/build/watch.js';
import { makeInput } from '../support/batch.js';

/** Events as they come, and a way to await the next one of a kind. */
function recorder(): { onEvent: (e: WatchEvent) => void; next: (type: WatchEvent['type']) => Promise<WatchEvent> } {
  const queue: WatchEvent[] = [];
  const waiters: { type: WatchEvent['type']; done: (e: WatchEvent) => void }[] = [];
  return {
    onEvent(e) {
      const i = waiters.findIndex((w) => w.type === e.type);
      if (i >= 0) waiters.splice(i, 1)[0]!.done(e);
      else queue.push(e);
    },
    next(type) {
      const i = queue.findIndex((e) => e.type === type);
      if (i >= 0) return Promise.resolve(queue.splice(i, 1)[0]!);
      return new Promise((done, fail) => {
        const timer = setTimeout(() => fail(new Error(`no ${type} event`)), 20_000);
        waiters.push({ type, done: (e) => (clearTimeout(timer), done(e)) });
      });
    },
  };
}

const built = (e: WatchEvent): Record<string, string> => {
  assert.equal(e.type, 'build');
  return e.type === 'build' ? Object.fromEntries(e.result.documents.map((d) => [d.stem, d.status])) : {};
};

test('watch rebuilds only changed sources, everything on a template change, and survives a broken template', async () => {
  const { dir, input, out } = makeInput(2);
  const tpl = join(dir, 'tpl');
  mkdirSync(tpl);
  writeFileSync(join(tpl, 'text.hbs'), 'A {{title}}\n');
  const events = recorder();
  const watcher = watchBuild({ inputs: [input], outDir: out, templatesDir: tpl, formats: ['txt'], jobs: 1, debounceMs: 50 }, events.onEvent);
  try {
    await watcher.ready;
    const initial = await events.next('build');
    assert.deepEqual(built(initial), { 'release-1': 'built', 'release-2': 'built' });
    assert.equal(initial.type === 'build' && initial.reason, 'initial');

    writeFileSync(join(input, 'release-2.txt'), readFileSync(join(input, 'release-2.txt'), 'utf8').replace('Number 2', 'Number Two'));
    assert.deepEqual(built(await events.next('build')), { 'release-1': 'skipped', 'release-2': 'built' });
    assert.equal(readFileSync(join(out, 'release-2.txt'), 'utf8'), 'A The Release Number Two\n');

    writeFileSync(join(tpl, 'text.hbs'), 'B {{title}\n');
    const broken = await events.next('template-error');
    assert.match(broken.type === 'template-error' ? broken.error.message : '', /text\.hbs:1/u);
    assert.equal(readFileSync(join(out, 'release-1.txt'), 'utf8'), 'A The Release Number 1\n', 'nothing written while broken');

    writeFileSync(join(tpl, 'text.hbs'), 'C {{title}}\n');
    const fixed = await events.next('build');
    assert.equal(fixed.type === 'build' && fixed.reason, 'templates');
    assert.deepEqual(built(fixed), { 'release-1': 'built', 'release-2': 'built' });
    assert.equal(readFileSync(join(out, 'release-1.txt'), 'utf8'), 'C The Release Number 1\n');

    rmSync(join(input, 'release-1.txt'));
    const removed = await events.next('build');
    assert.deepEqual(built(removed), { 'release-2': 'skipped' });
    assert.equal(removed.type === 'build' && removed.result.removed.length, 1);
  } finally {
    await watcher.close();
  }
});
