/**
 * `handout.config.json`: project defaults for `handout build`, found in the
 * working directory or named with `--config FILE`. Flags override it.
 *
 * JSON only, on purpose: a `.js` config would run code, and CI often builds
 * branches from people it does not trust; a build must never execute what it
 * reads. Paths in the file are relative to the file's own folder.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { counted } from '../counted.js';
import type { BrandSettings } from '../brand/apply.js';
import { brandPath, parseBrand } from '../brand/fields.js';
import { checkLogoFile } from '../brand/logo-file.js';
import { canonicalTag, isPluralKey, isStringKey, STRING_KEYS, type StringOverrides } from '../render/locale/strings.js';
import { isPluralCategory, PLURAL_CATEGORIES, type PluralCategory, type PluralForms } from '../render/locale/plural.js';

export const CONFIG_NAME = 'handout.config.json';

/** Every key the file may hold, as written in it. */
export interface ConfigValues {
  inputs?: string[];
  out?: string;
  formats?: string[];
  templates?: string;
  fonts?: string[];
  pdfProfile?: string;
  pageSize?: string;
  textWidth?: number;
  textEol?: string;
  naming?: string;
  jobs?: number;
  frail?: boolean;
  report?: string;
  /** Like --max-size: "20MB", or a number of bytes. */
  maxSize?: string | number;
  /** Template strings by locale, then key: `{ "es": { "contact": "Prensa" } }`. */
  strings?: StringOverrides;
  /** List releases whose embargo has not lifted in the press room anyway. */
  includeEmbargoed?: boolean;
  /** The press office's brand on every handout (a release's front-matter `brand` wins, field by field). */
  brand?: BrandSettings;
  /** The project's language (BCP 47): the press room page's words, months and dates. Releases keep their own. */
  language?: string;
}

export interface Config {
  /** The file it came from, for messages. */
  path: string;
  values: ConfigValues;
}

type Kind = 'string' | 'string[]' | 'number' | 'boolean' | 'size' | 'strings' | 'brand';

const KEYS: Record<keyof ConfigValues, { kind: Kind; path?: true }> = {
  inputs: { kind: 'string[]', path: true },
  out: { kind: 'string', path: true },
  formats: { kind: 'string[]' },
  templates: { kind: 'string', path: true },
  fonts: { kind: 'string[]', path: true },
  pdfProfile: { kind: 'string' },
  pageSize: { kind: 'string' },
  textWidth: { kind: 'number' },
  textEol: { kind: 'string' },
  naming: { kind: 'string' },
  jobs: { kind: 'number' },
  frail: { kind: 'boolean' },
  report: { kind: 'string' },
  maxSize: { kind: 'size' },
  strings: { kind: 'strings' },
  includeEmbargoed: { kind: 'boolean' },
  brand: { kind: 'brand' },
  language: { kind: 'string' },
};

const isObject = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);

/**
 * `strings`: every locale a BCP 47 tag, every key one the templates know, every
 * value text. A misspelt key is an error, not an override that silently never applies.
 * A count-bearing key also takes its forms by plural category, "other" required.
 */
function parseStrings(value: unknown, path: string): StringOverrides {
  if (!isObject(value)) throw new UsageError(`${path}: "strings" must be an object of locales, e.g. { "es": { "contact": "Prensa" } }`);
  const result: Record<string, Record<string, string | PluralForms>> = {};
  for (const [locale, table] of Object.entries(value)) {
    const tag = canonicalTag(locale);
    if (!tag) throw new UsageError(`${path}: strings: "${locale}" is not a BCP 47 language tag`);
    if (!isObject(table)) throw new UsageError(`${path}: strings.${locale} must be an object of strings`);
    const entries: Record<string, string | PluralForms> = {};
    for (const [key, text] of Object.entries(table)) {
      if (!isStringKey(key)) throw new UsageError(`${path}: strings.${locale}: unknown key "${key}" (known keys: ${STRING_KEYS.join(', ')})`);
      if (isPluralKey(key) && isObject(text)) entries[key] = parsePluralForms(text, `${path}: strings.${locale}.${key}`);
      else if (typeof text !== 'string') throw new UsageError(`${path}: strings.${locale}.${key} must be a string${isPluralKey(key) ? ` or an object of plural forms, e.g. { "one": "{count} release", "other": "{count} releases" }` : ''}`);
      else entries[key] = text;
    }
    result[tag] = entries;
  }
  return result as StringOverrides;
}

