/** The shared corpus beside the checkout, and the releases the browser suite opens. */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { corpusDir } from './paths.js';

export const corpusRaw = join(corpusDir, 'raw');

/** Every corpus source, sorted by name. */
export function corpusFiles(): string[] {
  return readdirSync(corpusRaw)
    .filter((name) => name.endsWith('.txt') || name.endsWith('.md'))
    .sort()
    .map((name) => join(corpusRaw, name));
}

/**
 * Twenty corpus releases for the browser: every Traditional Chinese one (the
 * Taiwan presidential office releases), the five longest, the non-English
 * Latin ones, then the first by name until there are twenty.
 */
export function browserSelection(count = 20): string[] {
  const all = corpusFiles();
  const picked = new Set<string>();
  for (const f of all) if (/taiwan-president/u.test(f)) picked.add(f);
  const bySize = [...all].sort((a, b) => statSync(b).size - statSync(a).size);
  for (const f of bySize.slice(0, 5)) picked.add(f);
  for (const f of all) if (/(declaracao|la-ocr-publica)/u.test(f)) picked.add(f);
  for (const f of all) {
    if (picked.size >= count) break;
    picked.add(f);
  }
  return [...picked].slice(0, count);
}
