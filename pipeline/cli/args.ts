/**
 * Command-line parsing with node:util parseArgs (strict: unknown flags are
 * usage errors), and the precedence of build settings: flag, then
 * handout.config.json, then the default. Everything here is pure; main.ts
 * does the I/O.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_MAX_SIZE } from '../build/size.js';
import type { ConfigValues } from '../config/index.js';
import { UsageError } from '../errors.js';
import { DEFAULT_PROFILE, parseProfile, PROFILES, type PdfProfile } from '../render/pdf/profiles.js';
import { DEFAULT_FORMATS, FORMATS, type Format } from '../render/formats.js';
import type { PageSize } from '../render/pdf/index.js';
import { parseShard, type Shard } from '../build/shard.js';
import type { Naming } from '../build/stems.js';
import type { StringOverrides } from '../render/locale/strings.js';
import type { BrandSettings } from '../brand/apply.js';

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
  naming: Naming;
  jobs: number;
  shard?: Shard;
  force: boolean;
  watch: boolean;
  /** Where to write the JSON report, if asked for: "json" (in the output folder) or a file path. */
  report?: string;
  quiet: boolean;
  frail: boolean;
  /** Refuse sources larger than this many bytes (too-large). */
  maxSize: number;
  /** Write index.html, feed.xml and manifest.json beside the handouts. */
  pressroom: boolean;
  siteUrl?: string;
  /** List releases still under embargo in the press room. */
  includeEmbargoed: boolean;
  /** Per-locale template strings from the config file. */
  strings?: StringOverrides;
  /** The press office's brand from the config file. */
  brand?: BrandSettings;
  /** The project's language from the config file (the press room page). */
  language?: string;
}

/** Build flags as typed, before the config file and defaults fill the gaps. */
export interface BuildFlags {
  inputs: string[];
  out?: string;
  format?: string;
  templates?: string;
  pdfProfile?: string;
  pageSize?: string;
  font?: string[];
  textWidth?: string;
  textEol?: string;
  naming?: string;
  jobs?: string;
  shard?: string;
  force: boolean;
  watch: boolean;
  report?: string;
  config?: string;
  quiet: boolean;
  frail?: boolean;
  textAscii?: boolean;
  noPressroom?: boolean;
  siteUrl?: string;
  maxSize?: string;
  includeEmbargoed?: boolean;
}

export interface ExtractCommand {
  command: 'extract';
  files: string[];
  json: boolean;
  quiet: boolean;
  maxSize: number;
}

export interface MergeReportsCommand {
  command: 'merge-reports';
  files: string[];
  out?: string;
  quiet: boolean;
  frail: boolean;
}

export type Command =
  | { command: 'build'; flags: BuildFlags }
  | ExtractCommand
  | MergeReportsCommand
  | { command: 'help'; topic?: string }
  | { command: 'version' };

export const HELP = `Usage: handout <command> [options]

Commands:
  build [inputs…]        Build releases (.txt, .md) into handouts (default input: input/)
  extract FILE…          Print the release record(s) extracted from FILE(s)
  merge-reports FILE…    Merge the JSON reports of shards into one (-o FILE, else stdout)

build options:
  -o, --out DIR          Output folder (default: output)
  -f, --format LIST      Formats, comma-separated: html,pdf,txt,json,eml (default: html,pdf,txt,json)
  -t, --templates DIR    Folder whose templates replace the defaults of the same name
      --pdf-profile P    ${Object.keys(PROFILES).join(' | ')} (default: ${DEFAULT_PROFILE})
      --page-size S      a4 | letter (default: by the release's locale: letter for en-US and other Letter regions, else a4)
      --font FILE        Extra fallback font for the PDF (repeatable; FILE#PostScriptName for .ttc)
      --text-width N     Wire-copy width in columns (default: 72)
      --text-eol E       lf | crlf (default: lf)
      --text-ascii       Wire copy in plain ASCII (transliterated; nothing dropped silently)
      --no-pressroom     Skip the press room (index.html, feed.xml, manifest.json)
      --site-url URL     Where the output folder is published: absolute feed links and ids
      --include-embargoed  List releases still under embargo in the press room too
      --naming N         mirror (source folders kept) | flat (default: mirror)
  -j, --jobs N           Worker threads (default: the number of cores; 1 = no pool)
      --shard I/N        Build only shard I of N (stable, by a hash of each source's path)
      --force            Rebuild everything, even what the manifest says is current
      --report json|FILE Write a JSON report: "json" = handout-report.json in the output folder
      --watch            Keep running; rebuild what changes (everything when a template does)
  -c, --config FILE      Config file (default: handout.config.json in the current folder)
      --max-size SIZE    Refuse larger sources, e.g. 500KB, 20MB (default: 10MB)
      --frail            Exit 1 on warnings too
  -q, --quiet            Print errors only (no progress, no summary)

extract options:
      --json             Print JSON (default for extract)
      --max-size SIZE    As for build

  -h, --help             Show this help
  -v, --version          Show the version

Exit codes: 0 ok, 1 a document failed (or warned, with --frail), 2 usage error, 130 interrupted.
Environment: SOURCE_DATE_EPOCH fixes the PDF dates (else the release date is used);
GITHUB_ACTIONS=true also prints diagnostics as workflow annotations.`;

