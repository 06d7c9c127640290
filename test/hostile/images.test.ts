/**
 * Hostile images: each release names one bad image, and the build must say
 * exactly what (rule id and line:column), read nothing outside the input
 * folder, and still build every format with a placeholder.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import type { ReleaseJson } from '../../pipeline/release.js';
import { badgePng, bombPng, harbourJpeg } from '../../scripts/image-fixtures.js';
import { assertNoStack, reported, runCli } from '../support/cli.js';
import { unsafeParts } from '../support/html.js';
import { tempDir } from '../support/paths.js';
import { contentIds, documentElement, drawnImages, flat, readPdf, readTagged, type StructTreeNode } from '../support/pdf.js';

interface ImageCase {
  name: string;
  /** The body line that shows the image (the front matter above it is 4 lines, then a blank one: it is line 6). */
  line: string;
  expect: { ruleId: string; at: string }[];
  /** Whether the image is embedded (HTML data: URI, PDF XObject). */
  embedded: boolean;
}

const CASES: Record<string, ImageCase> = {
  'traversal.md': { name: 'a path out of the input folder', line: 'See ![The password file](../../../../../../etc/passwd) here.', expect: [{ ruleId: 'image-outside-input', at: '6:5' }], embedded: false },
  'escaped.md': { name: 'a traversal spelt with percent-escapes', line: '![Outside](..%2F..%2Fsecret.png)', expect: [{ ruleId: 'image-outside-input', at: '6:1' }], embedded: false },
  'absolute.md': { name: 'an absolute path', line: '![Passwords](/etc/passwd)', expect: [{ ruleId: 'image-outside-input', at: '6:1' }], embedded: false },
  'file-url.md': { name: 'a file: URL', line: '![Passwords](file:///etc/passwd)', expect: [{ ruleId: 'image-outside-input', at: '6:1' }], embedded: false },
  'symlink.md': { name: 'a symbolic link out of the folder', line: '![Looks local](pics/link.png)', expect: [{ ruleId: 'image-outside-input', at: '6:1' }], embedded: false },
  'missing.md': { name: 'a missing file', line: 'Before. ![A photo that is not there](gone.jpg "Caption")', expect: [{ ruleId: 'missing-image', at: '6:9' }], embedded: false },
  'renamed.md': { name: 'a PNG renamed .jpg (sniffed, embedded as PNG)', line: '![A badge](pics/png-named.jpg)', expect: [], embedded: true },
  'text-png.md': { name: 'a text file named .png', line: '![Notes](pics/notes.png)', expect: [{ ruleId: 'unsupported-image', at: '6:1' }], embedded: false },
  'gif.md': { name: 'a GIF', line: '![Animation](pics/anim.gif)', expect: [{ ruleId: 'unsupported-image', at: '6:1' }], embedded: false },
  'svg.md': { name: 'an SVG with a script in it', line: '![Vector](pics/evil.svg)', expect: [{ ruleId: 'unsupported-image', at: '6:1' }], embedded: false },
  'data-uri.md': { name: 'a data: URI written in the source', line: `![Inline](data:image/png;base64,${badgePng().toString('base64')})`, expect: [{ ruleId: 'unsupported-image', at: '6:1' }], embedded: false },
  'no-alt.md': { name: 'no alt text (embedded, decorative)', line: '![](pics/photo.jpg)', expect: [{ ruleId: 'missing-alt', at: '6:1' }], embedded: true },
  'blank-alt.md': { name: 'alt text of spaces, and a missing file', line: '![   ](gone.png)', expect: [{ ruleId: 'missing-alt', at: '6:1' }, { ruleId: 'missing-image', at: '6:1' }], embedded: false },
  'bomb.md': { name: 'a PNG declaring 100,000 × 100,000 pixels', line: '![Bomb](pics/bomb.png)', expect: [{ ruleId: 'image-too-large', at: '6:1' }], embedded: false },
  'folder.md': { name: 'a folder named like an image', line: '![Folder](pics/folder.jpg)', expect: [{ ruleId: 'unsupported-image', at: '6:1' }], embedded: false },
};

const dir = tempDir('handout-hostile-images-');
const input = join(dir, 'in', 'releases');
const out = join(dir, 'out');
let stderr = '';
let code = -1;

