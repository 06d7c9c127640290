/** The seed release, field by field: the contract issue 2 fixes. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { toString } from 'mdast-util-to-string';
import { extractRelease, sourceFile } from '../../pipeline/document.js';
import { seedPath } from '../support/paths.js';

const source = readFileSync(seedPath, 'utf8');

function seed() {
  const file = sourceFile(source, 'input/us-japan-cyber-dialogue.txt');
  const release = extractRelease(file);
  assert.ok(release, 'the seed extracts');
  return { file, release };
}

test('input/ holds the seed verbatim: no final newline, last line cut off', () => {
  assert.ok(!source.endsWith('\n'));
  assert.ok(source.endsWith('please contact the Office of the Coordinator for Cyber Issues at'));
});

test('seed header fields', () => {
  const { release } = seed();
  assert.equal(release.title, 'The Third U.S.-Japan Cyber Dialogue');
  assert.equal(release.subtitle, null);
  assert.equal(release.type, 'Media Note');
  assert.equal(release.issuer, 'Office of the Spokesperson');
  assert.equal(release.organization, null);
  assert.equal(release.location, 'Washington, DC');
  assert.equal(release.date, '2015-07-17');
  assert.equal(release.release, null);
  assert.equal(release.language, 'en');
  assert.equal(release.endMark, null);
  assert.equal(release.contact, 'For more information on this dialogue, please contact the Office of the Coordinator for Cyber Issues at');
});

test('seed fields keep their source positions', () => {
  const { release } = seed();
  assert.deepEqual(release.sources.title?.position?.start, { line: 1, column: 1, offset: 0 });
  assert.equal(release.sources.type?.position?.start.line, 3);
  assert.equal(release.sources.issuer?.position?.start.line, 4);
  assert.equal(release.sources.location?.position?.start.line, 5);
  assert.equal(release.sources.date?.position?.start.line, 6);
  assert.equal(release.sources.contact?.position?.start.line, 16);
  assert.equal(release.sources.language?.origin, 'detected');
});

test('seed body is the four paragraphs between header and contact', () => {
  const { release } = seed();
  const paragraphs = release.body.children.map((n) => toString(n));
  assert.equal(paragraphs.length, 4);
  assert.ok(release.body.children.every((n) => n.type === 'paragraph'));
  assert.equal(paragraphs[0], 'The third U.S-Japan Cyber Dialogue will be held in Tokyo on July 22, 2015.');
  assert.match(paragraphs[1]!, /^This dialogue follows Prime Minister Shinzo Abe’s recent visit/u);
  assert.match(paragraphs[2]!, /^Mr\. Christopher Painter, the Coordinator for Cyber Issues/u);
  assert.equal(paragraphs[3], 'During this trip, Coordinator Painter will also deliver keynote remarks at a cybersecurity conference in Singapore.');
  assert.equal(release.stats.paragraphs, 4);
  assert.ok(release.stats.words > 250 && release.stats.words < 290, `word count ${release.stats.words}`);
});

test('seed gets exactly one diagnostic: truncated-contact at the contact line', () => {
  const { file } = seed();
  assert.equal(file.messages.length, 1);
  const [message] = file.messages;
  assert.equal(message?.ruleId, 'truncated-contact');
  assert.equal(message?.source, 'handout');
  assert.equal(message?.fatal, false);
  assert.deepEqual([message?.place && 'start' in message.place ? message.place.start.line : -1, message?.line, message?.column], [16, 16, 1]);
  assert.equal(message?.place && 'end' in message.place ? message.place.end.column : -1, 104);
  assert.match(String(message?.reason), /ends in "at"/u);
});
