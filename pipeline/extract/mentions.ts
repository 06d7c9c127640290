import type { Position } from 'unist';
import type { Mentions, Quote } from '../release.js';
export function findMentions(_text: string, _language: string, _byline: readonly string[]): Mentions {
  return { people: [], organizations: [], places: [] };
}
export function findQuotes(_paras: { text: string; position?: Position | undefined }[], _language: string): Quote[] {
  return [];
}
