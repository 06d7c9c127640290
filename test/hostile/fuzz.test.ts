/**
 * Property-based tests over generated releases (fast-check): random headers,
 * Unicode from several scripts (astral, RTL, combining, zero-width), and
 * Markdown constructs including raw HTML and script URLs.
 *
 * `npm test` runs a dozen cases with a fixed seed; `npm run test:fuzz`
 * runs FUZZ_RUNS (default 50, about two minutes) with FUZZ_SEED (default fixed) for CI.
 * Every PDF is rendered in this one process, after the cases before it, as
 * in a batch: the fuzz found that a composite glyph ("ç") broke the Unicode
 * mapping of its component ("c") in later documents (fixed in
 * render/pdf/shared-glyphs.ts).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { extractRelease, sourceFile } from '../../pipeline/document.js';
import { renderFormat } from '../../pipeline/render/index.js';
import { loadTemplates } from '../../pipeline/render/templates.js';
import { stringWidth } from '../../pipeline/render/wrap.js';
import { unsafeParts } from '../support/html.js';
import { readPdf } from '../support/pdf.js';


const RUNS = Number(process.env['FUZZ_RUNS'] ?? 12);
const SEED = Number(process.env['FUZZ_SEED'] ?? 20260303);
const templates = loadTemplates();

const SCRIPTS = [
  'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
  'àéîõüçñßøåæœÀÉÎÕÜÇÑ',
  'αβγδεζηθλμπσωΑΒΓΔ',
  'абвгдежзиклмнопрстуфхцчшщыэюя',
  'אבגדהוזחטיכלמנסעפצקרשת',
];
// Arabic is left out for now: in some PDFs with shaped Arabic, pdfjs reads
// other glyphs back as the wrong character (a "c" as U+001F) while poppler
// reads them right; reported to the PDF owner.
const EXTRA = ['e\u0301', 'n\u0303', '\u200b', '\u200d', '\u{1f600}', '\u{1d400}', '\u{20000}', '中', '文', 'の', '한'];

const word = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...SCRIPTS).chain((s) => fc.string({ unit: fc.constantFrom(...s), minLength: 1, maxLength: 10 })) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...SCRIPTS[0]!, ...EXTRA), { minLength: 1, maxLength: 6 }).map((a) => a.join('')) },
);
const URLS = ['https://example.com/a?b=1&c=2', 'javascript:alert(1)', ' JaVaScRiPt:alert(2)', 'data:text/html,<script>alert(3)</script>', 'vbscript:x', '#top', 'mailto:a@b.example'];
const inline = fc.oneof(
  { weight: 10, arbitrary: word },
  { weight: 1, arbitrary: word.map((w) => `*${w}*`) },
  { weight: 1, arbitrary: word.map((w) => `**${w}**`) },
  { weight: 1, arbitrary: word.map((w) => `\`${w}\``) },
  { weight: 1, arbitrary: fc.tuple(word, fc.constantFrom(...URLS)).map(([w, u]) => `[${w}](${u})`) },
  { weight: 1, arbitrary: fc.tuple(word, fc.constantFrom(...URLS)).map(([w, u]) => `![${w}](${u})`) },
  { weight: 1, arbitrary: fc.constantFrom('<script>alert(4)</script>', '<img src=x onerror=alert(5)>', '<iframe src="//evil.example"></iframe>', '<a href="javascript:alert(6)">', '</div>', '<b onclick="alert(7)">', '<svg onload=alert(8)>', '<style>*{}</style>') },
  { weight: 1, arbitrary: fc.constantFrom('{{title}}', '{{{body}}}', '{{> header}}', '{{#each x}}', '&amp;', '&lt;', '<', '>', '&', '"', "'", '\\', '<Widget>') },
);
const sentence = fc.array(inline, { minLength: 1, maxLength: 14 }).map((a) => a.join(' '));
const block = fc.oneof(
  { weight: 8, arbitrary: sentence },
  { weight: 1, arbitrary: sentence.map((s) => `## ${s}`) },
  { weight: 1, arbitrary: fc.array(sentence, { minLength: 1, maxLength: 4 }).map((a) => a.map((s) => `- ${s}`).join('\n')) },
  { weight: 1, arbitrary: sentence.map((s) => `> ${s}`) },
  { weight: 1, arbitrary: sentence.map((s) => `\`\`\`\n${s}\n\`\`\``) },
  { weight: 1, arbitrary: sentence.map((s) => `<div onclick="alert(9)">\n${s}\n</div>`) },
);
const release = fc
  .record({
    frontMatter: fc.option(fc.array(word, { minLength: 1, maxLength: 5 }).map((a) => a.join(' ')), { nil: undefined }),
    type: fc.option(fc.constantFrom('Press Release', 'Media Note', 'FOR IMMEDIATE RELEASE', 'Comunicado de Prensa'), { nil: undefined }),
    title: fc.array(word, { minLength: 1, maxLength: 10 }).map((a) => a.join(' ')),
    date: fc.option(fc.constantFrom('March 3, 2026', '2026-03-03', '3 mars 2026', '03/04/2020'), { nil: undefined }),
    dateline: fc.option(fc.constantFrom('PORTLAND, Ore. —', 'WASHINGTON –', 'Berlin, 3. März 2026 –'), { nil: undefined }),
    blocks: fc.array(block, { minLength: 1, maxLength: 6 }),
    crlf: fc.boolean(),
  })
  .map((r) => {
    const lines = [
      ...(r.frontMatter ? ['---', `title: ${JSON.stringify(r.frontMatter)}`, '---', ''] : []),
      ...(r.type ? [r.type] : []),
      r.title,
      ...(r.date ? [r.date] : []),
      '',
      r.dateline ? `${r.dateline} ${r.blocks[0]}` : r.blocks[0]!,
      ...r.blocks.slice(1).flatMap((b) => ['', b]),
      '',
    ];
    const text = lines.join('\n');
    return r.crlf ? text.replace(/\n/gu, '\r\n') : text;
  });

/** Letters and digits only, NFKC, without combining marks: what survives hyphenation, line breaks and font choice. */
function letters(text: string): string {
  return text.normalize('NFKC').replace(/\u00ad/gu, '').replace(/[^\p{L}\p{N}]/gu, '').toLowerCase();
}

