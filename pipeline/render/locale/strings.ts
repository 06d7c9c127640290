/**
 * The fixed words the default templates and the PDF furniture print, by
 * locale. A release's `language` picks the table: the exact tag, then its
 * likely script (zh-TW → zh-Hant), then its primary subtag, then English.
 * A project may override any string per locale (`strings` in
 * handout.config.json); an override is plain text like the rest.
 *
 * Placeholders are `{name}` and are filled by `fill` (or the templates' `t`
 * helper); nothing in a string is ever evaluated. A string that carries a
 * count (PLURAL_KEYS) has one form per plural category of its language
 * ("{count} release", "{count} releases"), chosen by the count (plural.ts).
 */
import { formatNumber, selectForm, type PluralForms, type PluralMessage } from './plural.js';

export const STRING_KEYS = [
  'forImmediateRelease',
  'embargoedUntil',
  'pageOf',
  'contact',
  'mediaContact',
  'about',
  'untitled',
  'pressRelease',
  // The press room's page (index.html), in the project's language.
  'pressReleases',
  'roomIntro',
  'atomFeed',
  'releasesCount',
  'releasesShown',
  'filterReleases',
  'filterText',
  'filterType',
  'filterIssuer',
  'allTypes',
  'allIssuers',
  'filter',
  'undated',
  'formatText',
  'formatEmail',
  // In the handouts' bodies: the wire text's "[Photo: …]" line, and an image that is not embedded ("[Image: …]").
  'photo',
  'image',
  // The email's sender name when the release names no issuer or organization.
  'pressOffice',
  // The descriptions of the files a PDF/A-3 carries (a viewer's attachments panel shows them).
  'sourceAttachment',
  'dataAttachment',
] as const;

export type StringKey = (typeof STRING_KEYS)[number];

/** The keys whose string carries a `{count}`: each has a form per plural category, chosen by that count. */
export const PLURAL_KEYS = ['roomIntro', 'releasesCount', 'releasesShown'] as const satisfies readonly StringKey[];

export type PluralKey = (typeof PLURAL_KEYS)[number];
type TextKey = Exclude<StringKey, PluralKey>;

/** A locale's table as the catalogue writes it. */
export type StringTable = Readonly<Record<TextKey, string> & Record<PluralKey, PluralForms>>;

/** The words for one language, resolved: a count-bearing key also knows whose plural rules pick its form. */
export type Strings = Readonly<Record<TextKey, string> & Record<PluralKey, PluralMessage>>;

/** One locale's overrides: text, or for a count-bearing key either forms by category or one text for every count. */
export type StringOverride = { readonly [K in StringKey]?: K extends PluralKey ? string | PluralForms : string };

/** Per-locale overrides as a project writes them: locale tag → key → text. Plain data, so workers can receive it. */
export type StringOverrides = Readonly<Record<string, StringOverride>>;

const en: StringTable = {
  forImmediateRelease: 'For immediate release',
  embargoedUntil: 'Embargoed until {date}',
  pageOf: 'Page {n} of {m}',
  contact: 'Contact',
  mediaContact: 'Media contact',
  about: 'About {name}',
  untitled: 'Untitled release',
  pressRelease: 'Press release',
  pressReleases: 'Press releases',
  roomIntro: {
    one: '{count} release. Subscribe with the {feed}; checksums are in {manifest}.',
    other: '{count} releases, newest first. Subscribe with the {feed}; checksums are in {manifest}.',
  },
  atomFeed: 'Atom feed',
  releasesCount: { one: '{count} release', other: '{count} releases' },
  releasesShown: { one: '{shown} of {count} release', other: '{shown} of {count} releases' },
  filterReleases: 'Filter releases',
  filterText: 'Text',
  filterType: 'Type',
  filterIssuer: 'Issuer',
  allTypes: 'All types',
  allIssuers: 'All issuers',
  filter: 'Filter',
  undated: 'Undated',
  formatText: 'Text',
  formatEmail: 'Email',
  photo: 'Photo',
  image: 'Image',
  pressOffice: 'Press office',
  sourceAttachment: 'The press release as it was written: the source of this document',
  dataAttachment: 'The release record extracted from the source (handout JSON)',
};

