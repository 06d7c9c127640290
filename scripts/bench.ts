/**
 * `npm run bench`: handout against pandoc and WeasyPrint on this machine, in
 * one run. See the README's "Benchmark" section for what each figure means.
 *
 *   node dist/scripts/bench.js [--docs 1000] [--noop-docs 10000] [--sample 50]
 *
 * A missing peer (pandoc, weasyprint) is reported loudly and makes the exit
 * code 1; its figures print as n/a and its targets as MISSING.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import { createRequire } from 'node:module';
import { counted } from '../pipeline/counted.js';
import { extractRelease, sourceFile } from '../pipeline/document.js';
import { renderHtml } from '../pipeline/render/html/index.js';
import { renderJson } from '../pipeline/render/json.js';
import { renderPdf } from '../pipeline/render/pdf/index.js';
import { loadTemplates } from '../pipeline/render/templates.js';
import { renderText } from '../pipeline/render/text/index.js';
import { fmt, limit, makeBatch, makeSmallBatch, parseBenchArgs, table, timed, verdict, type RunResult, type Target } from './bench-lib.js';

const root = join(fileURLToPath(import.meta.url), '..', '..', '..');
const cli = join(root, 'bin', 'handout.js');
const corpus = join(root, '..', 'shared', 'corpus', 'raw');
const args = parseBenchArgs(process.argv.slice(2));
const work = mkdtempSync(join(tmpdir(), 'handout-bench-'));
const env = { ...process.env, SOURCE_DATE_EPOCH: '1700000000', CI: '1' };
let missing = false;

function log(text: string): void {
  process.stderr.write(`${text}\n`);
}

function has(tool: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
}

async function handout(label: string, buildArgs: string[]): Promise<RunResult> {
  log(`… ${label}`);
  const r = await timed(process.execPath, [cli, 'build', ...buildArgs, '--quiet'], env);
  // Exit 1 only means some documents warned or failed; a crash has no summary and a stack.
  if (r.code !== 0 && r.code !== 1) throw new Error(`${label}: handout exited ${r.code}\n${r.stderr}`);
  log(`  ${fmt(r.seconds, 2)} s (CPU ${fmt(r.cpuSeconds, 1)} s), peak ${fmt(r.peakMb, 0)} MB`);
  return r;
}

function filesUnder(dir: string, ext: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else if (e.name.endsWith(ext)) out.push(join(d, e.name));
    }
  };
  walk(dir);
  return out.sort();
}

/**
 * handout's PDF step alone, in this process: sources read and extracted first
 * (untimed), then renderPdf. Fonts are parsed once per process and shaped
 * words are cached across documents, so what a document costs depends on what
 * came before it. Two figures: the sample's first pass, after warming up on
 * the corpus documents that are not in the sample (documents never seen, in a
 * process that has built others: a batch in its early stretch), and a second
 * pass over the same sample (every word shaped before: a long batch's steady
 * state at best).
 */
async function pdfRenderOnly(sample: readonly string[], warmup: readonly string[]): Promise<{ first: number; second: number }> {
  const templates = loadTemplates();
  const prepare = (sources: readonly string[]) =>
    sources.flatMap((source, i) => {
      const file = sourceFile(source, `doc-${i}.txt`);
      const release = extractRelease(file);
      return release ? [{ file, release }] : [];
    });
  const docs = prepare(sample);
  const warm = warmup.length > 0 ? prepare(warmup) : docs.slice(0, 5);
  for (const d of warm) await renderPdf(d.release, d.file, templates, { sourceDateEpoch: 1_700_000_000 });
  const pass = async (): Promise<number> => {
    const started = performance.now();
    for (const d of docs) await renderPdf(d.release, d.file, templates, { sourceDateEpoch: 1_700_000_000 });
    return ((performance.now() - started) / docs.length) * sample.length / 1000;
  };
  const first = await pass();
  return { first, second: await pass() };
}

