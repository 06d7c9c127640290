/**
 * Corpus evaluation: extract every labelled document and compare the eleven
 * header fields with the hand-checked labels. Kept apart from the command-line
 * wrapper so that a unit test can run the same evaluation and assert the bar.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { VFile } from 'vfile';
import { counted } from '../pipeline/counted.js';
import { extract } from '../pipeline/extract/index.js';
import { parse } from '../pipeline/parse.js';
import { HEADER_FIELDS, type HeaderField, type Release } from '../pipeline/release.js';

export type Label = Record<HeaderField, string | null> & {
  file: string;
  kind: string;
  confidence?: string;
  notes?: string;
};

export interface Mismatch {
  file: string;
  kind: string;
  field: HeaderField;
  expected: string | null;
  got: string | null;
}

export interface FieldScore {
  /** Documents where the field equals the label (nulls included). */
  correct: number;
  total: number;
  /** Documents whose label is non-null and whose value was found exactly. */
  foundStated: number;
  stated: number;
}

export type Scores = Record<HeaderField, FieldScore>;

export interface Evaluation {
  /** Scores per kind, plus `all`. */
  byKind: Record<string, Scores>;
  mismatches: Mismatch[];
  /** Documents that threw during extraction: a crash is a bug, whatever the fields say. */
  crashes: { file: string; error: string }[];
  documents: number;
  missingFiles: string[];
}

export interface Bar {
  /** Per-field accuracy on kind=release. */
  release: number;
  /** Per-field accuracy over the whole corpus. */
  overall: number;
  /** Per-field share of non-null labels found exactly. */
  stated: number;
}

export const BAR: Bar = { release: 0.98, overall: 0.95, stated: 0.95 };

/**
 * Python's `str.split()` notion of white space, which the labels were
 * normalised with: it includes NBSP, narrow NBSP and the ideographic space but
 * not U+FEFF or U+200B, which stay as they are.
 */
