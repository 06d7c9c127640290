/** Images that point outside the handout become links: the page never fetches anything. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { extractRelease, sourceFile } from '../../pipeline/document.js';
import { loadReleaseImages } from '../../pipeline/media/release-images.js';
import { bodyToHtml } from '../../pipeline/render/html/body.js';
import { renderHtml } from '../../pipeline/render/html/index.js';
import { loadTemplates } from '../../pipeline/render/templates.js';
import { fixtures } from '../support/paths.js';

test('remote and relative images become labelled links or text, never <img> that fetches', async () => {
  const source = '---\ntitle: Images\ndate: 2026-03-03\n---\n\n![Plant opening](https://example.com/plant.jpg) and ![](//cdn.example.com/x.png) and ![Local](photo.jpg)\n';
  const file = sourceFile(source, 'r.md');
  const html = renderHtml(extractRelease(file)!, loadTemplates());
  const body = html.slice(html.indexOf('<article'));
  assert.doesNotMatch(body, /<img\b/u);
  assert.match(body, /<a href="https:\/\/example\.com\/plant\.jpg">\[Image: Plant opening\]<\/a>/u);
  assert.match(body, /<span>\[Image\]<\/span>/u, 'no alt text: the word alone');
  assert.match(body, /<span>\[Image: Local\]<\/span>/u);
});

test('the body made for the feed (no images embedded) is not what the page gets when the release has images to embed', () => {
  const path = join(fixtures, 'images', 'release.md');
  const file = sourceFile(readFileSync(path, 'utf8'), path);
  const release = extractRelease(file)!;
  const feed = bodyToHtml(release.body, 'Image');
  assert.equal(bodyToHtml(release.body, 'Image'), feed);
  assert.doesNotMatch(feed, /<img\b/u);
  const media = loadReleaseImages(release, file, { source: path });
  assert.equal(media.size, 2);
  const page = renderHtml(release, loadTemplates(), { media });
  assert.equal((page.match(/<img src="data:image\/(?:jpeg|png);base64,/gu) ?? []).length, 2);
  assert.equal(bodyToHtml(release.body, 'Image'), feed);
});
