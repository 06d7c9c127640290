/**
 * mdast → Release. A pure function of the tree and the file's text: the only
 * side effect is messages on the VFile.
 */
import type { Paragraph, PhrasingContent, Root, RootContent, Yaml } from 'mdast';
import type { Position } from 'unist';
import type { VFile } from 'vfile';
import { report } from '../diagnostics.js';
import { HEADER_FIELDS, type FieldSource, type HeaderField, type Release, type SourcedField } from '../release.js';
import { embargoLineText, parseEmbargo } from './embargo.js';
import { readDateline } from './dateline.js';
import { contactValue, footerStart, isContact, isEndMark, isTrailer, trailingContact, truncation } from './end-matter.js';
import { flattenedUnits, isFlatLine, isFlattened } from './flatten.js';
import { readFrontMatter, type FrontMatter } from './front-matter.js';
import { stateBrand } from '../brand/apply.js';
import { readHeader, type Found } from './header.js';
import { detectLanguage } from './language.js';
import { lineFromRange, lineStartOffsets, positionOf, toBlock, type Block } from './lines.js';
import { splitRunIn } from './run-in.js';
import { findMentions, findQuotes } from './mentions.js';
import { computeStats } from './stats.js';
import { listImages } from '../media/release-images.js';
import { someNode } from '../walk.js';
import { Units, unitsOfBlock, type Unit } from './units.js';

export { collapse } from './lines.js';

const START: Position = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };

interface Tail {
  endMark?: Found;
  contact?: Found;
  /** The contact's full text, before clipping to the labelled length. */
  contactFull?: string;
  /** Source offset where the body ends. */
  bodyEnd: number;
  /** A source range inside the body to leave out (a contact followed by closing boilerplate). */
  cut?: { start: number; end: number };
}

const startOf = (b: Block): number => b.node.position?.start.offset ?? 0;
const endOf = (b: Block): number => b.node.position?.end.offset ?? 0;

/**
 * End mark and contact, from the end backwards. A contact may be followed by
 * closing boilerplate (a program description), so the last few blocks are
 * searched, not only the final one; a speaker's closing words never count.
 */
function readTail(blocks: readonly Block[], bodyStart: number, source: string, starts: readonly number[]): Tail {
  // An end mark written "###" is an empty Markdown heading: it has no text lines but still counts.
  // An image without alt text has no text lines, but is content all the same.
  let body = blocks.filter((b) => endOf(b) > bodyStart && (b.lines.length > 0 || isEndMark(b) || hasImage(b.node)));
  const tail: Tail = { bodyEnd: body.length > 0 ? endOf(body[body.length - 1]!) : bodyStart };
  // Page metadata after the release ("Topic(s):", "Press Release Number:", "Updated …", "PRN: …") ends the body.
  const trailer = body.findIndex((b, i) => i >= body.length - 10 && i > 0 && isTrailer(b.text));
  if (trailer > 0) {
    tail.bodyEnd = startOf(body[trailer]!);
    body = body.slice(0, trailer);
  }
  let last = body.length - 1;
  for (let i = body.length - 1; i >= Math.max(0, body.length - 5); i--) {
    const block = body[i]!;
    if (isEndMark(block)) {
      tail.endMark = { value: block.raw, position: block.node.position ?? START };
      tail.bodyEnd = startOf(block);
      last = i - 1;
      break;
    }
  }
  for (let i = last; i >= Math.max(0, last - 3); i--) {
    const block = body[i]!;
    if (startOf(block) < bodyStart) break;
    if (!isContact(block)) continue;
    const { value, clipped } = contactValue(block.raw);
    tail.contact = { value, position: block.node.position ?? START };
    tail.contactFull = block.text;
    // A long contact stays in the body too, so that nothing is lost by clipping.
    if (!clipped) {
      if (i === last) tail.bodyEnd = startOf(block);
      else tail.cut = { start: startOf(block), end: endOf(block) };
    }
    return tail;
  }
  // A flattened last block: page furniture, then a contact sentence or block, inside the one line.
  const lastBlock = body[last];
  if (lastBlock && isFlatLine(lastBlock) && isFlattened(blocks)) {
    const line = lastBlock.lines[0]!;
    const base = line.position.start.offset ?? 0;
    let raw = line.raw;
    const footer = footerStart(raw);
    if (footer >= 0) {
      raw = raw.slice(0, footer);
      tail.bodyEnd = base + footer;
    }
    const found = trailingContact(raw);
    if (found && base + found.start > bodyStart) {
      const { value } = contactValue(raw.slice(found.start, found.end));
      tail.contact = { value, position: positionOf(base + found.start, base + found.end, starts) };
      tail.contactFull = source.slice(base + found.start, base + found.end);
      tail.bodyEnd = base + found.start;
    }
  }
  return tail;
}

