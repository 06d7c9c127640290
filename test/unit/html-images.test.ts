/** Images that point outside the handout become links: the page never fetches anything. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractRelease, sourceFile } from '../../pipeline/document.js';
import { renderHtml } from '../../pipeline/render/html/index.js';
import { loadTemplates } from '../../pipeline/render/templates.js';

test('remote and relative images become labelled links or text, never <img> that fetches', async () => {
  const source = '---\ntitle: Images\ndate: 2026-03-03\n---\n\n![Plant opening](https://example.com/plant.jpg) and ![](//cdn.example.com/x.png) and ![Local](photo.jpg)\n';
  const file = sourceFile(source, 'r.md');
  const html = renderHtml(extractRelease(file)!, loadTemplates());
  const body = html.slice(html.indexOf('<article'));
  assert.doesNotMatch(body, /<img\b/u);
  assert.match(body, /<a href="https:\/\/example\.com\/plant\.jpg">\[Image: Plant opening\]<\/a>/u);
  assert.match(body, /<span>\[Image: image\]<\/span>/u);
  assert.match(body, /<span>\[Image: Local\]<\/span>/u);
});
