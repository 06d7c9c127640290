/**
 * What a header line is. Each test is a general rule about the shape of the
 * line (its head noun, its length, its capitalisation, the words it starts
 * with), not a list of the headers of known sources.
 */
import { findDate, lineIsDate, type FoundDate } from './date.js';

/** Head nouns of document-type labels ("Media Note", "Press Statement", "A PROCLAMATION"). */
const TYPE_HEADS = new Set([
  'note', 'statement', 'release', 'advisory', 'sheet', 'factsheet', 'question', 'readout', 'proclamation', 'determination',
  'remarks', 'transcript', 'notice', 'announcement', 'memorandum', 'briefing', 'alert', 'bulletin', 'communiqué',
  'communique', 'declaration', 'backgrounder', 'order', 'op-ed', 'interview', 'testimony', 'speech', 'message',
  'comunicado', 'nota', 'aviso', 'declaración', 'declaração', 'boletín', '新聞稿', '聲明', '新闻稿', '声明',
]);

/** Modifiers that may precede a type head ("Joint Press Statement", "Media Note"). */
const TYPE_MODIFIERS = new Set([
  'a', 'an', 'the', 'press', 'media', 'news', 'joint', 'fact', 'taken', 'public', 'official', 'presidential', 'executive',
  'national', 'special', 'background', 'travel', 'embargoed', 'de', 'prensa', 'nota', 'comunicado', 'imprensa', 'white', 'house', 'à', 'la', 'presse', 'do', 'da',
]);

const RELEASE_STATUS =
  /^(?:for\s+immediate\s+release|immediate\s+release|for\s+release\b.{0,60}|embargo(?:ed)?\b.{0,80}|hold\s+for\s+release\b.{0,60}|not\s+for\s+(?:publication|release|broadcast)\b.{0,60}|para\s+(?:publicaci[oó]n|difusi[oó]n)\s+inmediata|para\s+divulga[cç][aã]o\s+imediata|pour\s+diffusion\s+imm[ée]diate)[\s.:;!-]*$/iu;

/** A release status written as a prefix of the headline: "FOR IMMEDIATE RELEASE: Man Charged …". */
const RELEASE_PREFIX = /^(for\s+immediate\s+release|immediate\s+release|media\s+advisory|press\s+release)\s*[:–—-]\s*(?=\S)/iu;

/** Words that make a line an office: it starts with one (after "The", "U.S."). */
const OFFICE_START =
  /^(?:the\s+)?(?:u\.\s?s\.\s+|united\s+states\s+|us\s+)?(?:office|bureau|department|ministry|embassy|consulate(?:\s+general)?|mission|agency|administration|commission|council|committee|division|directorate|secretariat|white\s+house|press\s+office|government|state\s+of|city\s+of|county\s+of|house\s+of|senate|parliament|presidency|cabinet|oficina|ministerio|gabinete|secretar[ií]a|departamento|presidencia|minist[ée]rio|embaixada|embajada)\b/u;

/** An office named by its own noun at the end ("Miami-Dade County", "U.S. Mission Geneva" is covered by OFFICE_START). */
const OFFICE_END = /\b(?:office|bureau|department|ministry|embassy|consulate|agency|commission|county|government|secretariat|administration)$/u;

/** The broader of an organisation + office pair ("Department of Justice" above "Office of Public Affairs"). */
const ORGANIZATION_START =
  /^(?:the\s+)?(?:u\.\s?s\.\s+|united\s+states\s+)?(?:department|ministry|white\s+house|embassy|consulate|agency|government|county|state\s+of|city\s+of|presidency|ministerio|minist[ée]rio|departamento|presidencia)\b/u;

/** Roles that people speak or sign as ("Secretary of State", "Deputy Department Spokesperson"). */
const ROLE =
  /^(?:(?:deputy|assistant|acting|under|special|principal|senior|chief|department|departmental|press|vice|executive|associate|first|u\.\s?s\.|state|national|security|foreign|permanent|lead|general|prime|attorney|united|states|white|house)\s+)*(?:secretary(?:-general)?|undersecretary|spokes(?:person|man|woman)|ambassador|president|minister|director(?:-general)?|administrator|governor|senator|representative|congress(?:man|woman)|mayor|chair(?:man|woman|person)?|commissioner|coordinator|envoy|advis[eo]r|counse(?:l|lor|llor)|chief|attorney(?:\s+general)?|officer|head|leader|speaker|premier|chancellor|spokesperson|secretario|secretaria|portavoz|vocero|ministro|ministra|presidente|presidenta|embajador|embajadora)(?:$|\s+(?:of|for|to|at|on|in|and|de|del|para|bureau|office|department)\b)/u;