/**
 * handout's per-document work in this process, without reading, writing or
 * workers: extraction alone, and the HTML path (extraction, then the HTML,
 * text and JSON renderings), in ms of CPU per document (steadier than wall
 * time on a shared machine), after a whole warm-up pass.
 */
function inProcess(sources: readonly string[]): { extractMs: number; htmlMs: number } {
  const templates = loadTemplates();
  const extract = (source: string, i: number) => extractRelease(sourceFile(source, `doc-${i}.txt`));
  const html = (source: string, i: number): void => {
    const release = extract(source, i);
    if (!release) return;
    renderHtml(release, templates);
    renderText(release, templates);
    renderJson(release);
  };
  sources.forEach(html);
  const time = (fn: (source: string, i: number) => unknown): number => {
    const started = process.cpuUsage();
    sources.forEach(fn);
    const used = process.cpuUsage(started);
    return (used.user + used.system) / 1000 / sources.length;
  };
  return { extractMs: time(extract), htmlMs: time(html) };
}

/**
 * pdfkit alone on the plain text: the floor handout's PDF step is measured
 * against. `font` is a standard-14 name (nothing embedded) or a TrueType file's
 * bytes (embedded and subset; pdfkit parses them again in every document).
 */
function pdfFloor(texts: readonly string[], font: string | Buffer): Promise<number> {
  const started = performance.now();
  return texts
    .reduce(
      (chain, text) =>
        chain.then(
          () =>
            new Promise<void>((done) => {
              const doc = new PDFDocument({ size: 'A4', font: font as string });
              doc.on('data', () => {});
              doc.on('end', () => done());
              doc.fontSize(11).text(text);
              doc.end();
            }),
        ),
      Promise.resolve(),
    )
    .then(() => (performance.now() - started) / 1000);
}

const N = args.docs;
const cores = availableParallelism();
log(`handout bench: ${counted(N, 'document')} (from ${corpus}), ${args.noopDocs} for the no-op rebuild, ${args.sample} for PDF; ${counted(cores, 'core')}; work folder ${work}`);
const batch = join(work, 'batch');
makeBatch(corpus, batch, N);

// (a) handout's full build on all cores, then (d) the same build in-process right after it, so
// that the two are measured as close together as a shared machine allows; then (a) HTML-only.
const full = await handout(`(a) handout full build (html,pdf,txt,json), --jobs ${cores}`, [batch, '-o', join(work, 'full'), '--jobs', String(cores)]);
const one = await handout('(d) handout full build, --jobs 1', [batch, '-o', join(work, 'full-1'), '--jobs', '1']);
const two = cores >= 2 ? full : await handout('(d) handout full build, --jobs 2', [batch, '-o', join(work, 'full-2'), '--jobs', '2']);
const html = await handout(`(a) handout HTML-only, --jobs ${cores}`, [batch, '-o', join(work, 'html'), '-f', 'html', '--jobs', String(cores)]);

// (b) pandoc, standalone HTML, one process per file, 2 at a time.
let pandocSeconds: number | null = null;
if (!has('pandoc')) {
  missing = true;
  log('!!! MISSING PEER: pandoc is not installed (apt-get install -y pandoc); its figures are n/a and the bench exits 1');
} else {
  log('… (b) pandoc -s (HTML), one process per file, 2 at a time');
  const sources = filesUnder(batch, '.txt');
  const outDir = join(work, 'pandoc');
  mkdirSync(outDir);
  const started = performance.now();
  const results = await limit(
    sources.map((source, i) => () => timed('pandoc', ['-s', '-f', 'markdown', '-t', 'html5', '--metadata', `title=${basename(source)}`, source, '-o', join(outDir, `${i}.html`)])),
    2,
  );
  pandocSeconds = (performance.now() - started) / 1000;
  const failed = results.filter((r) => r.code !== 0).length;
  if (failed > 0) log(`  ${failed} pandoc runs failed`);
  log(`  ${fmt(pandocSeconds, 2)} s`);
}

