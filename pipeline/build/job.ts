/**
 * The contract between the build's main thread and its workers. Everything
 * here is structured-clone safe (plain data): no VFiles, no functions.
 */
import type { Format, RenderOptions } from '../render/index.js';
import type { ReleaseSummary } from '../pressroom/summary.js';
import type { SerializedMessage } from './messages.js';

/** What every document of one build shares; given to each worker once. */
export interface WorkerConfig {
  outDir: string;
  formats: readonly Format[];
  templatesDir?: string;
  render: RenderOptions;
  /** Send back each release's summary and body HTML for the press room. */
  pressroom: boolean;
}

/** One document to build. */
export interface Job {
  /** Absolute source path. */
  path: string;
  /** The path diagnostics name (relative to the working directory). */
  displayPath: string;
  /** Source path relative to its input folder, as the press room lists it. */
  relative: string;
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
  /** Hash of the templates this document was rendered with. */
  templatesHash: string;
  ms: number;
  /** The record's header fields and its body as HTML, for the press room (when asked for). */
  summary?: ReleaseSummary;
  feedHtml?: string;
}