/** The part of a top-level node inside [from, to), as a node of its own. */
function cutNode(node: RootContent, from: number, to: number, source: string, starts: readonly number[]): RootContent | undefined {
  const s = node.position?.start.offset;
  const e = node.position?.end.offset;
  if (s === undefined || e === undefined || e <= from || s >= to) return undefined;
  if (s >= from && e <= to) return node;
  const a = Math.max(s, from);
  const b = Math.min(e, to);
  if (node.type === 'paragraph' || node.type === 'heading') {
    const kids: PhrasingContent[] = [];
    for (const child of node.children) {
      const cs = child.position?.start.offset;
      const ce = child.position?.end.offset;
      if (cs === undefined || ce === undefined) continue;
      if (ce <= a || cs >= b) continue;
      if (cs >= a && ce <= b) kids.push(child);
      else if (child.type === 'text') {
        const from2 = Math.max(a, cs);
        const to2 = Math.min(b, ce);
        // Entities and escapes make the value differ from the source; then the source piece is the text.
        const value = child.value.length === ce - cs ? child.value.slice(from2 - cs, to2 - cs) : source.slice(from2, to2);
        kids.push({ type: 'text', value, position: positionOf(from2, to2, starts) });
      } else kids.push(child);
    }
    trimEdges(kids);
    if (kids.length === 0) return undefined;
    return { type: 'paragraph', children: kids, position: positionOf(a, b, starts) } satisfies Paragraph;
  }
  const text = source.slice(a, b).trim();
  if (text === '') return undefined;
  const lead = source.slice(a, b).length - source.slice(a, b).trimStart().length;
  const position = positionOf(a + lead, a + lead + text.length, starts);
  return { type: 'paragraph', children: [{ type: 'text', value: text, position }], position };
}

function trimEdges(kids: PhrasingContent[]): void {
  while (kids[0] && (kids[0].type === 'break' || (kids[0].type === 'text' && kids[0].value.trim() === ''))) kids.shift();
  while (kids.length > 0) {
    const lastKid = kids[kids.length - 1]!;
    if (lastKid.type === 'break' || (lastKid.type === 'text' && lastKid.value.trim() === '')) kids.pop();
    else break;
  }
  const first = kids[0];
  if (first?.type === 'text') first.value = first.value.replace(/^\s+/u, '');
  const lastKid = kids[kids.length - 1];
  if (lastKid?.type === 'text') lastKid.value = lastKid.value.replace(/\s+$/u, '');
}

function buildUnits(blocks: readonly Block[], source: string, starts: readonly number[]): Units {
  const flat = isFlattened(blocks);
  const units = new Units(blocks, (b) => (flat && isFlatLine(b) ? flattenedUnits(b, source, starts) : unitsOfBlock(b)));
  // A run-in header glued onto one line near the top is cut back into its lines.
  for (let i = 0; i < 4; i++) {
    const unit = units.at(i);
    if (!unit) break;
    if (unit.kind !== 'prose' && unit.kind !== 'unknown') continue;
    const first = unit.lines[0]!;
    const pieces = splitRunIn(first.raw);
    if (!pieces) continue;
    const base = first.position.start.offset ?? 0;
    const replaced: Unit[] = [];
    for (const piece of pieces) {
      const line = lineFromRange(source, base + piece.start, base + piece.end, starts);
      if (line) replaced.push({ ...unit, lines: [line], text: line.text, kind: piece.cls.kind, cls: piece.cls, start: base + piece.start, end: base + piece.end, wholeBlock: false });
    }
    const rest = unit.lines.slice(1);
    if (rest.length > 0) {
      const text = rest.map((l) => l.text).join(' ');
      replaced.push({ ...unit, lines: rest, text, kind: 'prose', cls: { kind: 'prose' }, start: rest[0]!.position.start.offset ?? 0, wholeBlock: false });
    }
    units.replace(i, replaced);
    break;
  }
  return units;
}