const PERSON =
  /^(?:(?:mr|mrs|ms|dr|sen|rep|gov|amb)\.?\s+)?\p{Lu}[\p{L}\p{M}'’-]+(?:\s+(?:\p{Lu}\.|\p{Lu}[\p{L}\p{M}'’-]+\.?|de|del|van|von|da|dos|das|bin|al|la|le)){1,4}$/u;

/** Site chrome: navigation and page furniture that surrounds scraped releases. */
const CHROME =
  /^(?:home|news|newsroom|menu|search(?:\s+this\s+(?:blog|site))?|share(?:\s+this)?|print(?:\s+this)?|e-?mail(?:\s+this)?|tweet|related(?:\s+(?:posts|articles|links|news))?|popular\s+posts|recent\s+posts|read\s+more|click\s+here\b.*|skip\s+to\b.*|sign\s+(?:in|up)\b.*|log\s*in|subscribe\b.*|archives?|categories|tags?|back\s+to\s+top|you\s+are\s+here:?.*|previous(?:\s+post)?|next(?:\s+post)?|breadcrumb|follow\s+us\b.*|top\s+of\s+page|view\s+all|more\s+news|press\s+releases?\s+archive)[\s.:›»>|]*$/iu;

const TIME = /^\(?\d{1,2}(?::\d{2})?\s*(?:[ap]\.?\s?m\.?)(?:\s+[A-Z]{2,5})?\)?$/iu;
const DOC_NUMBER = /^(?:no\.?|number|n[º°o]\.?|prn|press\s+release\s+(?:number|no\.?))\s*:?\s*[\p{L}\p{N}/.-]*\d[\p{L}\p{N}/.-]*$/iu;
const ATTRIBUTION = /^(?:the\s+(?:below|following)\s+(?:is|are)\s+attributable\s+to|the\s+following\s+(?:is|statement|was)|begin\s+text|start\s+text)/iu;
const ADDRESSEE = /^(?:memorandum\s+for|to:|dear\b|subject:|from:|re:|cc:|attention:)/iu;

/** Venues: a room, building or mode of presence rather than a city. */
const VENUE_START = /^(?:via|aboard|on\s+board|en\s+route|onboard)\b/iu;
const VENUE_END =
  /\b(?:room|center|centre|hall|airport|residence|headquarters|building|base|hotel|auditorium|library|garden|gardens|palace|stadium|school|university|college|church|park|museum|theater|theatre|plaza|field|court|chamber|ballroom|lawn|terminal|port|studio|arena|club|memorial|cemetery|institute|teleconference|call)$/iu;

export type LineKind =
  | 'date'
  | 'release'
  | 'type'
  | 'byline'
  | 'role'
  | 'organization'
  | 'office'
  | 'location'
  | 'venue'
  | 'person'
  | 'time'
  | 'docnum'
  | 'chrome'
  | 'attribution'
  | 'addressee'
  | 'prose'
  | 'unknown';

export interface Classified {
  kind: LineKind;
  date?: FoundDate;
  /** For a "Place (Date)" line: the place part. */
  place?: string;
}

/** Kinds that carry a header field. */
export const FIELD_KINDS: ReadonlySet<LineKind> = new Set(['date', 'release', 'type', 'byline', 'role', 'organization', 'office', 'location', 'venue']);

/** Kinds that may sit inside a header without carrying a field, and without ending it. */
export const FILLER_KINDS: ReadonlySet<LineKind> = new Set(['time', 'docnum', 'chrome', 'person']);

function words(line: string): string[] {
  return line.split(/\s+/u).filter(Boolean);
}

/** Split glued words ("SecretaryBureau") so that word tests see them apart. */
function deglue(line: string): string {
  return line.replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2');
}

function norm(line: string): string {
  return deglue(line).toLowerCase().replace(/[’]/gu, "'");
}

