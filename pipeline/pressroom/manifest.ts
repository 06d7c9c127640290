/**
 * manifest.json: the public list of releases with their record summary and
 * every output's size and sha256, newest first. (Not to be confused with the
 * incremental-build cache, `.handout-manifest.json`.)
 */
import type { PressEntry } from './entry.js';

export interface PressManifest {
  generator: string;
  releases: (Omit<PressEntry['summary'], 'embargoAt'> & { outputs: PressEntry['outputs'] })[];
}

export function renderManifest(entries: readonly PressEntry[], generator: string): string {
  const manifest: PressManifest = {
    generator,
    releases: entries.map(({ summary: { embargoAt: _at, ...summary }, outputs }) => ({ ...summary, outputs })),
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