before(async () => {
  mkdirSync(join(input, 'pics', 'folder.jpg'), { recursive: true });
  writeFileSync(join(dir, 'secret.png'), badgePng());
  writeFileSync(join(dir, 'in', 'secret.png'), badgePng());
  symlinkSync(join(dir, 'secret.png'), join(input, 'pics', 'link.png'));
  writeFileSync(join(input, 'pics', 'png-named.jpg'), badgePng());
  writeFileSync(join(input, 'pics', 'photo.jpg'), harbourJpeg());
  writeFileSync(join(input, 'pics', 'notes.png'), 'Remember to send the photos.\n');
  writeFileSync(join(input, 'pics', 'anim.gif'), Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'));
  writeFileSync(join(input, 'pics', 'evil.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
  writeFileSync(join(input, 'pics', 'bomb.png'), bombPng(100_000, 100_000));
  for (const [file, c] of Object.entries(CASES)) writeFileSync(join(input, file), `---\ntitle: ${JSON.stringify(c.name)}\ndate: 2026-03-03\n---\n\n${c.line}\n\nThe end.\n`);
  // The input folder is in/releases: in/secret.png is outside it too.
  ({ code, stderr } = await runCli(['build', input, '--out', out, '--jobs', '1', '--no-pressroom']));
});

const read = (file: string, ext: string): string => readFileSync(join(out, file.replace(/\.md$/u, `.${ext}`)), 'utf8');

test('hostile images: no crash, no stack trace, exit 0 (every case is a warning)', () => {
  assertNoStack(stderr);
  assert.equal(code, 0, stderr);
});

for (const [file, c] of Object.entries(CASES)) {
  test(`hostile image: ${c.name}`, async () => {
    const messages = reported(stderr)
      .filter((m) => m.file.endsWith(`/${file}`))
      .map((m) => ({ ruleId: m.ruleId, at: m.at }));
    assert.deepEqual(messages, c.expect, stderr);
    // Every format is built, and nothing outside the folder got in.
    const html = read(file, 'html');
    assert.deepEqual(unsafeParts(html), []);
    assert.equal(/src="data:image\/(png|jpeg);base64,/u.test(html), c.embedded);
    assert.doesNotMatch(html, /root:|secret/u);
    const record = JSON.parse(read(file, 'json')) as ReleaseJson;
    assert.equal(record.images.length, 1);
    assert.equal(record.images[0]!.format !== null, c.embedded);
    assert.equal(`${record.images[0]!.position?.start.line}:${record.images[0]!.position?.start.column}`, c.expect[0]?.at ?? '6:1');
    const pdf = readFileSync(join(out, file.replace(/\.md$/u, '.pdf')));
    assert.equal((await drawnImages(pdf)).length, c.embedded ? 1 : 0);
    const text = read(file, 'txt');
    assert.match(text, /\[Photo(: [^\]]+)?\]/u);
  });
}

test('hostile images: a placeholder takes the image\'s place in HTML and PDF', async () => {
  assert.match(read('missing.md', 'html'), /<span>\[Image: A photo that is not there\]<\/span>/u);
  assert.match(flat((await readPdf(readFileSync(join(out, 'missing.pdf')))).text.join(' ')), /Before\. \[Image: A photo that is not there\]/u);
  assert.match(read('missing.md', 'txt'), /\[Photo: A photo that is not there — Caption\]/u);
  // Sniffed, not named: the PNG called .jpg is embedded as a PNG.
  assert.match(read('renamed.md', 'html'), /src="data:image\/png;base64,/u);
  assert.equal((JSON.parse(read('renamed.md', 'json')) as ReleaseJson).images[0]!.format, 'png');
});

function roles(node: StructTreeNode): string[] {
  return [node.role, ...node.children.flatMap((c) => ('role' in c ? roles(c) : []))];
}

test('hostile images: an image without alt text is decorative: alt="" in HTML, an artifact (no Figure) in the PDF', async () => {
  assert.match(read('no-alt.md', 'html'), /<img src="data:image\/jpeg;base64,[^"]+" alt="" width="160" height="90">/u);
  const { pages } = await readTagged(readFileSync(join(out, 'no-alt.pdf')));
  const document = documentElement(pages[0]!.tree)!;
  assert.ok(!roles(document).includes('Figure'));
  assert.ok(contentIds(document).length > 0);
  assert.match(read('no-alt.md', 'txt'), /^\[Photo\]$/mu);
});