/** Forms by CLDR plural category; "other" serves every category left out, so it is required. */
function parsePluralForms(value: Record<string, unknown>, where: string): PluralForms {
  const forms: Partial<Record<PluralCategory, string>> = {};
  for (const [category, text] of Object.entries(value)) {
    if (!isPluralCategory(category)) throw new UsageError(`${where}: "${category}" is not a plural category (${PLURAL_CATEGORIES.join(', ')})`);
    if (typeof text !== 'string') throw new UsageError(`${where}.${category} must be a string`);
    forms[category] = text;
  }
  if (forms.other === undefined) throw new UsageError(`${where} needs an "other" form: it serves every count the other forms do not`);
  return forms as PluralForms;
}

/**
 * `brand`: every field checked as a release's front matter is, but any problem
 * is a usage error (the config is the operator's, and a bad value would mark
 * every handout). The logo must exist and be a PNG or SVG file; its path is
 * relative to the config file and, being the operator's, is not confined.
 */
function parseBrandSettings(value: unknown, path: string, base: string): BrandSettings {
  const { statement, problems } = parseBrand(value);
  const first = problems[0];
  if (first) {
    const more = problems.length > 1 ? ` (and ${counted(problems.length - 1, 'more problem')})` : '';
    throw new UsageError(`${path}: ${first.path.length === 0 ? '"brand"' : brandPath(first.path)} ${first.message}${more}`);
  }
  const settings: BrandSettings = { values: statement };
  if (statement.logo) {
    const logoPath = resolve(base, statement.logo);
    try {
      settings.logoSha256 = checkLogoFile(logoPath);
    } catch (error) {
      throw new UsageError(`${path}: brand.logo: ${(error as Error).message}`);
    }
    settings.logoPath = logoPath;
  }
  return settings;
}

function matches(value: unknown, kind: Kind): boolean {
  if (kind === 'strings') return isObject(value);
  if (kind === 'string[]') return Array.isArray(value) && value.every((v) => typeof v === 'string');
  if (kind === 'size') return typeof value === 'string' || typeof value === 'number';
  return typeof value === kind;
}

/** Resolve a path from the config against its folder; a font's "#PostScriptName" suffix is kept. */
function resolvePath(base: string, value: string): string {
  const hash = value.indexOf('#');
  return hash < 0 ? resolve(base, value) : `${resolve(base, value.slice(0, hash))}${value.slice(hash)}`;
}

/** `path` names the file in messages; relative paths inside it resolve against `base` (default: its folder). */
export function parseConfig(text: string, path: string, base = dirname(resolve(path))): Config {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${path}: not valid JSON (${(error as Error).message})`);
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new UsageError(`${path}: the config must be a JSON object`);
  const values: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!Object.hasOwn(KEYS, key)) {
      throw new UsageError(`${path}: unknown key "${key}" (known keys: ${Object.keys(KEYS).join(', ')})`);
    }
    const spec = KEYS[key as keyof ConfigValues];
    // "formats" may also be written the way the flag takes it: "html,pdf".
    const normalized = key === 'formats' && typeof value === 'string' ? value.split(',') : value;
    if (spec.kind === 'strings') {
      values[key] = parseStrings(value, path);
      continue;
    }
    if (spec.kind === 'brand') {
      values[key] = parseBrandSettings(value, path, base);
      continue;
    }
    if (!matches(normalized, spec.kind)) throw new UsageError(`${path}: "${key}" must be ${spec.kind === 'string[]' ? 'an array of strings' : spec.kind === 'size' ? 'a size such as "20MB" or a number of bytes' : `a ${spec.kind}`}`);
    if (key === 'language' && !canonicalTag(normalized as string)) throw new UsageError(`${path}: "language" must be a BCP 47 language tag such as "en" or "es-MX", not "${String(normalized)}"`);
    if (spec.path) values[key] = Array.isArray(normalized) ? normalized.map((v: string) => resolvePath(base, v)) : resolvePath(base, normalized as string);
    else values[key] = normalized;
  }
  return { path, values: values as ConfigValues };
}

/** The config named by `--config`, else `handout.config.json` in `cwd` if there is one. */
export function loadConfig(cwd: string, explicit?: string): Config | undefined {
  const path = explicit ?? resolve(cwd, CONFIG_NAME);
  if (!existsSync(path)) {
    if (explicit !== undefined) throw new UsageError(`--config: "${explicit}" does not exist`);
    return undefined;
  }
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`${path}: cannot read the config (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  return parseConfig(text, explicit ?? CONFIG_NAME, dirname(resolve(cwd, path)));
}
