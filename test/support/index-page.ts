/**
 * Press-room index pages made straight from summaries (no build), and the
 * page's own filter script run in node against a small stand-in for the DOM
 * it reads: what the script shows for a count, as fast as a unit test.
 */
import { runInNewContext } from 'node:vm';
import type { PressEntry } from '../../pipeline/pressroom/entry.js';
import { renderIndex } from '../../pipeline/pressroom/index-page.js';
import type { StringOverrides } from '../../pipeline/render/locale/strings.js';
import type { TemplateSet } from '../../pipeline/render/templates.js';
import { attributesOf, attributesOfAll } from './html.js';

/**
 * `n` entries. Entry i (1-based) has the words "k{i}k" … "k{n}k" (two digits)
 * in its searchable text, so the filter text `upTo(k)` shows exactly k of them.
 */
export function entries(n: number): PressEntry[] {
  return Array.from({ length: n }, (_, j) => {
    const i = j + 1;
    return {
      summary: {
        title: `Release ${i}`,
        subtitle: Array.from({ length: n - i + 1 }, (_, k) => upTo(i + k)).join(' '),
        type: null,
        issuer: null,
        organization: null,
        location: null,
        date: `2026-03-${String(Math.min(i, 28)).padStart(2, '0')}`,
        language: 'en',
        embargo: null,
        source: `r${i}.md`,
        stem: `r${i}`,
        dir: 'ltr',
        description: '',
        words: 100,
      },
      outputs: [{ format: 'html', path: `r${i}.html`, bytes: 1, sha256: '0'.repeat(64) }],
    };
  });
}

/** The filter words that show the first `k` entries. */
export function upTo(k: number): string {
  return `k${String(k).padStart(2, '0')}k`;
}

export function indexPage(n: number, templates: TemplateSet, language: string, strings?: StringOverrides): string {
  return renderIndex(entries(n), templates, { generator: 'handout test', language, ...(strings ? { strings } : {}) });
}

export interface ScriptRun {
  /** What the count says now. */
  readonly text: string;
  /** Type into the filter's text field (as an `input` event) and return what the count says. */
  filter(words: string): string;
}

/**
 * Run the page's one inline script, as served, with the stand-ins for the
 * elements it queries: the form and its fields, the count (with the page's
 * data attributes, entities decoded as a browser would), and the entries.
 */
export function runIndexScript(html: string): ScriptRun {
  const script = /<script>([\s\S]*?)<\/script>/u.exec(html)?.[1];
  if (script === undefined) throw new Error('the page has no inline script');
  const countAttributes = attributesOf(html, 'p', 'count');
  if (!countAttributes) throw new Error('the page has no count');
  const items = attributesOfAll(html, 'li', 'entry').map((a) => ({ dataset: { type: a['data-type'], issuer: a['data-issuer'], text: a['data-text'] }, hidden: false }));
  const count = { dataset: { all: countAttributes['data-all'], some: countAttributes['data-some'] }, textContent: '' };
  const fields = { text: { value: '' }, type: { value: '' }, issuer: { value: '' } };
  const listeners = new Map<string, () => void>();
  const form = {
    hidden: true,
    elements: fields,
    querySelector: (selector: string) => (selector === '.count' ? count : null),
    addEventListener: (type: string, listener: () => void) => listeners.set(type, listener),
  };
  const document = {
    querySelector: (selector: string) => (selector === '.filter' ? form : null),
    querySelectorAll: (selector: string) => (selector === '.entry' ? items : []),
  };
  runInNewContext(script, { document });
  if (form.hidden) throw new Error('the script did not show the form');
  return {
    get text() {
      return count.textContent;
    },
    filter(words: string) {
      fields.text.value = words;
      listeners.get('input')!();
      return count.textContent;
    },
  };
}
