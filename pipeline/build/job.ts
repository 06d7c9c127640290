/**
 * The contract between the build's main thread and its workers. Everything
 * here is structured-clone safe (plain data): no VFiles, no functions.
 */
import type { Format, RenderOptions } from '../render/index.js';
import type { ReleaseSummary } from '../pressroom/summary.js';
import type { SerializedMessage } from './messages.js';
import type { ImageDependency } from '../media/release-images.js';
import type { Fingerprint } from './fingerprint.js';

/** What every document of one build shares; given to each worker once. */
export interface WorkerConfig {
  outDir: string;
  formats: readonly Format[];
  templatesDir?: string;
  render: RenderOptions;
  /** Send back each release's body HTML for the press room's feed (its summary is always sent). */
  pressroom: boolean;
  /** Refuse sources larger than this many bytes (checked by stat before reading). */
  maxSize?: number;
  /** The output folder as the user named it, for the one-line message when it cannot be written. */
  outLabel?: string;
  /**
   * One Int32 shared with every worker: non-zero once the build is stopping
   * (Ctrl-C, or an unwritable output folder). A job that starts after that
   * returns at once with `cancelled`; jobs already running finish.
   */
  cancel?: SharedArrayBuffer;
}

/** One document to build. */
export interface Job {
  /** Absolute source path. */
  path: string;
  /** The path diagnostics name (relative to the working directory). */
  displayPath: string;
  /** Source path relative to its input folder, as the press room lists it. */
  relative: string;
  /** The input folder the source was found in (its own folder when named as a file): images and logos outside it are never read. */
  root: string;
  /** Output stem (no extension) under the output folder, already disambiguated. */
  stem: string;
  /** The source this one's name clashed with, if any. */
  clash?: string;
}

export interface JobOutput {
  format: Format;
  /** Absolute path written. */
  path: string;
  bytes: number;
  sha256: string;
  mtimeMs: number;
}

export interface JobResult {
  ok: boolean;
  outputs: JobOutput[];
  messages: SerializedMessage[];
  /** sha256 of the source bytes actually built (null when they could not be read). */
  sourceHash: string | null;
  /** The source's stat as it was read, when old enough to be trusted by the next build (see fingerprint.ts). */
  fingerprint: Fingerprint | null;
  /** Hash of the templates this document was rendered with. */
  templatesHash: string;
  /** The image files the source names, with their hashes: a changed image rebuilds the document. */
  images: ImageDependency[];
  ms: number;
  /** The record's header fields and its body as HTML, for the press room (when asked for). */
  summary?: ReleaseSummary;
  feedHtml?: string;
  /** The build was stopping when this job's turn came: nothing was read or written. */
  cancelled?: boolean;
  /** An error code (ENOSPC, EROFS…) that means no output can be written to the folder: the batch stops. */
  folderError?: string;
}
