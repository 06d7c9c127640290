/**
 * Body mdast → safe HTML through the unified ecosystem: mdast → hast, then a
 * sanitizer (raw HTML is dropped, `javascript:` and other unsafe URLs removed),
 * then serialization. Body headings move one level down so the page keeps a
 * single <h1>, the release's title. The release's own images are embedded
 * after sanitizing (embed-images.ts); other images become links or labels.
 */
import type { Root as MdastRoot } from 'mdast';
import type { Root as HastRoot } from 'hast';
import { toHast } from 'mdast-util-to-hast';
import { sanitize, defaultSchema, type Schema } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { demoteHeadings } from '../demote.js';
import { linkRemoteImages } from './remote-images.js';
import { embedImages } from './embed-images.js';
import { isolateImages } from '../../media/figures.js';
import { ReleaseMedia } from '../../media/release-images.js';

const schema: Schema = {
  ...defaultSchema,
  // Footnote and heading ids keep their text; the prefix guards against DOM clobbering.
  clobberPrefix: 'body-',
};

/**
 * `media` holds the images read for this release; without it (the feed) every
 * image is a link or a label. `image` labels them: "Image" in the release's
 * language (the `image` string).
 */
export function bodyToHast(body: MdastRoot, image: string, media: ReleaseMedia = ReleaseMedia.none): HastRoot {
  // Figures stand alone (their paragraph split around them), so each can become a <figure>.
  const mdast: MdastRoot = { type: 'root', children: demoteHeadings(isolateImages(body).children) };
  const hast = toHast(mdast, { allowDangerousHtml: false }) as HastRoot;
  return linkRemoteImages(embedImages(sanitize(hast, schema) as HastRoot, body, media), image);
}

/**
 * A body's HTML with no image embedded, by body: a build makes it for the
 * press room's feed and then again for the page when the release has no
 * images to embed. A body is not changed once extracted; the label is kept
 * with it, as a project's strings can change it.
 */
const withoutMedia = new WeakMap<MdastRoot, { image: string; html: string }>();

export function bodyToHtml(body: MdastRoot, image: string, media?: ReleaseMedia): string {
  if (media && media.size > 0) return toHtml(bodyToHast(body, image, media));
  const made = withoutMedia.get(body);
  if (made?.image === image) return made.html;
  const html = toHtml(bodyToHast(body, image));
  withoutMedia.set(body, { image, html });
  return html;
}