const UNITS: Record<string, number> = { '': 1, b: 1, kb: 1024, k: 1024, mb: 1024 ** 2, m: 1024 ** 2, gb: 1024 ** 3, g: 1024 ** 3 };

/** A size such as 500KB, 20MB or 1000 (bytes); KB and MB are binary (1024). A config file may give a number of bytes. */
export function parseSize(value: string | number | undefined, label = '--max-size'): number {
  if (value === undefined) return DEFAULT_MAX_SIZE;
  const m = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/iu.exec(String(value).trim());
  const unit = UNITS[m?.[2]?.toLowerCase() ?? 'x'];
  const bytes = m && unit ? Math.floor(Number(m[1]) * unit) : NaN;
  if (!(bytes >= 1)) throw new UsageError(`${label} must be a size such as 500KB or 20MB, not "${value}"`);
  return bytes;
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
        naming: { type: 'string' },
        jobs: { type: 'string', short: 'j' },
        shard: { type: 'string' },
        force: { type: 'boolean' },
        watch: { type: 'boolean' },
        report: { type: 'string' },
        config: { type: 'string', short: 'c' },
        frail: { type: 'boolean' },
        'no-pressroom': { type: 'boolean' },
        'site-url': { type: 'string' },
        'max-size': { type: 'string' },
        'include-embargoed': { type: 'boolean' },
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
  if (command === 'merge-reports') {
    if (positionals.length === 0) throw new UsageError('merge-reports needs at least one report FILE');
    return { command: 'merge-reports', files: positionals, ...(values.out ? { out: values.out } : {}), quiet: values.quiet ?? false, frail: values.frail ?? false };
  }
  if (command !== 'build') throw new UsageError(`Unknown command "${command}"; use build, extract or merge-reports`);
  const flags: BuildFlags = {
    inputs: positionals,
    force: values.force ?? false,
    watch: values.watch ?? false,
    quiet: values.quiet ?? false,
  };
  const copy: [keyof BuildFlags, string | undefined][] = [
    ['out', values.out],
    ['format', values.format],
    ['templates', values.templates],
    ['pdfProfile', values['pdf-profile']],
    ['pageSize', values['page-size']],
    ['textWidth', values['text-width']],
    ['textEol', values['text-eol']],
    ['naming', values.naming],
    ['jobs', values.jobs],
    ['shard', values.shard],
    ['report', values.report],
    ['config', values.config],
    ['maxSize', values['max-size']],
  ];
  for (const [key, value] of copy) if (value !== undefined) (flags as unknown as Record<string, unknown>)[key] = value;
  if (values.font) flags.font = values.font;
  if (values.frail !== undefined) flags.frail = values.frail;
  if (values['text-ascii'] !== undefined) flags.textAscii = values['text-ascii'];
  if (values['no-pressroom'] !== undefined) flags.noPressroom = values['no-pressroom'];
  if (values['site-url'] !== undefined) flags.siteUrl = values['site-url'];
  if (values['include-embargoed'] !== undefined) flags.includeEmbargoed = values['include-embargoed'];
  return { command: 'build', flags };
}

/** A setting and the name to blame when it is wrong: "--text-width" or "handout.config.json: textWidth". */
interface Setting<T> {
  value: T;
  label: string;
}

function pick<T, U = T>(flag: T | undefined, flagName: string, config: U | undefined, configKey: string, configPath: string | undefined): Setting<T | U> | undefined {
  if (flag !== undefined) return { value: flag, label: `--${flagName}` };
  if (config !== undefined) return { value: config, label: `${configPath}: ${configKey}` };
  return undefined;
}

