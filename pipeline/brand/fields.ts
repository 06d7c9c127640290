/**
 * A press office's brand: what the config file's `brand` and a release's
 * front-matter `brand` may state, and the checks both go through. Pure: it
 * reads plain values (JSON or YAML turned into JS) and says what is wrong
 * with them, each problem at the path of the value, so the config can make
 * it a usage error and the front matter a diagnostic at the value's place.
 *
 * Every value reaches HTML, CSS, the PDF or a link, so the checks are strict:
 * a colour is `#rrggbb`, an email is one plain address (no `?` to smuggle
 * mailto parameters), a phone number is digits and punctuation, fonts are
 * names from a fixed list. Nothing is ever passed on that failed them.
 */
import type { Brand, BrandContact, BrandField, BrandFonts, FontStack } from '../release.js';

export const BRAND_KEYS = ['name', 'logo', 'accentColor', 'fonts', 'about', 'contacts', 'footer'] as const satisfies readonly BrandField[];
export type BrandKey = BrandField;

const CONTACT_KEYS = ['name', 'role', 'email', 'phone'] as const;
const FONT_KEYS = ['body', 'headings'] as const;

/**
 * Font stacks a brand may choose, by name. HTML gets the CSS stack (system
 * fonts only: the page's CSP loads none), the PDF the embedded DejaVu face of
 * the same kind. A fixed list: a free-form family list would reach CSS.
 */
export const FONT_STACKS: Readonly<Record<FontStack, { css: string; pdf: 'serif' | 'sans' }>> = {
  serif: { css: 'Georgia, "DejaVu Serif", "Noto Serif", "Noto Serif CJK TC", serif', pdf: 'serif' },
  transitional: { css: 'Charter, "Bitstream Charter", "Sitka Text", Cambria, "DejaVu Serif", serif', pdf: 'serif' },
  sans: { css: 'system-ui, "Segoe UI", Roboto, "Helvetica Neue", Arial, "DejaVu Sans", "Noto Sans", sans-serif', pdf: 'sans' },
  humanist: { css: 'Seravek, "Gill Sans Nova", Ubuntu, Calibri, "DejaVu Sans", source-sans-pro, sans-serif', pdf: 'sans' },
  geometric: { css: 'Avenir, Montserrat, Corbel, "URW Gothic", "DejaVu Sans", source-sans-pro, sans-serif', pdf: 'sans' },
};

export const FONT_STACK_NAMES = Object.keys(FONT_STACKS) as FontStack[];

/** What one source (config or front matter) states: a key left out is `undefined`; `null` states "none" and so removes a config value. */
export type BrandStatement = { [K in BrandKey]?: Brand[K] };

export interface BrandProblem {
  /** Where the value is, below `brand`: ["contacts", 1, "email"]. */
  path: (string | number)[];
  message: string;
}

const COLOR = /^#[0-9a-f]{6}$/iu;
// One address, no quoting, no `?`, `&` or `%`: it becomes a mailto: link.
const EMAIL = /^[\p{L}\p{N}._+-]+@[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+$/u;
const PHONE = /^\+?[0-9(][0-9 ().\-/]{2,30}$/u;
// A logo is a file: a URL (remote, data:, javascript:) is refused by name.
const SCHEME = /^[a-z][a-z0-9+.-]*:/iu;

const isObject = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'a mapping' : `a ${typeof value}`;
}

/**
 * Text on one line: white space collapsed, so a YAML block scalar or a JSON
 * "\n" cannot break a layout, and bidi overrides, embeddings and isolates
 * dropped, so a name cannot display reversed (as in the header fields).
 */
function oneLine(value: string): string {
  return value.replace(/[\u202a-\u202e\u2066-\u2069]/gu, '').replace(/\s+/gu, ' ').trim();
}

type Check<T> = (value: unknown, path: (string | number)[], problems: BrandProblem[]) => T | undefined;

const text: Check<string> = (value, path, problems) => {
  if (typeof value !== 'string') {
    problems.push({ path, message: `must be text, not ${kindOf(value)}` });
    return undefined;
  }
  const line = oneLine(value);
  if (!line) {
    problems.push({ path, message: 'is empty' });
    return undefined;
  }
  return line;
};

const color: Check<string> = (value, path, problems) => {
  if (typeof value !== 'string' || !COLOR.test(value.trim())) {
    problems.push({ path, message: `must be a colour written #rrggbb, such as "#1d4f91", not ${typeof value === 'string' ? JSON.stringify(value) : kindOf(value)}` });
    return undefined;
  }
  return value.trim().toLowerCase();
};

const logo: Check<string> = (value, path, problems) => {
  const written = text(value, path, problems);
  if (written === undefined) return undefined;
  if (SCHEME.test(written) && !/^[a-z]:[\\/]/iu.test(written)) {
    problems.push({ path, message: `must be the path of a PNG or SVG file, not a URL (${JSON.stringify(written.slice(0, 60))})` });
    return undefined;
  }
  return written;
};

function unknownKeys(value: Record<string, unknown>, known: readonly string[], path: (string | number)[], problems: BrandProblem[]): void {
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) problems.push({ path: [...path, key], message: `is not a brand key (known keys: ${known.join(', ')})` });
  }
}

