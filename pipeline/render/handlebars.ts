/**
 * The one isolated Handlebars environment: helpers, and compilation that turns
 * any template failure into a TemplateError naming file:line:column.
 *
 * Escaping follows the output language. HTML templates keep Handlebars' HTML
 * escaping. Markdown templates (the PDF layout) get the same guarantee for
 * Markdown: every escaped mustache `{{x}}` is rewritten to `{{mdEscape x}}`
 * before compilation, so user text can never become Markdown syntax. Text
 * templates need no escaping. `{{{…}}}` is never used for user text.
 */
import Handlebars from 'handlebars';
import type { HelperOptions } from 'handlebars';
import { TemplateError } from '../errors.js';
import { wrapText } from './wrap.js';
import { escapeMarkdown } from './markdown-escape.js';
import { formatDate, upperCase } from './view.js';
import { isPluralKey, isStringKey, localNumbers, pieces, stringsFor, type Strings } from './locale/strings.js';
import { selectForm } from './locale/plural.js';

export type TemplateMode = 'html' | 'text' | 'markdown';

/** A compiled template. Handlebars calls partials with its own runtime options, so they pass through. */
export type RenderFn = (data: unknown, options?: Handlebars.RuntimeOptions) => string;

export const env = Handlebars.create();

function asString(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof env.SafeString) return value.toHTML();
  return String(value);
}

function localeOf(options: HelperOptions): string {
  const root = options.data?.root as { language?: unknown } | undefined;
  return typeof root?.language === 'string' ? root.language : 'en';
}

/** `{{formatDate date}}`, `{{formatDate date style="short"}}`: the date in the release's language. */
env.registerHelper('formatDate', function helperFormatDate(iso: unknown, options: HelperOptions): string {
  if (typeof iso !== 'string' || !/^\d{4}-\d{2}-\d{2}/u.test(iso)) return '';
  const style = (options.hash?.['style'] as 'full' | 'long' | 'medium' | 'short' | undefined) ?? 'long';
  return formatDate(iso, localeOf(options), style);
});

function stringsOf(options: HelperOptions): Strings {
  const root = options.data?.root as { strings?: Strings } | undefined;
  return root?.strings ?? stringsFor(localeOf(options));
}

/**
 * `{{t "pageOf" n=1 m=2}}`: a fixed word in the release's language, its
 * `{placeholders}` filled from the hash. The result is escaped like any
 * mustache, except that a value that is already safe markup (a `{{time …}}`)
 * is kept: then the string's own text and every other value are escaped here.
 * A count-bearing key (`{{t "releasesCount" count=n}}`) needs `count`, a
 * number: it picks the form by the language's plural rules, and its numbers
 * are written as the language writes them.
 */
env.registerHelper('t', (key: unknown, options: HelperOptions): string | Handlebars.SafeString => {
  if (typeof key !== 'string' || !isStringKey(key)) throw new Error(`{{t}}: unknown string key ${JSON.stringify(key)}`);
  let hash = (options.hash ?? {}) as Record<string, unknown>;
  let template: string;
  if (isPluralKey(key)) {
    const count = hash['count'];
    if (typeof count !== 'number' || !Number.isFinite(count)) throw new Error(`{{t "${key}"}} needs count=<a number>: its words depend on the count`);
    const message = stringsOf(options)[key];
    template = selectForm(message, count);
    hash = localNumbers(message.locale, hash);
  } else {
    template = stringsOf(options)[key];
  }
  const parts = pieces(template);
  const markup = Object.values(hash).some((v) => v instanceof env.SafeString);
  const value = (p: { text: string; placeholder?: string }): string => {
    if (p.placeholder === undefined || !Object.hasOwn(hash, p.placeholder)) return markup ? env.escapeExpression(p.text) : p.text;
    const v = hash[p.placeholder];
    if (v instanceof env.SafeString) return v.toHTML();
    return markup ? env.escapeExpression(asString(v)) : asString(v);
  };
  const text = parts.map(value).join('');
  return markup ? new env.SafeString(text) : text;
});

/**
 * `{{json value}}`: the value as JSON, escaped like any mustache. It hands
 * data to the press room's script through an attribute (`data-all="{{json
 * strings.releasesCount}}"`), where the script reads it with JSON.parse.
 */
env.registerHelper('json', (value: unknown): string => JSON.stringify(value ?? null));

/** `{{time iso text}}`: `<time datetime="iso">text</time>` for HTML templates, both escaped. */
env.registerHelper('time', (iso: unknown, text: unknown) => new env.SafeString(`<time datetime="${env.escapeExpression(asString(iso))}">${env.escapeExpression(asString(text))}</time>`));

/** `{{link href text}}`: `<a href="href">text</a>` for HTML templates, both escaped, for a link inside a `{{t}}` string. */
env.registerHelper('link', (href: unknown, text: unknown) => new env.SafeString(`<a href="${env.escapeExpression(asString(href))}">${env.escapeExpression(asString(text))}</a>`));

