/**
 * Limits that keep one hostile document from exhausting the stack or the CPU.
 *
 * micromark parses deep containers and long runs of emphasis markers in time
 * that grows with the square of their number (2,000 indented list levels or
 * 50,000 `*` in one paragraph take minutes), and tree walkers recurse once per
 * level. So the source is scanned line by line before parsing, and the tree's
 * depth is measured without recursion after it; past a limit the document is
 * refused with a diagnostic at the offending place. Real releases nest a few
 * levels and use a few dozen markers per paragraph.
 */
import type { Root } from 'mdast';
import type { Node } from 'unist';
import type { VFile } from 'vfile';
import { report } from './diagnostics.js';
import { lineStartOffsets, pointOf } from './extract/lines.js';

/** Deepest nesting of blocks and inline elements handout builds. */
export const MAX_DEPTH = 100;
/** Most emphasis delimiter runs (`*`, `_`) in one paragraph. */
export const MAX_MARKERS = 2000;

const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/u;
const MARKER = /^(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))[ \t]*/u;

function indentOf(line: string): number {
  let width = 0;
  for (const ch of line) {
    if (ch === ' ') width++;
    else if (ch === '\t') width += 4 - (width % 4);
    else break;
  }
  return width;
}

/**
 * An estimate of each line's container depth from its prefix: `>` and list
 * markers on the line, plus the list items still open at a smaller indent.
 * Returns the offset of the first marker past MAX_DEPTH, if any.
 */
function deepLine(source: string): number | undefined {
  const open: number[] = [];
  let offset = 0;
  for (const line of source.split(/\r\n|\r|\n/u)) {
    const start = offset;
    offset += line.length + 1;
    if (line.trim() === '' || THEMATIC_BREAK.test(line)) continue;
    const indent = indentOf(line);
    while (open.length > 0 && open[open.length - 1]! >= indent) open.pop();
    let rest = line.trimStart();
    let at = start + line.length - rest.length;
    let markers = 0;
    let firstIsList = false;
    for (let m = MARKER.exec(rest); m; m = MARKER.exec(rest)) {
      if (markers === 0) firstIsList = m[0][0] !== '>';
      markers++;
      if (open.length + markers > MAX_DEPTH) return at;
      at += m[0].length;
      rest = rest.slice(m[0].length);
    }
    if (firstIsList) open.push(indent);
  }
  return undefined;
}

/** Offset of the paragraph (text between blank lines) with too many emphasis markers, if any. */
function markerHeavyBlock(source: string): number | undefined {
  const blank = /(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)/gu;
  let start = 0;
  for (;;) {
    const m = blank.exec(source);
    const end = m ? m.index : source.length;
    let count = 0;
    for (let i = start; i < end; i++) {
      const c = source.charCodeAt(i);
      if ((c === 42 || c === 95) && source.charCodeAt(i - 1) !== c) count++;
    }
    if (count > MAX_MARKERS) return start + (source.slice(start, end).length - source.slice(start, end).trimStart().length);
    if (!m) return undefined;
    start = m.index + m[0].length;
  }
}

/** Check the source before parsing; false (with an error on the file) when it must not be parsed. */
export function checkSource(file: VFile): boolean {
  const source = String(file.value);
  const deep = deepLine(source);
  if (deep !== undefined) {
    report(file, 'too-deep', `Lists or block quotes are nested more than ${MAX_DEPTH} levels deep; the document is not built`, pointOf(deep, lineStartOffsets(source)));
    return false;
  }
  const heavy = markerHeavyBlock(source);
  if (heavy !== undefined) {
    report(file, 'too-complex', `A paragraph has more than ${MAX_MARKERS} emphasis markers (* or _); the document is not built`, pointOf(heavy, lineStartOffsets(source)));
    return false;
  }
  return true;
}

/** Check the parsed tree's depth without recursing; false (with an error) when it is too deep. */
export function checkDepth(tree: Root, file: VFile): boolean {
  const stack: [Node, number][] = [[tree, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > MAX_DEPTH) {
      report(file, 'too-deep', `Markdown is nested more than ${MAX_DEPTH} levels deep; the document is not built`, node.position?.start);
      return false;
    }
    const children = (node as { children?: Node[] }).children;
    // Reversed, so nodes are visited in document order and the first one too deep is reported.
    if (children) for (let i = children.length - 1; i >= 0; i--) stack.push([children[i]!, depth + 1]);
  }
  return true;
}