function wholeNumber(setting: Setting<string | number> | undefined, fallback: number, min: number, max: number): number {
  if (!setting) return fallback;
  const n = Number(setting.value);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`${setting.label} must be a whole number from ${min} to ${max}, not "${setting.value}"`);
  return n;
}

/** Apply flag → config → default precedence and validate every value. */
export function resolveBuild(flags: BuildFlags, config: { path: string; values: ConfigValues } | undefined, cores: number): BuildCommand {
  const c = config?.values ?? {};
  const at = config?.path;
  const formatSetting = pick(flags.format?.split(','), 'format', c.formats, 'formats', at);
  const formats = (formatSetting?.value ?? [...DEFAULT_FORMATS]).map((f) => f.trim().toLowerCase()).filter(Boolean);
  for (const f of formats) {
    if (!(FORMATS as readonly string[]).includes(f)) throw new UsageError(`${formatSetting?.label ?? '--format'}: unknown format "${f}"; use ${FORMATS.join(', ')}`);
  }
  if (formats.length === 0) throw new UsageError(`${formatSetting?.label ?? '--format'} needs at least one format`);

  const page = pick(flags.pageSize, 'page-size', c.pageSize, 'pageSize', at);
  const pageSize = page?.value.toLowerCase();
  if (pageSize !== undefined && pageSize !== 'a4' && pageSize !== 'letter') throw new UsageError(`${page!.label} must be a4 or letter, not "${pageSize}"`);
  const eolSetting = pick(flags.textEol, 'text-eol', c.textEol, 'textEol', at);
  const eol = eolSetting?.value.toLowerCase() ?? 'lf';
  if (eol !== 'lf' && eol !== 'crlf') throw new UsageError(`${eolSetting!.label} must be lf or crlf, not "${eol}"`);
  const namingSetting = pick(flags.naming, 'naming', c.naming, 'naming', at);
  const naming = namingSetting?.value ?? 'mirror';
  if (naming !== 'mirror' && naming !== 'flat') throw new UsageError(`${namingSetting!.label} must be mirror or flat, not "${naming}"`);
  const profileSetting = pick(flags.pdfProfile, 'pdf-profile', c.pdfProfile, 'pdfProfile', at);
  let profile: PdfProfile;
  try {
    profile = parseProfile(profileSetting?.value ?? DEFAULT_PROFILE);
  } catch (error) {
    throw new UsageError(profileSetting && profileSetting.label !== '--pdf-profile' ? `${profileSetting.label}: ${(error as Error).message}` : (error as Error).message);
  }
  const report = flags.report ?? c.report;
  if (report !== undefined && report !== 'json' && !report.endsWith('.json')) throw new UsageError(`--report takes "json" or a FILE.json path, not "${report}"`);
  const templates = flags.templates ?? c.templates;
  const maxSizeSetting = pick<string | number>(flags.maxSize, 'max-size', c.maxSize, 'maxSize', at);
  const inputs = flags.inputs.length > 0 ? flags.inputs : (c.inputs ?? ['input']);
  return {
    command: 'build',
    pressroom: !flags.noPressroom,
    ...(flags.siteUrl !== undefined ? { siteUrl: siteUrl(flags.siteUrl) } : {}),
    inputs,
    outDir: flags.out ?? c.out ?? 'output',
    formats: [...new Set(formats)] as Format[],
    ...(templates ? { templatesDir: templates } : {}),
    profile,
    ...(pageSize ? { pageSize: pageSize === 'a4' ? 'A4' : 'LETTER' } : {}),
    fonts: flags.font ?? c.fonts ?? [],
    textWidth: wholeNumber(pick(flags.textWidth, 'text-width', c.textWidth, 'textWidth', at), 72, 20, 1000),
    textEol: eol,
    textAscii: flags.textAscii ?? false,
    naming,
    jobs: wholeNumber(pick(flags.jobs, 'jobs', c.jobs, 'jobs', at), cores, 1, 256),
    ...(flags.shard ? { shard: parseShard(flags.shard) } : {}),
    force: flags.force,
    watch: flags.watch,
    ...(report ? { report } : {}),
    quiet: flags.quiet,
    frail: flags.frail ?? c.frail ?? false,
    maxSize: parseSize(maxSizeSetting?.value, maxSizeSetting?.label),
    includeEmbargoed: flags.includeEmbargoed ?? c.includeEmbargoed ?? false,
    ...(c.strings ? { strings: c.strings } : {}),
    ...(c.brand ? { brand: c.brand } : {}),
    ...(c.language ? { language: c.language } : {}),
  };
}
