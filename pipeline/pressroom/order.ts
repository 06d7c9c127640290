/**
 * The press room's order, apart from summary.ts: sorting needs no renderer,
 * so the build's main thread can keep the newest releases for the feed
 * without loading the extractor and templates that summarize() needs.
 */
import type { ReleaseSummary } from './summary.js';

/** Newest first; undated releases last; then by output name, so the order is stable. */
export function newestFirst(a: ReleaseSummary, b: ReleaseSummary): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? 1 : -1;
  }
  return a.stem < b.stem ? -1 : a.stem > b.stem ? 1 : 0;
}
