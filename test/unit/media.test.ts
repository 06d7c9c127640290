/**
 * The media module on its own: sniffing by bytes, where an image path may
 * point, size limits checked before decoding, the per-process cache, and the
 * forms the PDF embeds (alpha flattened, CMYK made RGB, 16-bit made 8-bit).
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { ImageCache, dataUri, loadImage } from '../../pipeline/media/image.js';
import { pdfImageBytes } from '../../pipeline/media/pdf-image.js';
import { locateImage } from '../../pipeline/media/resolve.js';
import { sniffImage } from '../../pipeline/media/sniff.js';
import { isolateImages, imagesOf, figureImage } from '../../pipeline/media/figures.js';
import { parse } from '../../pipeline/parse.js';
import { sourceFile } from '../../pipeline/document.js';
import { badgePng, bombPng, deepPng, harbourJpeg, interlacedPng, palettePng } from '../../scripts/image-fixtures.js';
import { fixtures, tempDir } from '../support/paths.js';

const cmyk = readFileSync(join(fixtures, 'image-variants', 'cmyk.jpg'));

/** A folder `in/` (the input root, with `pics/`) beside a file outside it. */
function folder(): { dir: string; root: string } {
  const dir = tempDir('handout-media-');
  const root = join(dir, 'in');
  mkdirSync(join(root, 'pics'), { recursive: true });
  writeFileSync(join(dir, 'secret.png'), badgePng());
  writeFileSync(join(root, 'pics', 'badge.png'), badgePng());
  return { dir, root };
}

