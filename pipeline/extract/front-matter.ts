/**
 * YAML front matter: the author's own statement of the fields, which wins over
 * extraction. Untrusted input: only known keys are copied (so `__proto__` and
 * friends go nowhere), every value's type is checked, and alias expansion is
 * bounded.
 */
import { isMap, isScalar, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import type { Yaml } from 'mdast';
import type { Point, Position } from 'unist';
import type { VFile } from 'vfile';
import { report } from '../diagnostics.js';
import { brandPath, parseBrand, type BrandKey, type BrandStatement } from '../brand/fields.js';
import { HEADER_FIELDS, type HeaderField } from '../release.js';
import { findDate } from './date.js';
import { parseEmbargo } from './embargo.js';
import { collapse, lineStartOffsets, pointOf } from './lines.js';

export interface FrontMatterValue {
  value: string | null;
  position?: Position;
}

/** The `brand` a release states: its checked values, and where each one is written. */
export interface StatedBrand {
  values: BrandStatement;
  positions: Partial<Record<BrandKey, Position>>;
}

export type FrontMatter = Partial<Record<HeaderField | 'embargo', FrontMatterValue>> & { brand?: StatedBrand };

/** Keys that later features read; known, so not reported as unknown. */
const RESERVED_KEYS = new Set(['keywords', 'author', 'tags', 'summary', 'lang']);

const FIELD_SET: ReadonlySet<string> = new Set([...HEADER_FIELDS, 'embargo']);

/** A point in the YAML text, moved to where that text sits in the file (below the `---` fence). */
function pointAt(offset: number, starts: readonly number[], base: Point): Point {
  const { line, column } = pointOf(offset, starts);
  return { line: base.line + line, column, offset: (base.offset ?? 0) + offset };
}

function rangeOf(node: YamlNode | null | undefined, starts: readonly number[], base: Point): Position | undefined {
  const range = node?.range;
  if (!range) return undefined;
  return { start: pointAt(range[0], starts, base), end: pointAt(range[1], starts, base) };
}

/**
 * Read the front-matter node. `yaml.position` is the `---` fence; the YAML text
 * starts on the next line, so positions are shifted by the fence line.
 */
export function readFrontMatter(node: Yaml, file: VFile): FrontMatter {
  const result: FrontMatter = {};
  const base: Point = {
    line: node.position?.start.line ?? 1,
    column: 1,
    offset: (node.position?.start.offset ?? 0) + ((String(file.value).slice(node.position?.start.offset ?? 0).match(/^---[^\n]*\n/u)?.[0].length) ?? 4),
  };
  const starts = lineStartOffsets(node.value);
  const doc = parseDocument(node.value, { schema: 'core', uniqueKeys: true, prettyErrors: false });
  for (const error of doc.errors) {
    const at = error.pos ? pointAt(error.pos[0], starts, base) : node.position?.start;
    report(file, 'invalid-front-matter', `Front matter is not valid YAML: ${error.message.split('\n')[0]}`, at);
  }
  if (doc.errors.length > 0) return result;
  if (doc.contents === null) return result;
  if (!isMap(doc.contents)) {
    report(file, 'invalid-front-matter', 'Front matter must be a mapping of `key: value` pairs', node);
    return result;
  }
  for (const pair of doc.contents.items) {
    const keyNode = pair.key as YamlNode | null;
    const key = isScalar(keyNode) ? String(keyNode.value) : undefined;
    const keyPos = rangeOf(keyNode, starts, base);
    if (key === undefined) {
      report(file, 'invalid-front-matter', 'Front-matter keys must be plain strings', keyPos ?? node);
      continue;
    }
    if (key === 'brand' || key === 'logo') {
      readBrand(doc, key, pair.value as YamlNode | null, keyPos, result, file, starts, base);
      continue;
    }
    if (!FIELD_SET.has(key)) {
      if (!RESERVED_KEYS.has(key)) report(file, 'unknown-front-matter', `Unknown front-matter key \`${key}\` is ignored`, keyPos);
      continue;
    }
    const field = key as HeaderField | 'embargo';
    const valueNode = pair.value as YamlNode | null;
    const position = rangeOf(valueNode, starts, base) ?? keyPos;
    let raw: unknown;
    try {
      // toJS bounds alias expansion (maxAliasCount), so an alias bomb is refused, not expanded.
      raw = valueNode === null ? null : valueNode.toJS(doc, { maxAliasCount: 50 });
    } catch (error) {
      report(file, 'invalid-front-matter', `\`${key}\` cannot be read: ${(error as Error).message}`, position);
      continue;
    }
    if (raw === null) {
      result[field] = { value: null, ...(position ? { position } : {}) };
      continue;
    }
    if (typeof raw !== 'string') {
      const kind = Array.isArray(raw) ? 'a list' : typeof raw === 'object' ? 'a mapping' : `a ${typeof raw}`;
      report(file, 'invalid-front-matter', `\`${key}\` must be text, not ${kind}; it is ignored`, position);
      continue;
    }
    let value = collapse(raw);
    if (field === 'date') {
      const found = /^\d{4}-\d{2}-\d{2}$/u.test(value) ? { iso: value } : findDate(value);
      if (!found?.iso || Number.isNaN(Date.parse(found.iso))) {
        report(file, 'invalid-front-matter', `\`date\` must be a calendar date such as 2015-07-17, not "${value}"; it is ignored`, position);
        continue;
      }
      value = found.iso;
    }
    if (field === 'embargo' && value !== '') {
      const iso = parseEmbargo(value);
      if (!iso) {
        report(file, 'invalid-front-matter', `\`embargo\` must be a date and time such as 2026-03-03T10:00-05:00, not "${value}"; it is ignored`, position);
        continue;
      }
      value = iso;
    }
    result[field] = { value: value === '' ? null : value, ...(position ? { position } : {}) };
  }
  return result;
}

/**
 * `brand:` (a mapping, checked field by field: a bad field is reported at its
 * value and left out, the rest apply) or `logo:` (short for `brand.logo`; a
 * `brand.logo` in the same front matter wins, with a warning).
 */
function readBrand(doc: Document, key: 'brand' | 'logo', valueNode: YamlNode | null, keyPos: Position | undefined, result: FrontMatter, file: VFile, starts: readonly number[], base: Point): void {
  const at = (path: readonly (string | number)[]): Position | undefined => {
    // The deepest node that exists on the path: a missing key is reported at its parent.
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(key === 'brand' ? ['brand', ...path.slice(0, n)] : ['logo'], true) as YamlNode | undefined;
      const range = rangeOf(node, starts, base);
      if (range) return range;
    }
    return keyPos;
  };
  let raw: unknown;
  try {
    raw = valueNode === null ? null : valueNode.toJS(doc, { maxAliasCount: 50 });
  } catch (error) {
    report(file, 'invalid-front-matter', `\`${key}\` cannot be read: ${(error as Error).message}`, at([]));
    return;
  }
  const brand = (result.brand ??= { values: {}, positions: {} });
  if (key === 'logo') {
    if (Object.hasOwn(brand.values, 'logo')) {
      report(file, 'invalid-front-matter', '`logo` is stated twice (as `logo` and as `brand.logo`); `brand.logo` is used', at([]));
      return;
    }
    raw = { logo: raw };
  } else if (raw === null) {
    // `brand:` with nothing under it states nothing.
    return;
  }
  const { statement, problems } = parseBrand(raw);
  for (const problem of problems) {
    const name = key === 'logo' ? '`logo`' : `\`${brandPath(problem.path)}\``;
    report(file, 'invalid-front-matter', `${name} ${problem.message}; it is ignored`, at(key === 'logo' ? [] : problem.path));
  }
  for (const field of Object.keys(statement) as BrandKey[]) {
    if (key === 'brand' && Object.hasOwn(brand.values, field)) report(file, 'invalid-front-matter', '`logo` is stated twice (as `logo` and as `brand.logo`); `brand.logo` is used', at([field]));
    (brand.values as Record<BrandKey, unknown>)[field] = statement[field];
    const position = at(key === 'logo' ? [] : [field]);
    if (position) brand.positions[field] = position;
  }
}
