/**
 * Images in a Markdown release, through a whole build: the fixture release
 * (a JPEG photo and a transparent PNG, with captions) in HTML, wire text,
 * JSON and PDF (image XObjects, captions, a tagged Figure with /Alt and a
 * Caption), the archival rules (no soft mask, no DeviceCMYK in PDF/A), the
 * image variants pdfkit cannot take as they are, reproducible bytes, images
 * read once per batch, and incremental rebuilds when an image changes.
 */
import assert from 'node:assert/strict';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import jpeg from 'jpeg-js';
import { parse } from 'parse5';
import { build, type BuildOptions, type BuildResult } from '../../pipeline/build/index.js';
import { imageCache } from '../../pipeline/media/image.js';
import type { PdfProfile } from '../../pipeline/render/pdf/profiles.js';
import type { ReleaseJson } from '../../pipeline/release.js';
import { fixtures, tempDir } from '../support/paths.js';
import { contentIds, documentElement, drawnImages, flat, pdfNames, readPdf, readTagged, type StructTreeNode } from '../support/pdf.js';

const PHOTO = readFileSync(join(fixtures, 'images', 'harbour.jpg'));
const BADGE = readFileSync(join(fixtures, 'images', 'badge.png'));

/** The two fixture folders copied (so tests may change them), built in-process. */
function inputs(): { dir: string; images: string; outs: string } {
  const dir = tempDir('handout-images-');
  cpSync(join(fixtures, 'images'), join(dir, 'images'), { recursive: true });
  cpSync(join(fixtures, 'image-variants'), join(dir, 'variants'), { recursive: true });
  // Outputs go elsewhere: a wire copy (.txt) inside the input folder would be built as a source.
  return { dir, images: join(dir, 'images'), outs: tempDir('handout-images-out-') };
}

async function buildIn(input: string, out: string, profile: PdfProfile = 'pdfa-2a', extra: Partial<BuildOptions> = {}): Promise<BuildResult> {
  return build({ inputs: [input], outDir: out, jobs: 1, pressroom: false, render: { pdf: { profile, sourceDateEpoch: 1_700_000_000 } }, ...extra });
}

const messagesOf = (result: BuildResult): string[] => result.documents.flatMap((d) => d.file.messages.map((m) => `${d.source.relative} ${m.line}:${m.column} ${m.ruleId}`));

interface El {
  tagName?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: El[];
  value?: string;
}

function elements(node: El, tag: string): El[] {
  return [...(node.tagName === tag ? [node] : []), ...(node.childNodes ?? []).flatMap((c) => elements(c, tag))];
}
const attr = (el: El, name: string): string | undefined => el.attrs?.find((a) => a.name === name)?.value;
const textOf = (el: El): string => (el.value ?? '') + (el.childNodes ?? []).map(textOf).join('');

const fixture = inputs();
const out = fixture.outs;
const built = buildIn(fixture.images, out);

test('the fixture release builds with no diagnostics', async () => {
  const result = await built;
  assert.deepEqual(messagesOf(result), []);
  assert.deepEqual(result.documents.map((d) => d.status), ['built']);
});

test('HTML: each image is a <figure> with a data: URI of the file, width, height, alt and a <figcaption>', async () => {
  await built;
  const doc = parse(readFileSync(join(out, 'release.html'), 'utf8')) as unknown as El;
  const figures = elements(doc, 'figure');
  assert.equal(figures.length, 2);
  const facts = figures.map((f) => {
    const img = elements(f, 'img')[0]!;
    const [, mime, data] = /^data:([^;]+);base64,(.*)$/u.exec(attr(img, 'src') ?? '') ?? [];
    return { mime, bytes: Buffer.from(data ?? '', 'base64'), alt: attr(img, 'alt'), width: attr(img, 'width'), height: attr(img, 'height'), caption: elements(f, 'figcaption').map(textOf) };
  });
  assert.deepEqual(facts, [
    { mime: 'image/jpeg', bytes: PHOTO, alt: 'Boats lit up along the harbour wall at dusk', width: '160', height: '90', caption: ['Opening night on the harbour wall'] },
    { mime: 'image/png', bytes: BADGE, alt: 'The festival badge: a gold disc', width: '48', height: '48', caption: ["The festival's badge, worn by every volunteer"] },
  ]);
  // The figures stand between the paragraphs they were written between, never inside a <p>.
  assert.equal(elements(doc, 'p').filter((p) => elements(p, 'figure').length > 0 || elements(p, 'img').length > 0).length, 0);
  const article = elements(doc, 'article')[0]!;
  const order = textOf(article).replace(/\s+/gu, ' ');
  assert.ok(order.indexOf('council said.') < order.indexOf('Opening night') && order.indexOf('Opening night') < order.indexOf('The festival runs'));
  // Images keep within the column.
  assert.match(readFileSync(join(out, 'release.html'), 'utf8'), /\.body img \{ max-width: 100%; height: auto; \}/u);
});

