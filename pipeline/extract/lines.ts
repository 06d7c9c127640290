/**
 * A line-level view of top-level blocks. Press-release headers are line-based
 * ("Media Note" / "Office of the Spokesperson" / …) while Markdown folds such
 * lines into one paragraph, so extraction works on lines that keep exact
 * source positions.
 */
import type { PhrasingContent, RootContent } from 'mdast';
import type { Position } from 'unist';

export interface Line {
  /** Plain text of the line: Markdown syntax removed, whitespace collapsed. */
  text: string;
  position: Position;
  /** The line's source text as written (Markdown syntax and spacing kept). */
  raw: string;
}

export interface Block {
  node: RootContent;
  /** Index in the root's children. */
  index: number;
  lines: Line[];
  /** Plain text of the whole block, lines joined by a space. */
  text: string;
  /** The block's raw source, trimmed (used where "as written" matters, e.g. end marks). */
  raw: string;
}

/**
 * White space as Python's `str.split()` sees it (the corpus's comparison rule):
 * NBSP, narrow NBSP and the ideographic space are white space; U+200B and
 * U+2060 are not, and stay in the text. A byte-order mark is dropped too.
 */
const WHITESPACE = /[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+/gu;

/** Collapse every run of white space to one space and trim. */
export function collapse(text: string): string {
  return text.replace(WHITESPACE, ' ').trim();
}

function flattenPhrasing(nodes: readonly PhrasingContent[], out: string[]): void {
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
      case 'inlineCode':
        out.push(node.value);
        break;
      case 'break':
        out.push('\n');
        break;
      case 'html':
        // HTML remnants in scraped sources: a <br> still ends a line; other tags carry no text.
        if (/^<br\s*\/?>$/i.test(node.value)) out.push('\n');
        break;
      case 'image':
      case 'imageReference':
        out.push(node.alt ?? '');
        break;
      default:
        if ('children' in node) flattenPhrasing(node.children as PhrasingContent[], out);
    }
  }
}

/** Plain text of a node, keeping line breaks between source lines. */
export function plainText(node: RootContent): string {
  if ('children' in node) {
    const kids = node.children as RootContent[];
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
      const out: string[] = [];
      flattenPhrasing(node.children, out);
      return out.join('');
    }
    return kids.map(plainText).join('\n');
  }
  if ('value' in node && typeof node.value === 'string') return node.type === 'html' ? '' : node.value;
  return '';
}

/**
 * Build the line view of a top-level block. Line positions come from the source:
 * Markdown drops a paragraph line's indentation, so each line's start column is
 * found in the source text itself.
 */
export function toBlock(node: RootContent, index: number, source: string, lineStarts: readonly number[]): Block | undefined {
  const pos = node.position;
  if (!pos || pos.start.offset === undefined || pos.end.offset === undefined) return undefined;
  const raw = source.slice(pos.start.offset, pos.end.offset);
  const texts = plainText(node).split('\n');
  const lines: Line[] = [];
  const firstLine = pos.start.line;
  for (let i = 0; i < texts.length; i++) {
    const text = collapse(texts[i] ?? '');
    if (text === '') continue;
    const lineNo = Math.min(firstLine + i, pos.end.line);
    const startOffset = lineStarts[lineNo - 1] ?? 0;
    const endOffset = (lineStarts[lineNo] ?? source.length + 1) - 1;
    const sourceLine = source.slice(startOffset, endOffset).replace(/\r$/, '');
    const lead = sourceLine.length - sourceLine.trimStart().length;
    const startCol = lineNo === firstLine ? pos.start.column : lead + 1;
    const endCol = lineNo === pos.end.line ? pos.end.column : sourceLine.trimEnd().length + 1;
    lines.push({
      text,
      raw: sourceLine.slice(startCol - 1, endCol - 1),
      position: {
        start: { line: lineNo, column: startCol, offset: startOffset + startCol - 1 },
        end: { line: lineNo, column: endCol, offset: startOffset + endCol - 1 },
      },
    });
  }
  return { node, index, lines, text: lines.map((l) => l.text).join(' '), raw: raw.trim() };
}

/** Offsets at which each line starts (index 0 = line 1). */
export function lineStartOffsets(source: string): number[] {
  const starts = [0];
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (source.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** A span covering several lines. */
export function spanOf(lines: readonly Line[]): Position | undefined {
  const first = lines[0];
  const last = lines[lines.length - 1];
  if (!first || !last) return undefined;
  return { start: first.position.start, end: last.position.end };
}

/** Position of a source range, from line start offsets. */
export function positionOf(start: number, end: number, lineStarts: readonly number[]): Position {
  return { start: pointOf(start, lineStarts), end: pointOf(end, lineStarts) };
}

/** Line and column (1-based) of an offset, by binary search over line start offsets. */
export function pointOf(offset: number, lineStarts: readonly number[]): Position['start'] {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((lineStarts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - (lineStarts[lo] ?? 0) + 1, offset };
}

/** A line made from a range of the source (a piece of a flattened line). */
export function lineFromRange(source: string, start: number, end: number, lineStarts: readonly number[]): Line | undefined {
  const raw = source.slice(start, end);
  const lead = raw.length - raw.trimStart().length;
  const trail = raw.length - raw.trimEnd().length;
  const text = collapse(raw);
  if (text === '') return undefined;
  const s = start + lead;
  const e = end - trail;
  return { text, raw: source.slice(s, e), position: positionOf(s, e, lineStarts) };
}
