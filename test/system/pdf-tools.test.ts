/**
 * PDFs checked by the tools archivists use: qpdf (--check and --json for the
 * structure tree), poppler (pdffonts, pdfinfo, pdftotext) and Apache PDFBox
 * preflight, over the example, a hostile title and every `kind: release`
 * corpus document, in each profile. These need Debian packages (.ci/run
 * installs them); a missing tool fails the suite, it never skips.
 */
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { promisify } from 'node:util';
import { XMLParser } from 'fast-xml-parser';
import { toString } from 'mdast-util-to-string';
import type { RootContent } from 'mdast';
import { extractRelease, sourceFile } from '../../pipeline/document.js';
import { cli, corpusDir, fixtures, root, seedPath, tempDir } from '../support/paths.js';
import { roles, structureOf, type StructNode } from '../support/structure.js';
import { pieces, stringsFor } from '../../pipeline/render/locale/strings.js';

/** The footer's "Page N of M" in `language`, as a pattern for a line that ends with it. */
function pageLabel(language: string): RegExp {
  const source = pieces(stringsFor(language).pageOf)
    .map((p) => (p.placeholder ? '\\d+' : p.text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&').replace(/\s+/gu, '\\s*')))
    .join('');
  return new RegExp(`${source}$`, 'u');
}

const run = promisify(execFile);

const PDFBOX_JARS = ['preflight', 'pdfbox2', 'fontbox2', 'xmpbox', 'commons-logging', 'javax.activation', 'jaxb-api'].map((j) => `/usr/share/java/${j}.jar`);

function requireTool(name: string): void {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'pipe' });
  } catch {
    assert.fail(`${name} is not installed: run .ci/run, or apt-get install the packages it lists`);
  }
}

/** Run `fn` over `items`, a few at a time: the tools are separate processes. */
async function each<T>(items: readonly T[], fn: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  const failures: string[] = [];
  const worker = async (): Promise<void> => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) {
      try {
        await fn(item);
      } catch (error) {
        failures.push((error as Error).message);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(2, availableParallelism()) }, worker));
  assert.deepEqual(failures, [], `${failures.length} of ${items.length} failed`);
}

const HOSTILE = `Acme & Co <Widget> "2.0" 'quoted' ]]> — ünïcödé Ελληνικά Кириллица 🚀 עברית

Press Release
Office of Acme & Sons <Communications>
Portland, Oregon
March 3, 2026

Acme & Co today released Widget "2.0", with <angle brackets>, & ampersands, {{mustaches}} and emoji 🚀 in the body.
`;

const PROFILES = { 'pdfa-1b': [1, 'B'], 'pdfa-2a': [2, 'A'], 'pdfa-3b': [3, 'B'], pdfua: [2, 'A'] } as const;
type Profile = keyof typeof PROFILES;

interface Doc {
  name: string;
  source: string;
}

const dir = tempDir('handout-system-');
const docs: Doc[] = [];
const pdf = (profile: Profile, doc: Doc): string => join(dir, profile, `${doc.name}.pdf`);

/** The Markdown releases with images (a JPEG and a transparent PNG; a CMYK JPEG and palette, interlaced, 16-bit and grey PNGs), built apart. */
const IMAGE_PDFS = ['images/release.pdf', 'image-variants/variants.pdf'];
const imagePdf = (profile: Profile, name: string): string => join(dir, `images-${profile}`, name);
/** The branded example (examples/brand: a PNG logo from the config, an SVG one from front matter), built apart. */
const BRAND_PDFS = ['columbia-gorge-solar-farm.pdf', 'bluewater-partnership.pdf'];
const brandPdf = (profile: Profile, name: string): string => join(dir, `brand-${profile}`, name);

/** `pdfimages -list`: its text, and its rows split into columns (page num type width height color comp bpc enc …). */
async function imagesOf(path: string): Promise<{ list: string; rows: string[][] }> {
  const { stdout: list } = await run('pdfimages', ['-list', path]);
  return { list, rows: list.trim().split('\n').slice(2).map((row) => row.trim().split(/\s+/u)) };
}

