/**
 * A source's stat fingerprint (size, mtime, ctime, inode), so that a no-op
 * rebuild can trust an unchanged source without reading and hashing it. The
 * content hash stays the truth: whenever the fingerprint differs, the source
 * is read and hashed, and only a different hash makes it "changed".
 *
 * Why this is sound:
 * - ctime cannot be set by users (touch, cp -p, rsync -t and tar set mtime
 *   only), and any write or metadata change sets it to the current time, so a
 *   same-size edit with its mtime put back still changes the fingerprint.
 *   A replaced file (editors' save-by-rename, a fresh checkout) gets a new
 *   inode and ctime too.
 * - Timestamps are coarse (1 s on HFS+ and ext3, 2 s on FAT, a kernel tick
 *   elsewhere): a file written just after it was read could keep the same
 *   mtime and ctime. So a fingerprint is recorded only when the source's
 *   mtime and ctime are at least RACY_MS older than the moment the build
 *   stat'ed it; a source modified more recently than that (or dated in the
 *   future) gets no fingerprint and is hashed again by the next build, which
 *   then records it. This is git's "racily clean" rule with a time margin.
 * - The stat is taken before the read, so a change between the two leaves a
 *   fingerprint older than the hashed bytes: the next build rehashes.
 */

/** Two seconds: FAT's mtime granularity, the coarsest in common use, and room for a little clock skew on network file systems. */
export const RACY_MS = 2000;

export interface Fingerprint {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

/** What `fs.stat` gives; injected file systems (tests) may leave out ctime and inode, and then nothing is fingerprinted. */
export interface StatLike {
  size: number;
  mtimeMs: number;
  ctimeMs?: number;
  ino?: number;
}

/**
 * The fingerprint to record for a source stat'ed at `statAt` (ms since the
 * epoch, taken just before the stat), or null when it must be hashed again
 * next time.
 */
export function fingerprintOf(stats: StatLike, statAt: number): Fingerprint | null {
  const { size, mtimeMs, ctimeMs, ino } = stats;
  if (typeof ctimeMs !== 'number' || typeof ino !== 'number' || !Number.isFinite(mtimeMs) || !Number.isFinite(ctimeMs)) return null;
  if (Math.max(mtimeMs, ctimeMs) > statAt - RACY_MS) return null;
  return { size, mtimeMs, ctimeMs, ino };
}

/** Whether a source's stat still matches its recorded fingerprint. */
export function matches(recorded: Fingerprint | null | undefined, stats: StatLike): boolean {
  return (
    recorded !== null &&
    recorded !== undefined &&
    recorded.size === stats.size &&
    recorded.mtimeMs === stats.mtimeMs &&
    recorded.ctimeMs === stats.ctimeMs &&
    recorded.ino === stats.ino
  );
}
