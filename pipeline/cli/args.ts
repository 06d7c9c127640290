/**
 * Command-line parsing with node:util parseArgs (strict: unknown flags are
 * usage errors). Everything here is pure; main.ts does the I/O.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_MAX_SIZE } from '../build/read.js';
import { UsageError } from '../errors.js';
import { parseProfile, type PdfProfile } from '../render/pdf/profiles.js';
import { FORMATS, type Format } from '../render/index.js';
import type { PageSize } from '../render/pdf/index.js';

export interface BuildCommand {
  command: 'build';
  inputs: string[];
  outDir: string;
  formats: Format[];
  templatesDir?: string;
  profile: PdfProfile;
  pageSize?: PageSize;
  fonts: string[];
  textWidth: number;
  textEol: 'lf' | 'crlf';
  quiet: boolean;
  frail: boolean;
  maxSize: number;
}

export interface ExtractCommand {
  command: 'extract';
  files: string[];
  json: boolean;
  quiet: boolean;
  maxSize: number;
}

export type Command = BuildCommand | ExtractCommand | { command: 'help'; topic?: string } | { command: 'version' };

export const HELP = `Usage: handout <command> [options]

Commands:
  build [inputs…]        Build releases (.txt, .md) into handouts (default input: input/)
  extract FILE…          Print the release record(s) extracted from FILE(s)

build options:
  -o, --out DIR          Output folder (default: output)
  -f, --format LIST      Formats, comma-separated: html,pdf,txt,json (default: all)
  -t, --templates DIR    Folder whose templates replace the defaults of the same name
      --pdf-profile P    pdfa-1b | pdfa-2b | pdfa-3b | plain (default: pdfa-2b)
      --page-size S      a4 | letter (default: a4)
      --font FILE        Extra fallback font for the PDF (repeatable; FILE#PostScriptName for .ttc)
      --text-width N     Wire-copy width in columns (default: 72)
      --text-eol E       lf | crlf (default: lf)
      --frail            Exit 1 on warnings too
      --max-size SIZE    Refuse larger sources, e.g. 500KB, 20MB (default: 10MB)
  -q, --quiet            Print errors only

extract options:
      --json             Print JSON (default for extract)
      --max-size SIZE    As for build

  -h, --help             Show this help
  -v, --version          Show the version

Exit codes: 0 ok, 1 a document failed (or warned, with --frail), 2 usage error, 130 interrupted.
Environment: SOURCE_DATE_EPOCH fixes the PDF dates (else the release date is used).`;

function positiveInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 20 || n > 1000) throw new UsageError(`--${name} must be a whole number from 20 to 1000, not "${value}"`);
  return n;
}

const UNITS: Record<string, number> = { '': 1, b: 1, kb: 1024, k: 1024, mb: 1024 ** 2, m: 1024 ** 2, gb: 1024 ** 3, g: 1024 ** 3 };

/** A size such as 500KB, 20MB or 1000 (bytes); KB and MB are binary (1024). */
export function parseSize(value: string | undefined): number {
  if (value === undefined) return DEFAULT_MAX_SIZE;
  const m = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/iu.exec(value.trim());
  const unit = UNITS[m?.[2]?.toLowerCase() ?? 'x'];
  const bytes = m && unit ? Math.floor(Number(m[1]) * unit) : NaN;
  if (!(bytes >= 1)) throw new UsageError(`--max-size must be a size such as 500KB or 20MB, not "${value}"`);
  return bytes;
}

export function parseCommand(argv: readonly string[]): Command {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') return { command: 'help' };
  if (command === '-v' || command === '--version') return { command: 'version' };
  let parsed;
  try {
    parsed = parseArgs({
      args: [...rest],
      allowPositionals: true,
      strict: true,
      options: {
        out: { type: 'string', short: 'o' },
        format: { type: 'string', short: 'f' },
        templates: { type: 'string', short: 't' },
        'pdf-profile': { type: 'string' },
        'page-size': { type: 'string' },
        font: { type: 'string', multiple: true },
        'text-width': { type: 'string' },
        'text-eol': { type: 'string' },
        frail: { type: 'boolean' },
        'max-size': { type: 'string' },
        quiet: { type: 'boolean', short: 'q' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help', topic: command };

  if (command === 'extract') {
    if (positionals.length === 0) throw new UsageError('extract needs at least one FILE');
    return { command: 'extract', files: positionals, json: true, quiet: values.quiet ?? false, maxSize: parseSize(values['max-size']) };
  }
  if (command !== 'build') throw new UsageError(`Unknown command "${command}"; use build or extract`);

  const formats = (values.format ?? FORMATS.join(','))
    .split(',')
    .map((f) => f.trim().toLowerCase())
    .filter(Boolean);
  for (const f of formats) {
    if (!(FORMATS as readonly string[]).includes(f)) throw new UsageError(`Unknown format "${f}"; use ${FORMATS.join(', ')}`);
  }
  if (formats.length === 0) throw new UsageError('--format needs at least one format');
  const pageSize = values['page-size']?.toLowerCase();
  if (pageSize !== undefined && pageSize !== 'a4' && pageSize !== 'letter') throw new UsageError(`--page-size must be a4 or letter, not "${pageSize}"`);
  const eol = values['text-eol']?.toLowerCase() ?? 'lf';
  if (eol !== 'lf' && eol !== 'crlf') throw new UsageError(`--text-eol must be lf or crlf, not "${eol}"`);
  return {
    command: 'build',
    inputs: positionals.length > 0 ? positionals : ['input'],
    outDir: values.out ?? 'output',
    formats: [...new Set(formats)] as Format[],
    ...(values.templates ? { templatesDir: values.templates } : {}),
    profile: parseProfile(values['pdf-profile'] ?? 'pdfa-2b'),
    ...(pageSize ? { pageSize: pageSize === 'a4' ? 'A4' : 'LETTER' } : {}),
    fonts: values.font ?? [],
    textWidth: positiveInt('text-width', values['text-width'], 72),
    textEol: eol,
    quiet: values.quiet ?? false,
    frail: values.frail ?? false,
    maxSize: parseSize(values['max-size']),
  };
}