const endsSentence = (line: string): boolean => /[.!?。！？]["”’)\]]?$/u.test(line) && !/(?:^|\s)(?:\p{Lu}\.|[A-Z][a-z]{0,3}\.)$/u.test(line);

export function isReleaseStatus(line: string): boolean {
  return line.length <= 100 && RELEASE_STATUS.test(line);
}

/** A release status that prefixes a headline; returns the status and the rest. */
export function splitReleasePrefix(line: string): { status: string; rest: string } | undefined {
  const m = RELEASE_PREFIX.exec(line);
  if (!m) return undefined;
  return { status: m[1]!, rest: line.slice(m[0].length) };
}

export function isTypeLabel(line: string): boolean {
  const w = words(line.replace(/[:.]$/u, '').toLowerCase());
  if (w.length === 0 || w.length > 4) return false;
  const head = w[w.length - 1] ?? '';
  // Romance languages put the head first: "Comunicado de Prensa", "Nota de imprensa".
  if (!TYPE_HEADS.has(head)) return TYPE_HEADS.has(w[0] ?? '') && w.slice(1).every((x) => TYPE_MODIFIERS.has(x)) && /^\p{Lu}/u.test(line);
  // Every word before the head must be a modifier: "Statement by Secretary Kerry" is a page title, not a label.
  return w.slice(0, -1).every((x) => TYPE_MODIFIERS.has(x)) && /^\p{Lu}/u.test(line);
}

export function isRoleLine(line: string): boolean {
  if (words(line).length > 18 || endsSentence(line)) return false;
  return ROLE.test(norm(line));
}

/** Words that stay lower-case inside a proper name ("Office of the Press Secretary", "Ministerio de Salud"). */
const NAME_CONNECTORS = new Set(['of', 'the', 'for', 'and', 'on', 'to', 'in', 'at', 'de', 'del', 'la', 'las', 'los', 'el', 'y', 'da', 'do', 'dos', 'das', 'e', 'des', 'du', 'et', 'für', 'van', 'von', '&']);

/** Every word capitalised but the connectors: the shape of a proper name, not of a sentence. */
function isProperName(line: string): boolean {
  // Symbols ("&", "–") join name words like "and" does; brackets and quotes may open a word.
  return words(line).every((w) => NAME_CONNECTORS.has(w.toLowerCase()) || !/[\p{L}\p{N}]/u.test(w) || /^[("“'‘<[]*[\p{Lu}\p{N}]/u.test(w));
}

export function isOfficeLine(line: string): boolean {
  if (words(line).length > 14 || endsSentence(line) || /[:;]$/u.test(line) || !isProperName(line)) return false;
  const n = norm(line);
  return OFFICE_START.test(n) || (OFFICE_END.test(n) && /^\p{Lu}/u.test(line) && words(line).length <= 6);
}

export function isOrganizationLine(line: string): boolean {
  return ORGANIZATION_START.test(norm(line));
}

export function isPersonName(line: string): boolean {
  const w = words(line);
  return w.length >= 2 && w.length <= 5 && PERSON.test(line) && !isOfficeLine(line) && !isRoleLine(line);
}

/** "Antony J. Blinken, Secretary of State"; "By the President of the United States of America". */
export function isByline(line: string): boolean {
  if (/^(?:By|BY)\s+\S/u.test(line)) return words(line).length <= 12 && !endsSentence(line) && !/[:]$/u.test(line);
  const comma = line.indexOf(',');
  if (comma < 0) return false;
  const name = line.slice(0, comma).trim();
  const role = line.slice(comma + 1).trim();
  return isPersonName(name) && (isRoleLine(role) || isOfficeLine(role));
}

/**
 * A place line: a few capitalised words, perhaps "City, Region", no digits and
 * no sentence punctuation ("Washington, DC", "TOKYO", "San José, Costa Rica").
 */
export function isPlaceLine(line: string, single = false): boolean {
  if (/\d/u.test(line) || line.length > 60) return false;
  // One mixed-case word alone ("Preamble", "Counterterrorism") is more often a heading than a place.
  if (!single && !/[\s,]/u.test(line.trim()) && line !== line.toUpperCase()) return false;
  const parts = line.split(',').map((p) => p.trim()).filter(Boolean);
  if (parts.length === 0 || parts.length > 3) return false;
  const connectors = new Set(['de', 'del', 'da', 'do', 'of', 'the', 'la', 'el', 'y', 'and', 'on', 'upon', 'am', 'an', 'der']);
  for (const part of parts) {
    const w = words(part);
    if (w.length === 0 || w.length > 4) return false;
    for (const word of w) {
      if (connectors.has(word.toLowerCase())) continue;
      if (!/^[\p{Lu}][\p{L}\p{M}.'’-]*$/u.test(word)) return false;
    }
  }
  return true;
}

/** "City, Region" (two or more parts): a city line, preferred over a venue. */
export function isCityLine(line: string): boolean {
  return isPlaceLine(line) && line.includes(',');
}

export function isVenueLine(line: string): boolean {
  const w = words(line);
  if (w.length === 0 || w.length > 9 || endsSentence(line) || /[:;]$/u.test(line) || /\d{3,}/u.test(line)) return false;
  if (!/^\p{Lu}/u.test(line)) return false;
  return VENUE_START.test(line) || VENUE_END.test(line.replace(/[,.]$/u, ''));
}

/** "Miami (May 14, 2024)", "Paris, 3 March 2020": a place line carrying the date. */
function placeWithDate(line: string): Classified | undefined {
  const date = findDate(line);
  if (!date || date.index === 0) return undefined;
  const lead = line.slice(0, date.index);
  // Only a comma or parentheses join place and date on a header line; "Public Schedule – July 14" is a headline.
  if (!/(?:,\s*|\s*\(\s*)$/u.test(lead)) return undefined;
  const before = lead.replace(/[\s,(]+$/u, '');
  const after = line.slice(date.index + date.text.length).replace(/^[\s)]+/u, '');
  if (after !== '' || before === '' || !isPlaceLine(before, true)) return undefined;
  return { kind: 'location', date, place: before };
}

/**
 * Whether a line reads as running prose rather than a header line: a
 * sentence ending in terminal punctuation, or too long for any header line.
 */
export function isProse(text: string): boolean {
  const w = words(text);
  const cjk = (text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu) ?? []).length;
  if (cjk >= 20 && /[。！？]["”’」』）)]?$/u.test(text)) return true;
  if (cjk >= 120) return true;
  if (w.length >= 45) return true;
  if (w.length >= 5 && endsSentence(text)) return true;
  // A sentence that introduces a list: "… announced his intent to nominate the following individuals:".
  if (w.length >= 10 && /:$/u.test(text)) return true;
  // A sentence break inside the line ("… today.  The Secretary …") marks running text.
  return w.length >= 12 && /[a-z\p{Ll}]{2}[.!?]["”’]?\s+["“‘]?\p{Lu}/u.test(text);
}

/**
 * A piece of a wrapped paragraph rather than a line of its own: it starts in
 * lower case or stops on a comma or a function word ("… sacred lands, cultures, and").
 */
export function isFragment(line: string): boolean {
  if (/^[\p{Ll}]/u.test(line)) return true;
  return /(?:[,;]|\s(?:and|or|but|the|of|to|a|an|in|for|with|by|at|on|from|as|that|which|who|whose|their|its|his|her|our|is|are|was|were|be|de|la|el|y|en|que|e|o|da|do|em))$/iu.test(line);
}

/**
 * Whether `text` has more than `n` words, counted only as far as needed. As in
 * the word count (stats.ts), a Han, kana or Hangul character is a word of its
 * own: CJK text has no spaces, and a paragraph of it is otherwise one word.
 */
function moreWordsThan(text: string, n: number): boolean {
  let count = 0;
  for (const _ of text.matchAll(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]|[^\s\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu)) if (++count > n) return true;
  return false;
}

/** Classify one header line. Order matters: a date line wins over a place line, a byline over a place. */
export function classifyLine(line: string): Classified {
  if (CHROME.test(line)) return { kind: 'chrome' };
  if (TIME.test(line)) return { kind: 'time' };
  if (DOC_NUMBER.test(line)) return { kind: 'docnum' };
  // A date line is a date and little else, and no date chrono reads runs to forty
  // words (the longest seen is eight: "on Friday, June 17 at 5:45 p.m. EDT"; in Chinese,
  // "2006年3月1日" is eight characters); a longer line is never a date or
  // place-and-date line, and reading it is most of chrono's work.
  const short = !moreWordsThan(line, 40);
  const date = short ? lineIsDate(line) : undefined;
  if (date) return { kind: 'date', date };
  if (isReleaseStatus(line)) return { kind: 'release' };
  if (isFragment(line)) return { kind: isProse(line) ? 'prose' : 'unknown' };
  const placed = short ? placeWithDate(line) : undefined;
  if (placed) return placed;
  if (ATTRIBUTION.test(line)) return { kind: 'attribution' };
  if (ADDRESSEE.test(line)) return { kind: 'addressee' };
  if (isTypeLabel(line)) return { kind: 'type' };
  if (isByline(line)) return { kind: 'byline' };
  if (isRoleLine(line)) return { kind: 'role' };
  if (isOrganizationLine(line) && isOfficeLine(line)) return { kind: 'organization' };
  if (isOfficeLine(line)) return { kind: 'office' };
  if (isPlaceLine(line)) return { kind: 'location' };
  if (isVenueLine(line)) return { kind: 'venue' };
  if (isPersonName(line)) return { kind: 'person' };
  if (isProse(line)) return { kind: 'prose' };
  return { kind: 'unknown' };
}
