/**
 * Body mdast → safe HTML through the unified ecosystem: mdast → hast, then a
 * sanitizer (raw HTML is dropped, `javascript:` and other unsafe URLs removed),
 * then serialization. Body headings move one level down so the page keeps a
 * single <h1>, the release's title.
 */
import type { Root as MdastRoot, RootContent } from 'mdast';
import type { Root as HastRoot } from 'hast';
import { toHast } from 'mdast-util-to-hast';
import { sanitize, defaultSchema, type Schema } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';

const schema: Schema = {
  ...defaultSchema,
  // Footnote and heading ids keep their text; the prefix guards against DOM clobbering.
  clobberPrefix: 'body-',
};

function demoteHeadings(nodes: readonly RootContent[]): RootContent[] {
  return nodes.map((node) => {
    if (node.type === 'heading') return { ...node, depth: Math.min(6, node.depth + 1) as 1 | 2 | 3 | 4 | 5 | 6 };
    if ('children' in node && node.type !== 'paragraph') {
      return { ...node, children: demoteHeadings(node.children as RootContent[]) } as RootContent;
    }
    return node;
  });
}

export function bodyToHast(body: MdastRoot): HastRoot {
  const mdast: MdastRoot = { type: 'root', children: demoteHeadings(body.children) };
  const hast = toHast(mdast, { allowDangerousHtml: false }) as HastRoot;
  return sanitize(hast, schema) as HastRoot;
}

export function bodyToHtml(body: MdastRoot): string {
  return toHtml(bodyToHast(body));
}
