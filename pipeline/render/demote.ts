/**
 * Body headings move one level down in every output, so the release's title
 * stays the only first-level heading (one <h1>, one top outline entry).
 */
import type { RootContent } from 'mdast';

export function demoteHeadings(nodes: readonly RootContent[]): RootContent[] {
  return nodes.map((node) => {
    if (node.type === 'heading') return { ...node, depth: Math.min(6, node.depth + 1) as 1 | 2 | 3 | 4 | 5 | 6 };
    if ('children' in node && node.type !== 'paragraph') {
      return { ...node, children: demoteHeadings(node.children as RootContent[]) } as RootContent;
    }
    return node;
  });
}
