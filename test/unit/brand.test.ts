/**
 * The brand on every format: the example in examples/brand built in all
 * formats through the CLI, each element asserted where a reader meets it
 * (the HTML's DOM and JSON-LD, the PDF's text, images and structure tree, the
 * wire text, the record, the mail); the release's front matter overriding the
 * project's brand; and bad brand values, each a diagnostic at its place or a
 * usage error, never a crash.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { HtmlValidate } from 'html-validate';
import { simpleParser } from 'mailparser';
import { parse } from 'parse5';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { VFile } from 'vfile';
import { contrast, parseHex, readableOn } from '../../pipeline/brand/color.js';
import { parseBrand } from '../../pipeline/brand/fields.js';
import { prepareBrand } from '../../pipeline/brand/logo.js';
import { parseConfig } from '../../pipeline/config/index.js';
import { extractRelease, sourceFile } from '../../pipeline/document.js';
import { UsageError } from '../../pipeline/errors.js';
import { renderFormat } from '../../pipeline/render/index.js';
import { loadTemplates } from '../../pipeline/render/templates.js';
import type { ReleaseJson } from '../../pipeline/release.js';
import { assertNoStack, reported, runCli } from '../support/cli.js';
import { unsafeParts } from '../support/html.js';
import { flat, readPdf, readTagged, type StructTreeNode } from '../support/pdf.js';
import { root, tempDir } from '../support/paths.js';

const example = join(root, 'examples', 'brand');
const configPath = join(example, 'handout.config.json');
const config = JSON.parse(readFileSync(configPath, 'utf8')) as { brand: { name: string; about: string; footer: string; accentColor: string; contacts: { name: string; role: string; email: string; phone: string }[] } };
const brand = config.brand;
const logoPng = readFileSync(join(example, 'logo.png'));
const templates = loadTemplates();

const out = tempDir('handout-brand-');
const read = (name: string): Buffer => readFileSync(join(out, name));
const text = (name: string): string => read(name).toString('utf8');

interface Node5 {
  nodeName: string;
  tagName?: string;
  value?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Node5[];
}

/** A small DOM query over parse5's tree: elements matching a tag and optional class, in document order. */
function all(node: Node5, tag: string, cls?: string): Node5[] {
  const found: Node5[] = [];
  const walk = (n: Node5): void => {
    if (n.tagName === tag && (!cls || attr(n, 'class')?.split(' ').includes(cls))) found.push(n);
    for (const c of n.childNodes ?? []) walk(c);
  };
  walk(node);
  return found;
}

function one(node: Node5, tag: string, cls?: string): Node5 {
  const [first] = all(node, tag, cls);
  assert.ok(first, `<${tag}${cls ? ` class="${cls}"` : ''}> is in the page`);
  return first;
}

function attr(node: Node5, name: string): string | undefined {
  return node.attrs?.find((a) => a.name === name)?.value;
}

function textOf(node: Node5): string {
  if (node.nodeName === '#text') return node.value ?? '';
  return (node.childNodes ?? []).map(textOf).join('');
}

function dom(html: string): Node5 {
  return parse(html) as unknown as Node5;
}

/** Image XObjects painted on each page, by pdf.js's operator list. */
async function imagesPerPage(bytes: Uint8Array): Promise<number[]> {
  const doc = await getDocument({ data: new Uint8Array(bytes), disableFontFace: true, verbosity: 0 }).promise;
  const counts: number[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const ops = await (await doc.getPage(i)).getOperatorList();
    counts.push(ops.fnArray.filter((fn) => fn === OPS.paintImageXObject).length);
  }
  await doc.destroy();
  return counts;
}

function findRole(node: StructTreeNode | null, role: string): StructTreeNode[] {
  if (!node) return [];
  const here = node.role === role ? [node] : [];
  return [...here, ...node.children.flatMap((c) => ('role' in c ? findRole(c, role) : []))];
}

let built: Awaited<ReturnType<typeof runCli>>;

