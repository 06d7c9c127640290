/**
 * A dateline that opens the first paragraph: "WASHINGTON –", "TOKYO, Japan,
 * March 3, 2020 —", "WASHINGTON (Reuters) -". The place is in capitals or
 * title case and is followed by a dash.
 */
import type { Position } from 'unist';
import { findDate } from './date.js';
import { isPlaceLine } from './classify.js';
import type { Line } from './lines.js';

export interface Dateline {
  /** The whole dateline as written, dash included. */
  text: string;
  place: string;
  placePosition: Position;
  date?: { iso: string | null; text: string; ambiguity?: string; position: Position };
}

const DATELINE = /^(?<lead>[\p{Lu}][\p{L}\p{M}.,'’ ()0-9-]{1,80}?)\s*(?:\((?<agency>[^)]{1,40})\)\s*)?(?<dash>[–—]|--?|―)\s+(?=\S)/u;

function shift(pos: Position, from: number, to: number): Position {
  const { start } = pos;
  return {
    start: { line: start.line, column: start.column + from, offset: (start.offset ?? 0) + from },
    end: { line: start.line, column: start.column + to, offset: (start.offset ?? 0) + to },
  };
}

/**
 * Punctuation-stripped sources lose the dash but keep its space: "WASHINGTON  The …",
 * "Washington  DC  The Senate …". Only a capitalised place of at most four words,
 * in capitals or in two parts, counts.
 */
function spacedDateline(first: Line): Dateline | undefined {
  const m = /^((?:[\p{Lu}][\p{L}\p{M}.'’-]*(?: [\p{Lu}][\p{L}\p{M}.'’-]*){0,2})(?: {2,}[\p{Lu}][\p{L}\p{M}.'’-]*(?: [\p{Lu}][\p{L}\p{M}.'’-]*){0,2})?) {2,}(?=[\p{Lu}"“])/u.exec(first.raw);
  if (!m) return undefined;
  const written = m[1]!;
  const parts = written.split(/ {2,}/u);
  const place = parts.join(' ');
  if (place.length < 3 || place.split(' ').length > 4 || !isPlaceLine(parts.join(', '), true)) return undefined;
  if (parts.length === 1 && place !== place.toUpperCase()) return undefined;
  return { text: written, place, placePosition: shift(first.position, 0, written.length) };
}

export function readDateline(first: Line | undefined): Dateline | undefined {
  if (!first) return undefined;
  const m = DATELINE.exec(first.text);
  if (!m?.groups) return spacedDateline(first);
  const lead = m.groups['lead']!.replace(/[,\s]+$/u, '');
  const date = findDate(lead);
  let place = lead;
  let dateInfo: Dateline['date'];
  if (date) {
    place = lead.slice(0, date.index).replace(/[,\s]+$/u, '');
    const rest = lead.slice(date.index + date.text.length).replace(/[\s,]/gu, '');
    if (rest.length > 0) return undefined;
    dateInfo = { iso: date.iso, text: date.text, ...(date.ambiguity ? { ambiguity: date.ambiguity } : {}), position: shift(first.position, date.index, date.index + date.text.length) };
  }
  if (place === '' || !isPlaceLine(place, true)) return undefined;
  // A dateline place is written in capitals ("WASHINGTON") at least in its first part.
  const head = place.split(',')[0] ?? '';
  if (head !== head.toUpperCase() && !date) return undefined;
  return { text: m[0].trim(), place, placePosition: shift(first.position, 0, place.length), ...(dateInfo ? { date: dateInfo } : {}) };
}