const fonts: Check<BrandFonts> = (value, path, problems) => {
  if (!isObject(value)) {
    problems.push({ path, message: `must be a mapping such as { body: serif, headings: sans }, not ${kindOf(value)}` });
    return undefined;
  }
  unknownKeys(value, FONT_KEYS, path, problems);
  const result: BrandFonts = { body: null, headings: null };
  for (const key of FONT_KEYS) {
    const stack = value[key];
    if (stack === undefined || stack === null) continue;
    if (typeof stack === 'string' && Object.hasOwn(FONT_STACKS, stack)) result[key] = stack as FontStack;
    else problems.push({ path: [...path, key], message: `must be one of ${FONT_STACK_NAMES.join(', ')}, not ${typeof stack === 'string' ? JSON.stringify(stack) : kindOf(stack)}` });
  }
  return result;
};

function contact(value: unknown, path: (string | number)[], problems: BrandProblem[]): BrandContact | undefined {
  if (!isObject(value)) {
    problems.push({ path, message: `must be a mapping with name, role, email and phone, not ${kindOf(value)}` });
    return undefined;
  }
  unknownKeys(value, CONTACT_KEYS, path, problems);
  const name = text(value['name'], [...path, 'name'], problems);
  if (name === undefined) return undefined;
  const optional = (key: 'role' | 'email' | 'phone', pattern?: RegExp, example?: string): string | null => {
    const raw = value[key];
    if (raw === undefined || raw === null) return null;
    const written = text(raw, [...path, key], problems);
    if (written === undefined) return null;
    if (pattern && !pattern.test(written)) {
      problems.push({ path: [...path, key], message: `must be ${example}, not ${JSON.stringify(written)}` });
      return null;
    }
    return written;
  };
  return {
    name,
    role: optional('role'),
    email: optional('email', EMAIL, 'one email address such as press@example.org'),
    phone: optional('phone', PHONE, 'a phone number of digits, spaces and + ( ) - . /, such as +1 555 0100'),
  };
}

const contacts: Check<BrandContact[]> = (value, path, problems) => {
  // One contact may be written without the list around it.
  const list = Array.isArray(value) ? value : isObject(value) ? [value] : undefined;
  if (!list) {
    problems.push({ path, message: `must be a list of contacts (name, role, email, phone), not ${kindOf(value)}` });
    return undefined;
  }
  const result: BrandContact[] = [];
  list.forEach((item, i) => {
    const one = contact(item, Array.isArray(value) ? [...path, i] : path, problems);
    if (one) result.push(one);
  });
  return result;
};

const CHECKS: { [K in BrandKey]: Check<NonNullable<Brand[K]>> } = {
  name: text,
  logo,
  accentColor: color,
  fonts,
  about: text,
  contacts,
  footer: text,
};

/**
 * Read a `brand` value. Each bad field is left out (and said why); the good
 * ones are kept, so one typo does not throw the whole brand away.
 */
export function parseBrand(raw: unknown): { statement: BrandStatement; problems: BrandProblem[] } {
  const problems: BrandProblem[] = [];
  const statement: BrandStatement = {};
  if (!isObject(raw)) {
    problems.push({ path: [], message: `must be a mapping of brand keys (${BRAND_KEYS.join(', ')}), not ${kindOf(raw)}` });
    return { statement, problems };
  }
  unknownKeys(raw, BRAND_KEYS, [], problems);
  for (const key of BRAND_KEYS) {
    if (!Object.hasOwn(raw, key)) continue;
    const value = raw[key];
    if (value === null) {
      statement[key] = null;
      continue;
    }
    const checked = CHECKS[key](value, [key], problems);
    if (checked !== undefined) (statement as Record<BrandKey, unknown>)[key] = checked;
  }
  return { statement, problems };
}

/** `brand.contacts[1].email`, for messages. */
export function brandPath(path: readonly (string | number)[], prefix = 'brand'): string {
  return path.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : `${out}.${part}`), prefix);
}

export function isBrandKey(key: string): key is BrandKey {
  return (BRAND_KEYS as readonly string[]).includes(key);
}
