/**
 * The header block: the short lines before the body that carry the title,
 * type, issuer, location, date and release status, in whatever order a source
 * writes them.
 */
import type { Position } from 'unist';
import type { FoundDate } from './date.js';
import { classifyLine, isOrganizationLine, isProse } from './classify.js';
import type { Block, Line } from './lines.js';

export interface Found {
  value: string;
  position: Position;
}

export interface Header {
  title?: Found;
  subtitle?: Found;
  type?: Found;
  issuer?: Found;
  organization?: Found;
  location?: Found;
  release?: Found;
  date?: Found & { found: FoundDate };
  /** Index (in the block list) of the first body block. */
  bodyStart: number;
}

export interface HeaderOptions {
  /** A title the author stated (front matter); a first line only counts as title when it repeats it. */
  statedTitle?: string | null;
  /** How many leading blocks may belong to the header. */
  maxBlocks?: number;
}

const STRUCTURAL = new Set(['list', 'code', 'blockquote', 'table', 'html']);

function found(line: Line): Found {
  return { value: line.text, position: line.position };
}

function assignIssuer(header: Header, line: Line): void {
  if (!header.issuer) {
    header.issuer = found(line);
    return;
  }
  // Organisation + office pairs: the broader line is the organisation, the office is the issuer.
  if (!header.organization && isOrganizationLine(header.issuer.value) && !isOrganizationLine(line.text)) {
    header.organization = header.issuer;
    header.issuer = found(line);
  } else if (!header.organization && isOrganizationLine(line.text)) {
    header.organization = found(line);
  }
}

interface PlaceContext {
  stated: string | undefined;
  isHeading: boolean;
  block: number;
  titleBlock: number;
}

/** Put a line into the header field it fits; false when it fits none that is still free. */
function placeLine(header: Header, line: Line, ctx: PlaceContext): boolean {
  const c = classifyLine(line.text);
  if (c.kind === 'date' && c.date) {
    if (header.date) return false;
    header.date = { ...found(line), found: c.date };
    return true;
  }
  if (c.kind === 'release') {
    if (header.release) return false;
    header.release = found(line);
    return true;
  }
  if (!header.title && c.kind !== 'type' && (ctx.stated === undefined || line.text === ctx.stated)) {
    header.title = found(line);
    return true;
  }
  if (c.kind === 'type' && !header.type) {
    header.type = found(line);
    return true;
  }
  if (c.kind === 'issuer') {
    const before = [header.issuer, header.organization];
    assignIssuer(header, line);
    return before[0] !== header.issuer || before[1] !== header.organization;
  }
  if (c.kind === 'location' && !header.location) {
    header.location = found(line);
    return true;
  }
  // A deck: a heading right under the title, or a further line of the title's own block.
  const titleHere = ctx.titleBlock < 0 ? header.title !== undefined : ctx.block === ctx.titleBlock || (ctx.isHeading && ctx.block === ctx.titleBlock + 1);
  if (header.title && !header.subtitle && titleHere) {
    header.subtitle = found(line);
    return true;
  }
  return false;
}

export function readHeader(blocks: readonly Block[], options: HeaderOptions = {}): Header {
  const header: Header = { bodyStart: 0 };
  const maxBlocks = options.maxBlocks ?? 8;
  const stated = options.statedTitle ?? undefined;
  let titleBlock = -1;

  for (let b = 0; b < blocks.length && b < maxBlocks; b++) {
    const block = blocks[b]!;
    if (STRUCTURAL.has(block.node.type) || block.node.type === 'thematicBreak') break;
    if (block.lines.length === 0) {
      header.bodyStart = b + 1;
      continue;
    }
    if (isProse(block.text)) break;

    // Place every line of the block on a trial copy: a block whose lines are not
    // all header fields is the body's start, and nothing of it is taken.
    const trial: Header = { ...header };
    const isHeading = block.node.type === 'heading';
    const allPlaced = block.lines.every((line) => placeLine(trial, line, { stated, isHeading, block: b, titleBlock }));
    if (!allPlaced) break;
    Object.assign(header, trial);
    if (header.title && titleBlock < 0) titleBlock = b;
    header.bodyStart = b + 1;
  }
  return header;
}
