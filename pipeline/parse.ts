/**
 * Source → mdast. One frozen processor, shared by every document and by the
 * PDF layout stage, so that body text and template Markdown parse alike.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { literalUnknownTags } from './literal-tags.js';

export const markdownProcessor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).freeze();

/** Parse a file's text into mdast with positions. Pure: it reads only `file.value`. */
export function parse(file: VFile): Root {
  return literalUnknownTags(markdownProcessor.parse(file));
}

/** Parse a Markdown string that is not a user document (template output). */
export function parseMarkdown(text: string): Root {
  return markdownProcessor.parse(text);
}
