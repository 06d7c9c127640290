/** What an HTML output contains, from a real HTML parser (parse5), not from regular expressions. */
import { parse } from 'parse5';

export interface HtmlFacts {
  tags: Set<string>;
  /** Attribute names seen anywhere. */
  attributes: Set<string>;
  /** Every URL-valued attribute (href, src, action…). */
  urls: string[];
  /** type attributes of <script> elements. */
  scriptTypes: string[];
  /** <img src> values that are base64 PNG or JPEG data: handout's own embedded images (kept out of `urls`). */
  embedded: string[];
}

interface Node5 {
  nodeName: string;
  tagName?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Node5[];
  content?: Node5;
}

/** The only data: URL a handout may hold: an image handout read, sniffed and encoded itself. */
const EMBEDDED = /^data:image\/(?:png|jpeg);base64,[A-Za-z0-9+/]+={0,2}$/u;

const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'srcset', 'poster', 'data', 'background', 'cite']);

export function htmlFacts(html: string): HtmlFacts {
  const facts: HtmlFacts = { tags: new Set(), attributes: new Set(), urls: [], scriptTypes: [], embedded: [] };
  const stack: Node5[] = [parse(html) as unknown as Node5];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.tagName) {
      facts.tags.add(node.tagName);
      for (const a of node.attrs ?? []) {
        facts.attributes.add(a.name);
        if (node.tagName === 'img' && a.name === 'src' && EMBEDDED.test(a.value)) facts.embedded.push(a.value);
        else if (URL_ATTRIBUTES.has(a.name)) facts.urls.push(a.value);
      }
      if (node.tagName === 'script') facts.scriptTypes.push(node.attrs?.find((a) => a.name === 'type')?.value ?? '');
    }
    stack.push(...(node.childNodes ?? []));
    if (node.content) stack.push(node.content);
  }
  return facts;
}

/** Elements the template and the sanitizer may produce; anything else came from input. */
export const ALLOWED_TAGS = new Set([
  'html', 'head', 'body', 'meta', 'title', 'style', 'script', 'main', 'article', 'header', 'footer', 'div', 'section', 'p', 'h1', 'h2',
  'h3', 'h4', 'h5', 'h6', 'a', 'em', 'strong', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'br', 'hr', 'img', 'table', 'thead', 'tbody',
  'tr', 'th', 'td', 'del', 'span', 'time', 'address', 'sup', 'sub', 'nav', 'dl', 'dt', 'dd', 'input', 'section', 'abbr', 'kbd', 'figure',
  'figcaption',
]);

/** The page is safe: known elements only, no event handlers, no script URLs, the JSON-LD the only script. */
export function unsafeParts(html: string): string[] {
  const facts = htmlFacts(html);
  const problems: string[] = [];
  for (const tag of facts.tags) if (!ALLOWED_TAGS.has(tag)) problems.push(`element <${tag}>`);
  for (const name of facts.attributes) if (/^on/iu.test(name)) problems.push(`attribute ${name}`);
  for (const url of facts.urls) if (/^\s*(javascript|vbscript|data):/iu.test(url.replace(/[\u0000-\u0020]/gu, ''))) problems.push(`URL ${url}`);
  for (const type of facts.scriptTypes) if (type !== 'application/ld+json') problems.push(`script type "${type}"`);
  if (facts.scriptTypes.length > 1) problems.push(`${facts.scriptTypes.length} scripts`);
  return problems;
}

/** The attributes of every element with `tagName` and `className`, in document order, as the browser reads them (entities decoded). */
export function attributesOfAll(html: string, tagName: string, className: string): Record<string, string>[] {
  const found: Record<string, string>[] = [];
  const visit = (node: Node5): void => {
    const attrs = Object.fromEntries((node.attrs ?? []).map((a) => [a.name, a.value]));
    if (node.tagName === tagName && (attrs['class'] ?? '').split(/\s+/u).includes(className)) found.push(attrs);
    for (const child of node.childNodes ?? []) visit(child);
  };
  visit(parse(html) as unknown as Node5);
  return found;
}

/** The attributes of the first element with `tagName` and `className`, or undefined. */
export function attributesOf(html: string, tagName: string, className: string): Record<string, string> | undefined {
  return attributesOfAll(html, tagName, className)[0];
}
