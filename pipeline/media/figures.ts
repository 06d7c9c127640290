/**
 * Images in a Markdown body, as the renderers set them. An image that is a
 * direct child of a paragraph is a figure: the paragraph is split around it,
 * so it stands on its own (a <figure> in HTML, a block in the PDF, a line of
 * its own in the wire copy) where it was written. `![alt][ref]` is resolved
 * through its definition first. Images inside links, headings or table cells
 * stay inline.
 */
import type { Definition, Image, ImageReference, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import type { Position } from 'unist';
import { walk } from '../walk.js';

/** Markdown's reference labels match case-insensitively, with white space collapsed. */
const normalise = (label: string): string => label.replace(/[\t\n\r ]+/gu, ' ').trim().toLowerCase();

/** The first definition of a label wins, as CommonMark says. */
function define(definitions: Map<string, Definition>, node: Definition): void {
  const key = normalise(node.identifier);
  if (!definitions.has(key)) definitions.set(key, node);
}

function definitionsOf(root: Root): Map<string, Definition> {
  const found = new Map<string, Definition>();
  walk(root, (node) => {
    if (node.type === 'definition') define(found, node as Definition);
  });
  return found;
}

function resolved(node: ImageReference, definitions: ReadonlyMap<string, Definition>): Image | undefined {
  const definition = definitions.get(normalise(node.identifier));
  if (!definition) return undefined;
  return { type: 'image', url: definition.url, alt: node.alt ?? null, title: definition.title ?? null, ...(node.position ? { position: node.position } : {}) };
}

const spanOf = (nodes: readonly PhrasingContent[]): Position | undefined => {
  const start = nodes[0]?.position?.start;
  const end = nodes[nodes.length - 1]?.position?.end;
  return start && end ? { start, end } : undefined;
};

const punctuation = (nodes: readonly PhrasingContent[]): boolean => nodes.every((n) => n.type === 'break' || (n.type === 'text' && /^[\s\p{P}]*$/u.test(n.value)));

const blank = (nodes: readonly PhrasingContent[]): boolean => nodes.every((n) => n.type === 'break' || (n.type === 'text' && n.value.trim() === ''));

function split(paragraph: Paragraph, definitions: () => ReadonlyMap<string, Definition>): Paragraph[] {
  const out: Paragraph[] = [];
  let run: PhrasingContent[] = [];
  const flush = (): void => {
    if (run.length > 0 && !blank(run)) {
      // "…shown here ![photo](p.jpg)." : the full stop ends the sentence before the figure, not a paragraph of its own.
      const before = out.findLast((p) => !figureImage(p));
      if (before && punctuation(run)) {
        // The space that stood before the image goes (a copy: the body's own nodes are not changed).
        const last = before.children[before.children.length - 1];
        if (last?.type === 'text') before.children[before.children.length - 1] = { ...last, value: last.value.trimEnd() };
        before.children.push(...run);
      }
      else {
        const position = spanOf(run);
        out.push({ type: 'paragraph', children: run, ...(position ? { position } : {}) });
      }
    }
    run = [];
  };
  for (const child of paragraph.children) {
    const image = child.type === 'image' ? child : child.type === 'imageReference' ? resolved(child, definitions()) : undefined;
    if (!image) {
      run.push(child);
      continue;
    }
    flush();
    out.push({ type: 'paragraph', children: [image], ...(image.position ? { position: image.position } : {}) });
  }
  flush();
  return out;
}

function isolate(nodes: readonly RootContent[], definitions: () => ReadonlyMap<string, Definition>): RootContent[] {
  return nodes.flatMap((node): RootContent[] => {
    if (node.type === 'paragraph') {
      const hasImage = node.children.some((c) => c.type === 'image' || c.type === 'imageReference');
      return hasImage ? split(node, definitions) : [node];
    }
    // Images inside lists and block quotes are figures of their own too.
    if (node.type === 'blockquote' || node.type === 'listItem' || node.type === 'footnoteDefinition') {
      return [{ ...node, children: isolate(node.children, definitions) } as RootContent];
    }
    if (node.type === 'list') return [{ ...node, children: node.children.map((item) => ({ ...item, children: isolate(item.children, definitions) as typeof item.children })) }];
    return [node];
  });
}

/** A copy of the body in which every figure image stands alone in its paragraph. The tree given is not changed. */
export function isolateImages(root: Root): Root {
  // Definitions are gathered only when a reference needs one: most bodies have none.
  let definitions: Map<string, Definition> | undefined;
  return { ...root, children: isolate(root.children, () => (definitions ??= definitionsOf(root))) };
}

/** The image a paragraph consists of (a figure, after isolateImages), or undefined. */
export function figureImage(paragraph: Paragraph): Image | undefined {
  const only = paragraph.children.length === 1 ? paragraph.children[0] : undefined;
  return only?.type === 'image' ? only : undefined;
}

/** Every image of the body in document order, references resolved (an undefined reference is no image). */
export function imagesOf(root: Root): Image[] {
  // One walk: a definition may come after the references that use it, so references are resolved after it.
  const definitions = new Map<string, Definition>();
  const written: (Image | ImageReference)[] = [];
  walk(root, (node) => {
    if (node.type === 'image' || node.type === 'imageReference') written.push(node as Image | ImageReference);
    else if (node.type === 'definition') define(definitions, node as Definition);
  });
  const images: Image[] = [];
  for (const node of written) {
    const image = node.type === 'image' ? node : resolved(node, definitions);
    if (image) images.push(image);
  }
  return images;
}

/** The alt text, white space collapsed ("" when none). */
export const altOf = (image: Pick<Image, 'alt'>): string => (image.alt ?? '').replace(/\s+/gu, ' ').trim();

/** The caption (the Markdown title), or null. */
export const captionOf = (image: Image): string | null => image.title?.replace(/\s+/gu, ' ').trim() || null;

/**
 * What stands for an image in text: "[Photo: alt — caption]", "[Image: alt]",
 * or "[Photo]" when nothing describes it. `word` is in the release's language.
 */
export function imageLabel(word: string, ...details: readonly (string | null | undefined)[]): string {
  const words = details.filter((w): w is string => !!w).join(' — ');
  return words ? `[${word}: ${words}]` : `[${word}]`;
}
