/**
 * The release's own images, embedded after sanitizing: the sanitizer drops
 * every `data:` URL a source writes, so only what handout read, sniffed and
 * measured itself becomes a `data:` image (the page's CSP allows nothing
 * else). A figure (an image alone in its paragraph, see media/figures.ts)
 * becomes <figure> with the Markdown title as <figcaption>; width and height
 * come from the file, so the page does not shift as it loads. What is not
 * embedded is left for linkRemoteImages to turn into a labelled link or text.
 */
import type { Element, ElementContent, Root } from 'hast';
import type { Image, Root as MdastRoot } from 'mdast';
import { walk } from '../../walk.js';
import { dataUri, type LoadedImage } from '../../media/image.js';
import { altOf, captionOf, imagesOf } from '../../media/figures.js';
import type { ReleaseMedia } from '../../media/release-images.js';

/** Hast nodes keep their mdast node's position: the key back to the image as written. */
const keyOf = (node: { position?: { start: { line: number; column: number } } | undefined }): string | undefined =>
  node.position ? `${node.position.start.line}:${node.position.start.column}` : undefined;

const isBlank = (node: ElementContent): boolean => node.type === 'text' && node.value.trim() === '';

export function embedImages(tree: Root, body: MdastRoot, media: ReleaseMedia): Root {
  if (media.size === 0) return tree;
  const written = new Map<string, Image>();
  for (const image of imagesOf(body)) {
    const key = keyOf(image);
    if (key) written.set(key, image);
  }
  const uris = new Map<LoadedImage, string>();
  walk(tree, (node, holder, index) => {
    if (node.type !== 'element' || (node as Element).tagName !== 'img' || !holder || index === undefined) return;
    const parent = holder as Root | Element;
    const key = keyOf(node);
    const image = key ? written.get(key) : undefined;
    const loaded = image ? media.get(image.url) : undefined;
    if (!image || !loaded) return;
    let uri = uris.get(loaded);
    if (uri === undefined) uris.set(loaded, (uri = dataUri(loaded)));
    const img: Element = { type: 'element', tagName: 'img', properties: { src: uri, alt: altOf(image), width: loaded.width, height: loaded.height }, children: [] };
    parent.children.splice(index, 1, img);
    // An image alone in its paragraph is a figure: <p> cannot hold <figure>, so the <p> is replaced.
    if (parent.type !== 'element' || parent.tagName !== 'p' || !parent.children.every((c) => c === img || isBlank(c))) return;
    const caption = captionOf(image);
    const figure = parent as Element;
    figure.tagName = 'figure';
    figure.properties = {};
    figure.children = [img, ...(caption ? [{ type: 'element', tagName: 'figcaption', properties: {}, children: [{ type: 'text', value: caption }] } satisfies Element] : [])];
  });
  return tree;
}