const PY_WHITESPACE = /[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/gu;

export function normalize(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return value.replace(PY_WHITESPACE, ' ').trim();
}

/** The repository root: the nearest folder above this module that holds package.json. */
export function repoRoot(from: string = fileURLToPath(import.meta.url)): string {
  let dir = dirname(from);
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${from}`);
    dir = parent;
  }
}

/** Default corpus location: ../shared/corpus next to the checkout. */
export function defaultCorpus(): { raw: string; labels: string } {
  const base = join(repoRoot(), '..', 'shared', 'corpus');
  return { raw: join(base, 'raw'), labels: join(base, 'labels.json') };
}

export function loadLabels(path: string): Label[] {
  const data: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (!Array.isArray(data)) throw new Error(`${path}: expected a JSON array of labels`);
  return data.map((entry, i) => {
    if (typeof entry !== 'object' || entry === null || typeof (entry as { file?: unknown }).file !== 'string') {
      throw new Error(`${path}: entry ${i} has no "file"`);
    }
    const e = entry as Record<string, unknown>;
    const label = { file: e['file'] as string, kind: typeof e['kind'] === 'string' ? e['kind'] : 'unknown' } as Label;
    for (const field of HEADER_FIELDS) {
      const v = e[field];
      label[field] = typeof v === 'string' ? v : null;
    }
    return label;
  });
}

/** Extract one source text, as the build does (parse, then extract). */
export function extractText(path: string, text: string): { release: Release; file: VFile } {
  const file = new VFile({ path, value: text });
  const release = extract(parse(file), file);
  return { release, file };
}

function emptyScores(): Scores {
  const s = {} as Scores;
  for (const field of HEADER_FIELDS) s[field] = { correct: 0, total: 0, foundStated: 0, stated: 0 };
  return s;
}

function comparable(field: HeaderField, value: string | null): string | null {
  // Dates are already ISO on both sides; other strings compare whitespace-collapsed.
  return field === 'date' ? value : normalize(value);
}

export function evaluate(rawDir: string, labels: readonly Label[]): Evaluation {
  const byKind: Record<string, Scores> = { all: emptyScores() };
  const mismatches: Mismatch[] = [];
  const crashes: Evaluation['crashes'] = [];
  const missingFiles: string[] = [];
  let documents = 0;

  for (const label of labels) {
    const path = join(rawDir, label.file);
    if (!existsSync(path)) {
      missingFiles.push(label.file);
      continue;
    }
    documents++;
    let release: Release | undefined;
    try {
      release = extractText(path, readFileSync(path, 'utf8')).release;
    } catch (error) {
      crashes.push({ file: label.file, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
    const kindScores = (byKind[label.kind] ??= emptyScores());
    for (const field of HEADER_FIELDS) {
      const expected = comparable(field, label[field]);
      const got = release ? comparable(field, release[field]) : null;
      const ok = release !== undefined && expected === got;
      for (const scores of [kindScores, byKind['all']!]) {
        const s = scores[field];
        s.total++;
        if (ok) s.correct++;
        if (expected !== null) {
          s.stated++;
          if (ok) s.foundStated++;
        }
      }
      if (!ok) mismatches.push({ file: label.file, kind: label.kind, field, expected, got });
    }
  }
  return { byKind, mismatches, crashes, documents, missingFiles };
}

export interface BarFailure {
  scope: string;
  field: HeaderField;
  measure: 'accuracy' | 'found';
  value: number;
  needed: number;
}

const rate = (n: number, d: number): number => (d === 0 ? 1 : n / d);

/**
 * The bar, per field: accuracy on kind=release and over everything, and the
 * share of stated (non-null) labels found exactly, over the whole corpus.
 */
export function checkBar(evaluation: Evaluation, bar: Bar = BAR): BarFailure[] {
  const failures: BarFailure[] = [];
  const release = evaluation.byKind['release'];
  const all = evaluation.byKind['all']!;
  for (const field of HEADER_FIELDS) {
    if (release && release[field].total > 0) {
      const value = rate(release[field].correct, release[field].total);
      if (value < bar.release) failures.push({ scope: 'release', field, measure: 'accuracy', value, needed: bar.release });
    }
    const acc = rate(all[field].correct, all[field].total);
    if (acc < bar.overall) failures.push({ scope: 'all', field, measure: 'accuracy', value: acc, needed: bar.overall });
    const found = rate(all[field].foundStated, all[field].stated);
    if (found < bar.stated) failures.push({ scope: 'all', field, measure: 'found', value: found, needed: bar.stated });
  }
  return failures;
}

const pct = (n: number, d: number): string => (d === 0 ? '—' : `${((100 * n) / d).toFixed(1)}%`);

function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** The human report: accuracy per kind, the found-exactly rate, then every mismatch. */
export function formatReport(evaluation: Evaluation, failures: readonly BarFailure[]): string {
  const kinds = Object.keys(evaluation.byKind).filter((k) => k !== 'all').sort();
  const scopes = [...kinds, 'all'];
  const head = ['field', ...scopes.map((k) => `${k} (${evaluation.byKind[k]![HEADER_FIELDS[0]].total})`), 'found (stated)'];
  const rows = HEADER_FIELDS.map((field) => {
    const all = evaluation.byKind['all']![field];
    return [
      field,
      ...scopes.map((k) => pct(evaluation.byKind[k]![field].correct, evaluation.byKind[k]![field].total)),
      `${pct(all.foundStated, all.stated)} (${all.foundStated}/${all.stated})`,
    ];
  });
  const out: string[] = [];
  out.push(`Corpus evaluation: ${counted(evaluation.documents, 'document')}`);
  out.push('');
  out.push(table(head, rows));
  out.push('');
  out.push(`Bar: every field ≥ ${BAR.release * 100}% on kind=release, ≥ ${BAR.overall * 100}% overall, ≥ ${BAR.stated * 100}% of stated (non-null) labels found exactly.`);
  if (evaluation.missingFiles.length > 0) out.push(`Labelled but missing from the corpus folder: ${evaluation.missingFiles.join(', ')}`);
  for (const crash of evaluation.crashes) out.push(`CRASH ${crash.file}: ${crash.error}`);
  out.push('');
  out.push(`Mismatches (${evaluation.mismatches.length}):`);
  for (const m of evaluation.mismatches) {
    out.push(`  ${m.file}  [${m.kind}]  ${m.field}`);
    out.push(`    expected: ${JSON.stringify(m.expected)}`);
    out.push(`    got:      ${JSON.stringify(m.got)}`);
  }
  out.push('');
  if (failures.length === 0 && evaluation.crashes.length === 0) out.push('PASS: the bar holds.');
  else {
    out.push('FAIL:');
    for (const f of failures) out.push(`  ${f.field} ${f.measure} on ${f.scope}: ${(f.value * 100).toFixed(1)}% < ${f.needed * 100}%`);
    if (evaluation.crashes.length > 0) out.push(`  ${counted(evaluation.crashes.length, 'document')} crashed`);
  }
  return out.join('\n');
}
