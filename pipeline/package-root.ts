/**
 * The installed package's root, found from this module's own location so that
 * the default templates and fonts resolve the same from src, dist or node_modules.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'handout') return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('handout: cannot find the package root');
    dir = parent;
  }
}

export const packageRoot = findRoot();

export const version = (JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;
