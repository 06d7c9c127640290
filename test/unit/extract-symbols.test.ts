/** Header lines with symbols and mixed scripts keep their roles: nothing is dropped as junk. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractRelease, sourceFile } from '../../pipeline/document.js';

test('a hostile headline stays the title and an office line with "&" and <…> stays the issuer', () => {
  const title = 'Acme & Co <Widget> "2.0" \'quoted\' ]]> — ünïcödé Ελληνικά Кириллица 🚀 עברית';
  const source = `${title}\n\nPress Release\nOffice of Acme & Sons <Communications>\nPortland, Oregon\nMarch 3, 2026\n\nAcme & Co today released Widget "2.0" in the body.\n`;
  const release = extractRelease(sourceFile(source, 'hostile.txt'))!;
  assert.equal(release.title, title);
  assert.equal(release.type, 'Press Release');
  assert.equal(release.issuer, 'Office of Acme & Sons <Communications>');
  assert.equal(release.location, 'Portland, Oregon');
  assert.equal(release.date, '2026-03-03');
  assert.equal(release.body.children.length, 1);
});
