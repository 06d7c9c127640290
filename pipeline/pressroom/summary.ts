/**
 * What the press room keeps of a release: the header fields and a lead, a few
 * hundred bytes, so a batch of thousands never holds whole documents.
 */
import type { Point } from 'unist';
import type { Release } from '../release.js';
import { directionOf, headerFieldsOf, toView } from '../render/view.js';

/** The record's fields that a summary copies as they are (the embargo: an ISO 8601 instant with offset, or null). */
type CopiedFields = Pick<Release, 'title' | 'subtitle' | 'type' | 'issuer' | 'organization' | 'location' | 'date' | 'language' | 'embargo'>;

export interface ReleaseSummary extends CopiedFields {
  /** The source's path relative to its input, with "/" separators. */
  source: string;
  /** The output name without extension, relative to the output folder ("a/foo"). */
  stem: string;
  dir: 'ltr' | 'rtl';
  /** The lead, cut to 200 characters. */
  description: string;
  words: number;
  /** Where the source states the embargo, for the press room's warning; not published in manifest.json. */
  embargoAt?: Point;
}

export function summarize(release: Release, source: string, stem: string): ReleaseSummary {
  const view = toView(release);
  return {
    source: source.split(/[\\/]/u).join('/'),
    stem,
    ...headerFieldsOf(release),
    language: release.language,
    dir: directionOf(release.language),
    description: view.description,
    words: release.stats.words,
    embargo: release.embargo,
    ...(release.sources.embargo?.position ? { embargoAt: release.sources.embargo.position.start } : {}),
  };
}

export { newestFirst } from './order.js';