/** `{{upper text}}`: upper case by the release's language rules. */
env.registerHelper('upper', (value: unknown, options: HelperOptions): string => upperCase(asString(value), localeOf(options)));

/**
 * `{{wrap text width=72}}` or `{{#wrap width=72 indent="  "}}…{{/wrap}}`:
 * wrap by display width (wide CJK characters count double).
 */
env.registerHelper('wrap', function wrap(this: unknown, ...args: unknown[]): string {
  const options = args.pop() as HelperOptions;
  const text = options.fn ? options.fn(this) : asString(args[0]);
  const width = Number(options.hash?.['width'] ?? 72);
  const indent = String(options.hash?.['indent'] ?? '');
  return wrapText(text, { width, indent });
});

/** `{{default value "fallback"}}`. */
env.registerHelper('default', (value: unknown, fallback: unknown) => (value === null || value === undefined || value === '' ? fallback : value));

/** `{{#if (eq a b)}}`. */
env.registerHelper('eq', (a: unknown, b: unknown) => a === b);

/** Markdown escaping for the PDF layout template (inserted by the AST rewrite below). */
env.registerHelper('mdEscape', (value: unknown) => (value instanceof env.SafeString ? value.toHTML() : escapeMarkdown(asString(value))));

type Ast = hbs.AST.Program;

/** Rewrite escaped mustaches `{{expr}}` to `{{mdEscape expr}}` throughout a template's AST. */
function escapeForMarkdown(node: unknown): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const n of node) escapeForMarkdown(n);
    return;
  }
  const n = node as Record<string, unknown> & { type?: string };
  if (n.type === 'MustacheStatement' && n['escaped'] === true) {
    const m = n as unknown as hbs.AST.MustacheStatement;
    const loc = m.loc;
    const inner: hbs.AST.Expression =
      m.params.length === 0 && !m.hash
        ? m.path
        : ({ type: 'SubExpression', path: m.path, params: m.params, hash: m.hash, loc } as unknown as hbs.AST.SubExpression);
    const helper = { type: 'PathExpression', data: false, depth: 0, parts: ['mdEscape'], original: 'mdEscape', loc } as unknown as hbs.AST.PathExpression;
    Object.assign(m, { path: helper, params: [inner], hash: undefined });
    return;
  }
  for (const key of ['body', 'program', 'inverse']) {
    const child = n[key];
    if (child && typeof child === 'object') escapeForMarkdown(key === 'body' ? child : (child as { body?: unknown }).body);
  }
}

function parseLocation(error: unknown): { line?: number; column?: number } {
  const e = error as { lineNumber?: number; column?: number };
  if (typeof e.lineNumber === 'number') return { line: e.lineNumber, ...(typeof e.column === 'number' ? { column: e.column + 1 } : {}) };
  // Jison parse errors carry no location; the lexer's last token position is the failure point.
  const lexer = (env as unknown as { Parser?: { lexer?: { yylloc?: { first_line: number; first_column: number } } } }).Parser?.lexer;
  const loc = lexer?.yylloc;
  const fromMessage = /line (\d+)/u.exec(String((error as Error).message));
  if (loc) return { line: loc.first_line, column: loc.first_column + 1 };
  if (fromMessage) return { line: Number(fromMessage[1]) };
  return {};
}

function reasonOf(error: unknown): string {
  const message = String((error as Error)?.message ?? error);
  const expecting = /Expecting (.*), got '([^']+)'/u.exec(message);
  if (expecting) return `parse error: unexpected ${expecting[2]}, expecting one of ${expecting[1]}`;
  return message.split('\n')[0]!.replace(/ - \d+:\d+$/u, '').replace(/ in \[object Object\]/u, '');
}

export function toTemplateError(error: unknown, file: string): TemplateError {
  if (error instanceof TemplateError) return error;
  return new TemplateError(reasonOf(error), { file, ...parseLocation(error) }, { cause: error });
}

/**
 * Compile a template once; the returned function renders it many times.
 * Syntax errors throw here; runtime errors (an unknown field under `strict`)
 * throw when rendering, both as TemplateError with the template's location.
 */
export function compileTemplate(source: string, file: string, mode: TemplateMode): RenderFn {
  let ast: Ast;
  try {
    ast = env.parse(source);
  } catch (error) {
    throw toTemplateError(error, file);
  }
  if (mode === 'markdown') escapeForMarkdown(ast.body);
  const template = env.compile(ast, { strict: true, noEscape: mode !== 'html', preventIndent: mode === 'markdown' });
  return (data, options) => {
    try {
      return template(data, { ...options, allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
    } catch (error) {
      throw toTemplateError(error, file);
    }
  };
}

export const SafeString = env.SafeString;
