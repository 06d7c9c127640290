/**
 * Angle-bracketed words that are not HTML elements ("Acme <Widget> 2.0",
 * "<Name>") are text that happens to look like a tag. CommonMark reads them as
 * raw HTML, which would then be dropped from every output; this turns them
 * back into text so they are printed (escaped) like any other words.
 */
import type { Parent, Root, RootContent } from 'mdast';
import { htmlTagNames } from 'html-tag-names';

const KNOWN = new Set(htmlTagNames);
const TAG = /^<\/?([A-Za-z][A-Za-z0-9-]*)(?=[\s/>])[^>]*>$/u;

function isLiteral(value: string): boolean {
  const m = TAG.exec(value.trim());
  if (!m) return false;
  const name = m[1]!.toLowerCase();
  // Custom elements (with a dash) are real HTML; other unknown names are text.
  return !KNOWN.has(name) && !name.includes('-');
}

/** Iterative, so that a deeply nested tree cannot overflow the stack here. */
export function literalUnknownTags(tree: Root): Root {
  const stack: Parent[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    node.children = node.children.map((child) => {
      if (child.type === 'html' && isLiteral(child.value)) {
        const text = { type: 'text', value: child.value, ...(child.position ? { position: child.position } : {}) };
        return text as RootContent;
      }
      if ('children' in child) stack.push(child as Parent);
      return child;
    }) as Parent['children'];
  }
  return tree;
}
