/**
 * The press room a batch writes beside the handouts: index.html, feed.xml
 * and manifest.json. It is fed one release at a time while the batch runs and
 * keeps only summaries, plus the body HTML of the newest few that the feed
 * carries in full, so memory stays flat however large the batch.
 */
import { createHash } from 'node:crypto';
import { outputPath } from '../build/naming.js';
import type { BuildFs } from '../build/fs.js';
import { writeAtomic } from '../build/write.js';
import { version } from '../package-root.js';
import type { TemplateSet } from '../render/templates.js';
import { isEmbargoed } from './embargo.js';
import type { PressEntry } from './entry.js';
import { renderFeed } from './feed.js';
import { renderManifest } from './manifest.js';
import { newestFirst } from './order.js';
import type { ReleaseSummary } from './summary.js';
import { stringsFor, type StringOverrides } from '../render/locale/strings.js';

export type { PressEntry, EntryOutput } from './entry.js';
export type { ReleaseSummary } from './summary.js';
export { newestFirst } from './order.js';
export { isEmbargoed } from './embargo.js';

export interface PressRoomOptions {
  /** The page and feed title (default "Press releases" in `language`). */
  title?: string;
  /** The project's language (BCP 47, default "en"): the words, months and dates of index.html and the feed's title. */
  language?: string;
  /** The project's per-locale string overrides (`strings` in handout.config.json). */
  strings?: StringOverrides;
  /** Absolute URL where the output folder is published; makes feed links absolute and ids unique worldwide. */
  siteUrl?: string;
  /** How many of the newest releases the feed carries in full (default 50). */
  feedSize?: number;
  /**
   * The feed's <updated> when no release has a date. Reproducible builds set it
   * from SOURCE_DATE_EPOCH, so it is not the clock embargoes are judged by.
   */
  now?: Date;
  /** The time embargoes are judged against (default: the real time when the press room is written). */
  clock?: Date;
  /** List releases whose embargo has not lifted yet (default false: they are left out, with a warning). */
  includeEmbargoed?: boolean;
}

/** Names the press room writes at the top of the output folder; sources may not take them. */
export const PRESS_ROOM_STEMS = { index: 'index.html', manifest: 'manifest.json', feed: 'feed.xml' } as const;

export interface PressRoomFile {
  name: string;
  path: string;
  bytes: number;
  sha256: string;
}

export class PressRoom {
  readonly #feedSize: number;
  readonly #clock: Date;
  /**
   * Body HTML of releases held back by their embargo: not in this feed, but
   * saved with the feed cache, so that the build after the embargo lifts can
   * list them in full even when it skips them as unchanged.
   */
  readonly #held = new Map<string, string>();
  /** Body HTML of the newest releases seen so far, by stem, at most feedSize of them. */
  readonly #newest: { summary: ReleaseSummary; html: string }[] = [];

  constructor(private readonly options: PressRoomOptions = {}) {
    this.#feedSize = options.feedSize ?? 50;
    this.#clock = options.clock ?? new Date();
  }

  /** Whether this press room leaves the release out: its embargo has not lifted and embargoed releases are not included. */
  holds(summary: ReleaseSummary): boolean {
    return !this.options.includeEmbargoed && isEmbargoed(summary, this.#clock);
  }

  /**
   * Offer a release's body HTML (made where the release was in memory, in a
   * build worker): it is kept only if the release is among the newest. A
   * document skipped by an incremental build offers its HTML from the previous
   * feed, or none (its entry then carries the summary alone).
   */
  offer(summary: ReleaseSummary, html: string | undefined): void {
    if (html === undefined) return;
    if (this.holds(summary)) {
      this.#held.set(summary.stem, html);
      return;
    }
    const last = this.#newest[this.#newest.length - 1];
    if (this.#newest.length >= this.#feedSize && last && newestFirst(summary, last.summary) >= 0) return;
    this.#newest.push({ summary, html });
    this.#newest.sort((a, b) => newestFirst(a.summary, b.summary));
    if (this.#newest.length > this.#feedSize) this.#newest.pop();
  }

  /** The body HTML kept for the feed, by output stem: saved beside the build manifest for the next incremental build. */
  feedContents(): Record<string, string> {
    return { ...Object.fromEntries(this.#held), ...Object.fromEntries(this.#newest.map((n) => [n.summary.stem, n.html])) };
  }

  /** Write the three files from the batch's entries; returns what was written. */
  async write(entries: readonly PressEntry[], outDir: string, templates: TemplateSet, fs?: BuildFs): Promise<PressRoomFile[]> {
    // Loaded here, not at the top: the index page needs the date formatting of the renderers, which a build that writes no press room never loads.
    const { renderIndex } = await import('./index-page.js');
    const sorted = entries.filter((e) => !this.holds(e.summary)).sort((a, b) => newestFirst(a.summary, b.summary));
    const language = this.options.language ?? 'en';
    const title = this.options.title ?? stringsFor(language, this.options.strings).pressReleases;
    const generator = `handout ${version}`;
    const contents = new Map(this.#newest.map((n) => [n.summary.stem, n.html]));
    const files: [string, string][] = [
      [PRESS_ROOM_STEMS.index, renderIndex(sorted, templates, { title, generator, language, ...(this.options.strings ? { strings: this.options.strings } : {}) })],
      [
        PRESS_ROOM_STEMS.feed,
        renderFeed(sorted, contents, {
          title,
          generator: { name: 'handout', version },
          ...(this.options.siteUrl ? { siteUrl: this.options.siteUrl } : {}),
          fallbackUpdated: this.options.now ?? new Date(),
          ...(this.options.strings ? { strings: this.options.strings } : {}),
        }),
      ],
      [PRESS_ROOM_STEMS.manifest, renderManifest(sorted, generator)],
    ];
    const written: PressRoomFile[] = [];
    for (const [name, text] of files) {
      const data = Buffer.from(text, 'utf8');
      const dot = name.lastIndexOf('.');
      const path = outputPath(outDir, name.slice(0, dot), name.slice(dot + 1));
      await writeAtomic(path, data, fs, { within: outDir });
      written.push({ name, path, bytes: data.byteLength, sha256: createHash('sha256').update(data).digest('hex') });
    }
    return written;
  }
}
