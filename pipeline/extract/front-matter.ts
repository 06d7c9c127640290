/**
 * YAML front matter: the author's own statement of the fields, which wins over
 * extraction. Untrusted input: only known keys are copied (so `__proto__` and
 * friends go nowhere), every value's type is checked, and alias expansion is
 * bounded.
 */
import { isMap, isScalar, parseDocument, type Node as YamlNode } from 'yaml';
import type { Yaml } from 'mdast';
import type { Point, Position } from 'unist';
import type { VFile } from 'vfile';
import { report } from '../diagnostics.js';
import { HEADER_FIELDS, type HeaderField } from '../release.js';
import { findDate } from './date.js';
import { parseEmbargo } from './embargo.js';
import { collapse, lineStartOffsets, pointOf } from './lines.js';

export interface FrontMatterValue {
  value: string | null;
  position?: Position;
}

export type FrontMatter = Partial<Record<HeaderField | 'embargo', FrontMatterValue>>;

/** Keys that later features read; known, so not reported as unknown. */
const RESERVED_KEYS = new Set(['keywords', 'author', 'brand', 'logo', 'tags', 'summary', 'lang']);

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