before(async () => {
  built = await runCli(['build', '-c', configPath, '--out', out, '-f', 'html,pdf,txt,json,eml', '-j', '1', '--no-pressroom']);
});

describe('the branded example, built in all formats', () => {
  const stem = 'columbia-gorge-solar-farm';

  test('builds with no diagnostic', () => {
    assert.equal(built.code, 0, built.stderr);
    assert.deepEqual(reported(built.stderr), []);
  });

  test('HTML: the letterhead logo is an <img> data: URI of the file, with the organisation as alt text and its size', () => {
    const page = dom(text(`${stem}.html`));
    const img = one(one(page, 'header', 'letterhead'), 'img');
    const src = attr(img, 'src')!;
    assert.ok(src.startsWith('data:image/png;base64,'), src.slice(0, 40));
    assert.deepEqual(Buffer.from(src.slice('data:image/png;base64,'.length), 'base64'), logoPng);
    assert.equal(attr(img, 'alt'), brand.name);
    // 480 × 128 fitted into the 200 × 56 letterhead box.
    assert.equal(attr(img, 'width'), '200');
    assert.equal(attr(img, 'height'), '53');
  });

  test('HTML: About section, media contacts with mailto: and tel: links, the release\'s own contact, and the footer line', () => {
    const page = dom(text(`${stem}.html`));
    const about = one(page, 'section', 'about');
    assert.equal(textOf(one(about, 'h2')), `About ${brand.name}`);
    assert.equal(textOf(one(about, 'p')), brand.about);
    const items = all(one(page, 'section', 'media-contacts'), 'li');
    assert.equal(items.length, 2);
    brand.contacts.forEach((contact, i) => {
      const item = items[i]!;
      assert.match(textOf(item), new RegExp(`^${contact.name}, ${contact.role}`, 'u'));
      const links = all(item, 'a').map((a) => [attr(a, 'href'), textOf(a)]);
      assert.deepEqual(links, [
        [`mailto:${contact.email}`, contact.email],
        // Shown with no-break spaces, so a number never wraps in the middle.
        [`tel:${contact.phone.replace(/ /gu, '')}`, contact.phone.replace(/ /gu, '\u00a0')],
      ]);
    });
    assert.equal(textOf(one(one(page, 'section', 'contact'), 'p')), 'Site tours: Priya Nair, operations@acme-solar.example');
    assert.equal(textOf(one(page, 'address', 'brand-footer')), brand.footer);
  });

  test('HTML: the accent colour is a CSS custom property, made readable for text in light and dark', () => {
    const css = all(dom(text(`${stem}.html`)), 'style').map(textOf).join('\n');
    const property = (name: string): string => {
      const m = new RegExp(`--${name}: (#[0-9a-f]{6})`, 'u').exec(css);
      assert.ok(m, `--${name} is set`);
      return m[1]!;
    };
    assert.equal(property('brand'), brand.accentColor);
    // Amber on white is 2.1:1: too pale for text, so links and labels get a darker amber, and a lighter one on dark paper.
    assert.ok(contrast(parseHex(brand.accentColor), parseHex('#ffffff')) < 4.5);
    assert.ok(contrast(parseHex(property('brand-text')), parseHex('#ffffff')) >= 4.5);
    assert.ok(contrast(parseHex(property('brand-text-dark')), parseHex('#15161a')) >= 4.5);
    assert.match(css, /--font-headings: Seravek,/u);
  });

  test('JSON-LD: the publisher is the organisation, with its logo as an ImageObject and its media contacts', () => {
    const page = dom(text(`${stem}.html`));
    const script = all(page, 'script').find((s) => attr(s, 'type') === 'application/ld+json')!;
    const ld = JSON.parse(textOf(script)) as { publisher: { '@type': string; name: string; logo: { '@type': string; url: string; width: number; height: number }; contactPoint: { email: string; telephone: string; name: string }[] } };
    assert.equal(ld.publisher['@type'], 'Organization');
    assert.equal(ld.publisher.name, brand.name);
    assert.equal(ld.publisher.logo['@type'], 'ImageObject');
    assert.equal(ld.publisher.logo.url, attr(one(page, 'img'), 'src'));
    assert.deepEqual([ld.publisher.logo.width, ld.publisher.logo.height], [480, 128]);
    assert.deepEqual(ld.publisher.contactPoint.map((c) => [c.name, c.email, c.telephone]), brand.contacts.map((c) => [c.name, c.email, c.phone]));
  });

  test('PDF: organisation, About text, contacts in the text; the footer line on every page', async () => {
    const pdf = await readPdf(read(`${stem}.pdf`));
    const all = flat(pdf.text.join('\n'));
    assert.ok(all.includes(`About ${brand.name}`), 'About heading');
    assert.ok(all.includes(flat(brand.about)), 'About text');
    for (const c of brand.contacts) {
      for (const part of [`${c.name}, ${c.role}`, c.email, c.phone]) assert.ok(all.includes(part), part);
    }
    assert.ok(all.includes('Site tours: Priya Nair, operations@acme-solar.example'), "the release's own contact");
    assert.ok(pdf.pages >= 1);
    pdf.text.forEach((page, i) => assert.ok(flat(page).includes(brand.footer), `footer line on page ${i + 1}`));
  });

  test('PDF: the logo is an image XObject on page 1, tagged as a Figure with the organisation as /Alt', async () => {
    const bytes = read(`${stem}.pdf`);
    const images = await imagesPerPage(bytes);
    assert.equal(images[0], 1, 'one image on page 1');
    assert.ok(images.slice(1).every((n) => n === 0), 'none on later pages');
    const { pages } = await readTagged(bytes);
    const figures = findRole(pages[0]!.tree, 'Figure');
    assert.equal(figures.length, 1);
    assert.equal(figures[0]!.alt, brand.name);
    // The About and Media contact headings are real headings, not decoration.
    const headings = pages.flatMap((p) => findRole(p.tree, 'H2'));
    assert.ok(headings.length >= 2);
  });

  test('wire text: About and Media contact blocks, the release\'s contact, and the footer line', () => {
    const wire = text(`${stem}.txt`);
    assert.match(wire, /^Contact:\nSite tours: Priya Nair, operations@acme-solar\.example\n/mu);
    assert.match(wire, /^About Acme Solar Cooperative:\nAcme Solar Cooperative is a member-owned utility/mu);
    assert.equal(flat(wire.split('About Acme Solar Cooperative:\n')[1]!.split('\n\n')[0]!), brand.about);
    assert.ok(
      wire.includes('Media contact:\nJane Roe, Head of Communications\npress@acme-solar.example\n+1 503 555 0100\n\nSam Ortiz, Media Relations\nmedia@acme-solar.example\n+1 503 555 0142\n'),
      wire,
    );
    assert.equal(flat(wire.split('###')[1]!), brand.footer);
  });

  test('JSON record: the brand that applied, each field from the config', () => {
    const record = JSON.parse(text(`${stem}.json`)) as ReleaseJson;
    assert.equal(record.brand?.name, brand.name);
    assert.equal(record.brand?.logo, 'logo.png');
    assert.equal(record.brand?.accentColor, brand.accentColor);
    assert.deepEqual(record.brand?.contacts, brand.contacts);
    assert.equal(record.brand?.footer, brand.footer);
    assert.deepEqual(record.brand?.fonts, { body: null, headings: 'humanist' });
    assert.equal(record.sources['brand.name']?.origin, 'config');
  });

  test('.eml: the organisation in the Organization header; the footer line in the text part', async () => {
    const mail = await simpleParser(read(`${stem}.eml`));
    assert.equal(mail.headers.get('organization'), brand.name);
    assert.ok(flat(mail.text ?? '').includes(brand.footer));
  });

  test('html-validate finds nothing wrong in either branded page', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
    for (const name of [stem, 'bluewater-partnership']) {
      const report = await validator.validateString(text(`${name}.html`), `${name}.html`);
      assert.equal(report.errorCount, 0, JSON.stringify(report.results.flatMap((r) => r.messages.map((m) => m.message))));
    }
  });
});