/** Every Figure of the structure tree, in order, through qpdf --json. */
async function figuresOf(path: string): Promise<StructNode[]> {
  const { stdout } = await run('qpdf', ['--json', path], { maxBuffer: 1 << 28 });
  const figures: StructNode[] = [];
  const walk = (node: StructNode): void => {
    if (node.role === 'Figure') figures.push(node);
    node.kids.forEach(walk);
  };
  walk(structureOf(stdout).root!);
  return figures;
}

before(async () => {
  for (const tool of ['qpdf', 'pdffonts', 'pdfinfo', 'pdfimages', 'pdftotext', 'pdftoppm', 'java']) requireTool(tool);
  for (const jar of PDFBOX_JARS) assert.ok(existsSync(jar), `${jar} is missing: apt-get install libpdfbox2-java libactivation-java libjaxb-api-java`);
  const input = join(dir, 'in');
  mkdirSync(input);
  copyFileSync(seedPath, join(input, 'seed.txt'));
  writeFileSync(join(input, 'hostile.txt'), HOSTILE);
  const labels = JSON.parse(readFileSync(join(corpusDir, 'labels.json'), 'utf8')) as { file: string; kind: string }[];
  const releases = labels.filter((l) => l.kind === 'release');
  assert.ok(releases.length >= 50, `only ${releases.length} corpus releases`);
  for (const { file } of releases) copyFileSync(join(corpusDir, 'raw', file), join(input, file));
  for (const name of ['seed.txt', 'hostile.txt', ...releases.map((r) => r.file)]) {
    docs.push({ name: name.replace(/\.txt$/u, ''), source: readFileSync(join(input, name), 'utf8') });
  }
  const images = join(dir, 'images-in');
  for (const name of ['images', 'image-variants']) cpSync(join(fixtures, name), join(images, name), { recursive: true });
  for (const profile of Object.keys(PROFILES)) {
    await run(process.execPath, [cli, 'build', input, '--out', join(dir, profile), '--format', 'pdf', '--pdf-profile', profile, '--quiet'], { maxBuffer: 1 << 26 }).catch((error: { code?: number; stderr?: string }) => {
      // Warnings (exit 0) are fine; a failed document (exit 1) is not.
      assert.fail(`build with ${profile} failed (${error.code}):\n${error.stderr}`);
    });
    // --frail: an image diagnostic would fail the build.
    await run(process.execPath, [cli, 'build', images, '--out', join(dir, `images-${profile}`), '--format', 'pdf', '--pdf-profile', profile, '--frail', '--no-pressroom'], { maxBuffer: 1 << 26 }).catch((error: { code?: number; stderr?: string }) => {
      assert.fail(`image build with ${profile} failed (${error.code}):\n${error.stderr}`);
    });
    await run(process.execPath, [cli, 'build', '-c', join(root, 'examples', 'brand', 'handout.config.json'), '--out', join(dir, `brand-${profile}`), '--format', 'pdf', '--pdf-profile', profile, '--frail', '--no-pressroom'], { maxBuffer: 1 << 26 }).catch((error: { code?: number; stderr?: string }) => {
      assert.fail(`branded build with ${profile} failed (${error.code}):\n${error.stderr}`);
    });
  }
});