interface Leaf {
  type: string;
  value?: string;
  alt?: string | null;
  children?: Leaf[];
}

/** Text of every leaf of the body tree, one string each (JSON body text glues list items together). */
function leafTexts(tree: Leaf): string[] {
  const out: string[] = [];
  const stack = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'html') continue;
    if (node.type === 'image') out.push(node.alt ?? '');
    else if (typeof node.value === 'string') out.push(node.value);
    stack.push(...(node.children ?? []));
  }
  return out;
}

async function check(source: string): Promise<void> {
  const file = sourceFile(source, 'fuzz.md');
  const record = extractRelease(file);
  assert.ok(record, `not extracted: ${file.messages.map(String).join('; ')}`);
  const html = Buffer.from(await renderFormat('html', record, file, templates)).toString('utf8');
  assert.deepEqual(unsafeParts(html), [], html);
  const json = JSON.parse(Buffer.from(await renderFormat('json', record, file, templates)).toString('utf8')) as { title: string | null; bodyTree: Leaf };
  const text = Buffer.from(await renderFormat('txt', record, file, templates, { text: { width: 72 } })).toString('utf8');
  for (const line of text.split('\n')) {
    if (stringWidth(line) > 72) assert.equal(line.trim().replace(/^(?:[>*-]|\d+\.)\s+/u, '').includes(' '), false, `overlong line with a space: ${JSON.stringify(line)}`);
  }
  const bytes = await renderFormat('pdf', record, file, templates, { pdf: { sourceDateEpoch: 1_700_000_000 } });
  const pdf = { text: (await readPdf(bytes)).text, missing: file.messages.filter((m) => m.ruleId === 'missing-glyph').map((m) => m.reason) };
  const missing = new Set(pdf.missing.flatMap((reason) => [...(reason.match(/"(.+?)" U\+/gu) ?? [])].map((s) => s.slice(1, -4))));
  const inPdf = letters(pdf.text.join('\n'));
  const words = [json.title ?? '', ...leafTexts(json.bodyTree)].join(' ').split(/\s+/u);
  for (const w of words) {
    if ([...w].some((ch) => missing.has(ch)) || /[\u{10000}-\u{10ffff}]/u.test(w)) continue;
    const l = letters(w);
    if (l === '') continue;
    assert.ok(inPdf.includes(l) || inPdf.includes([...l].reverse().join('')), `word ${JSON.stringify(w)} is not in the PDF text ${JSON.stringify(pdf.text)}`);
  }
}

test(`fuzz: ${RUNS} generated releases extract, render in every format, stay safe and keep their words (seed ${SEED})`, async () => {
  await fc.assert(fc.asyncProperty(release, check), { numRuns: RUNS, seed: SEED, endOnFailure: true, includeErrorInReport: true });
});