// (c) WeasyPrint on a sample of handout's own HTML, against handout's PDF of the same sample.
const sampleDir = join(work, 'sample');
makeBatch(corpus, sampleDir, args.sample);
const samplePdf = await handout(`(c) handout PDF-only on ${args.sample}, --jobs 1`, [sampleDir, '-o', join(work, 'sample-pdf'), '-f', 'pdf', '--jobs', '1']);
const sampleHtml = await handout(`(c) handout HTML for WeasyPrint's input`, [sampleDir, '-o', join(work, 'sample-html'), '-f', 'html', '--jobs', String(cores)]);
void sampleHtml;
let weasySeconds: number | null = null;
if (!has('weasyprint')) {
  missing = true;
  log('!!! MISSING PEER: weasyprint is not installed (apt-get install -y weasyprint); its figures are n/a and the bench exits 1');
} else {
  log(`… (c) weasyprint on ${args.sample} HTML handouts, one at a time`);
  const pages = filesUnder(join(work, 'sample-html'), '.html');
  const started = performance.now();
  for (const [i, page] of pages.entries()) {
    const r = await timed('weasyprint', ['-q', page, join(work, `weasy-${i}.pdf`)]);
    if (r.code !== 0) log(`  weasyprint failed on ${page}: ${r.stderr.slice(0, 200)}`);
  }
  weasySeconds = (performance.now() - started) / 1000;
  log(`  ${fmt(weasySeconds, 2)} s`);
}
// (g) the pdfkit floor on the same sample's text, in this process.
log('… (g) pdfkit floor: standard-14 Helvetica, no embedding, plain text');
const sampleTexts = filesUnder(sampleDir, '.txt').map((f) => readFileSync(f, 'utf8'));
// The corpus documents the sample does not hold (makeBatch takes them in name order) warm up every contender alike.
const warmTexts = filesUnder(corpus, '.txt').concat(filesUnder(corpus, '.md')).sort().slice(args.sample).map((f) => readFileSync(f, 'utf8'));
const dejavu = readFileSync(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSerif.ttf'));
await pdfFloor(warmTexts.length > 0 ? warmTexts : sampleTexts.slice(0, 5), 'Helvetica');
await pdfFloor(warmTexts.length > 0 ? warmTexts : sampleTexts.slice(0, 5), dejavu);
const floorSeconds = await pdfFloor(sampleTexts, 'Helvetica');
log('… (g) pdfkit with one embedded TrueType face, plain text; and handout renderPdf alone (extraction excluded)');
const embeddedFloorSeconds = await pdfFloor(sampleTexts, dejavu);
const renderOnly = await pdfRenderOnly(sampleTexts, warmTexts);
const renderOnlySeconds = renderOnly.first;

// (h) extraction and the HTML path in this process, on up to three passes over the corpus.
log('… (h) extraction alone and the HTML path (extract, html, txt, json), in-process');
const perDocument = inProcess(filesUnder(batch, '.txt').slice(0, 315).map((f) => readFileSync(f, 'utf8')));

// (e) and (f): 10,000 small documents, built once (HTML-only), then a timed no-op rebuild.
const small = join(work, 'small');
makeSmallBatch(small, args.noopDocs);
const first = await handout(`(f) handout HTML-only on ${args.noopDocs} small documents (peak RSS)`, [small, '-o', join(work, 'small-out'), '-f', 'html', '--jobs', String(cores)]);
const noop = await handout(`(e) no-op rebuild of ${args.noopDocs}`, [small, '-o', join(work, 'small-out'), '-f', 'html', '--jobs', String(cores)]);
const fullNoop = await handout(`(e) no-op rebuild of the ${N}-document full build`, [batch, '-o', join(work, 'full'), '--jobs', String(cores)]);
const manifestMb = statSync(join(work, 'small-out', '.handout-manifest.json')).size / 1e6;

const rate = (docs: number, s: number | null): number | null => (s === null ? null : docs / s);
const pandocRate = rate(N, pandocSeconds);
const perDoc = (s: number | null, n: number): number | null => (s === null ? null : (s / n) * 1000);
const handoutPdfMs = perDoc(samplePdf.seconds, args.sample);
const weasyMs = perDoc(weasySeconds, args.sample);
const floorMs = perDoc(floorSeconds, args.sample);
const embeddedFloorMs = perDoc(embeddedFloorSeconds, args.sample);
const renderOnlyMs = perDoc(renderOnlySeconds, args.sample);
const renderSecondMs = perDoc(renderOnly.second, args.sample);
const ratio = (a: number | null, b: number | null): number | null => (a === null || b === null || b === 0 ? null : a / b);
const cpu = (r: RunResult): string => `${fmt(r.cpuSeconds, 1)} s`;

console.log(`\nMachine: ${counted(cores, 'core')} (${cpus()[0]?.model ?? 'unknown CPU'}), ${fmt(totalmem() / 2 ** 30, 0)} GB RAM, Node ${process.version}, load average at the end ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
console.log(`${counted(N, 'document')} from ../shared/corpus/raw; SOURCE_DATE_EPOCH fixed; times are wall clock including process start.\n`);
console.log(
  table(
    ['run', 'time', 'docs/s', 'CPU', 'peak RSS'],
    [
      [`handout full (html,pdf,txt,json), ${counted(cores, 'worker')}`, `${fmt(full.seconds, 1)} s`, fmt(rate(N, full.seconds)), cpu(full), `${fmt(full.peakMb, 0)} MB`],
      [`handout HTML-only, ${counted(cores, 'worker')}`, `${fmt(html.seconds, 1)} s`, fmt(rate(N, html.seconds)), cpu(html), `${fmt(html.peakMb, 0)} MB`],
      ['handout full, 1 worker (in-process)', `${fmt(one.seconds, 1)} s`, fmt(rate(N, one.seconds)), cpu(one), `${fmt(one.peakMb, 0)} MB`],
      ['pandoc -s HTML, 1 process per file, 2 at a time', `${fmt(pandocSeconds, 1)} s`, fmt(pandocRate), '–', '–'],
      [`handout PDF-only, ${counted(args.sample, 'doc')}, 1 worker`, `${fmt(handoutPdfMs, 0)} ms/doc`, fmt(rate(args.sample, samplePdf.seconds)), cpu(samplePdf), `${fmt(samplePdf.peakMb, 0)} MB`],
      [`WeasyPrint on handout's HTML, ${counted(args.sample, 'doc')}`, `${fmt(weasyMs, 0)} ms/doc`, fmt(rate(args.sample, weasySeconds)), '–', '–'],
      [`pdfkit floor (Helvetica, no embedding), ${counted(args.sample, 'doc')}`, `${fmt(floorMs, 1)} ms/doc`, fmt(rate(args.sample, floorSeconds)), '–', '–'],
      [`pdfkit, one embedded TrueType face, ${counted(args.sample, 'doc')}`, `${fmt(embeddedFloorMs, 1)} ms/doc`, fmt(rate(args.sample, embeddedFloorSeconds)), '–', '–'],
      [`handout renderPdf alone (tagged PDF/A-2a), ${counted(args.sample, 'doc')} not seen before`, `${fmt(renderOnlyMs, 1)} ms/doc`, fmt(rate(args.sample, renderOnlySeconds)), '–', '–'],
      [`handout renderPdf alone, the same ${counted(args.sample, 'doc')} again`, `${fmt(renderSecondMs, 1)} ms/doc`, fmt(rate(args.sample, renderOnly.second)), '–', '–'],
      ['handout extraction alone, in-process', `${fmt(perDocument.extractMs, 1)} ms/doc`, fmt(1000 / perDocument.extractMs), 'CPU', '–'],
      ['handout HTML path (extract, html, txt, json), in-process', `${fmt(perDocument.htmlMs, 1)} ms/doc`, fmt(1000 / perDocument.htmlMs), 'CPU', '–'],
      [`handout HTML-only, ${args.noopDocs} small docs`, `${fmt(first.seconds, 1)} s`, fmt(rate(args.noopDocs, first.seconds)), cpu(first), `${fmt(first.peakMb, 0)} MB`],
      [`no-op rebuild, ${counted(args.noopDocs, 'doc')} (manifest ${fmt(manifestMb, 1)} MB)`, `${fmt(noop.seconds, 2)} s`, '–', cpu(noop), `${fmt(noop.peakMb, 0)} MB`],
      [`no-op rebuild, ${N}-doc full build`, `${fmt(fullNoop.seconds, 2)} s`, '–', cpu(fullNoop), `${fmt(fullNoop.peakMb, 0)} MB`],
    ],
  ),
);
console.log(`\nhandout's PDF step is ${fmt(ratio(renderOnlyMs, floorMs))}× pdfkit's standard-14 floor on documents it has not seen (${fmt(ratio(renderSecondMs, floorMs))}× on a second pass) and ${fmt(ratio(renderOnlyMs, embeddedFloorMs))}× pdfkit with one embedded face, per document (the whole CLI, with start-up and extraction: ${fmt(ratio(handoutPdfMs, floorMs))}×).`);

