/**
 * Body headings move down just far enough that the release's title stays the
 * only first-level heading (one <h1>, one top outline entry, one H1 tag): a
 * body that starts at `#` moves down one level, one that starts at `##` stays.
 * Shifting every body by one would leave a gap (H1 → H3) that screen readers
 * and PDF/UA checkers report as a skipped level.
 */
import type { RootContent } from 'mdast';

function minDepth(nodes: readonly RootContent[]): number {
  let min = 7;
  for (const node of nodes) {
    if (node.type === 'heading') min = Math.min(min, node.depth);
    else if ('children' in node && node.type !== 'paragraph') min = Math.min(min, minDepth(node.children as RootContent[]));
  }
  return min;
}

function shift(nodes: readonly RootContent[], by: number): RootContent[] {
  return nodes.map((node) => {
    if (node.type === 'heading') return { ...node, depth: Math.min(6, node.depth + by) as 1 | 2 | 3 | 4 | 5 | 6 };
    if ('children' in node && node.type !== 'paragraph') {
      return { ...node, children: shift(node.children as RootContent[], by) } as RootContent;
    }
    return node;
  });
}

export function demoteHeadings(nodes: readonly RootContent[]): RootContent[] {
  const by = Math.max(0, 2 - minDepth(nodes));
  return by === 0 ? [...nodes] : shift(nodes, by);
}
