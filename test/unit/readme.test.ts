/** The README stays true: every rule id documented, the quick start and the API exports real. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import * as api from '../../pipeline/index.js';
import { RULES } from '../../pipeline/diagnostics.js';
import { root } from '../support/paths.js';

const readme = readFileSync(join(root, 'README.md'), 'utf8');

test('every diagnostic rule id is in the README table with its severity', () => {
  for (const [id, rule] of Object.entries(RULES)) {
    assert.match(readme, new RegExp(`\\| \`${id}\` \\| ${rule.severity} \\|`, 'u'), `${id} is not documented`);
  }
  // And the other way: no row for a rule that does not exist (or no longer does).
  const rows = [...readme.matchAll(/^\| `([a-z-]+)` \| (?:error|warning|info) \|/gmu)].map((m) => m[1]!);
  assert.deepEqual(rows.filter((id) => !(id in RULES)), []);
  assert.equal(new Set(rows).size, rows.length, 'a rule is documented twice');
});

test('the README quick start and API names exist', () => {
  assert.ok(readme.includes('npm ci && npm start'));
  assert.ok(readme.includes('npm test'));
  for (const name of ['build', 'extractRelease', 'sourceFile', 'loadTemplates', 'renderFormat', 'renderPdf', 'renderHtml', 'renderText', 'renderJson', 'parse', 'extract', 'decodeSource']) {
    assert.equal(typeof (api as Record<string, unknown>)[name], 'function', `${name} is not exported`);
  }
});
