/**
 * The lead of a document as a sequence of units: one unit per header-shaped
 * line, or a run of ordinary lines that belong together (a wrapped paragraph,
 * a wrapped headline). Plain-text sources put header fields on separate lines
 * of one block while Markdown wraps prose over many lines, so a block is split
 * into lines only where some line of it is a header field.
 */
import type { Paragraph, PhrasingContent } from 'mdast';
import { classifyLine, isProse, FIELD_KINDS, FILLER_KINDS, type Classified, type LineKind } from './classify.js';
import { spanOf, type Block, type Line } from './lines.js';
import { isTitleCase } from './title-case.js';

export interface Unit {
  lines: Line[];
  /** Plain text, lines joined by a space. */
  text: string;
  kind: LineKind;
  cls: Classified;
  /** Index of the block the unit comes from. */
  block: number;
  /** Source offsets of the unit. */
  start: number;
  end: number;
  /** The unit is the whole of its block. */
  wholeBlock: boolean;
  /** The block is a paragraph made only of emphasis (a Markdown deck line). */
  emphasis: boolean;
  /** The block is a paragraph made only of strong text (a Markdown section heading). */
  strong: boolean;
}

/** Kinds strong enough that a block containing one is read line by line. */
const SPLITTING: ReadonlySet<LineKind> = new Set(['date', 'release', 'type', 'byline', 'role', 'office', 'organization']);

export function isHeaderish(kind: LineKind): boolean {
  return FIELD_KINDS.has(kind) || FILLER_KINDS.has(kind) || kind === 'attribution' || kind === 'addressee';
}

function onlyOf(node: Block['node'], type: 'emphasis' | 'strong'): boolean {
  if (node.type !== 'paragraph') return false;
  const kids = (node as Paragraph).children.filter(
    (c: PhrasingContent) => !(c.type === 'text' && c.value.trim() === '') && c.type !== 'break',
  );
  return kids.length > 0 && kids.every((c) => c.type === type);
}

function offsets(lines: readonly Line[]): { start: number; end: number } {
  const span = spanOf(lines);
  return { start: span?.start.offset ?? 0, end: span?.end.offset ?? 0 };
}

function unitOf(lines: Line[], block: Block, wholeBlock: boolean, cls?: Classified): Unit {
  const text = lines.map((l) => l.text).join(' ');
  // Classified on first use: the header reads only the first units, and
  // classifying every body line (dates through chrono) made long documents slow.
  let classified = cls;
  const classify = (): Classified => (classified ??= lines.length === 1 ? classifyLine(text) : ({ kind: isProse(text) ? 'prose' : 'unknown' } as Classified));
  return {
    lines,
    text,
    get kind() {
      return classify().kind;
    },
    get cls() {
      return classify();
    },
    block: block.index,
    ...offsets(lines),
    wholeBlock,
    emphasis: onlyOf(block.node, 'emphasis'),
    strong: onlyOf(block.node, 'strong'),
  };
}

/** Units of one block. */
export function unitsOfBlock(block: Block): Unit[] {
  const { node } = block;
  if (block.lines.length === 0) return [];
  if (node.type === 'list') {
    // A short list before anything else is navigation (a breadcrumb); later it is body.
    const short = block.lines.every((l) => l.text.split(/\s+/u).length <= 6);
    return [{ ...unitOf(block.lines, block, true, { kind: short ? 'chrome' : 'prose' }) }];
  }
  if (node.type === 'table' || node.type === 'blockquote' || (node.type === 'code' && node.lang)) {
    return [unitOf(block.lines, block, true, { kind: 'prose' })];
  }
  // A paragraph wholly in bold is a section heading ("**Preamble**"), never a header field.
  if (onlyOf(node, 'strong')) return [unitOf(block.lines, block, true, { kind: isProse(block.text) ? 'prose' : 'unknown' })];
  if (block.lines.length === 1) return [unitOf(block.lines, block, true)];

  // Lines are classified as the decision needs them: a wrapped paragraph of prose is
  // settled by its first line, and classifying every line (dates through chrono) was
  // most of the cost of long hard-wrapped documents.
  const known: Classified[] = [];
  const classified = (i: number): Classified => (known[i] ??= classifyLine(block.lines[i]!.text));
  const indices = block.lines.map((_, i) => i);
  // Hard-wrapped prose (Markdown at ~72 columns) has long lines throughout; header lines are short.
  const leading = block.lines.slice(0, 12);
  const wrapped = leading.length >= 3 && leading.filter((l) => l.text.length >= 45).length / leading.length >= 0.7;
  const split = (!wrapped && indices.slice(0, 12).some((i) => SPLITTING.has(classified(i).kind))) || indices.every((i) => isHeaderish(classified(i).kind));
  if (!split) {
    const joined = block.lines.map((l) => l.text).join(' ');
    // A short headline-style line over another: headline and deck, not one wrapped line.
    const stacked =
      block.lines.length <= 3 &&
      (block.lines[0]?.text.length ?? 0) < 60 &&
      block.lines.every((l, i) => ['unknown', 'person', 'location'].includes(classified(i).kind) && isTitleCase(l.text)) &&
      indices.some((i) => classified(i).kind === 'unknown');
    if (stacked) return block.lines.map((l) => unitOf([l], block, false, { kind: 'unknown' }));
    if (isProse(joined) || indices.some((i) => classified(i).kind === 'unknown' || classified(i).kind === 'prose')) {
      return [unitOf(block.lines, block, true)];
    }
  }
  const units: Unit[] = [];
  let run: Line[] = [];
  const flush = (): void => {
    if (run.length > 0) units.push(unitOf(run, block, false));
    run = [];
  };
  block.lines.forEach((line, i) => {
    const c = classified(i);
    if (isHeaderish(c.kind)) {
      flush();
      units.push(unitOf([line], block, false, c));
    } else {
      run.push(line);
    }
  });
  flush();
  if (units.length === 1) units[0]!.wholeBlock = true;
  return units;
}

/** Units by index, as arrays and Units both give them. */
export interface UnitSource {
  at(index: number): Unit | undefined;
}

/**
 * A document's units, made block by block as they are first asked for. The
 * header reads only the opening units, and making a block's units classifies
 * its lines (dates through chrono): made for every block up front, the body's
 * units were about three quarters of that work, and nothing read them.
 */
export class Units implements UnitSource {
  private readonly made: Unit[] = [];
  private next = 0;

  constructor(
    private readonly blocks: readonly Block[],
    private readonly unitsOf: (block: Block) => Unit[],
  ) {}

  /** Unit `index`, or undefined when the document has fewer. */
  at(index: number): Unit | undefined {
    while (this.made.length <= index && this.next < this.blocks.length) this.made.push(...this.unitsOf(this.blocks[this.next++]!));
    return this.made[index];
  }

  /** Units `start` to `end` (exclusive), as far as there are any. */
  slice(start: number, end: number): Unit[] {
    this.at(end - 1);
    return this.made.slice(start, end);
  }

  /** The document's last unit: every block's units are made. */
  last(): Unit | undefined {
    this.at(Number.POSITIVE_INFINITY);
    return this.made[this.made.length - 1];
  }

  /** Put `replacement` in the place of unit `index` (which must have been asked for). */
  replace(index: number, replacement: readonly Unit[]): void {
    this.made.splice(index, 1, ...replacement);
  }
}

