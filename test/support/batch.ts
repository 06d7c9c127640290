/** Helpers for batch-build tests: small input folders and output-tree snapshots. */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { seedPath, tempDir } from './paths.js';

/** A folder with `count` releases (the seed, each with its own headline) plus any extra files. */
export function makeInput(count: number, extra: Record<string, string | Uint8Array> = {}): { dir: string; input: string; out: string } {
  const dir = tempDir();
  const input = join(dir, 'in');
  mkdirSync(input, { recursive: true });
  const seed = readFileSync(seedPath, 'utf8');
  for (let i = 1; i <= count; i++) {
    const name = i % 3 === 0 ? join('sub', `release-${i}.txt`) : `release-${i}.txt`;
    mkdirSync(join(input, 'sub'), { recursive: true });
    writeFileSync(join(input, name), seed.replace('The Third U.S.-Japan Cyber Dialogue', `The Release Number ${i}`));
  }
  for (const [name, content] of Object.entries(extra)) writeFileSync(join(input, name), content);
  return { dir, input, out: join(dir, 'out') };
}

export function copySeed(to: string): void {
  copyFileSync(seedPath, to);
}

/** Every file under `dir` (relative path → bytes), without handout's own bookkeeping files. */
export function snapshot(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (!entry.name.startsWith('.handout-manifest') && !entry.name.startsWith('handout-report')) files.set(relative(dir, full), readFileSync(full));
    }
  };
  walk(dir);
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1)));
}
