/**
 * The JSON record: the release's fields, the body as plain blocks with their
 * source positions, and the body's mdast for consumers that want structure.
 */
import type { Nodes } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Release, ReleaseJson } from '../release.js';

/** Nodes whose children are words (phrasing), which run together as written. */
const PHRASING_HOLDERS = new Set(['paragraph', 'heading', 'tableCell']);

/**
 * A block's text on one line. The words of a paragraph run together as
 * written, but separate blocks (list items, quoted paragraphs, table cells)
 * are joined with a space: mdast-util-to-string alone would glue the last word
 * of one item to the first of the next ("firstSecond").
 */
export function blockText(node: Nodes): string {
  if (!('children' in node) || PHRASING_HOLDERS.has(node.type)) return toString(node, { includeHtml: false });
  return (node.children as Nodes[]).map(blockText).join(' ');
}

export function toReleaseJson(release: Release): ReleaseJson {
  const { body, ...fields } = release;
  return {
    ...fields,
    body: body.children.map((node) => ({
      type: node.type,
      text: blockText(node).replace(/\s+/gu, ' ').trim(),
      ...(node.position ? { position: node.position } : {}),
    })),
    bodyTree: body,
  };
}

export function renderJson(release: Release): string {
  return `${JSON.stringify(toReleaseJson(release), null, 2)}\n`;
}