test('wire text: each image is a "[Photo: alt — caption]" block where it stands', async () => {
  await built;
  const blocks = readFileSync(join(out, 'release.txt'), 'utf8').split('\n\n').map((b) => b.replace(/\s+/gu, ' ').trim());
  const photo = blocks.indexOf('[Photo: Boats lit up along the harbour wall at dusk — Opening night on the harbour wall]');
  const badge = blocks.indexOf("[Photo: The festival badge: a gold disc — The festival's badge, worn by every volunteer]");
  assert.ok(photo > 0 && badge > photo, blocks.join('\n'));
  assert.match(blocks[photo - 1]!, /the council said\.$/u);
  assert.match(blocks[photo + 1]!, /^The festival runs for ten days/u);
});

test('JSON: the record lists the images with src, alt, caption, size, format and position', async () => {
  await built;
  const record = JSON.parse(readFileSync(join(out, 'release.json'), 'utf8')) as ReleaseJson;
  assert.deepEqual(
    record.images.map((i) => ({ ...i, position: `${i.position?.start.line}:${i.position?.start.column}-${i.position?.end.line}:${i.position?.end.column}` })),
    [
      { src: 'harbour.jpg', alt: 'Boats lit up along the harbour wall at dusk', caption: 'Opening night on the harbour wall', width: 160, height: 90, format: 'jpeg', position: '12:1-12:96' },
      { src: 'badge.png', alt: 'The festival badge: a gold disc', caption: "The festival's badge, worn by every volunteer", width: 48, height: 48, format: 'png', position: '16:1-16:94' },
    ],
  );
});

function findRole(node: StructTreeNode, role: string): StructTreeNode[] {
  const kids = node.children.filter((c): c is StructTreeNode => 'role' in c);
  return [...(node.role === role ? [node] : []), ...kids.flatMap((k) => findRole(k, role))];
}

test('PDF: two image XObjects at their natural size, the captions in the text, a Figure with /Alt holding the image and its Caption', async () => {
  await built;
  const bytes = readFileSync(join(out, 'release.pdf'));
  const drawn = await drawnImages(bytes);
  assert.deepEqual(drawn.map((d) => [d.width, d.height]), [[160, 90], [48, 48]]);
  const text = flat((await readPdf(bytes)).text.join(' '));
  assert.ok(text.includes('Opening night on the harbour wall'));
  assert.ok(text.includes("The festival's badge, worn by every volunteer"));
  assert.ok(text.indexOf('council said.') < text.indexOf('Opening night') && text.indexOf('Opening night') < text.indexOf('The festival runs'));

  const { pages } = await readTagged(bytes);
  const page = pages[0]!;
  const figures = findRole(documentElement(page.tree)!, 'Figure');
  assert.deepEqual(figures.map((f) => f.alt), ['Boats lit up along the harbour wall at dusk', 'The festival badge: a gold disc']);
  for (const [i, figure] of figures.entries()) {
    // The image's own marked content sits directly in the Figure; the caption's text in its Caption child.
    const own = figure.children.filter((c) => !('role' in c) && c.type === 'content');
    assert.equal(own.length, 1);
    assert.equal(own.flatMap((c) => page.text.get((c as { id: string }).id) ?? []).length, 0, 'the image content holds no text');
    const caption = findRole(figure, 'Caption');
    assert.equal(caption.length, 1);
    const words = contentIds(caption[0]!).flatMap((id) => page.text.get(id) ?? []).map((t) => t.str).join('');
    assert.equal(flat(words), ['Opening night on the harbour wall', "The festival's badge, worn by every volunteer"][i]);
  }
});