for (const [profile, [part, conformance]] of Object.entries(PROFILES) as [Profile, (typeof PROFILES)[Profile]][]) {
  test(`${profile}: qpdf --check is clean for every document, the releases with images and the branded ones too`, async () => {
    await each([...docs.map((doc) => pdf(profile, doc)), ...IMAGE_PDFS.map((name) => imagePdf(profile, name)), ...BRAND_PDFS.map((name) => brandPdf(profile, name))], async (file) => {
      const { stdout } = await run('qpdf', ['--check', file]);
      assert.match(stdout, /No syntax or stream encoding errors found/u, `${file}: ${stdout}`);
    });
  });

  test(`${profile}: the images are 8-bit RGB or grey with no soft mask (pdfimages), each a Figure with /Alt and a Caption (qpdf --json)`, async () => {
    for (const name of IMAGE_PDFS) {
      const { list, rows } = await imagesOf(imagePdf(profile, name));
      // page num type width height color comp bpc enc …
      assert.deepEqual(rows.map((r) => r.slice(2, 4).concat(r.slice(5, 8))), name.startsWith('images/')
        ? [['image', '160', 'rgb', '3', '8'], ['image', '48', 'rgb', '3', '8']]
        : [['image', '40', 'rgb', '3', '8'], ['image', '24', 'rgb', '3', '8'], ['image', '19', 'rgb', '3', '8'], ['image', '20', 'rgb', '3', '8'], ['image', '16', 'rgb', '3', '8'], ['image', '24', 'rgb', '3', '8']], `${name}: ${list}`);
      const figures = await figuresOf(imagePdf(profile, name));
      assert.equal(figures.length, name.startsWith('images/') ? 2 : 6, name);
      for (const figure of figures) {
        assert.ok(figure.alt && figure.contents === 1, `${name}: a Figure with /Alt and its image: ${JSON.stringify(figure)}`);
        // The last Figure of the variants (the palette image shown again, inline) has no caption.
        if (figure !== figures[5]) assert.deepEqual(figure.kids.map((k) => k.role), ['Caption'], name);
      }
    }
  });

  test(`${profile}: the branded example's logo (PNG from the config, SVG rasterised from front matter) is one 8-bit RGB image on page 1 with no soft mask, a Figure with /Alt`, async () => {
    for (const [name, alt] of [[BRAND_PDFS[0]!, 'Acme Solar Cooperative'], [BRAND_PDFS[1]!, 'Bluewater Grid']] as const) {
      const { list, rows } = await imagesOf(brandPdf(profile, name));
      // page num type … color comp bpc: one image, on page 1, no smask row.
      assert.deepEqual(rows.map((r) => [r[0], r[2], ...r.slice(5, 8)]), [['1', 'image', 'rgb', '3', '8']], `${name}: ${list}`);
      const figures = await figuresOf(brandPdf(profile, name));
      assert.deepEqual(figures.map((f) => [f.alt, f.contents]), [[alt, 1]], name);
    }
  });

  test(`${profile}: pdffonts shows every font embedded, subset, with a Unicode map`, async () => {
    await each(docs, async (doc) => {
      const { stdout } = await run('pdffonts', [pdf(profile, doc)]);
      const rows = stdout.trim().split('\n').slice(2);
      assert.ok(rows.length >= 2, `${doc.name}: ${stdout}`);
      for (const row of rows) assert.match(row, /\s+yes\s+yes\s+yes\s+\d+\s+\d+$/u, `${doc.name}: not embedded/subset/unicode: ${row}`);
    });
  });

  test(`${profile}: pdfinfo shows pdfaid part ${part}, conformance ${conformance}, Tagged: yes`, async () => {
    await each(docs, async (doc) => {
      const meta = (await run('pdfinfo', ['-meta', pdf(profile, doc)])).stdout;
      assert.match(meta, new RegExp(`<pdfaid:part>${part}</pdfaid:part>`, 'u'), doc.name);
      assert.match(meta, new RegExp(`<pdfaid:conformance>${conformance}</pdfaid:conformance>`, 'u'), doc.name);
      if (profile === 'pdfua') assert.match(meta, /<pdfuaid:part>1<\/pdfuaid:part>/u, doc.name);
      const info = (await run('pdfinfo', [pdf(profile, doc)])).stdout;
      assert.match(info, /^Tagged:\s+yes$/mu, doc.name);
    });
  });
}

/** The roles a body block becomes in the structure tree (thematic breaks are artifacts, raw HTML is dropped). */
function blockRole(node: RootContent): string | RegExp | null {
  switch (node.type) {
    case 'paragraph':
      return 'P';
    case 'heading':
      return /^H[1-6]$/u;
    case 'list':
      return 'L';
    case 'blockquote':
      return 'BlockQuote';
    case 'code':
      return 'Code';
    case 'table':
      return 'Div';
    default:
      return null;
  }
}

function contains(haystack: readonly string[], needle: readonly (string | RegExp)[]): boolean {
  outer: for (let start = 0; start + needle.length <= haystack.length; start++) {
    for (let i = 0; i < needle.length; i++) {
      const want = needle[i]!;
      const got = haystack[start + i]!;
      if (typeof want === 'string' ? got !== want : !want.test(got)) continue outer;
    }
    return true;
  }
  return false;
}

