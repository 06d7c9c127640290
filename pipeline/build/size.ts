/**
 * The source-size limit (`--max-size`). Kept apart from read.ts so that the
 * CLI and the manifest check can use it without loading the extractor.
 */
import { counted } from '../counted.js';

/** The default `--max-size`: far above any release, far below what would exhaust memory. */
export const DEFAULT_MAX_SIZE = 10 * 1024 * 1024;

export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KB`;
  return counted(bytes, 'byte');
}
