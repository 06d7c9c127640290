/**
 * Atomic writes and the per-build folder check: a folder made once is trusted
 * for the rest of the build, but one removed since is made again, and one that
 * leads out of the output folder is refused.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { forgetFolders, writeAtomic } from '../../pipeline/build/write.js';
import { nodeFs, type BuildFs } from '../../pipeline/build/fs.js';
import { tempDir } from '../support/paths.js';

const bytes = (text: string): Uint8Array => Buffer.from(text, 'utf8');

test('a folder is made once per build, and made again if it was removed meanwhile', async () => {
  const out = tempDir('handout-write-');
  const calls: string[] = [];
  const fs: BuildFs = { ...nodeFs, mkdir: async (path, options) => (calls.push(path), nodeFs.mkdir(path, options)) };
  forgetFolders();
  await writeAtomic(join(out, 'a', 'one.html'), bytes('1'), fs, { within: out });
  await writeAtomic(join(out, 'a', 'two.html'), bytes('2'), fs, { within: out });
  assert.deepEqual(calls, [join(out, 'a')]);
  rmSync(join(out, 'a'), { recursive: true });
  await writeAtomic(join(out, 'a', 'three.html'), bytes('3'), fs, { within: out });
  assert.deepEqual(calls, [join(out, 'a'), join(out, 'a')]);
  assert.equal(readFileSync(join(out, 'a', 'three.html'), 'utf8'), '3');
  assert.deepEqual(readdirSync(join(out, 'a')), ['three.html'], 'no temporary file is left');
});

test('a folder that leads out of the output folder is refused, and its refusal is not remembered as ready', async () => {
  const dir = tempDir('handout-write-');
  const out = join(dir, 'out');
  const elsewhere = join(dir, 'elsewhere');
  mkdirSync(out);
  mkdirSync(elsewhere);
  symlinkSync(elsewhere, join(out, 'link'));
  forgetFolders();
  for (let i = 0; i < 2; i++) {
    await assert.rejects(writeAtomic(join(out, 'link', 'x.html'), bytes('x'), nodeFs, { within: out }), (error: NodeJS.ErrnoException) => error.code === 'EOUTSIDE' && /leads outside the output folder/u.test(error.message));
  }
  assert.deepEqual(readdirSync(elsewhere), []);
  // Without `within` (a path the operator named, such as --report's) links are followed as given.
  await writeAtomic(join(out, 'link', 'report.json'), bytes('{}'), nodeFs);
  assert.ok(existsSync(join(elsewhere, 'report.json')));
});