test('PDF: an image is never set wider than the text, taller than the page, or larger than its size at 96 dpi', async () => {
  const dir = tempDir('handout-images-');
  const jpegOf = (width: number, height: number): Buffer => jpeg.encode({ width, height, data: Buffer.alloc(width * height * 4, 128) }, 50).data;
  writeFileSync(join(dir, 'wide.jpg'), jpegOf(2400, 300));
  writeFileSync(join(dir, 'tall.jpg'), jpegOf(300, 2400));
  writeFileSync(join(dir, 'small.jpg'), jpegOf(40, 20));
  writeFileSync(join(dir, 'r.md'), '---\ntitle: Sizes\ndate: 2026-03-03\n---\n\nText before.\n\n![Wide](wide.jpg)\n\n![Tall](tall.jpg "A tall one")\n\n![Small](small.jpg)\n');
  const outs = tempDir('handout-images-out-');
  const result = await buildIn(dir, outs, 'pdfa-2a', { formats: ['pdf'], render: { pdf: { pageSize: 'LETTER', sourceDateEpoch: 1_700_000_000 } } });
  assert.deepEqual(messagesOf(result), []);
  const drawn = await drawnImages(readFileSync(join(outs, 'r.pdf')));
  const text = 612 - 2 * 72;
  const area = 792 - 2 * 72;
  const [wide, tall, small] = drawn;
  assert.ok(Math.abs(wide!.placed.width - text) < 0.01 && Math.abs(wide!.placed.height - text / 8) < 0.01, JSON.stringify(wide));
  // The tall one does not fit below the wide one: it moves to the next page, and fits in the text area with its caption.
  assert.equal(tall!.page, wide!.page + 1);
  assert.ok(tall!.placed.height < area - 10 && tall!.placed.height > area - 40, JSON.stringify(tall));
  assert.ok(Math.abs(tall!.placed.width * 8 - tall!.placed.height) < 0.01);
  // Small images keep their size at 96 dpi: 40 px is 30 pt.
  assert.deepEqual(small!.placed, { width: 30, height: 15 });
});

test('PDF/A-1b: no soft mask and no DeviceCMYK, for the fixture and for every image variant (plain keeps CMYK)', async () => {
  const { dir, outs } = inputs();
  for (const [profile, cmyk] of [['pdfa-1b', false], ['pdfa-2a', false], ['plain', true]] as const) {
    const result = await buildIn(dir, join(outs, profile), profile, { formats: ['pdf'] });
    assert.deepEqual(messagesOf(result), []);
    for (const name of ['images/release.pdf', 'variants/variants.pdf']) {
      const names = pdfNames(readFileSync(join(outs, profile, name)));
      // Alpha is laid on white in every profile (see media/pdf-image.ts); CMYK is kept outside PDF/A.
      assert.equal(names.has('/SMask'), false, `${profile} ${name} /SMask`);
      assert.equal(names.has('/DeviceCMYK'), cmyk && name.startsWith('variants'), `${profile} ${name} /DeviceCMYK`);
    }
  }
  // Every variant is drawn, at its size; the palette image shown twice is one XObject.
  const drawn = await drawnImages(readFileSync(join(outs, 'pdfa-1b', 'variants', 'variants.pdf')));
  assert.deepEqual(drawn.map((d) => `${d.width}x${d.height}`), ['40x30', '24x16', '19x13', '20x12', '16x16', '24x16']);
  assert.equal(drawn[1]!.id, drawn[5]!.id);
  assert.equal(new Set(drawn.map((d) => d.id)).size, 5);
});

