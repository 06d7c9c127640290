/**
 * The fixed words the default templates and the PDF furniture print, by
 * locale. A release's `language` picks the table: the exact tag, then its
 * likely script (zh-TW → zh-Hant), then its primary subtag, then English.
 * A project may override any string per locale (`strings` in
 * handout.config.json); an override is plain text like the rest.
 *
 * Placeholders are `{name}` and are filled by `translate`; nothing in a
 * string is ever evaluated.
 */

export const STRING_KEYS = [
  'forImmediateRelease',
  'embargoedUntil',
  'pageOf',
  'contact',
  'mediaContact',
  'about',
  'untitled',
  'pressRelease',
] as const;

export type StringKey = (typeof STRING_KEYS)[number];

export type Strings = Readonly<Record<StringKey, string>>;

/** Per-locale overrides as a project writes them: locale tag → key → text. Plain data, so workers can receive it. */
export type StringOverrides = Readonly<Record<string, Readonly<Partial<Record<StringKey, string>>>>>;

const en: Strings = {
  forImmediateRelease: 'For immediate release',
  embargoedUntil: 'Embargoed until {date}',
  pageOf: 'Page {n} of {m}',
  contact: 'Contact',
  mediaContact: 'Media contact',
  about: 'About {name}',
  untitled: 'Untitled release',
  pressRelease: 'Press release',
};

/** Keyed by canonical BCP 47 tag; `zh` alone resolves through its likely script. */
export const CATALOGUE: Readonly<Record<string, Strings>> = {
  en,
  es: {
    forImmediateRelease: 'Para publicación inmediata',
    embargoedUntil: 'Bajo embargo hasta el {date}',
    pageOf: 'Página {n} de {m}',
    contact: 'Contacto',
    mediaContact: 'Contacto de prensa',
    about: 'Acerca de {name}',
    untitled: 'Comunicado sin título',
    pressRelease: 'Comunicado de prensa',
  },
  pt: {
    forImmediateRelease: 'Para divulgação imediata',
    embargoedUntil: 'Sob embargo até {date}',
    pageOf: 'Página {n} de {m}',
    contact: 'Contato',
    mediaContact: 'Contato para a imprensa',
    about: 'Sobre {name}',
    untitled: 'Comunicado sem título',
    pressRelease: 'Comunicado à imprensa',
  },
  fr: {
    forImmediateRelease: 'Pour diffusion immédiate',
    embargoedUntil: 'Sous embargo jusqu’au {date}',
    pageOf: 'Page {n} sur {m}',
    contact: 'Contact',
    mediaContact: 'Contact presse',
    about: 'À propos de {name}',
    untitled: 'Communiqué sans titre',
    pressRelease: 'Communiqué de presse',
  },
  de: {
    forImmediateRelease: 'Zur sofortigen Veröffentlichung',
    embargoedUntil: 'Sperrfrist: {date}',
    pageOf: 'Seite {n} von {m}',
    contact: 'Kontakt',
    mediaContact: 'Pressekontakt',
    about: 'Über {name}',
    untitled: 'Pressemitteilung ohne Titel',
    pressRelease: 'Pressemitteilung',
  },
  ja: {
    forImmediateRelease: '即日発表',
    embargoedUntil: '報道解禁：{date}',
    pageOf: '{n} / {m} ページ',
    contact: 'お問い合わせ',
    mediaContact: '報道関係者お問い合わせ先',
    about: '{name}について',
    untitled: '無題のリリース',
    pressRelease: 'プレスリリース',
  },
  'zh-Hant': {
    forImmediateRelease: '即時發布',
    embargoedUntil: '禁止發布至 {date}',
    pageOf: '第 {n} 頁，共 {m} 頁',
    contact: '聯絡資訊',
    mediaContact: '媒體聯絡人',
    about: '關於{name}',
    untitled: '未命名新聞稿',
    pressRelease: '新聞稿',
  },
  'zh-Hans': {
    forImmediateRelease: '即时发布',
    embargoedUntil: '禁止发布至 {date}',
    pageOf: '第 {n} 页，共 {m} 页',
    contact: '联系方式',
    mediaContact: '媒体联系人',
    about: '关于{name}',
    untitled: '未命名新闻稿',
    pressRelease: '新闻稿',
  },
};

/** The canonical form of a tag, or undefined when it is not BCP 47. */
export function canonicalTag(tag: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}

/** Tags to try for `language`, most specific first: "zh-TW" → zh-TW, zh-Hant-TW, zh-Hant, zh, en. */
export function fallbackChain(language: string): string[] {
  const chain: string[] = [];
  const add = (tag: string | undefined): void => {
    if (tag && !chain.includes(tag)) chain.push(tag);
  };
  const canonical = canonicalTag(language);
  if (canonical) {
    const locale = new Intl.Locale(canonical);
    add(canonical);
    const max = locale.maximize();
    add(max.toString());
    if (max.script) add(`${locale.language}-${max.script}`);
    add(locale.language);
  }
  add('en');
  return chain;
}

/**
 * The strings for a release's language: for each key, the first override or
 * catalogue entry along the fallback chain. An override for "es" therefore
 * also serves "es-MX", and a key a project leaves out keeps the catalogue's.
 */
export function stringsFor(language: string, overrides: StringOverrides = {}): Strings {
  const chain = fallbackChain(language);
  const canonicalOverrides = new Map<string, Partial<Record<StringKey, string>>>();
  for (const [tag, table] of Object.entries(overrides)) canonicalOverrides.set(canonicalTag(tag) ?? tag, table);
  const result = {} as Record<StringKey, string>;
  for (const key of STRING_KEYS) {
    let value: string | undefined;
    for (const tag of chain) {
      value = canonicalOverrides.get(tag)?.[key] ?? CATALOGUE[tag]?.[key];
      if (value !== undefined) break;
    }
    result[key] = value ?? en[key];
  }
  return result;
}

/** Fill `{name}` placeholders; an unknown placeholder stays as written, so a typo shows instead of vanishing. */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/gu, (whole, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : whole));
}

/** Split a string around its placeholders, so a renderer can wrap a filled value in markup of its own. */
export function pieces(template: string): { text: string; placeholder?: string }[] {
  const out: { text: string; placeholder?: string }[] = [];
  let last = 0;
  for (const m of template.matchAll(/\{(\w+)\}/gu)) {
    if (m.index > last) out.push({ text: template.slice(last, m.index) });
    out.push({ text: m[0], placeholder: m[1]! });
    last = m.index + m[0].length;
  }
  if (last < template.length) out.push({ text: template.slice(last) });
  return out;
}

export function isStringKey(key: string): key is StringKey {
  return (STRING_KEYS as readonly string[]).includes(key);
}