// Wall-clock ratios on a shared machine say as much about the neighbours as about handout: CPU time shows the work itself.
console.log(
  `\n(d) 1 worker: ${fmt(one.seconds, 1)} s wall, ${fmt(one.cpuSeconds, 1)} s CPU; ${counted(two === full ? cores : 2, 'worker')}: ${fmt(two.seconds, 1)} s wall, ${fmt(two.cpuSeconds, 1)} s CPU ` +
    `(${fmt(ratio(two.cpuSeconds, one.cpuSeconds), 2)}× the CPU of one: each worker loads and JIT-compiles its own copy of the pipeline, and even one worker keeps a second core partly busy with V8's background compilation and garbage collection).`,
);

const targets: Target[] = [
  { name: 'HTML-only throughput ≥ 10× pandoc', value: ratio(rate(N, html.seconds), pandocRate), bound: 10, kind: 'min', unit: '×' },
  { name: 'full four-format ≥ 2× pandoc HTML-only', value: ratio(rate(N, full.seconds), pandocRate), bound: 2, kind: 'min', unit: '×' },
  { name: 'PDF per document ≥ 30× faster than WeasyPrint', value: ratio(weasyMs, handoutPdfMs), bound: 30, kind: 'min', unit: '×' },
  { name: 'embedded PDF/A within 3× of the standard-14 floor (unseen docs)', value: ratio(renderOnlyMs, floorMs), bound: 3, kind: 'max', unit: '×' },
  { name: '2 workers ≥ 1.7× faster than 1', value: ratio(one.seconds, two.seconds), bound: 1.7, kind: 'min', unit: '×' },
  { name: `no-op rebuild of ${args.noopDocs} ≤ 2 s`, value: noop.seconds, bound: 2, kind: 'max', unit: 's' },
  { name: `peak RSS over ${counted(args.noopDocs, 'doc')} ≤ 400 MB`, value: first.peakMb === null ? null : Math.max(first.peakMb, noop.peakMb ?? 0), bound: 400, kind: 'max', unit: 'MB' },
];
console.log(`\n${table(['target', 'measured', 'verdict'], targets.map((t) => [t.name, `${fmt(t.value, 2)} ${t.unit}`, verdict(t)]))}`);
rmSync(work, { recursive: true, force: true });
if (missing) {
  console.log('\nA peer tool is missing: see the MISSING lines above. Exit 1.');
  process.exitCode = 1;
}
