/**
 * mdast → Release. A pure function of the tree and the file's text: the only
 * side effect is messages on the VFile.
 */
import type { Root, RootContent, Yaml } from 'mdast';
import type { Position } from 'unist';
import type { VFile } from 'vfile';
import { report } from '../diagnostics.js';
import { HEADER_FIELDS, type FieldSource, type HeaderField, type Release } from '../release.js';
import { readDateline } from './dateline.js';
import { isContact, isEndMark, truncation } from './end-matter.js';
import { readFrontMatter, type FrontMatter } from './front-matter.js';
import { readHeader, type Found } from './header.js';
import { detectLanguage } from './language.js';
import { lineStartOffsets, toBlock, type Block } from './lines.js';
import { computeStats } from './stats.js';

export { collapse } from './lines.js';

const START: Position = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };

interface Tail {
  endMark?: Found;
  contact?: Found;
  /** Index of the first block after the body. */
  bodyEnd: number;
}

/** End mark and contact, from the end backwards, in either order. */
function readTail(blocks: readonly Block[], from: number): Tail {
  const tail: Tail = { bodyEnd: blocks.length };
  for (let i = blocks.length - 1; i >= from; i--) {
    const block = blocks[i]!;
    if (!tail.endMark && isEndMark(block)) {
      tail.endMark = { value: block.raw, position: block.node.position ?? START };
    } else if (!tail.contact && isContact(block)) {
      tail.contact = { value: block.text, position: block.node.position ?? START };
    } else if (block.lines.length > 0 || block.node.type !== 'thematicBreak') {
      break;
    }
    tail.bodyEnd = i;
  }
  return tail;
}

export function extract(tree: Root, file: VFile): Release {
  const source = String(file.value);
  const starts = lineStartOffsets(source);
  const yaml = tree.children.find((n): n is Yaml => n.type === 'yaml');
  const frontMatter: FrontMatter = yaml ? readFrontMatter(yaml, file) : {};

  const content = tree.children.filter((n) => n.type !== 'yaml');
  const blocks = content.map((node, i) => toBlock(node, i, source, starts)).filter((b): b is Block => b !== undefined);

  const header = readHeader(blocks, { statedTitle: frontMatter.title?.value ?? undefined });
  const tail = readTail(blocks, header.bodyStart);
  const bodyBlocks = blocks.slice(header.bodyStart, Math.max(header.bodyStart, tail.bodyEnd));
  const bodyNodes: RootContent[] = bodyBlocks.map((b) => b.node);
  const body: Root = { type: 'root', children: bodyNodes };
  const firstNode = bodyNodes[0];
  const lastNode = bodyNodes[bodyNodes.length - 1];
  if (firstNode?.position && lastNode?.position) body.position = { start: firstNode.position.start, end: lastNode.position.end };

  const sources: Partial<Record<HeaderField, FieldSource>> = {};
  const fromText = (field: HeaderField, f: Found | undefined): string | null => {
    if (!f) return null;
    sources[field] = { origin: 'text', position: f.position };
    return f.value;
  };

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
    dateline: null,
    body,
    sources,
    stats: computeStats(body),
  };

  // A dateline opening the body gives the place (and date) when the header did not.
  const firstBody = bodyBlocks[0];
  const dateline = firstBody?.node.type === 'paragraph' ? readDateline(firstBody.lines[0]) : undefined;
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

  const bodyText = bodyBlocks.map((b) => b.text).join('\n');
  release.language = detectLanguage(bodyText || release.title || '', 'en');
  sources.language = { origin: 'detected' };

  applyFrontMatter(release, frontMatter);

  if (release.contact && sources.contact?.origin === 'text') {
    const cut = truncation(release.contact);
    if (cut) report(file, 'truncated-contact', `Contact line ${cut}: the address or number after it seems to be cut off`, sources.contact.position);
  }
  if (!release.title) report(file, 'missing-title', 'No headline found; add a first line or `title` in front matter', header.title?.position ?? START);
  if (!release.date && !dateFound?.ambiguity) {
    report(file, 'missing-date', 'No release date found in the header or dateline; add a date line or `date` in front matter', START);
  }
  return release;
}

/** Front matter wins over what the text says, field by field. */
function applyFrontMatter(release: Release, frontMatter: FrontMatter): void {
  for (const field of HEADER_FIELDS) {
    const stated = frontMatter[field];
    if (!stated) continue;
    if (field === 'language') release.language = stated.value ?? release.language;
    else release[field] = stated.value;
    release.sources[field] = { origin: 'front-matter', ...(stated.position ? { position: stated.position } : {}) };
  }
}