describe('front matter overrides the project, field by field', () => {
  const stem = 'bluewater-partnership';

  test('the record: overridden fields from front matter, the rest from the config', () => {
    const record = JSON.parse(text(`${stem}.json`)) as ReleaseJson;
    assert.equal(record.brand?.name, 'Bluewater Grid');
    assert.equal(record.brand?.logo, 'partner-logo.svg');
    assert.equal(record.brand?.accentColor, '#0a6e8a');
    assert.deepEqual(record.brand?.contacts?.map((c) => c.name), ['Lee Park']);
    assert.equal(record.brand?.footer, brand.footer);
    assert.equal(record.sources['brand.name']?.origin, 'front-matter');
    assert.ok(record.sources['brand.logo']?.position, 'a front-matter field keeps its position');
    assert.equal(record.sources['brand.footer']?.origin, 'config');
  });

  test('the SVG logo: an <img> data: URI (never inline SVG) in HTML, a rasterised image XObject and Figure in the PDF', async () => {
    const page = dom(text(`${stem}.html`));
    assert.equal(all(page, 'svg').length, 0);
    const img = one(one(page, 'header', 'letterhead'), 'img');
    assert.ok(attr(img, 'src')!.startsWith('data:image/svg+xml;base64,'));
    assert.equal(attr(img, 'alt'), 'Bluewater Grid');
    // 210 × 48 fitted into the 200 × 56 box.
    assert.deepEqual([attr(img, 'width'), attr(img, 'height')], ['200', '46']);
    const bytes = read(`${stem}.pdf`);
    assert.equal((await imagesPerPage(bytes))[0], 1);
    const { pages } = await readTagged(bytes);
    assert.deepEqual(findRole(pages[0]!.tree, 'Figure').map((f) => f.alt), ['Bluewater Grid']);
    assert.ok(flat((await readPdf(bytes)).text.join(' ')).includes('About Bluewater Grid'));
  });

  test('logo: null in front matter removes the project\'s logo', async () => {
    const settings = parseConfig(readFileSync(configPath, 'utf8'), configPath, example).values.brand!;
    const file = sourceFile('---\ntitle: No logo\ndate: 2026-03-03\nlogo: null\n---\n\nAcme said so today.\n', join(example, 'releases', 'x.md'));
    const release = extractRelease(file)!;
    const prepared = await prepareBrand(release, file, { settings, root: join(example, 'releases') });
    assert.equal(prepared.logo, undefined);
    const html = Buffer.from(await renderFormat('html', release, file, templates, {})).toString('utf8');
    assert.equal(all(dom(html), 'img').length, 0);
    assert.equal(release.brand?.name, brand.name, 'the other fields still apply');
  });
});

