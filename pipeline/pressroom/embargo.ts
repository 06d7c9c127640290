/**
 * Whether the press room may list a release yet. Only the press room is held
 * back: the handouts are built regardless, so they are ready when the embargo
 * lifts. The decision depends on the clock, so it is made on the main thread
 * each time the press room is written, never cached with a document.
 */
import type { ReleaseSummary } from './summary.js';

/** True while the release's embargo is later than `now`. */
export function isEmbargoed(summary: Pick<ReleaseSummary, 'embargo'>, now: Date): boolean {
  if (!summary.embargo) return false;
  const lifts = Date.parse(summary.embargo);
  // A value the record holds was validated at extraction; one that still fails to parse is held back rather than published.
  return Number.isNaN(lifts) || lifts > now.getTime();
}
