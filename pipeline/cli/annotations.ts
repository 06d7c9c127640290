/**
 * GitHub Actions workflow commands for diagnostics
 * (`::warning file=…,line=…,col=…,title=…::message`), escaped as the runner
 * expects: `%`, CR and LF in the message; also `:` and `,` in properties.
 */
import type { ReportDiagnostic } from '../build/report.js';

export function escapeData(text: string): string {
  return text.replace(/%/gu, '%25').replace(/\r/gu, '%0D').replace(/\n/gu, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/gu, '%3A').replace(/,/gu, '%2C');
}

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

export function annotation(d: ReportDiagnostic): string {
  const props: [string, string | number | null][] = [
    ['file', d.file],
    ['line', d.line],
    ['col', d.column],
    ['endLine', d.endLine],
    ['endColumn', d.endColumn],
    ['title', d.ruleId],
  ];
  const list = props
    .filter((p): p is [string, string | number] => p[1] !== null && p[1] !== '')
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(',');
  return `::${COMMAND[d.severity]}${list ? ` ${list}` : ''}::${escapeData(d.message)}`;
}
