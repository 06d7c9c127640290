/**
 * The PDF's layout Markdown: pdf.md.hbs renders the record (user text escaped
 * for Markdown), and the result is parsed by remark with directives, so the
 * template can name blocks (`:::letterhead`, `:::contact`) for the typesetter.
 */
import type { Root } from 'mdast';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkDirective from 'remark-directive';
import { toMarkdown } from 'mdast-util-to-markdown';
import { directiveToMarkdown } from 'mdast-util-directive';
import type { Release } from '../../release.js';
import { demoteHeadings } from '../demote.js';
import { isolateImages } from '../../media/figures.js';
import { SafeString } from '../handlebars.js';
import type { TemplateSet } from '../templates.js';
import { toView, type ViewOptions } from '../view.js';

const layoutProcessor = unified().use(remarkParse).use(remarkDirective).freeze();

/**
 * The body as Markdown. The directive extension makes the serializer escape
 * text that would otherwise read as a directive (":::" in a user's text).
 */
export function bodyToMarkdown(body: Root): string {
  // Figures stand alone in their paragraphs, so the typesetter sets each as a block.
  const tree: Root = { type: 'root', children: demoteHeadings(isolateImages(body).children.filter((n) => n.type !== 'html' && n.type !== 'yaml')) };
  return toMarkdown(tree, { extensions: [directiveToMarkdown()], bullet: '-', emphasis: '_', rule: '-' });
}

export function layoutMarkdown(release: Release, templates: TemplateSet, options: ViewOptions = {}): string {
  const view = toView(release, options);
  return templates.pdf({ ...view, body: new SafeString(bodyToMarkdown(release.body)) }, { partials: templates.partials.markdown });
}

export function layoutTree(markdown: string): Root {
  return layoutProcessor.parse(markdown);
}
