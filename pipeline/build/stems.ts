/**
 * Output names for the whole batch, decided before any document is
 * dispatched, from the full source list in discovery order: the result never
 * depends on how documents are spread over workers or shards.
 */
import type { Source } from './discover.js';
import { outputStem } from './naming.js';

export type Naming = 'mirror' | 'flat';

export interface Assigned {
  source: Source;
  stem: string;
  /** The source whose name this one would have taken. */
  clash?: string;
}

/** A clash keeps the first source (in path order) and suffixes the rest with their extension. */
export function assignStems(sources: readonly Source[], naming: Naming = 'mirror', reserved: Readonly<Record<string, string>> = {}): Assigned[] {
  // The press room's own files (index, feed, manifest) are taken first: a source named index.txt gets another name.
  const used = new Map<string, string>(Object.entries(reserved).map(([stem, name]) => [stem, `the press room's ${name}`]));
  return sources.map((source) => {
    const mirrored = outputStem(source.relative);
    const stem = naming === 'flat' ? mirrored.slice(mirrored.lastIndexOf('/') + 1) : mirrored;
    const key = stem.toLowerCase();
    const first = used.get(key);
    if (first === undefined) {
      used.set(key, source.relative);
      return { source, stem };
    }
    const ext = source.relative.slice(source.relative.lastIndexOf('.') + 1) || 'src';
    let candidate = `${stem}-${ext}`;
    for (let n = 2; used.has(candidate.toLowerCase()); n++) candidate = `${stem}-${ext}-${n}`;
    used.set(candidate.toLowerCase(), source.relative);
    return { source, stem: candidate, clash: first };
  });
}