describe('the PDF with a logo', () => {
  const stem = 'columbia-gorge-solar-farm';
  const render = async (profile: 'pdfa-1b' | 'plain'): Promise<Buffer> => {
    const settings = parseConfig(readFileSync(configPath, 'utf8'), configPath, example).values.brand!;
    const path = join(example, 'releases', `${stem}.md`);
    const file = sourceFile(readFileSync(path, 'utf8'), path);
    const release = extractRelease(file)!;
    const { logo } = await prepareBrand(release, file, { settings, root: join(example, 'releases') });
    assert.ok(logo);
    return Buffer.from(await renderFormat('pdf', release, file, templates, { pdf: { profile, sourceDateEpoch: 1700000000 }, logo }));
  };

  test('no transparency: the logo\'s alpha is laid over the white page, so PDF/A-1b carries no soft mask', async () => {
    for (const profile of ['pdfa-1b', 'plain'] as const) {
      const pdf = await render(profile);
      assert.doesNotMatch(pdf.toString('latin1'), /\/SMask/u, profile);
      assert.equal((await imagesPerPage(pdf))[0], 1, profile);
    }
  });

  test('rebuilds are byte-identical', async () => {
    assert.deepEqual(await render('pdfa-1b'), await render('pdfa-1b'));
  });
});