test('pdfua: the structure tree follows the source blocks, with /Lang and DisplayDocTitle', async () => {
  await each(docs, async (doc) => {
    const { stdout } = await run('qpdf', ['--json', pdf('pdfua', doc)], { maxBuffer: 1 << 28 });
    const structure = structureOf(stdout);
    assert.equal(structure.marked, true, `${doc.name}: MarkInfo /Marked`);
    assert.equal(structure.displayDocTitle, true, `${doc.name}: DisplayDocTitle`);
    assert.ok(structure.lang && /^[a-z]{2,3}(-[A-Za-z]+)?$/u.test(structure.lang), `${doc.name}: /Lang ${structure.lang}`);
    const root = structure.root;
    assert.equal(root?.role, 'Document', `${doc.name}: root ${root?.role}`);
    const top = root!.kids.map((k) => k.role);
    assert.ok(top.includes('H1'), `${doc.name}: no H1 in ${top.join(' ')}`);
    const file = sourceFile(doc.source, `${doc.name}.txt`);
    const release = extractRelease(file);
    assert.ok(release, doc.name);
    const expected = release.body.children.map(blockRole).filter((r): r is string | RegExp => r !== null);
    assert.ok(contains(top, expected), `${doc.name}: top-level ${top.join(' ')} lacks the body's ${expected.join(' ')}`);
    const check = (node: StructNode): void => {
      if (node.role === 'L') for (const li of node.kids) assert.deepEqual(li.kids.map((k) => k.role), ['Lbl', 'LBody'], `${doc.name}: ${roles(li).join(' ')}`);
      if (node.role === 'Link') {
        assert.ok(node.annotations >= 1, `${doc.name}: a Link without its annotation`);
        assert.ok(node.alt, `${doc.name}: a Link without alt text`);
      }
      node.kids.forEach(check);
    };
    check(root!);
  });
});

test('pdfa-3b: the source and the JSON record travel as associated files', async () => {
  await each(docs.slice(0, 10), async (doc) => {
    const { stdout } = await run('qpdf', ['--json', pdf('pdfa-3b', doc)], { maxBuffer: 1 << 28 });
    const { associated } = structureOf(stdout);
    assert.deepEqual(
      associated.map((a) => [a.name, a.relationship, a.subtype]),
      [
        [`${doc.name}.txt`, 'Source', 'text/plain'],
        [`${doc.name}.json`, 'Data', 'application/json'],
      ],
      doc.name,
    );
    assert.equal(associated[0]!.size, Buffer.byteLength(doc.source), doc.name);
    const { stdout: shown } = await run('qpdf', [`--show-attachment=${doc.name}.json`, pdf('pdfa-3b', doc)], { maxBuffer: 1 << 26 });
    const record = JSON.parse(shown) as { title: string | null };
    assert.equal(record.title, extractRelease(sourceFile(doc.source, `${doc.name}.txt`))!.title, doc.name);
  });
});

/** The text of the body's leaf blocks, in order: list items and quotes are walked into, raw HTML is left out. */
function leafTexts(nodes: readonly RootContent[]): string[] {
  return nodes.flatMap((node) => {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'code' || node.type === 'tableCell') return [toString(node, { includeHtml: false })];
    if (node.type === 'html' || node.type === 'thematicBreak') return [];
    return 'children' in node ? leafTexts(node.children as RootContent[]) : [];
  });
}

test('pdftotext gives back every body word, in reading order, for every document', async () => {
  // Hyphens and white space are left out of the comparison: a line may end in a
  // hyphenation hyphen, and CJK text has no spaces for line breaks to replace.
  const squash = (text: string): string => text.replace(/[-\s\u00ad\u200b]+/gu, '');
  // Characters no font has come out as U+FFFD (and are reported as missing-glyph); controls are never drawn.
  const drawable = (text: string): string => text.replace(/(?!\s)[\p{Cc}\p{Cf}]|\p{Extended_Pictographic}/gu, '');
  await each(docs, async (doc) => {
    const release = extractRelease(sourceFile(doc.source, `${doc.name}.txt`))!;
    const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', '-raw', pdf('pdfa-2a', doc), '-'], { maxBuffer: 1 << 26 });
    // Page furniture (the running header, the footer line with "Page N of M" in the release's language) sits between the pages' text in content order.
    const pageOf = pageLabel(release.language);
    const title = (release.title ?? '').replace(/\s+/gu, ' ').trim();
    const isHeader = (line: string): boolean => !!title && (line === title || (line.endsWith('…') && title.startsWith(line.slice(0, -1))));
    const body = stdout
      .split('\n')
      .filter((line) => !pageOf.test(line) && !isHeader(line.trim()))
      .join('\n');
    const text = squash(body.replace(/\ufffd/gu, ''));
    let from = 0;
    for (const leaf of leafTexts(release.body.children)) {
      for (const word of drawable(leaf).split(/\s+/u).map(squash).filter(Boolean)) {
        const at = text.indexOf(word, from);
        assert.ok(at >= 0, `${doc.name}: "${word}" not found in order after offset ${from} (…${text.slice(Math.max(0, from - 60), from + 60)}…)`);
        from = at + word.length;
      }
    }
  });
});