export function extract(tree: Root, file: VFile): Release {
  const source = String(file.value);
  const starts = lineStartOffsets(source);
  const yaml = tree.children.find((n): n is Yaml => n.type === 'yaml');
  const frontMatter: FrontMatter = yaml ? readFrontMatter(yaml, file) : {};

  const content = tree.children.filter((n) => n.type !== 'yaml');
  const blocks = content.map((node, i) => toBlock(node, i, source, starts)).filter((b): b is Block => b !== undefined);
  const units = buildUnits(blocks, source, starts);

  const header = readHeader(units, { statedTitle: frontMatter.title?.value ?? undefined });
  header.bodyOffset = withLeadingImages(blocks, header.bodyOffset, header.bodyUnit > 0 ? (units.at(header.bodyUnit - 1)?.end ?? 0) : 0);
  const tail = readTail(blocks, header.bodyOffset, source, starts);
  const bodyEnd = Math.max(header.bodyOffset, tail.bodyEnd);
  const bodyNodes: RootContent[] = [];
  for (const node of content) {
    const ranges = tail.cut ? [[header.bodyOffset, tail.cut.start], [tail.cut.end, bodyEnd]] : [[header.bodyOffset, bodyEnd]];
    for (const [from, to] of ranges) {
      const piece = cutNode(node, from!, to!, source, starts);
      if (piece && !(piece.type === 'thematicBreak' && bodyNodes.length === 0)) bodyNodes.push(piece);
    }
  }
  const body: Root = { type: 'root', children: bodyNodes };
  const firstNode = bodyNodes[0];
  const lastNode = bodyNodes[bodyNodes.length - 1];
  if (firstNode?.position && lastNode?.position) body.position = { start: firstNode.position.start, end: lastNode.position.end };

  const sources: Partial<Record<SourcedField, FieldSource>> = {};
  const fromText = (field: HeaderField, f: Found | undefined): string | null => {
    if (!f) return null;
    sources[field] = { origin: 'text', position: f.position };
    return f.value;
  };

  // By node, not by search: a search per body node is quadratic in long documents.
  const blockOf = new Map(blocks.map((b) => [b.node, b]));
  const bodyText = bodyNodes.map((n) => blockOf.get(n)?.text ?? plain(n)).join('\n');
  const release: Release = {
    title: fromText('title', header.title),
    subtitle: fromText('subtitle', header.subtitle),
    type: fromText('type', header.type),
    issuer: fromText('issuer', header.issuer),
    organization: fromText('organization', header.organization),
    location: fromText('location', header.location),
    date: null,
    release: fromText('release', header.release),
    language: 'en',
    endMark: fromText('endMark', tail.endMark),
    contact: fromText('contact', tail.contact),
    embargo: null,
    dateline: null,
    body,
    sources,
    stats: computeStats(body),
    mentions: { people: [], organizations: [], places: [] },
    quotes: [],
    images: listImages(body),
    brand: null,
  };

  // A dateline opening the body gives the place (and date) when the header did not.
  const firstUnit = units.at(header.bodyUnit);
  const dateline = firstUnit && firstUnit.start >= header.bodyOffset && firstUnit.kind !== 'attribution' ? readDateline(firstUnit.lines[0]) : undefined;
  if (dateline) {
    release.dateline = dateline.text;
    if (!release.location) {
      release.location = dateline.place;
      sources.location = { origin: 'text', position: dateline.placePosition };
    }
  }

  let dateFound = header.date ? { ...header.date.found, position: header.date.position } : undefined;
  if (!dateFound && dateline?.date) dateFound = { index: 0, ...dateline.date };
  if (dateFound?.iso) {
    release.date = dateFound.iso;
    sources.date = { origin: 'text', position: dateFound.position };
  } else if (dateFound?.ambiguity && !frontMatter.date) {
    report(file, 'ambiguous-date', `Date ${dateFound.ambiguity}; set \`date\` in front matter to state it`, dateFound.position);
  }

  // A language the front matter states wins (applyFrontMatter): then there is nothing to detect.
  release.language = frontMatter.language?.value ?? detectLanguage(bodyText || release.title || '', 'en');
  sources.language = { origin: 'detected' };

  readEmbargoLine(release, header.release, file);
  applyFrontMatter(release, frontMatter);

  release.mentions = findMentions(bodyText, release.language, header.bylinePeople, release.location ? [release.location] : []);
  const paragraphs = bodyNodes.map((n) => ({ text: blockOf.get(n)?.text ?? plain(n), position: n.position }));
  release.quotes = findQuotes(paragraphs, release.language, release.mentions.people);

  if (release.contact && sources.contact?.origin === 'text') {
    const cut = truncation(tail.contactFull ?? release.contact);
    if (cut) report(file, 'truncated-contact', `Contact line ${cut}: the address or number after it seems to be cut off`, sources.contact.position);
  }
  if (!release.title) report(file, 'missing-title', 'No headline found; add a first line or `title` in front matter', header.title?.position ?? START);
  if (!release.date && !dateFound?.ambiguity) {
    report(file, 'missing-date', 'No release date found in the header or dateline; add a date line or `date` in front matter', START);
  }
  return release;
}

