/**
 * The incremental-build manifest, `.handout-manifest.json` in the output
 * folder (`.handout-manifest.I-of-N.json` for a shard). For every document it
 * records what went in (source hash and stat fingerprint, templates, options,
 * tool version) and what came out (each output's size, mtime and sha256), so
 * a rebuild can skip what is unchanged and remove what belongs to deleted
 * sources. It also records the press room as last written, so a build that
 * changed nothing need not render it again.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Format } from '../render/index.js';
import { sha256 } from './hash.js';
import type { ReleaseSummary } from '../pressroom/summary.js';
import type { SerializedMessage } from './messages.js';
import type { BuildFs } from './fs.js';
import { DEFAULT_MAX_SIZE } from './size.js';
import { fingerprintOf, matches, type Fingerprint } from './fingerprint.js';
import { writeAtomic } from './write.js';
import type { ImageDependency } from '../media/release-images.js';

export const MANIFEST_VERSION = 1;
export const MANIFEST_NAME = '.handout-manifest';

export interface ManifestOutput {
  format: Format;
  /** Relative to the output folder, "/" separators. */
  path: string;
  bytes: number;
  sha256: string;
  mtimeMs: number;
}

export interface ManifestEntry {
  /** Source path as diagnostics name it. */
  source: string;
  sourceHash: string;
  /** The source's stat when it was last hashed, if old enough to trust (see fingerprint.ts); absent or null: hash it. */
  fingerprint?: Fingerprint | null;
  templatesHash: string;
  optionsHash: string;
  tool: string;
  clash: string | null;
  outputs: ManifestOutput[];
  /** Replayed when the document is skipped, so warnings do not vanish on a no-op build. */
  messages: SerializedMessage[];
  /**
   * The image files the source names (relative to its folder) with their
   * size, mtime and sha256 (stamp null for one that did not exist): part of
   * what the document was built from, like the source's own hash.
   */
  images: ImageDependency[];
  /** The record's header fields, so a skipped document still appears in the press room. */
  summary?: ReleaseSummary;
}

/** A press room file as written: skipped only while it is still there, untouched. */
export interface PressRoomFileRecord {
  name: string;
  /** Relative to the output folder. */
  path: string;
  bytes: number;
  sha256: string;
  mtimeMs: number;
}

export interface PressRoomRecord {
  /** Hash of the press room's inputs besides the documents' entries (see build/pressroom.ts). */
  key: string;
  files: PressRoomFileRecord[];
}

export interface Manifest {
  version: typeof MANIFEST_VERSION;
  /** Keyed by output stem: unique within the output folder. */
  documents: Record<string, ManifestEntry>;
  /**
   * Present only while the press room files were written from exactly these
   * documents' entries: any build that changes an entry without writing the
   * press room drops it.
   */
  pressroom?: PressRoomRecord;
}

export function manifestPath(outDir: string, suffix: string): string {
  return join(outDir, `${MANIFEST_NAME}${suffix}.json`);
}

export type ManifestLoad = { manifest: Manifest; problem?: undefined } | { manifest: Manifest; problem: string };

function empty(): Manifest {
  return { version: MANIFEST_VERSION, documents: Object.create(null) as Record<string, ManifestEntry> };
}

function isManifest(value: unknown): value is Manifest {
  if (!value || typeof value !== 'object') return false;
  const m = value as Partial<Manifest>;
  if (m.version !== MANIFEST_VERSION || !m.documents || typeof m.documents !== 'object') return false;
  return Object.values(m.documents).every(
    (e) => e && typeof e === 'object' && typeof e.sourceHash === 'string' && Array.isArray(e.outputs) && Array.isArray(e.messages),
  );
}

function isPressRoomRecord(value: unknown): value is PressRoomRecord {
  if (!value || typeof value !== 'object') return false;
  const r = value as Partial<PressRoomRecord>;
  return typeof r.key === 'string' && Array.isArray(r.files) && r.files.every((f) => f && typeof f.path === 'string' && typeof f.bytes === 'number' && typeof f.mtimeMs === 'number');
}

/** Read the manifest; a missing one is empty, a corrupt one is empty with a problem to report. */
export function readManifest(path: string): ManifestLoad {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { manifest: empty() };
    return { manifest: empty(), problem: `Cannot read the build manifest (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); rebuilding everything` };
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (isManifest(parsed)) {
      const documents = Object.assign(Object.create(null) as Record<string, ManifestEntry>, parsed.documents);
      return { manifest: { version: MANIFEST_VERSION, documents, ...(isPressRoomRecord(parsed.pressroom) ? { pressroom: parsed.pressroom } : {}) } };
    }
  } catch {
    // fall through: same answer as a manifest of the wrong shape
  }
  return { manifest: empty(), problem: 'The build manifest is corrupt or from another version; rebuilding everything' };
}