test('sniffing goes by the bytes, never the name', () => {
  assert.equal(sniffImage(badgePng()), 'png');
  assert.equal(sniffImage(harbourJpeg()), 'jpeg');
  assert.equal(sniffImage(Buffer.from('GIF89a\x01\x00\x01\x00')), 'gif');
  assert.equal(sniffImage(Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>')), 'svg');
  assert.equal(sniffImage(Buffer.from('RIFF\0\0\0\0WEBPVP8 ')), 'webp');
  assert.equal(sniffImage(Buffer.from('just some text, named photo.png')), undefined);
  assert.equal(sniffImage(new Uint8Array()), undefined);
});

test('locateImage: relative paths stay inside the input folder; URLs, absolute paths and links out are refused', () => {
  const { dir, root } = folder();
  const from = join(root, 'pics');
  assert.deepEqual(locateImage('badge.png', { from, root }), { kind: 'local', path: join(root, 'pics', 'badge.png') });
  // Percent-escapes are decoded, query and fragment dropped, as a browser would.
  assert.deepEqual(locateImage('./b%61dge.png?v=2#x', { from, root }), { kind: 'local', path: join(root, 'pics', 'badge.png') });
  assert.deepEqual(locateImage('../pics/badge.png', { from, root }), { kind: 'local', path: join(root, 'pics', 'badge.png') });
  // Missing but inside: located (reading says it is missing).
  assert.deepEqual(locateImage('gone.png', { from, root }), { kind: 'local', path: join(root, 'pics', 'gone.png') });
  const refused = (src: string): string => {
    const at = locateImage(src, { from, root });
    return at.kind === 'refused' ? at.rule : at.kind;
  };
  assert.equal(refused('../../secret.png'), 'image-outside-input');
  assert.equal(refused('..%2F..%2Fsecret.png'), 'image-outside-input');
  assert.equal(refused('../../../../../../etc/passwd'), 'image-outside-input');
  assert.equal(refused('/etc/passwd'), 'image-outside-input');
  assert.equal(refused(join(dir, 'secret.png')), 'image-outside-input');
  assert.equal(refused('file:///etc/passwd'), 'image-outside-input');
  assert.equal(refused('data:image/png;base64,iVBORw0KGgo='), 'unsupported-image');
  assert.equal(refused('javascript:alert(1)'), 'unsupported-image');
  assert.equal(refused('badge%00.png'), 'unsupported-image');
  assert.equal(refused(''), 'missing-image');
  assert.equal(refused('https://example.com/a.png'), 'remote');
  assert.equal(refused('//cdn.example.com/a.png'), 'remote');
  // A link inside the folder that points out of it.
  symlinkSync(join(dir, 'secret.png'), join(from, 'innocent.png'));
  assert.equal(refused('innocent.png'), 'image-outside-input');
  // A link that stays inside is followed.
  symlinkSync(join(from, 'badge.png'), join(from, 'alias.png'));
  assert.deepEqual(locateImage('alias.png', { from, root }), { kind: 'local', path: join(root, 'pics', 'badge.png') });
});

test('loadImage: format and size from the file; refusals say why', () => {
  const dir = tempDir('handout-media-');
  const write = (name: string, bytes: Uint8Array): string => {
    writeFileSync(join(dir, name), bytes);
    return join(dir, name);
  };
  const photo = loadImage(write('photo.jpg', harbourJpeg()));
  assert.ok(photo.ok);
  assert.deepEqual([photo.image.format, photo.image.mime, photo.image.width, photo.image.height, photo.image.components], ['jpeg', 'image/jpeg', 160, 90, 3]);
  // A PNG named .jpg is a PNG.
  const renamed = loadImage(write('renamed.jpg', badgePng()));
  assert.ok(renamed.ok);
  assert.deepEqual([renamed.image.format, renamed.image.width], ['png', 48]);
  const text = loadImage(write('text.png', Buffer.from('not an image\n')));
  assert.equal(text.ok ? 'ok' : text.problem.kind, 'unsupported');
  const gif = loadImage(write('anim.png', Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00')));
  assert.match(gif.ok ? '' : gif.problem.message, /a GIF; only PNG and JPEG/u);
  const missing = loadImage(join(dir, 'nope.png'));
  assert.equal(missing.ok ? 'ok' : missing.problem.kind, 'missing');
  // A 100,000 × 100,000 PNG in 80 bytes: refused from its header, never decoded.
  const bomb = loadImage(write('bomb.png', bombPng(100_000, 100_000)));
  assert.ok(!bomb.ok);
  assert.equal(bomb.problem.kind, 'too-large');
  assert.match(bomb.problem.message, /100000 × 100000 pixels, over the limit of 50 megapixels/u);
  const big = loadImage(write('big.jpg', harbourJpeg()), { maxBytes: 100, maxPixels: 50_000_000 });
  assert.match(big.ok ? '' : big.problem.message, /over the 1 KB limit/u);
  // A directory (or FIFO) is never read.
  mkdirSync(join(dir, 'folder.png'));
  const notFile = loadImage(join(dir, 'folder.png'));
  assert.match(notFile.ok ? '' : notFile.problem.message, /not a regular file/u);
});

test('ImageCache: a file is read once until it changes', () => {
  const dir = tempDir('handout-media-');
  const path = join(dir, 'badge.png');
  writeFileSync(path, badgePng());
  const cache = new ImageCache();
  const first = cache.read(path);
  const second = cache.read(path);
  assert.ok(first.ok && second.ok);
  assert.equal(second.image, first.image);
  assert.deepEqual([cache.reads, cache.hits], [1, 1]);
  // Derived forms are made once too.
  let made = 0;
  const make = (): Uint8Array => (made++, new Uint8Array(3));
  cache.derive(first.image, 'k', make);
  cache.derive(first.image, 'k', make);
  assert.equal(made, 1);
  // Changed on disk (new bytes, new mtime): read again.
  writeFileSync(path, harbourJpeg());
  utimesSync(path, new Date(2030, 0, 1), new Date(2030, 0, 1));
  const third = cache.read(path);
  assert.ok(third.ok);
  assert.equal(third.image.format, 'jpeg');
  assert.equal(cache.reads, 2);
  // Bounded by bytes: an LRU never holds more than its limit (beyond the one entry in use).
  const small = new ImageCache(4000);
  const paths = [1, 2, 3].map((i) => {
    const p = join(dir, `p${i}.jpg`);
    writeFileSync(p, harbourJpeg());
    return p;
  });
  for (const p of paths) small.read(p);
  small.read(paths[0]!);
  assert.equal(small.reads, 4);
});

test('dataUri: the bytes as they are, base64, with the sniffed type', () => {
  const dir = tempDir('handout-media-');
  writeFileSync(join(dir, 'x.jpg'), badgePng());
  const loaded = loadImage(join(dir, 'x.jpg'));
  assert.ok(loaded.ok);
  assert.equal(dataUri(loaded.image), `data:image/png;base64,${badgePng().toString('base64')}`);
});

test('pdfImageBytes: PNGs become 8-bit RGB with alpha on white, CMYK JPEGs become RGB for PDF/A', () => {
  const dir = tempDir('handout-media-');
  const load = (name: string, bytes: Uint8Array) => {
    writeFileSync(join(dir, name), bytes);
    const result = loadImage(join(dir, name));
    assert.ok(result.ok);
    return result.image;
  };
  const badge = load('badge.png', badgePng());
  const flat = PNG.sync.read(Buffer.from(pdfImageBytes(badge, { archival: true }, new ImageCache())));
  assert.deepEqual([flat.colorType, flat.depth, flat.interlace, flat.alpha], [2, 8, false, false]);
  // The transparent corner is white; the opaque centre keeps its gold.
  assert.deepEqual([...flat.data.subarray(0, 3)], [255, 255, 255]);
  const centre = (24 * 48 + 24) * 4;
  assert.deepEqual([...flat.data.subarray(centre, centre + 3)], [212, 160, 23]);
  const plain = PNG.sync.read(Buffer.from(pdfImageBytes(badge, { archival: false }, new ImageCache())));
  assert.equal(plain.colorType, 2);
  for (const [name, bytes] of [['deep.png', deepPng()], ['interlaced.png', interlacedPng()], ['palette.png', palettePng()]] as const) {
    const out = PNG.sync.read(Buffer.from(pdfImageBytes(load(name, bytes), { archival: true }, new ImageCache())));
    assert.deepEqual([out.colorType, out.depth, out.interlace, out.palette], [2, 8, false, false], name);
  }
  const cmykImage = load('cmyk.jpg', cmyk);
  assert.equal(cmykImage.components, 4);
  const rgb = pdfImageBytes(cmykImage, { archival: true }, new ImageCache());
  const decoded = jpeg.decode(rgb, { useTArray: true });
  assert.deepEqual([decoded.width, decoded.height], [40, 30]);
  writeFileSync(join(dir, 'rgb.jpg'), rgb);
  const again = loadImage(join(dir, 'rgb.jpg'));
  assert.equal(again.ok && again.image.components, 3);
  // Outside PDF/A the JPEG is embedded as it is, CMYK and all.
  assert.equal(pdfImageBytes(cmykImage, { archival: false }, new ImageCache()), cmykImage.bytes);
  // Deterministic: the same input gives the same bytes.
  assert.deepEqual(pdfImageBytes(badge, { archival: true }, new ImageCache()), pdfImageBytes(badge, { archival: true }, new ImageCache()));
});

test('figures: an image in a paragraph stands alone; references resolve; nested images stay inline', () => {
  const file = sourceFile('Before ![a](a.png "A") after.\n\n![b][ref] and [![c](c.png)](https://x.example)\n\n[ref]: b.png "B"\n', 'r.md');
  const tree = parse(file);
  assert.deepEqual(imagesOf(tree).map((i) => [i.url, i.alt, i.title]), [['a.png', 'a', 'A'], ['b.png', 'b', 'B'], ['c.png', 'c', null]]);
  const isolated = isolateImages(tree);
  const kinds = isolated.children.map((n) => (n.type === 'paragraph' ? (figureImage(n)?.url ?? 'text') : n.type));
  assert.deepEqual(kinds, ['text', 'a.png', 'text', 'b.png', 'text', 'definition']);
  // The figure keeps the image's own place in the source.
  const figure = isolated.children[1]!;
  assert.deepEqual([figure.position?.start.line, figure.position?.start.column], [1, 8]);
  // The tree given is not changed.
  assert.equal(tree.children.length, 3);
});
