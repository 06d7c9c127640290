/** Golden HTML, text and JSON for fixed sources. `UPDATE=1 npm test` regenerates them. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { extractRelease, sourceFile } from '../../pipeline/document.js';
import { renderHtml } from '../../pipeline/render/html/index.js';
import { renderJson } from '../../pipeline/render/json.js';
import { loadTemplates } from '../../pipeline/render/templates.js';
import { renderText } from '../../pipeline/render/text/index.js';
import { assertGolden, fixtures, seedPath } from '../support/paths.js';

const templates = loadTemplates();

const cases: [string, string, string][] = [
  ['seed', seedPath, 'input/us-japan-cyber-dialogue.txt'],
  ['front-matter', join(fixtures, 'front-matter', 'source.md'), 'front-matter/source.md'],
];

for (const [name, path, display] of cases) {
  const file = sourceFile(readFileSync(path, 'utf8'), display);
  const release = extractRelease(file)!;
  test(`${name}: golden HTML`, () => assertGolden(renderHtml(release, templates), name, 'expected.html'));
  test(`${name}: golden wire text`, () => assertGolden(renderText(release, templates), name, 'expected.txt'));
  test(`${name}: golden JSON record`, () => assertGolden(renderJson(release), name, 'expected.json'));
}