/** Written atomically: a failed or killed write leaves the previous manifest whole. */
export async function writeManifest(path: string, manifest: Manifest, fs?: BuildFs): Promise<void> {
  await writeAtomic(path, Buffer.from(`${JSON.stringify(manifest)}\n`, 'utf8'), fs);
}

/** Inputs that decide whether a recorded document is still current. */
export interface Expected {
  source: string;
  templatesHash: string;
  optionsHash: string;
  tool: string;
  clash: string | null;
}

/** `current`: skip it; `refreshed`: skip it, and its entry's stat records were brought up to date (write the manifest); `stale`: build it. */
export type Currency = 'current' | 'refreshed' | 'stale';

/**
 * Whether a document can be skipped. The source is trusted when its stat
 * matches the recorded fingerprint, else read and hashed (a new fingerprint
 * is then recorded if the hash still matches). Each output is trusted when
 * its size and mtime match the record and rehashed otherwise, so a restored
 * CI cache with new mtimes is still recognised. A source that is no longer a
 * regular file, or is now over `maxSize`, is stale: the build then reports it
 * as it would a new one (never read here).
 */
export function checkCurrent(entry: ManifestEntry | undefined, expected: Expected, sourcePath: string, outDir: string, maxSize = DEFAULT_MAX_SIZE): Currency {
  if (!entry) return 'stale';
  if (entry.source !== expected.source || entry.templatesHash !== expected.templatesHash || entry.optionsHash !== expected.optionsHash) return 'stale';
  if (entry.tool !== expected.tool || entry.clash !== expected.clash) return 'stale';
  let refreshed = false;
  try {
    const statAt = Date.now();
    // Never read a FIFO or device (it could block forever), nor a source past the size limit.
    const info = statSync(sourcePath, { throwIfNoEntry: false });
    if (!info || !info.isFile() || info.size > maxSize) return 'stale';
    if (!matches(entry.fingerprint, info)) {
      if (sha256(readFileSync(sourcePath)) !== entry.sourceHash) return 'stale';
      const fingerprint = fingerprintOf(info, statAt);
      if (fingerprint || entry.fingerprint) {
        entry.fingerprint = fingerprint;
        refreshed = true;
      }
    }
  } catch {
    return 'stale';
  }
  // An entry from before images were tracked cannot say what its document showed.
  if (!Array.isArray(entry.images)) return 'stale';
  const images = imagesCurrent(entry.images, dirname(sourcePath));
  if (images === 'stale') return 'stale';
  if (images === 'refreshed') refreshed = true;
  for (const output of entry.outputs) {
    const state = recordedFile(join(outDir, output.path), output.bytes, output, output.sha256);
    if (state === 'stale') return 'stale';
    if (state === 'refreshed') refreshed = true;
  }
  return refreshed ? 'refreshed' : 'current';
}

/**
 * A file the manifest recorded (an output, an image): current when its size
 * and mtime match the record, else rehashed, so a restored cache with fresh
 * mtimes is still recognised ('refreshed': the new mtime is written into the
 * record). A record without a hash (a file refused unread) has only its mtime
 * to go on.
 */
function recordedFile(path: string, size: number, record: { mtimeMs: number }, hash: string | null): Currency {
  try {
    const info = statSync(path, { throwIfNoEntry: false });
    if (!info || info.size !== size) return 'stale';
    if (info.mtimeMs === record.mtimeMs) return 'current';
    if (hash === null || !info.isFile() || sha256(readFileSync(path)) !== hash) return 'stale';
    record.mtimeMs = info.mtimeMs;
    return 'refreshed';
  } catch {
    return 'stale';
  }
}

/**
 * Whether every image the document showed is unchanged (see recordedFile). One
 * that was missing and is there now, or the other way round, is a change.
 */
function imagesCurrent(images: ImageDependency[], sourceDir: string): Currency {
  let refreshed = false;
  for (const image of images) {
    const path = resolve(sourceDir, image.path);
    const stamp = image.stamp;
    if (stamp === null) {
      if (existsSync(path)) return 'stale';
      continue;
    }
    const state = recordedFile(path, stamp.size, stamp, stamp.sha256);
    if (state === 'stale') return 'stale';
    if (state === 'refreshed') refreshed = true;
  }
  return refreshed ? 'refreshed' : 'current';
}

export function relativeOutput(outDir: string, path: string): string {
  return relative(outDir, path).split(sep).join('/');
}

/** Delete recorded outputs, never anything outside the output folder. Returns the paths removed. */
export async function removeOutputs(outDir: string, outputs: readonly ManifestOutput[]): Promise<string[]> {
  const root = resolve(outDir);
  const removed: string[] = [];
  for (const output of outputs) {
    const path = resolve(root, output.path);
    if (!path.startsWith(root + sep)) continue;
    await rm(path, { force: true });
    removed.push(path);
  }
  return removed;
}
