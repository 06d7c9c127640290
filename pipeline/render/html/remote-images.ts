/**
 * A handout is one self-contained file that never fetches anything (its CSP
 * allows only data: images). An image that points elsewhere would be blocked
 * and show as broken, or act as a tracking pixel where the CSP is stripped, so
 * it becomes a plain link to the image instead, labelled with its alt text:
 * "[Image: alt]", with "Image" in the release's language ("[Imagen: …]").
 */
import type { Element, ElementContent, Root } from 'hast';
import { walk } from '../../walk.js';
import { imageLabel } from '../../media/figures.js';

/** `image` is the word for an image in the release's language (the `image` string). */
export function linkRemoteImages(tree: Root, image: string): Root {
  walk(tree, (node, parent, index) => {
    if (node.type !== 'element' || (node as Element).tagName !== 'img' || !parent || index === undefined) return;
    const img = node as Element;
    const src = typeof img.properties['src'] === 'string' ? img.properties['src'] : '';
    if (src.startsWith('data:image/')) return;
    const alt = typeof img.properties['alt'] === 'string' ? img.properties['alt'].trim() : '';
    const label: ElementContent = { type: 'text', value: imageLabel(image, alt) };
    const replacement: Element = /^https?:\/\//iu.test(src)
      ? { type: 'element', tagName: 'a', properties: { href: src }, children: [label] }
      : { type: 'element', tagName: 'span', properties: {}, children: [label] };
    parent.children.splice(index, 1, replacement);
  });
  return tree;
}
