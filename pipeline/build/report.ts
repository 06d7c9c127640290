/**
 * The machine-readable build report (`--report json`): documents, outputs
 * with hashes, diagnostics with file:line:column and ruleId, and timings.
 * Shards' reports merge into one that reads like a single full build's.
 */
import { relative, sep } from 'node:path';
import type { VFile } from 'vfile';
import { UsageError } from '../errors.js';
import { version } from '../package-root.js';
import type { Format } from '../render/index.js';
import type { BuildResult, DocumentStatus } from './index.js';
import { severityOf, type MessageSeverity } from './messages.js';
import type { Shard } from './shard.js';

export const REPORT_VERSION = 1;
export const REPORT_NAME = 'handout-report';

export interface ReportDiagnostic {
  file: string;
  line: number | null;
  column: number | null;
  endLine: number | null;
  endColumn: number | null;
  severity: MessageSeverity;
  ruleId: string | null;
  message: string;
}

export interface ReportOutput {
  format: Format;
  /** Relative to the output folder, "/" separators. */
  path: string;
  bytes: number;
  sha256: string;
}

export interface ReportDocument {
  source: string;
  status: DocumentStatus;
  ms: number;
  outputs: ReportOutput[];
  diagnostics: ReportDiagnostic[];
}

export interface ReportSummary {
  documents: number;
  built: number;
  skipped: number;
  failed: number;
  outputs: number;
  removed: number;
  errors: number;
  warnings: number;
  infos: number;
}

export interface BuildReport {
  reportVersion: typeof REPORT_VERSION;
  tool: { name: 'handout'; version: string };
  /** The shard this report covers; null for a full build; a merged report lists its parts in `shards`. */
  shard: Shard | null;
  shards?: Shard[];
  formats: Format[];
  optionsHash: string;
  templatesHash: string;
  summary: ReportSummary;
  timings: { totalMs: number; discoverMs: number; checkMs: number; buildMs: number; jobs: number };
  documents: ReportDocument[];
  /** Diagnostics not tied to one document (unreadable inputs, a corrupt manifest). */
  problems: ReportDiagnostic[];
}

export function diagnosticsOf(file: VFile): ReportDiagnostic[] {
  return file.messages.map((m) => ({
    file: file.path,
    line: m.line ?? null,
    column: m.column ?? null,
    endLine: m.place && 'end' in m.place ? m.place.end.line : null,
    endColumn: m.place && 'end' in m.place ? m.place.end.column : null,
    severity: severityOf(m.fatal),
    ruleId: m.ruleId ?? null,
    message: m.reason,
  }));
}

function summarize(documents: readonly ReportDocument[], problems: readonly ReportDiagnostic[], removed: number): ReportSummary {
  const summary: ReportSummary = { documents: documents.length, built: 0, skipped: 0, failed: 0, outputs: 0, removed, errors: 0, warnings: 0, infos: 0 };
  for (const d of documents) {
    summary[d.status]++;
    summary.outputs += d.outputs.length;
  }
  for (const diagnostic of [...documents.flatMap((d) => d.diagnostics), ...problems]) {
    if (diagnostic.severity === 'error') summary.errors++;
    else if (diagnostic.severity === 'warning') summary.warnings++;
    else summary.infos++;
  }
  return summary;
}

const round = (ms: number): number => Math.round(ms * 10) / 10;

export function createReport(result: BuildResult, outDir: string, formats: readonly Format[]): BuildReport {
  const rel = (path: string): string => relative(outDir, path).split(sep).join('/');
  const documents: ReportDocument[] = result.documents.map((d) => ({
    source: d.file.path,
    status: d.status,
    ms: round(d.ms),
    outputs: d.outputs.map((o) => ({ format: o.format, path: rel(o.path), bytes: o.bytes, sha256: o.sha256 })),
    diagnostics: diagnosticsOf(d.file),
  }));
  const problems = result.problems.flatMap(diagnosticsOf);
  return {
    reportVersion: REPORT_VERSION,
    tool: { name: 'handout', version },
    shard: result.shard ?? null,
    formats: [...formats],
    optionsHash: result.optionsHash,
    templatesHash: result.templatesHash,
    summary: summarize(documents, problems, result.removed.length),
    timings: { totalMs: round(result.durationMs), discoverMs: round(result.timings.discoverMs), checkMs: round(result.timings.checkMs), buildMs: round(result.timings.buildMs), jobs: result.jobs },
    documents,
    problems,
  };
}

function isReport(value: unknown): value is BuildReport {
  const r = value as Partial<BuildReport> | null;
  return !!r && r.reportVersion === REPORT_VERSION && Array.isArray(r.documents) && Array.isArray(r.problems) && !!r.summary && !!r.timings;
}

/**
 * Merge shard reports into one. They must come from the same tool version,
 * options and templates, and no document may appear twice; otherwise the
 * union would not be one build, and that is a usage error.
 */
export function mergeReports(named: readonly { name: string; value: unknown }[]): BuildReport {
  if (named.length === 0) throw new UsageError('merge-reports needs at least one report');
  const reports = named.map(({ name, value }) => {
    if (!isReport(value)) throw new UsageError(`${name} is not a handout report (reportVersion ${REPORT_VERSION})`);
    return { name, report: value };
  });
  const first = reports[0]!;
  const seen = new Map<string, string>();
  for (const { name, report } of reports) {
    for (const field of ['optionsHash', 'templatesHash'] as const) {
      if (report[field] !== first.report[field]) throw new UsageError(`${name} was built with other ${field === 'optionsHash' ? 'options' : 'templates'} than ${first.name}`);
    }
    if (report.tool.version !== first.report.tool.version) throw new UsageError(`${name} comes from handout ${report.tool.version}, ${first.name} from ${first.report.tool.version}`);
    for (const d of report.documents) {
      const other = seen.get(d.source);
      if (other !== undefined) throw new UsageError(`${d.source} is in both ${other} and ${name}`);
      seen.set(d.source, name);
    }
  }
  const documents = reports.flatMap((r) => r.report.documents).sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
  const problems = reports.flatMap((r) => r.report.problems);
  const timings = reports.map((r) => r.report.timings);
  // Shards run side by side: the merged wall time is the slowest shard's.
  const max = (pick: (t: BuildReport['timings']) => number): number => Math.max(...timings.map(pick));
  return {
    reportVersion: REPORT_VERSION,
    tool: first.report.tool,
    shard: null,
    shards: reports.flatMap((r) => (r.report.shard ? [r.report.shard] : r.report.shards ?? [])),
    formats: first.report.formats,
    optionsHash: first.report.optionsHash,
    templatesHash: first.report.templatesHash,
    summary: summarize(documents, problems, reports.reduce((n, r) => n + r.report.summary.removed, 0)),
    timings: { totalMs: max((t) => t.totalMs), discoverMs: max((t) => t.discoverMs), checkMs: max((t) => t.checkMs), buildMs: max((t) => t.buildMs), jobs: timings.reduce((n, t) => n + t.jobs, 0) },
    documents,
    problems,
  };
}
