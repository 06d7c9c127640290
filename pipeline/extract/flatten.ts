/**
 * Flattened sources: a whole release on one line (a CSV cell, a scrape that
 * lost its line breaks, punctuation replaced by spaces). The line is cut
 * into pieces at the seams such text still shows: a breadcrumb before the
 * headline, long runs of spaces where lines were, a release status before
 * the first sentence, and the first sentence start after the headline.
 */
import { classifyLine, isReleaseStatus } from './classify.js';
import { lineFromRange, type Block, type Line } from './lines.js';
import type { Unit } from './units.js';

/** A block that is one long line: a whole release (or most of one) with its line breaks lost. */
export function isFlatLine(block: Block): boolean {
  return block.lines.length === 1 && block.lines[0]!.raw.length > 300;
}

/** A document is flattened when it has almost no line structure but a very long line. */
export function isFlattened(blocks: readonly Block[]): boolean {
  const withText = blocks.filter((b) => b.lines.length > 0);
  return withText.length <= 3 && withText.some(isFlatLine);
}

const BREADCRUMB = /^\[?\s*(?:[^\s>›»][^>›»]{0,30}?\s*(?:&gt;|>|›|»)\s*){2,}/u;

/** Capitalised function words that open a sentence; mid-headline they are lower-case in headline style. */
const SENTENCE_OPENERS = new Set(['The', 'La', 'El', 'Los', 'Las', 'In', 'A', 'An', 'On', 'At', 'This', 'Today', 'Yesterday', 'Earlier', 'Hoy', 'Este', 'Esta', 'O', 'Os', 'As', 'Le', 'Les', 'Die', 'Der', 'Das']);
const FUNCTION_WORDS = new Set([
  'of', 'on', 'for', 'the', 'and', 'to', 'in', 'a', 'an', 'with', 'at', 'by', 'from', 'as', 'into', 'over', 'after', 'before', 'under', 'or', 'but', 'nor', 'vs',
  'de', 'del', 'la', 'el', 'en', 'y', 'para', 'por', 'los', 'las', 'e', 'o', 'do', 'da', 'dos', 'das', 'em', 'no', 'na', 'com', 'al', 'un', 'una', 'que',
]);

/**
 * Where the headline ends in a flattened run "Headline Body starts …": at a
 * sentence opener glued on without punctuation ("… Program The Department …"),
 * or else where the subject of the first sentence starts, found as the last
 * repeat of the headline's first word before the first verb-like word.
 */
export function headlineEnd(text: string): number | undefined {
  const tokens = [...text.matchAll(/\S+/gu)].slice(0, 80);
  for (let i = 3; i < tokens.length; i++) {
    const w = tokens[i]![0];
    const prev = tokens[i - 1]![0];
    if (SENTENCE_OPENERS.has(w) && !/[.!?:;,]["”’)]?$/u.test(prev) && /^\p{Lu}/u.test(tokens[i + 1]?.[0] ?? '')) return tokens[i]!.index;
  }
  const verb = tokens.findIndex((t, i) => i > 2 && /^\p{Ll}/u.test(t[0]) && !FUNCTION_WORDS.has(t[0]));
  if (verb < 0) return undefined;
  const firstWord = tokens[0]![0];
  for (let i = verb - 1; i > 2; i--) {
    const w = tokens[i]![0];
    if (!/^[\p{Lu}\d]/u.test(w)) break;
    if (w === firstWord) return tokens[i]!.index;
  }
  return undefined;
}

function unitOfLine(line: Line, block: Block, kind = classifyLine(line.text)): Unit {
  return {
    lines: [line],
    text: line.text,
    kind: kind.kind,
    cls: kind,
    block: block.index,
    start: line.position.start.offset ?? 0,
    end: line.position.end.offset ?? 0,
    wholeBlock: false,
    emphasis: false,
    strong: false,
  };
}

/** Units of a flattened block. */
export function flattenedUnits(block: Block, source: string, lineStarts: readonly number[]): Unit[] {
  const line = block.lines[0]!;
  const base = line.position.start.offset ?? 0;
  const raw = line.raw;
  const pieces: { start: number; end: number; kind?: 'chrome' | 'title' | 'prose' }[] = [];

  let at = 0;
  const crumb = BREADCRUMB.exec(raw);
  if (crumb) {
    pieces.push({ start: 0, end: crumb[0].length, kind: 'chrome' });
    at = crumb[0].length;
    const end = headlineEnd(raw.slice(at));
    if (end !== undefined) {
      pieces.push({ start: at, end: at + end, kind: 'title' });
      at += end;
    }
  }
  // Long runs of spaces are lost line breaks; a release status may be followed by two spaces only.
  const gaps = /\s{4,}/gu;
  gaps.lastIndex = at;
  let from = at;
  for (let m = gaps.exec(raw); m; m = gaps.exec(raw)) {
    pieces.push({ start: from, end: m.index });
    from = m.index + m[0].length;
  }
  pieces.push({ start: from, end: raw.length });

  const units: Unit[] = [];
  for (const piece of pieces) {
    let start = piece.start;
    const status = /^(\s*)(\S.{0,40}?)\s{2,}/u.exec(raw.slice(start, piece.end));
    if (!piece.kind && status && isReleaseStatus(status[2]!)) {
      const l = lineFromRange(source, base + start + status[1]!.length, base + start + status[1]!.length + status[2]!.length, lineStarts);
      if (l) units.push(unitOfLine(l, block));
      start += status[0].length;
    }
    const l = lineFromRange(source, base + start, base + piece.end, lineStarts);
    if (!l) continue;
    if (piece.kind === 'chrome') units.push(unitOfLine(l, block, { kind: 'chrome' }));
    else if (piece.kind === 'title') units.push(unitOfLine(l, block, { kind: 'unknown' }));
    else units.push(unitOfLine(l, block, l.text.split(/\s+/u).length > 45 ? { kind: 'prose' } : classifyLine(l.text)));
  }
  return units;
}