/** Keyed by canonical BCP 47 tag; `zh` alone resolves through its likely script. */
export const CATALOGUE: Readonly<Record<string, StringTable>> = {
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
    pressReleases: 'Comunicados de prensa',
    roomIntro: {
      one: '{count} comunicado. Suscríbase con el {feed}; las sumas de verificación están en {manifest}.',
      many: '{count} de comunicados, del más reciente al más antiguo. Suscríbase con el {feed}; las sumas de verificación están en {manifest}.',
      other: '{count} comunicados, del más reciente al más antiguo. Suscríbase con el {feed}; las sumas de verificación están en {manifest}.',
    },
    atomFeed: 'canal Atom',
    releasesCount: { one: '{count} comunicado', many: '{count} de comunicados', other: '{count} comunicados' },
    releasesShown: { one: '{shown} de {count} comunicado', many: '{shown} de {count} de comunicados', other: '{shown} de {count} comunicados' },
    filterReleases: 'Filtrar comunicados',
    filterText: 'Texto',
    filterType: 'Tipo',
    filterIssuer: 'Emisor',
    allTypes: 'Todos los tipos',
    allIssuers: 'Todos los emisores',
    filter: 'Filtrar',
    undated: 'Sin fecha',
    formatText: 'Texto',
    formatEmail: 'Correo',
    photo: 'Foto',
    image: 'Imagen',
    pressOffice: 'Oficina de prensa',
    sourceAttachment: 'El comunicado tal como se escribió: la fuente de este documento',
    dataAttachment: 'Los datos del comunicado extraídos de la fuente (JSON de handout)',
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
    pressReleases: 'Comunicados à imprensa',
    roomIntro: {
      one: '{count} comunicado. Assine o {feed}; as somas de verificação estão em {manifest}.',
      many: '{count} de comunicados, do mais recente ao mais antigo. Assine o {feed}; as somas de verificação estão em {manifest}.',
      other: '{count} comunicados, do mais recente ao mais antigo. Assine o {feed}; as somas de verificação estão em {manifest}.',
    },
    atomFeed: 'feed Atom',
    releasesCount: { one: '{count} comunicado', many: '{count} de comunicados', other: '{count} comunicados' },
    releasesShown: { one: '{shown} de {count} comunicado', many: '{shown} de {count} de comunicados', other: '{shown} de {count} comunicados' },
    filterReleases: 'Filtrar comunicados',
    filterText: 'Texto',
    filterType: 'Tipo',
    filterIssuer: 'Emissor',
    allTypes: 'Todos os tipos',
    allIssuers: 'Todos os emissores',
    filter: 'Filtrar',
    undated: 'Sem data',
    formatText: 'Texto',
    formatEmail: 'E-mail',
    photo: 'Foto',
    image: 'Imagem',
    pressOffice: 'Assessoria de imprensa',
    sourceAttachment: 'O comunicado tal como foi escrito: a fonte deste documento',
    dataAttachment: 'Os dados do comunicado extraídos da fonte (JSON do handout)',
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
    pressReleases: 'Communiqués de presse',
    roomIntro: {
      one: '{count} communiqué. Abonnez-vous au {feed} ; les sommes de contrôle sont dans {manifest}.',
      many: '{count} de communiqués, du plus récent au plus ancien. Abonnez-vous au {feed} ; les sommes de contrôle sont dans {manifest}.',
      other: '{count} communiqués, du plus récent au plus ancien. Abonnez-vous au {feed} ; les sommes de contrôle sont dans {manifest}.',
    },
    atomFeed: 'flux Atom',
    releasesCount: { one: '{count} communiqué', many: '{count} de communiqués', other: '{count} communiqués' },
    releasesShown: { one: '{shown} sur {count} communiqué', many: '{shown} sur {count} de communiqués', other: '{shown} sur {count} communiqués' },
    filterReleases: 'Filtrer les communiqués',
    filterText: 'Texte',
    filterType: 'Type',
    filterIssuer: 'Émetteur',
    allTypes: 'Tous les types',
    allIssuers: 'Tous les émetteurs',
    filter: 'Filtrer',
    undated: 'Sans date',
    formatText: 'Texte',
    formatEmail: 'E-mail',
    photo: 'Photo',
    image: 'Image',
    pressOffice: 'Service de presse',
    sourceAttachment: 'Le communiqué tel qu’il a été écrit : la source de ce document',
    dataAttachment: 'Les données du communiqué extraites de la source (JSON de handout)',
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
    pressReleases: 'Pressemitteilungen',
    roomIntro: {
      one: '{count} Mitteilung. Abonnieren Sie den {feed}; Prüfsummen stehen in {manifest}.',
      other: '{count} Mitteilungen, die neuesten zuerst. Abonnieren Sie den {feed}; Prüfsummen stehen in {manifest}.',
    },
    atomFeed: 'Atom-Feed',
    releasesCount: { one: '{count} Mitteilung', other: '{count} Mitteilungen' },
    releasesShown: { one: '{shown} von {count} Mitteilung', other: '{shown} von {count} Mitteilungen' },
    filterReleases: 'Mitteilungen filtern',
    filterText: 'Text',
    filterType: 'Art',
    filterIssuer: 'Herausgeber',
    allTypes: 'Alle Arten',
    allIssuers: 'Alle Herausgeber',
    filter: 'Filtern',
    undated: 'Ohne Datum',
    formatText: 'Text',
    formatEmail: 'E-Mail',
    photo: 'Foto',
    image: 'Bild',
    pressOffice: 'Pressestelle',
    sourceAttachment: 'Die Pressemitteilung, wie sie geschrieben wurde: die Quelle dieses Dokuments',
    dataAttachment: 'Die aus der Quelle gelesenen Daten der Pressemitteilung (handout-JSON)',
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
    pressReleases: 'プレスリリース',
    // Japanese has one plural form ("other"): 件 counts any number.
    roomIntro: { other: '{count} 件のリリース（新しい順）。{feed}で購読できます。チェックサムは {manifest} にあります。' },
    atomFeed: 'Atom フィード',
    releasesCount: { other: '{count} 件' },
    releasesShown: { other: '{count} 件中 {shown} 件' },
    filterReleases: 'リリースを絞り込む',
    filterText: 'テキスト',
    filterType: '種類',
    filterIssuer: '発表者',
    allTypes: 'すべての種類',
    allIssuers: 'すべての発表者',
    filter: '絞り込む',
    undated: '日付なし',
    formatText: 'テキスト',
    formatEmail: 'メール',
    photo: '写真',
    image: '画像',
    pressOffice: '広報担当',
    sourceAttachment: 'プレスリリースの原文（この文書のソース）',
    dataAttachment: 'ソースから抽出したリリースのデータ（handout JSON）',
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
    pressReleases: '新聞稿',
    // Chinese has one plural form ("other").
    roomIntro: { other: '共 {count} 則新聞稿，最新的在前。可透過{feed}訂閱；校驗碼見 {manifest}。' },
    atomFeed: 'Atom 訂閱源',
    releasesCount: { other: '{count} 則新聞稿' },
    releasesShown: { other: '{count} 則中的 {shown} 則' },
    filterReleases: '篩選新聞稿',
    filterText: '文字',
    filterType: '類型',
    filterIssuer: '發布單位',
    allTypes: '所有類型',
    allIssuers: '所有發布單位',
    filter: '篩選',
    undated: '無日期',
    formatText: '文字',
    formatEmail: '電子郵件',
    photo: '照片',
    image: '圖片',
    pressOffice: '新聞室',
    sourceAttachment: '新聞稿原稿：本文件的來源',
    dataAttachment: '從來源擷取的新聞稿資料（handout JSON）',
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
    pressReleases: '新闻稿',
    roomIntro: { other: '共 {count} 篇新闻稿，最新的在前。可通过{feed}订阅；校验和见 {manifest}。' },
    atomFeed: 'Atom 订阅源',
    releasesCount: { other: '{count} 篇新闻稿' },
    releasesShown: { other: '{count} 篇中的 {shown} 篇' },
    filterReleases: '筛选新闻稿',
    filterText: '文字',
    filterType: '类型',
    filterIssuer: '发布单位',
    allTypes: '所有类型',
    allIssuers: '所有发布单位',
    filter: '筛选',
    undated: '无日期',
    formatText: '文字',
    formatEmail: '电子邮件',
    photo: '照片',
    image: '图片',
    pressOffice: '新闻办公室',
    sourceAttachment: '新闻稿原稿：本文件的来源',
    dataAttachment: '从来源提取的新闻稿数据（handout JSON）',
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

/** The primary language subtag of a tag the chain holds ("zh-Hant" → "zh"). */
function primaryLanguage(tag: string): string {
  return tag.split('-')[0]!.toLowerCase();
}

/**
 * Whose plural rules choose a count-bearing string's form: the language asked
 * for when the string is in that language (pt-PT counts 0 as "other", the pt
 * table's Brazilian rules as "one"), else the language of the table it came
 * from, so a Russian page that falls back to English words says "21 releases",
 * not "21 release" by Russian rules.
 */
function pluralLocale(requested: string | undefined, from: string): string {
  return requested && primaryLanguage(requested) === primaryLanguage(from) ? requested : from;
}

/**
 * The strings for a release's language: for each key, the first override or
 * catalogue entry along the fallback chain. An override for "es" therefore
 * also serves "es-MX", and a key a project leaves out keeps the catalogue's.
 * A count-bearing key takes its forms whole from one table (an override's
 * single text serves every count), never some from one and some from another.
 */
function resolveStrings(language: string, overrides: StringOverrides): Strings {
  const chain = fallbackChain(language);
  const requested = canonicalTag(language);
  const canonicalOverrides = new Map<string, StringOverride>();
  for (const [tag, table] of Object.entries(overrides)) canonicalOverrides.set(canonicalTag(tag) ?? tag, table);
  const result: Record<string, string | PluralMessage> = {};
  for (const key of STRING_KEYS) {
    let value: string | PluralForms | undefined;
    let from = 'en';
    for (const tag of chain) {
      value = canonicalOverrides.get(tag)?.[key] ?? CATALOGUE[tag]?.[key];
      if (value !== undefined) {
        from = tag;
        break;
      }
    }
    value ??= en[key];
    if (isPluralKey(key)) {
      const forms: PluralForms = typeof value === 'string' ? { other: value } : value;
      result[key] = Object.freeze({ locale: pluralLocale(requested, from), forms });
    } else {
      result[key] = value as string;
    }
  }
  return Object.freeze(result) as Strings;
}

/** Bounded per overrides table: a language tag comes from the release, so a hostile batch could otherwise grow it without end. */
const MAX_CACHED = 64;
const NO_OVERRIDES: StringOverrides = {};
/**
 * The strings made so far, per overrides table (a build passes the project's
 * one table with every document) and language tag: resolving a tag through
 * Intl costs about 0.1 ms, and it was done for every format of every document,
 * and for every release in the press room's index.
 */
const made = new WeakMap<StringOverrides, Map<string, Strings>>();

/** resolveStrings, remembered: the result is frozen, and a table must not change once it has been used. */
export function stringsFor(language: string, overrides: StringOverrides = NO_OVERRIDES): Strings {
  let byLanguage = made.get(overrides);
  if (!byLanguage) made.set(overrides, (byLanguage = new Map()));
  let strings = byLanguage.get(language);
  if (!strings) {
    strings = resolveStrings(language, overrides);
    if (byLanguage.size >= MAX_CACHED) byLanguage.clear();
    byLanguage.set(language, strings);
  }
  return strings;
}

/** Fill `{name}` placeholders; an unknown placeholder stays as written, so a typo shows instead of vanishing. */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/gu, (whole, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : whole));
}

/**
 * A count-bearing string for `values.count`: the form its plural rules pick,
 * with every number written in that locale ("1 000 000 de communiqués").
 */
export function fillCount(message: PluralMessage, values: Readonly<Record<string, string | number>> & { count: number }): string {
  return fill(selectForm(message, values.count), localNumbers(message.locale, values));
}

/** `values` with each number written as `locale` writes numbers. */
export function localNumbers<T>(locale: string, values: Readonly<Record<string, T>>): Record<string, T | string> {
  return Object.fromEntries(Object.entries(values).map(([name, v]) => [name, typeof v === 'number' ? formatNumber(locale, v) : v]));
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

export function isPluralKey(key: string): key is PluralKey {
  return (PLURAL_KEYS as readonly string[]).includes(key);
}