/** Whether a block shows an image (a figure without alt text has no text lines, yet is content). */
function hasImage(node: RootContent): boolean {
  return someNode(node, (n) => n.type === 'image' || n.type === 'imageReference');
}

/**
 * The body starts at its first unit of text; an image without alt text just
 * before it, after the header, has no text to be a unit of, and would be
 * dropped: the body starts there instead.
 */
function withLeadingImages(blocks: readonly Block[], bodyOffset: number, headerEnd: number): number {
  const first = blocks.find((b) => b.lines.length === 0 && startOf(b) >= headerEnd && startOf(b) < bodyOffset && hasImage(b.node));
  return first ? startOf(first) : bodyOffset;
}

function plain(node: RootContent): string {
  if (node.type === 'html') return '';
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node.children as RootContent[]).map(plain).join(node.type === 'paragraph' || node.type === 'heading' ? '' : '\n');
  return '';
}

/** A release line that states an embargo ("EMBARGOED UNTIL …") gives the record's `embargo`. */
function readEmbargoLine(release: Release, line: Found | undefined, file: VFile): void {
  if (!line) return;
  const text = embargoLineText(line.value);
  if (text === undefined) return;
  const iso = parseEmbargo(text);
  if (!iso) {
    report(file, 'invalid-embargo', `The embargo line "${line.value}" states no full date that can be read; the press room cannot hold this release back. Write it as "EMBARGOED UNTIL 10:00 EST, March 3, 2026", or set \`embargo\` in front matter`, line.position);
    return;
  }
  release.embargo = iso;
  release.sources.embargo = { origin: 'text', position: line.position };
}

/** Front matter wins over what the text says, field by field. */
function applyFrontMatter(release: Release, frontMatter: FrontMatter): void {
  const embargo = frontMatter.embargo;
  if (embargo) {
    release.embargo = embargo.value;
    release.sources.embargo = { origin: 'front-matter', ...(embargo.position ? { position: embargo.position } : {}) };
  }
  if (frontMatter.brand) stateBrand(release, frontMatter.brand.values, 'front-matter', frontMatter.brand.positions);
  for (const field of HEADER_FIELDS) {
    const stated = frontMatter[field];
    if (!stated) continue;
    if (field === 'language') release.language = stated.value ?? release.language;
    else release[field] = stated.value;
    release.sources[field] = { origin: 'front-matter', ...(stated.position ? { position: stated.position } : {}) };
  }
}