test('PDF with images: byte-identical rebuilds in every profile', async () => {
  const { dir, outs } = inputs();
  for (const profile of ['pdfa-1b', 'pdfa-2a', 'pdfa-3b', 'pdfua', 'plain'] as const) {
    await buildIn(dir, join(outs, `a-${profile}`), profile, { formats: ['pdf'] });
    imageCache.clear();
    await buildIn(dir, join(outs, `b-${profile}`), profile, { formats: ['pdf'] });
    for (const name of ['images/release.pdf', 'variants/variants.pdf']) {
      assert.ok(readFileSync(join(outs, `a-${profile}`, name)).equals(readFileSync(join(outs, `b-${profile}`, name))), `${profile} ${name}`);
    }
  }
});

test('a batch reads an image once, however many releases show it', async () => {
  const dir = tempDir('handout-images-');
  const input = join(dir, 'in');
  cpSync(join(fixtures, 'images'), input, { recursive: true });
  const source = readFileSync(join(input, 'release.md'), 'utf8');
  for (let i = 2; i <= 5; i++) writeFileSync(join(input, `release-${i}.md`), source.replace('Harbour Lights Festival Opens', `Harbour Lights Day ${i}`));
  imageCache.clear();
  const before = imageCache.reads;
  const result = await buildIn(input, join(dir, 'out'));
  assert.equal(result.documents.length, 5);
  assert.ok(result.documents.every((d) => d.status === 'built'));
  // Two files, five releases, four formats: two reads.
  assert.equal(imageCache.reads - before, 2);
});

test('incremental: a changed, removed or restored image rebuilds exactly the releases that show it', async () => {
  const { dir, outs: target } = inputs();
  const status = (result: BuildResult): Record<string, string> => Object.fromEntries(result.documents.map((d) => [d.source.relative, d.status]));
  await buildIn(dir, target);
  assert.deepEqual(status(await buildIn(dir, target)), { 'images/release.md': 'skipped', 'variants/variants.md': 'skipped' });

  // New bytes for the badge (a JPEG now: sniffed, whatever the name): the fixture release is rebuilt
  // and embeds them; the variants are not touched.
  writeFileSync(join(dir, 'images', 'badge.png'), PHOTO);
  let result = await buildIn(dir, target);
  assert.deepEqual(status(result), { 'images/release.md': 'built', 'variants/variants.md': 'skipped' });
  assert.ok(readFileSync(join(target, 'images', 'release.html'), 'utf8').includes(`data:image/jpeg;base64,${PHOTO.toString('base64')}" alt="The festival badge: a gold disc" width="160" height="90"`));

  // Removed: rebuilt with a placeholder and a missing-image warning, which a no-op build replays.
  rmSync(join(dir, 'images', 'badge.png'));
  result = await buildIn(dir, target);
  assert.deepEqual(status(result), { 'images/release.md': 'built', 'variants/variants.md': 'skipped' });
  assert.deepEqual(messagesOf(result), ['images/release.md 16:1 missing-image']);
  assert.match(readFileSync(join(target, 'images', 'release.html'), 'utf8'), /\[Image: The festival badge: a gold disc\]/u);
  result = await buildIn(dir, target);
  assert.deepEqual(status(result), { 'images/release.md': 'skipped', 'variants/variants.md': 'skipped' });
  assert.deepEqual(messagesOf(result), ['images/release.md 16:1 missing-image']);

  // Restored: rebuilt again, with the image.
  writeFileSync(join(dir, 'images', 'badge.png'), BADGE);
  result = await buildIn(dir, target);
  assert.deepEqual(status(result), { 'images/release.md': 'built', 'variants/variants.md': 'skipped' });
  assert.deepEqual(messagesOf(result), []);

  // Only the mtime moved (a restored CI cache): rehashed, found equal, skipped.
  writeFileSync(join(dir, 'images', 'badge.png'), BADGE);
  assert.deepEqual(status(await buildIn(dir, target)), { 'images/release.md': 'skipped', 'variants/variants.md': 'skipped' });
});
