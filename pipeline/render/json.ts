/**
 * The JSON record: the release's fields, the body as plain blocks with their
 * source positions, and the body's mdast for consumers that want structure.
 */
import { blockText } from '../block-text.js';
import type { Release, ReleaseJson } from '../release.js';

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
