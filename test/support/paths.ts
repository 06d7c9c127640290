/** Test helpers: the repository root, fixtures, and golden files with an UPDATE=1 switch. */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('repository root not found');
    dir = parent;
  }
  return dir;
}

export const root = findRoot();
export const fixtures = join(root, 'test', 'fixtures');
export const seedPath = join(root, 'input', 'us-japan-cyber-dialogue.txt');
export const corpusDir = join(root, '..', 'shared', 'corpus');
export const cli = join(root, 'bin', 'handout.js');

export function tempDir(prefix = 'handout-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * Compare with a golden file. `UPDATE=1 npm test` rewrites the golden files
 * instead; review the diff before committing them.
 */
export function assertGolden(actual: string, ...path: string[]): void {
  const file = join(fixtures, ...path);
  if (process.env['UPDATE'] === '1') {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  assert.ok(existsSync(file), `golden file ${file} is missing: run UPDATE=1 npm test`);
  assert.equal(actual, readFileSync(file, 'utf8'), `output differs from golden ${path.join('/')} (UPDATE=1 npm test regenerates it)`);
}