test('pdftotext gives back the hostile title and body words', async () => {
  const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', '-raw', join(dir, 'pdfa-2a', 'hostile.pdf'), '-']);
  const text = stdout.replace(/\s+/gu, ' ');
  for (const phrase of ['Acme & Co <Widget> "2.0"', 'ünïcödé Ελληνικά Кириллица', 'Widget "2.0", with <angle brackets>, & ampersands, {{mustaches}}']) {
    assert.ok(text.includes(phrase), `"${phrase}" missing from: ${text.slice(0, 300)}`);
  }
});

test('a Traditional Chinese release is set in a CJK font, embedded, with every character extracted', async () => {
  const chinese = docs.filter((d) => (d.source.match(/\p{Script=Han}/gu) ?? []).length > 200);
  assert.ok(chinese.length >= 1, 'no Chinese release in the corpus');
  for (const doc of chinese) {
    const fonts = (await run('pdffonts', [pdf('pdfa-2a', doc)])).stdout;
    assert.match(fonts, /NotoSans\w*CJK|NotoSerif\w*CJK/u, `${doc.name}: no CJK font: ${fonts}`);
    const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', '-raw', pdf('pdfa-2a', doc), '-'], { maxBuffer: 1 << 26 });
    assert.ok(!stdout.includes('\ufffd'), `${doc.name}: U+FFFD in the text: a character had no glyph`);
    const han = new Set(doc.source.match(/\p{Script=Han}/gu));
    const extracted = new Set(stdout.match(/\p{Script=Han}/gu));
    const lost = [...han].filter((c) => !extracted.has(c));
    assert.deepEqual(lost, [], `${doc.name}: Han characters missing from the PDF text`);
  }
  // The page rasterises (pdftoppm reads every font program).
  const png = join(dir, 'cjk');
  await run('pdftoppm', ['-r', '40', '-png', '-f', '1', '-l', '1', pdf('pdfa-2a', chinese[0]!), png]);
  assert.ok(existsSync(`${png}-1.png`) || existsSync(`${png}-01.png`));
});

test('pdfa-1b: Apache PDFBox preflight Validator_A1b passes every document, the releases with images and the branded ones too', async () => {
  const list = join(dir, 'pdfa-1b-files.txt');
  const files = [...docs.map((d) => pdf('pdfa-1b', d)), ...IMAGE_PDFS.map((name) => imagePdf('pdfa-1b', name)), ...BRAND_PDFS.map((name) => brandPdf('pdfa-1b', name))];
  writeFileSync(list, `${files.join('\n')}\n`);
  // "group" mode validates the whole list in one JVM and writes one XML report beside the list.
  await run('java', ['-cp', PDFBOX_JARS.join(':'), 'org.apache.pdfbox.preflight.Validator_A1b', 'xml', 'group', list], { maxBuffer: 1 << 26 }).catch(() => undefined);
  const reportFile = `${list}.preflight.xml`;
  assert.ok(existsSync(reportFile), 'PDFBox wrote no report');
  const report = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'preflight' || name === 'error' }).parse(readFileSync(reportFile, 'utf8')) as {
    preflights: { preflight: { '@_name': string; isValid: { '#text': unknown } | unknown; errors?: unknown }[] };
  };
  const results = report.preflights.preflight;
  assert.equal(results.length, files.length);
  const invalid = results.filter((r) => String((r.isValid as { '#text'?: unknown })['#text'] ?? r.isValid) !== 'true');
  assert.deepEqual(invalid.map((r) => `${r['@_name']}: ${JSON.stringify(r.errors)}`), []);
});
