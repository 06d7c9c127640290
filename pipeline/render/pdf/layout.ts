/**
 * The PDF's layout Markdown: pdf.md.hbs renders the record (user text escaped
 * for Markdown), and the result is parsed by remark with directives, so the
 * template can name blocks (`:::letterhead`, `:::contact`) for the typesetter.
 * The body is not in that Markdown: its own tree is spliced in (see BODY_MARKER).
 */
import type { Root, RootContent } from 'mdast';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkDirective from 'remark-directive';
import type { Release } from '../../release.js';
import { demoteHeadings } from '../demote.js';
import { isolateImages } from '../../media/figures.js';
import { SafeString } from '../handlebars.js';
import type { TemplateSet } from '../templates.js';
import { toView, type ViewOptions } from '../view.js';

const layoutProcessor = unified().use(remarkParse).use(remarkDirective).freeze();

/**
 * Where the body goes. The template prints `{{body}}` as this leaf directive,
 * and the body's own tree takes its place after parsing: the body was parsed
 * once already, and serialising it to Markdown only to parse it again cost an
 * eighth of the PDF step. User text cannot spell the marker, since every field
 * the template prints is escaped for Markdown, and the body is no longer in
 * the layout Markdown at all.
 */
const BODY_MARKER = 'handout-body';

/** The body's blocks as the PDF sets them: figures on their own, raw HTML and front matter dropped, headings demoted below the title. */
export function bodyBlocks(body: Root): RootContent[] {
  return demoteHeadings(isolateImages(body).children.filter((n) => n.type !== 'html' && n.type !== 'yaml'));
}

/** The layout Markdown, with the body's place marked (see `layoutTree`). */
export function layoutMarkdown(release: Release, templates: TemplateSet, options: ViewOptions = {}): string {
  const view = toView(release, options);
  return templates.pdf({ ...view, body: new SafeString(`\n::${BODY_MARKER}\n`) }, { partials: templates.partials.markdown });
}

/** Parse the layout Markdown and put the body's blocks where the template printed `{{body}}`. */
export function layoutTree(markdown: string, body: readonly RootContent[] = []): Root {
  const tree = layoutProcessor.parse(markdown);
  tree.children = tree.children.flatMap((node) => (node.type === 'leafDirective' && node.name === BODY_MARKER ? [...body] : [node]));
  return tree;
}
