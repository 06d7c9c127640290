/** The JSON record's plain body text: separate blocks never run together. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractRelease, sourceFile } from '../../pipeline/document.js';
import { toReleaseJson } from '../../pipeline/render/json.js';

test('list items and quoted paragraphs are joined with a space; a paragraph\'s words stay as written', () => {
  const source = '---\ntitle: T\ndate: 2026-03-03\n---\n\nIntro *with* **emphasis**.\n\n- First item\n- Second item\n  - Nested item\n\n> Quoted one.\n>\n> Quoted two.\n';
  const record = toReleaseJson(extractRelease(sourceFile(source, 'x.md'))!);
  assert.deepEqual(
    record.body.map((b) => [b.type, b.text]),
    [
      ['paragraph', 'Intro with emphasis.'],
      ['list', 'First item Second item Nested item'],
      ['blockquote', 'Quoted one. Quoted two.'],
    ],
  );
});