describe('bad brand values: a diagnostic at the place, or a usage error', () => {
  const dir = tempDir('handout-brand-bad-');
  const input = join(dir, 'in');
  mkdirSync(input);
  writeFileSync(join(dir, 'outside.png'), logoPng);
  writeFileSync(join(input, 'logo.png'), logoPng);
  writeFileSync(join(input, 'not-a-logo.png'), 'this is text, whatever its name says');
  symlinkSync(join(dir, 'outside.png'), join(input, 'linked.png'));

  /** Extract and prepare one front matter; the messages as "rule line:column". */
  const diagnose = async (frontMatter: string): Promise<{ messages: string[]; html: string }> => {
    const file = sourceFile(`---\ntitle: T\ndate: 2026-03-03\n${frontMatter}\n---\n\nAcme said so today.\n`, join(input, 'r.md'));
    const release = extractRelease(file)!;
    const { logo } = await prepareBrand(release, file, { root: input });
    const html = Buffer.from(await renderFormat('html', release, file, templates, logo ? { logo } : {})).toString('utf8');
    return { messages: file.messages.map((m) => `${m.ruleId} ${m.line}:${m.column}`), html };
  };

  test('a colour that is not #rrggbb', async () => {
    const { messages, html } = await diagnose('brand:\n  name: Acme\n  accentColor: "red; } body { display: none"');
    assert.deepEqual(messages, ['invalid-front-matter 6:16']);
    assert.doesNotMatch(html, /--brand:|display: none/u);
    assert.match(html, /About|Acme/u);
  });

  test('an unknown brand key, a bad email and a bad phone number', async () => {
    const { messages, html } = await diagnose('brand:\n  accentColour: "#112233"\n  contacts:\n    - name: Jo\n      email: "jo@example.org?subject=x"\n      phone: "call me"');
    assert.deepEqual(messages, ['invalid-front-matter 5:17', 'invalid-front-matter 8:14', 'invalid-front-matter 9:14']);
    // The contact stays, without what was wrong with it.
    assert.match(html, /<span class="contact-name">Jo<\/span><\/li>/u);
  });

  test('a missing logo file', async () => {
    assert.deepEqual((await diagnose('logo: missing.png')).messages, ['missing-image 4:7']);
  });

  test('a logo outside the input folder, as a path and through a symbolic link', async () => {
    assert.deepEqual((await diagnose('logo: ../outside.png')).messages, ['image-outside-input 4:7']);
    assert.deepEqual((await diagnose('brand:\n  logo: linked.png')).messages, ['image-outside-input 5:9']);
    assert.deepEqual((await diagnose(`logo: ${join(dir, 'outside.png')}`)).messages, ['image-outside-input 4:7']);
  });

  test('a logo that is a URL, not an image, or a hair-thin SVG', async () => {
    writeFileSync(join(input, 'thin.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="100000" height="1"/>');
    assert.deepEqual((await diagnose('logo: thin.svg')).messages, ['unsupported-image 4:7']);
    assert.deepEqual((await diagnose('logo: https://example.org/logo.png')).messages, ['invalid-front-matter 4:7']);
    assert.deepEqual((await diagnose('logo: //example.org/logo.png')).messages, ['unsupported-image 4:7']);
    assert.deepEqual((await diagnose('logo: not-a-logo.png')).messages, ['unsupported-image 4:7']);
  });

  test('a good logo next to the release is used', async () => {
    const { messages, html } = await diagnose('brand:\n  name: Acme\n  logo: logo.png');
    assert.deepEqual(messages, []);
    assert.match(html, /<img src="data:image\/png;base64,[^"]+" alt="Acme" width="200" height="53">/u);
    assert.doesNotMatch(html, /class="wordmark"/u, 'the logo stands for the name');
  });

  test('a logo that names nobody is decoration: alt="" in HTML, an artifact (no Figure) in the PDF; a name without a logo is printed', async () => {
    const { html } = await diagnose('logo: logo.png');
    assert.match(html, /<img src="data:image\/png;base64,[^"]+" alt="" width="200" height="53">/u);
    const file = sourceFile('---\ntitle: T\ndate: 2026-03-03\nlogo: logo.png\n---\n\nAcme said so today.\n', join(input, 'r.md'));
    const release = extractRelease(file)!;
    const { logo } = await prepareBrand(release, file, { root: input });
    const pdf = Buffer.from(await renderFormat('pdf', release, file, templates, { logo }));
    assert.equal((await imagesPerPage(pdf))[0], 1);
    assert.deepEqual(findRole((await readTagged(pdf)).pages[0]!.tree, 'Figure'), []);
    assert.match((await diagnose('brand:\n  name: Acme Co')).html, /<p class="wordmark">Acme Co<\/p>/u);
  });

  test('a hostile SVG logo stays an image: no inline SVG, no script, nothing fetched; absurd proportions stay small in the PDF', async () => {
    writeFileSync(join(input, 'hostile.svg'), '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="9000" height="100"><script>alert(1)</script><image xlink:href="https://example.org/track.png" width="10" height="1"/><rect width="9000" height="100" fill="#123456"/></svg>');
    const file = sourceFile('---\ntitle: T\ndate: 2026-03-03\nbrand:\n  name: Acme\n  logo: hostile.svg\n---\n\nAcme said so today.\n', join(input, 'r.md'));
    const release = extractRelease(file)!;
    const { logo } = await prepareBrand(release, file, { root: input });
    assert.ok(logo);
    assert.deepEqual(file.messages, []);
    const html = Buffer.from(await renderFormat('html', release, file, templates, { logo })).toString('utf8');
    assert.deepEqual(unsafeParts(html).filter((p) => !p.startsWith('URL data:image/svg+xml')), []);
    assert.equal(all(dom(html), 'svg').length, 0);
    assert.doesNotMatch(html, /alert\(1\)|track\.png/u, 'the SVG is only base64 inside a data: URI');
    const pdf = Buffer.from(await renderFormat('pdf', release, file, templates, { logo }));
    assert.equal((await imagesPerPage(pdf))[0], 1);
    assert.ok(pdf.byteLength < 200_000, `${pdf.byteLength} bytes`);
  });

  test('hostile brand text is escaped in HTML and never becomes markup', async () => {
    const { html } = await diagnose('brand:\n  name: "<script>alert(1)</script>"\n  about: "<img src=x onerror=alert(1)> {{title}}"\n  footer: "</address><script>x()</script>"');
    assert.deepEqual(unsafeParts(html), []);
    assert.match(html, /&lt;img src&#x3D;x onerror&#x3D;alert\(1\)&gt; \{\{title\}\}/u);
  });

  test('in the config: a usage error (exit 2) naming the file and the key', async () => {
    const cases: [object, RegExp][] = [
      [{ accentColor: 'blue' }, /brand\.accentColor must be a colour written #rrggbb/u],
      [{ colour: '#112233' }, /brand\.colour is not a brand key/u],
      [{ logo: 'nope.png' }, /brand\.logo: ".*nope\.png" does not exist/u],
      [{ logo: 'not-a-logo.png' }, /brand\.logo: ".*not-a-logo\.png" is not a PNG, JPEG or SVG file/u],
      [{ contacts: [{ role: 'Press' }] }, /brand\.contacts\[0\]\.name must be text/u],
    ];
    for (const [value, message] of cases) {
      const path = join(input, 'handout.config.json');
      writeFileSync(path, JSON.stringify({ brand: value }));
      assert.throws(() => parseConfig(readFileSync(path, 'utf8'), path), (e: unknown) => e instanceof UsageError && message.test(e.message));
      const run = await runCli(['build', input, '-c', path, '--out', join(dir, 'out'), '-f', 'txt']);
      assert.equal(run.code, 2, run.stderr);
      assert.match(run.stderr, message);
      assertNoStack(run.stderr);
    }
  });
});

describe('incremental builds', () => {
  test('a changed front-matter logo rebuilds the release that shows it; an unchanged one does not', async () => {
    const dir = tempDir('handout-brand-inc-');
    const input = join(dir, 'in');
    mkdirSync(input);
    writeFileSync(join(input, 'r.md'), '---\ntitle: T\ndate: 2026-03-03\nbrand:\n  name: Acme\n  logo: logo.svg\n---\n\nAcme said so today.\n');
    writeFileSync(join(input, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="#123456"/></svg>');
    const args = ['build', input, '--out', join(dir, 'out'), '-f', 'html', '-j', '1', '--no-pressroom', '--report', 'json'];
    const statuses = async (): Promise<string[]> => {
      const run = await runCli(args);
      assert.equal(run.code, 0, run.stderr);
      return (JSON.parse(readFileSync(join(dir, 'out', 'handout-report.json'), 'utf8')) as { documents: { status: string }[] }).documents.map((d) => d.status);
    };
    assert.deepEqual(await statuses(), ['built']);
    assert.deepEqual(await statuses(), ['skipped']);
    writeFileSync(join(input, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="#654321"/></svg>');
    assert.deepEqual(await statuses(), ['built']);
    assert.match(readFileSync(join(dir, 'out', 'r.html'), 'utf8'), new RegExp(Buffer.from(readFileSync(join(input, 'logo.svg'))).toString('base64').slice(0, 40).replace(/[+/]/gu, '\\$&'), 'u'));
  });
});

describe('checks and colours', () => {
  test('parseBrand keeps the good fields and says where each bad one is', () => {
    const { statement, problems } = parseBrand({ name: ' Acme\n Co ', accentColor: '#ABCDEF', contacts: { name: 'Jo', email: 'a@b' }, fonts: { body: 'comic' } });
    assert.deepEqual(statement, { name: 'Acme Co', accentColor: '#abcdef', contacts: [{ name: 'Jo', role: null, email: null, phone: null }], fonts: { body: null, headings: null } });
    assert.deepEqual(problems.map((p) => p.path), [['fonts', 'body'], ['contacts', 'email']]);
  });

  test('readableOn keeps a dark enough colour and darkens or lightens a pale one just enough', () => {
    assert.equal(readableOn('#1d4f91', '#ffffff'), '#1d4f91');
    for (const [color, paper] of [['#e8a317', '#ffffff'], ['#ffff00', '#ffffff'], ['#0a6e8a', '#15161a'], ['#000000', '#15161a']] as const) {
      const made = readableOn(color, paper);
      assert.ok(contrast(parseHex(made), parseHex(paper)) >= 4.5, `${color} on ${paper} → ${made}`);
    }
  });

  test('a release with no brand anywhere has none, and its page neither logo nor brand sections', async () => {
    const file = sourceFile('Acme Ships Widget\n\nPortland, March 3, 2026\n\nAcme shipped it today.\n', 'plain.txt');
    const release = extractRelease(file)!;
    const prepared = await prepareBrand(release, new VFile(), {});
    assert.equal(release.brand, null);
    assert.deepEqual(prepared, {});
    const html = Buffer.from(await renderFormat('html', release, file, templates)).toString('utf8');
    const page = dom(html);
    assert.equal(all(page, 'img').length + all(page, 'section', 'about').length + all(page, 'section', 'media-contacts').length + all(page, 'address').length, 0);
    assert.doesNotMatch(html, /--brand:/u);
  });
});
