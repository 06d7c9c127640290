/**
 * The press room at the end of a batch: written from every document's
 * summary, or left as it is when nothing it is made of has changed, so that
 * a no-op rebuild of a large archive does not render and rewrite a page and
 * a manifest listing every release.
 *
 * What the press room is made of: the documents' entries (summary and
 * outputs, as the build manifest records them), which of them are held back
 * by an embargo (this depends on the clock), the feed's body HTML, the press
 * room options, the templates and the tool version. The build manifest keeps
 * a record of the press room (a key over everything but the entries, and the
 * files written) only while the entries are those it was written from, so
 * "the entries did not change in this build, the key matches and the files
 * are untouched" means the files on disk are what a render would write.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { VFile } from 'vfile';
import { report } from '../diagnostics.js';
import { TemplateError } from '../errors.js';
import { version } from '../package-root.js';
import type { PressRoom, PressRoomFile, PressRoomOptions } from '../pressroom/index.js';
import type { TemplateSet } from '../render/templates.js';
import type { BuildFs } from './fs.js';
import { sha256, stableJson } from './hash.js';
import { relativeOutput, type PressRoomRecord } from './manifest.js';
import type { DocumentResult } from './index.js';
import { shardSuffix, type Shard } from './shard.js';
import { writeAtomic } from './write.js';

/** The press room's inputs besides the documents' entries (see the module comment). */
export function pressRoomKey(options: PressRoomOptions, templatesHash: string, held: readonly string[]): string {
  return sha256(
    stableJson({
      tool: version,
      templatesHash,
      title: options.title ?? null,
      siteUrl: options.siteUrl ?? null,
      feedSize: options.feedSize ?? null,
      includeEmbargoed: options.includeEmbargoed ?? false,
      now: options.now?.toISOString() ?? null,
      held: [...held].sort(),
    }),
  );
}

/** The recorded press room files, if the record's key matches and each file is still there with its size and mtime; else undefined. */
export function unchangedPressRoom(record: PressRoomRecord | undefined, key: string, outDir: string): PressRoomFile[] | undefined {
  if (!record || record.key !== key) return undefined;
  const files: PressRoomFile[] = [];
  for (const file of record.files) {
    const path = join(outDir, file.path);
    const info = statSync(path, { throwIfNoEntry: false });
    if (!info || info.size !== file.bytes || info.mtimeMs !== file.mtimeMs) return undefined;
    files.push({ name: file.name, path, bytes: file.bytes, sha256: file.sha256 });
  }
  return files;
}

/** The record to keep for press room files just written; undefined if one of them cannot be stat'ed. */
export function pressRoomRecord(key: string, files: readonly PressRoomFile[], outDir: string): PressRoomRecord | undefined {
  const recorded = [];
  for (const file of files) {
    const info = statSync(file.path, { throwIfNoEntry: false });
    if (!info) return undefined;
    recorded.push({ name: file.name, path: relativeOutput(outDir, file.path), bytes: file.bytes, sha256: file.sha256, mtimeMs: info.mtimeMs });
  }
  return { key, files: recorded };
}

/** The `embargoed` warning on each document the press room leaves out, whether or not the press room is written again. */
export function reportHeld(pressroom: PressRoom, documents: readonly DocumentResult[]): string[] {
  const held: string[] = [];
  for (const d of documents) {
    if (d.summary && pressroom.holds(d.summary)) {
      held.push(d.stem);
      report(d.file, 'embargoed', `Embargoed until ${d.summary.embargo}: left out of the press room (index.html, feed.xml, manifest.json); its handouts are built. --include-embargoed lists it anyway`, d.summary.embargoAt);
    }
  }
  return held;
}

/** The press room from the documents' summaries and outputs; a failure is a problem of the batch, not of a document. */
export async function writePressRoom(
  pressroom: PressRoom,
  documents: readonly DocumentResult[],
  templates: () => Promise<TemplateSet>,
  outDir: string,
  /** The output folder as diagnostics name it. */
  shownOutDir: string,
  problems: VFile[],
  fs: BuildFs,
): Promise<PressRoomFile[] | undefined> {
  const entries = documents.flatMap((d) =>
    d.summary ? [{ summary: d.summary, outputs: d.outputs.map((o) => ({ format: o.format, path: relativeOutput(outDir, o.path), bytes: o.bytes, sha256: o.sha256 })) }] : [],
  );
  if (entries.length === 0) return [];
  try {
    return await pressroom.write(entries, outDir, await templates(), fs);
  } catch (error) {
    const file = new VFile({ path: shownOutDir });
    if (error instanceof TemplateError) report(file, 'template-error', `press room: ${error.message}`);
    else report(file, 'write-error', `Cannot write the press room: ${(error as Error).message}`);
    problems.push(file);
    return undefined;
  }
}

/** The feed's body HTML of the newest releases, kept beside the manifest so a skipped document keeps its feed content. */
export function feedCachePath(outDir: string, shard: Shard | undefined): string {
  return join(outDir, `.handout-feed${shardSuffix(shard)}.json`);
}

export function loadFeedCache(path: string): Record<string, string> {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as unknown;
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    return Object.fromEntries(Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === 'string'));
  } catch {
    // No cache (first build) or an unreadable one: skipped releases are listed in the feed without their body.
    return {};
  }
}

export async function saveFeedCache(path: string, contents: Record<string, string>, fs: BuildFs): Promise<void> {
  try {
    await writeAtomic(path, Buffer.from(JSON.stringify(contents), 'utf8'), fs);
  } catch {
    // The cache only saves work; the next build lists skipped releases without their body.
  }
}
