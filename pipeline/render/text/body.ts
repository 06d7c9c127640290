/**
 * Body mdast → wire text: paragraphs wrapped by display width, lists with
 * hanging indents, quotes marked with "> ", links as "text (url)", images as
 * "[Photo: alt — caption]" ("Photo" in the release's language: "[Foto: …]",
 * "[写真: …]"), each on its own line where it stands in the body (see
 * media/figures.ts). Raw HTML keeps only its text.
 */
import type { Nodes, PhrasingContent, Root, RootContent, ListItem } from 'mdast';
import { stringWidth, wrapParagraph } from '../wrap.js';
import { altOf, captionOf, figureImage, imageLabel, isolateImages } from '../../media/figures.js';

export interface TextOptions {
  width: number;
  /** "Photo" in the release's language (the `photo` string). */
  photo: string;
}

/** Raw HTML in a text copy: scripts and styles are not prose; other tags go, their text stays. */
function htmlText(html: string): string {
  return html
    .replace(/<(script|style|template)\b[\s\S]*?(<\/\1\s*>|$)/giu, '')
    .replace(/<br\s*\/?>/giu, '\n')
    .replace(/<[^>]*>/gu, '');
}

/** Only URLs a reader can follow are printed; `javascript:` and the like are dropped. */
function printableUrl(url: string): string | undefined {
  return /^(https?:|mailto:|tel:)/iu.test(url.trim()) ? url.trim() : undefined;
}

const OPENS_HIDDEN = /^<(script|style|template)\b[^>]*>$/iu;

function phrasing(nodes: readonly PhrasingContent[], o: TextOptions): string {
  let out = '';
  // Inline <script>…</script> arrives as separate nodes: skip what lies between.
  let hidden: string | undefined;
  for (const node of nodes) {
    if (hidden) {
      if (node.type === 'html' && new RegExp(`^</${hidden}\\s*>$`, 'iu').test(node.value.trim())) hidden = undefined;
      continue;
    }
    if (node.type === 'html') {
      const open = OPENS_HIDDEN.exec(node.value.trim());
      if (open) {
        hidden = open[1]!.toLowerCase();
        continue;
      }
    }
    switch (node.type) {
      case 'text':
        out += node.value;
        break;
      case 'inlineCode':
        out += node.value;
        break;
      case 'break':
        out += '\n';
        break;
      case 'html':
        out += htmlText(node.value);
        break;
      case 'link': {
        const text = phrasing(node.children, o);
        const url = printableUrl(node.url);
        out += !url || text === url || `mailto:${text}` === url ? text : `${text} (${url})`;
        break;
      }
      case 'image':
        out += imageLabel(o.photo, altOf(node), captionOf(node));
        break;
      case 'imageReference':
        out += imageLabel(o.photo, altOf(node));
        break;
      case 'footnoteReference':
        out += `[${node.label ?? node.identifier}]`;
        break;
      default:
        if ('children' in node) out += phrasing(node.children as PhrasingContent[], o);
        else if ('value' in node) out += String((node as { value: unknown }).value);
    }
  }
  return out;
}

function wrapLines(text: string, width: number, first: string, rest: string): string[] {
  const lines: string[] = [];
  text.split('\n').forEach((segment, i) => {
    lines.push(...wrapParagraph(segment, { width, firstIndent: i === 0 ? first : rest, indent: rest }));
  });
  return lines;
}

/**
 * Preformatted lines keep their spacing, so they cannot be reflowed; one
 * wider than the line is folded at the width (continuations marked "\").
 */
function foldLine(line: string, width: number, prefix: string): string[] {
  const out: string[] = [];
  let current = prefix;
  for (const char of line) {
    if (stringWidth(current + char) > width - 1 && current.trim() !== '') {
      out.push(`${current}\\`);
      current = prefix;
    }
    current += char;
  }
  out.push(current.trimEnd());
  return out;
}

function listItem(item: ListItem, marker: string, o: TextOptions, indent: string): string[] {
  const hang = indent + ' '.repeat(marker.length + 1);
  const lines: string[] = [];
  item.children.forEach((child, i) => {
    if (i > 0) lines.push('');
    lines.push(...block(child, o, i === 0 ? `${indent}${marker} ` : hang, hang));
  });
  return lines;
}

function block(node: RootContent | Nodes, o: TextOptions, first = '', rest = first): string[] {
  const width = o.width;
  switch (node.type) {
    case 'paragraph':
    case 'heading':
      return wrapLines(phrasing(node.children, o).trim(), width, first, rest);
    case 'blockquote':
      return blocks(node.children, o, `${rest}> `);
    case 'list': {
      const lines: string[] = [];
      const start = node.start ?? 1;
      node.children.forEach((item, i) => {
        if (i > 0 && node.spread) lines.push('');
        const marker = node.ordered ? `${start + i}.` : '-';
        lines.push(...listItem(item, marker, o, first === rest ? rest : first));
      });
      return lines;
    }
    case 'code':
      return node.value.split('\n').flatMap((l) => foldLine(l, width, `${rest}    `));
    case 'thematicBreak':
      return [`${rest}* * *`];
    case 'html': {
      const text = htmlText(node.value).trim();
      return text ? wrapLines(text, width, first, rest) : [];
    }
    case 'table':
      return node.children.flatMap((row) => wrapParagraph(row.children.map((cell) => phrasing(cell.children, o).trim()).join(' | '), { width, firstIndent: rest, indent: `${rest}  ` }));
    default:
      if ('children' in node) return blocks(node.children as RootContent[], o, rest);
      return [];
  }
}

function blocks(nodes: readonly RootContent[], o: TextOptions, prefix: string): string[] {
  const out: string[] = [];
  for (const node of nodes) {
    const lines = block(node, o, prefix, prefix);
    if (lines.length === 0) continue;
    if (out.length > 0) out.push(prefix.trimEnd());
    out.push(...lines);
  }
  return out;
}

/** The body as wire text. `lead` (a dateline) is set before the first paragraph's text. */
export function bodyToText(body: Root, options: TextOptions & { lead?: string }): string {
  const children = [...isolateImages(body).children];
  const first = children[0];
  // A dateline never runs into a photo line: it opens the first paragraph of text.
  if (options.lead && first?.type === 'paragraph' && !figureImage(first)) {
    children[0] = { ...first, children: [{ type: 'text', value: `${options.lead} ` }, ...first.children] };
  } else if (options.lead) {
    children.unshift({ type: 'paragraph', children: [{ type: 'text', value: options.lead }] });
  }
  return blocks(children, options, '').join('\n');
}
