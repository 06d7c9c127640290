/** A press-room entry: a release's summary and the files written for it. */
import type { ReleaseSummary } from './summary.js';

export interface EntryOutput {
  /** "html", "pdf", "txt", "json", "eml". */
  format: string;
  /** Relative to the output folder, with "/" separators. */
  path: string;
  bytes: number;
  sha256: string;
}

export interface PressEntry {
  summary: ReleaseSummary;
  outputs: EntryOutput[];
}

/** A relative path as a URL path: each segment percent-encoded, so "#", "?" and spaces survive. */
export function hrefOf(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
