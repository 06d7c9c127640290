/**
 * Command-line parsing with node:util parseArgs (strict: unknown flags are
 * usage errors). Everything here is pure; main.ts does the I/O.
 */
import { parseArgs } from 'node:util';
import { UsageError } from '../errors.js';
import { DEFAULT_PROFILE, parseProfile, PROFILES, type PdfProfile } from '../render/pdf/profiles.js';
import { DEFAULT_FORMATS, FORMATS, type Format } from '../render/index.js';
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
  textAscii: boolean;
  quiet: boolean;
  frail: boolean;
  /** Write index.html, feed.xml and manifest.json beside the handouts. */
  pressroom: boolean;
  siteUrl?: string;
}

export interface ExtractCommand {
  command: 'extract';
  files: string[];
  json: boolean;
  quiet: boolean;
}

export type Command = BuildCommand | ExtractCommand | { command: 'help'; topic?: string } | { command: 'version' };

export const HELP = `Usage: handout <command> [options]

Commands:
  build [inputs…]        Build releases (.txt, .md) into handouts (default input: input/)
  extract FILE…          Print the release record(s) extracted from FILE(s)

build options:
  -o, --out DIR          Output folder (default: output)
  -f, --format LIST      Formats, comma-separated: html,pdf,txt,json,eml (default: html,pdf,txt,json)
  -t, --templates DIR    Folder whose templates replace the defaults of the same name
      --pdf-profile P    ${Object.keys(PROFILES).join(' | ')} (default: ${DEFAULT_PROFILE})
      --page-size S      a4 | letter (default: by the release's locale: letter for en-US and other Letter regions, else a4)
      --font FILE        Extra fallback font for the PDF (repeatable; FILE#PostScriptName for .ttc)
      --text-width N     Wire-copy width in columns (default: 72)
      --text-eol E       lf | crlf (default: lf)
      --no-pressroom     Skip the press room (index.html, feed.xml, manifest.json)
      --site-url URL     Where the output folder is published: absolute feed links and ids
      --frail            Exit 1 on warnings too
  -q, --quiet            Print errors only

extract options:
      --json             Print JSON (default for extract)

  -h, --help             Show this help
  -v, --version          Show the version

Exit codes: 0 ok, 1 a document failed (or warned, with --frail), 2 usage error.
Environment: SOURCE_DATE_EPOCH fixes the PDF dates (else the release date is used).`;

function positiveInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 20 || n > 1000) throw new UsageError(`--${name} must be a whole number from 20 to 1000, not "${value}"`);
  return n;
}

/** An absolute http(s) URL ending in "/", so that output paths resolve beneath it. */
function siteUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`--site-url must be an absolute URL, not "${value}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new UsageError(`--site-url must be an http or https URL, not "${value}"`);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  url.search = '';
  url.hash = '';
  return url.href;
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
        'text-ascii': { type: 'boolean' },
        frail: { type: 'boolean' },
        'no-pressroom': { type: 'boolean' },
        'site-url': { type: 'string' },
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
    return { command: 'extract', files: positionals, json: true, quiet: values.quiet ?? false };
  }
  if (command !== 'build') throw new UsageError(`Unknown command "${command}"; use build or extract`);

  const formats = (values.format ?? DEFAULT_FORMATS.join(','))
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
    pressroom: !(values['no-pressroom'] ?? false),
    ...(values['site-url'] !== undefined ? { siteUrl: siteUrl(values['site-url']) } : {}),
    inputs: positionals.length > 0 ? positionals : ['input'],
    outDir: values.out ?? 'output',
    formats: [...new Set(formats)] as Format[],
    ...(values.templates ? { templatesDir: values.templates } : {}),
    profile: parseProfile(values['pdf-profile'] ?? DEFAULT_PROFILE),
    ...(pageSize ? { pageSize: pageSize === 'a4' ? 'A4' : 'LETTER' } : {}),
    fonts: values.font ?? [],
    textWidth: positiveInt('text-width', values['text-width'], 72),
    textEol: eol,
    textAscii: values['text-ascii'] ?? false,
    quiet: values.quiet ?? false,
    frail: values.frail ?? false,
  };
}
