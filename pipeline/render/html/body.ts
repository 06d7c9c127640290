/**
 * Body mdast → safe HTML through the unified ecosystem: mdast → hast, then a
 * sanitizer (raw HTML is dropped, `javascript:` and other unsafe URLs removed),
 * then serialization. Body headings move one level down so the page keeps a
 * single <h1>, the release's title.
 */
import type { Root as MdastRoot } from 'mdast';
import type { Root as HastRoot } from 'hast';
import { toHast } from 'mdast-util-to-hast';
import { sanitize, defaultSchema, type Schema } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { demoteHeadings } from '../demote.js';
import { linkRemoteImages } from './remote-images.js';

const schema: Schema = {
  ...defaultSchema,
  // Footnote and heading ids keep their text; the prefix guards against DOM clobbering.
  clobberPrefix: 'body-',
};

export function bodyToHast(body: MdastRoot): HastRoot {
  const mdast: MdastRoot = { type: 'root', children: demoteHeadings(body.children) };
  const hast = toHast(mdast, { allowDangerousHtml: false }) as HastRoot;
  return linkRemoteImages(sanitize(hast, schema) as HastRoot);
}

export function bodyToHtml(body: MdastRoot): string {
  return toHtml(bodyToHast(body));
}
