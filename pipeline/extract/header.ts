/**
 * The header: the headline and the short lines around it that carry type,
 * issuer, organisation, location, date and release status, in whatever order
 * a source writes them, with site chrome before it skipped.
 *
 * The headline is the candidate line with the most header fields packed
 * around it (a scraped page's navigation has none), and a headline that a page
 * repeats (page title, post title) is preferred in its bare form.
 */
import type { Position } from 'unist';
import type { FoundDate } from './date.js';
import { findDate } from './date.js';
import { FIELD_KINDS, isCityLine, isOfficeLine, isOrganizationLine, isPersonName, isRoleLine, isTypeLabel, splitReleasePrefix } from './classify.js';
import type { Line } from './lines.js';
import type { Unit, Units, UnitSource } from './units.js';
import { isTitleCase } from './title-case.js';

export interface Found {
  value: string;
  position: Position;
}

export interface Header {
  title?: Found;
  subtitle?: Found;
  type?: Found;
  issuer?: Found;
  organization?: Found;
  location?: Found;
  release?: Found;
  date?: Found & { found: FoundDate };
  /** People named in bylines ("John Kerry" above "Secretary of State"). */
  bylinePeople: string[];
  /** Index (in the unit list) of the first body unit. */
  bodyUnit: number;
  /** Source offset where the body starts. */
  bodyOffset: number;
}

export interface HeaderOptions {
  /** A title the author stated (front matter); then no line is taken as title unless it repeats it. */
  statedTitle?: string | null;
}

/** How many prose units may pass before the headline search gives up. */
const PROSE_LIMIT = 3;
const LEAD_LIMIT = 40;

function found(unit: Unit | Line, value?: string): Found {
  if ('lines' in unit) {
    const first = unit.lines[0]!;
    const last = unit.lines[unit.lines.length - 1]!;
    return { value: value ?? unit.text, position: { start: first.position.start, end: last.position.end } };
  }
  return { value: value ?? unit.text, position: unit.position };
}

function shifted(f: Found, from: number, value: string): Found {
  const { start, end } = f.position;
  return {
    value,
    position: { start: { line: start.line, column: start.column + from, offset: (start.offset ?? 0) + from }, end },
  };
}

/**
 * A headline candidate: a line that is no header field, or a short
 * capitalised line standing alone in its block ("Benin National Day" has the
 * shape of a place, but a place line sits with the other header lines).
 */
const isCandidate = (u: Unit): boolean =>
  u.kind === 'unknown' || ((u.kind === 'location' || u.kind === 'person' || u.kind === 'venue') && u.wholeBlock && u.lines.length === 1);


/**
 * Whether `holder` is `text` with a label prefix or a site suffix around it
 * ("FOR IMMEDIATE RELEASE: <text> - Office of …"), as page titles and post titles write a headline.
 */
function wraps(holder: string, text: string): boolean {
  const at = holder.indexOf(text);
  if (at < 0 || holder.length <= text.length) return false;
  const before = holder.slice(0, at);
  const after = holder.slice(at + text.length);
  return (before === '' || /[:|–—-]\s*$/u.test(before)) && (after === '' || /^\s+[|–—-]\s/u.test(after));
}

interface Glue {
  /** Unit index whose text starts with an earlier unit's text glued to the headline. */
  unit: number;
  prefixUnit: number;
  prefixLength: number;
}

/** A page title repeated and glued to the headline: "Statement by Secretary KerryEl Salvador’s National Day". */
function findGlue(units: readonly Unit[]): Glue | undefined {
  for (let i = 1; i < Math.min(units.length, 8); i++) {
    for (let j = 0; j < i; j++) {
      const prefix = units[j]!.text;
      const text = units[i]!.text;
      if (prefix.length >= 8 && text.length > prefix.length + 3 && text.startsWith(prefix) && /^\p{Lu}/u.test(text.slice(prefix.length))) {
        return { unit: i, prefixUnit: j, prefixLength: prefix.length };
      }
    }
  }
  return undefined;
}

/** Field-bearing units packed around unit i, skipping chrome and repeats. */
function support(units: readonly Unit[], i: number, repeats: ReadonlySet<number>): number {
  let n = 0;
  for (let j = i + 1; j < units.length; j++) {
    const u = units[j]!;
    if (FIELD_KINDS.has(u.kind)) n++;
    else if (!(u.kind === 'time' || u.kind === 'docnum' || u.kind === 'chrome' || u.kind === 'person' || repeats.has(j))) break;
  }
  // Fields before a candidate are its own only when no earlier candidate claims them.
  let before = 0;
  let j = i - 1;
  for (; j >= 0; j--) {
    const u = units[j]!;
    if (FIELD_KINDS.has(u.kind) && u.kind !== 'location' && u.kind !== 'venue') before++;
    else if (!(u.kind === 'time' || u.kind === 'docnum' || u.kind === 'chrome' || repeats.has(j))) break;
  }
  if (j < 0 || units[j]!.kind === 'prose' || units[j]!.kind === 'chrome') n += before;
  return n;
}

function assignIssuer(header: Header, f: Found): void {
  if (!header.issuer) {
    header.issuer = f;
    return;
  }
  // Organisation + office pairs: the broader line is the organisation, the office is the issuer.
  if (!header.organization && isOrganizationLine(header.issuer.value) && !isOrganizationLine(f.value)) {
    header.organization = header.issuer;
    header.issuer = f;
  } else if (!header.organization && isOrganizationLine(f.value)) {
    header.organization = f;
  }
}

/** The date's own span on its line, so that a diagnostic points at the date and not the whole line. */
function setDate(header: Header, unit: Unit, date: FoundDate | undefined): void {
  if (header.date || !date) return;
  const { start } = unit.lines[0]!.position;
  const at = (n: number): { line: number; column: number; offset: number } => ({ line: start.line, column: start.column + n, offset: (start.offset ?? 0) + n });
  header.date = { value: date.text, position: { start: at(date.index), end: at(date.index + date.text.length) }, found: date };
}

/**
 * Put one unit into the header. `after` says whether it follows the
 * headline: places are only trusted there (before it, a lone capitalised
 * word is as likely a menu entry).
 */
function take(header: Header, units: UnitSource, j: number, after: boolean): boolean {
  const u = units.at(j)!;
  const next = units.at(j + 1);
  switch (u.kind) {
    case 'date':
      setDate(header, u, u.cls.date);
      return true;
    case 'release':
      header.release ??= found(u);
      return true;
    case 'type':
      header.type ??= found(u);
      return true;
    case 'byline':
      // "By the President …" and "Name, Title" are kept as written.
      if (!header.issuer) header.issuer = found(u);
      return true;
    case 'role':
    case 'office':
    case 'organization':
      if (u.kind === 'role' && header.issuer && !isOfficeLine(header.issuer.value)) return true;
      assignIssuer(header, found(u));
      return true;
    case 'person':
    case 'location':
    case 'venue': {
      // A name above a title line is a byline: "John Kerry" / "Secretary of State".
      if (next && isPersonName(u.text) && (next.kind === 'role' || next.kind === 'office') && !u.text.includes(',')) {
        header.bylinePeople.push(u.text);
        return true;
      }
      if (u.kind === 'person') return true;
      if (!after) return true;
      if (u.cls.date) setDate(header, u, u.cls.date);
      const value = u.cls.place ?? u.text.replace(/[,;:]$/u, '');
      // A city line ("Dublin, Republic of Ireland") wins over a venue ("Dublin Airport") in either order.
      if (!header.location || (!isCityLine(header.location.value) && isCityLine(value))) {
        header.location = found(u, value);
      }
      return true;
    }
    case 'time':
    case 'docnum':
    case 'chrome':
      return true;
    default:
      return false;
  }
}

/** A deck under the headline: an italic Markdown line, or a headline-style line of its own. */
function isDeck(unit: Unit, titleUnit: Unit): boolean {
  if (unit.kind !== 'unknown' || (unit.block === titleUnit.block && (unit.wholeBlock || titleUnit.wholeBlock))) return false;
  if (/^(?:the\s+following|begin\s+text)/iu.test(unit.text)) return false;
  const words = unit.text.split(/\s+/u).length;
  if (unit.emphasis) return words <= 40;
  if (unit.strong || unit.lines.length > 2) return false;
  return words >= 3 && words <= 25 && isTitleCase(unit.text) && !/[.:;]$/u.test(unit.text);
}

export function readHeader(units: Units, options: HeaderOptions = {}): Header {
  const header: Header = { bylinePeople: [], bodyUnit: 0, bodyOffset: units.at(0)?.start ?? 0 };
  const stated = options.statedTitle ?? undefined;

  // The lead: units up to the first prose after a headline candidate (running text has begun),
  // or after a few prose units of page chrome with no candidate at all.
  let leadEnd = 0;
  let prose = 0;
  let candidates = 0;
  for (; leadEnd < LEAD_LIMIT; leadEnd++) {
    const u = units.at(leadEnd);
    if (!u) break;
    if (u.kind === 'prose' && (candidates > 0 || ++prose > PROSE_LIMIT)) break;
    if (isCandidate(u)) candidates++;
  }
  const lead = units.slice(0, leadEnd);

  const glue = findGlue(lead);
  const repeats = new Set<number>();
  let titleIndex = -1;
  let titleFound: Found | undefined;

  if (stated !== undefined) {
    titleIndex = lead.findIndex((u) => u.text === stated);
  } else {
    // Repeats: a short candidate that other lead units contain (page title, prefixed post title).
    const contained = new Map<number, number[]>();
    lead.forEach((u, i) => {
      if (u.kind === 'prose' || u.text.length < 12) return;
      const holders = lead.map((o, k) => (k !== i && k !== glue?.unit && o.kind !== 'prose' && wraps(o.text, u.text) ? k : -1)).filter((k) => k >= 0);
      if (holders.length > 0) contained.set(i, holders);
    });
    for (const holders of contained.values()) for (const k of holders) repeats.add(k);
    if (glue) repeats.add(glue.prefixUnit);

    let best = -1;
    let bestScore = -1;
    lead.forEach((u, i) => {
      // A line the page repeats with a prefix or suffix is the headline whatever its shape.
      if (!(isCandidate(u) || contained.has(i)) || repeats.has(i)) return;
      let score = support(lead, i, repeats);
      if (contained.has(i) || glue?.unit === i) score += 3;
      if (score > bestScore) {
        best = i;
        bestScore = score;
      }
    });
    // No candidate: a first line of its own, even one that reads like a sentence, is the headline.
    if (best < 0 && lead[0] && lead[0].wholeBlock && lead[0].lines.length === 1 && lead[0].kind === 'prose' && units.at(1)) best = 0;
    titleIndex = best;
  }

  let after = 0;
  if (titleIndex >= 0) {
    const t = lead[titleIndex]!;
    titleFound = found(t);
    if (glue?.unit === titleIndex) titleFound = shifted(titleFound, glue.prefixLength, t.text.slice(glue.prefixLength));
    const prefixed = splitReleasePrefix(titleFound.value);
    if (prefixed && /^for\s+immediate|^immediate/iu.test(prefixed.status)) {
      header.release = shifted(titleFound, 0, prefixed.status);
      titleFound = shifted(titleFound, titleFound.value.length - prefixed.rest.length, prefixed.rest);
    }
    header.title = titleFound;
    after = titleIndex + 1;

    // Fields after the headline.
    if (lead[after] && isDeck(lead[after]!, t)) {
      header.subtitle = found(lead[after]!);
      after++;
    }
    for (let u = units.at(after); u; u = units.at(++after)) {
      if (u.text === t.text && u.kind === 'unknown') continue;
      if (!take(header, units, after, true)) break;
      // "Aboard Air Force One En Route" continues on the next line: the two lines are one place.
      const next = units.at(after + 1);
      const continues = header.location && (/\ben\s+route(?:\s+to)?$/iu.test(header.location.value) || (/^aboard\b/iu.test(header.location.value) && /^en\s+route\b/iu.test(next?.text ?? '')));
      if (header.location && continues && next && (next.kind === 'location' || next.kind === 'venue' || /^en\s+route\b/iu.test(next.text))) {
        header.location = { value: `${header.location.value} ${next.text.replace(/[,;:]$/u, '')}`, position: { start: header.location.position.start, end: found(next).position.end } };
        after++;
      }
    }

    // Fields before it, in reading order, filling only what is still empty.
    let from = titleIndex;
    while (from > 0) {
      const u = lead[from - 1]!;
      if (FIELD_KINDS.has(u.kind) || u.kind === 'time' || u.kind === 'docnum' || u.kind === 'chrome' || u.kind === 'person' || repeats.has(from - 1)) from--;
      else break;
    }
    const before: Header = { bylinePeople: header.bylinePeople, bodyUnit: 0, bodyOffset: 0 };
    for (let j = from; j < titleIndex; j++) {
      if (repeats.has(j)) {
        // A page title "Headline - Office of …" names the issuer in its suffix.
        const suffix = /\s[-–—|]\s+(?!.*\s[-–—|]\s)(.+)$/u.exec(lead[j]!.text)?.[1];
        if (suffix && lead[j]!.text.includes(t.text) && isOfficeLine(suffix.trim())) before.issuer ??= found(lead[j]!, suffix.trim());
        continue;
      }
      take(before, lead, j, false);
    }
    // A type label prefixed to a repeat of the headline ("MEDIA ADVISORY: <headline>") is the release's own label.
    for (const k of repeats) {
      const prefix = /^([^:]{2,40}):\s+/u.exec(lead[k]!.text)?.[1]?.trim();
      if (prefix && lead[k]!.text.includes(t.text) && isTypeLabel(prefix)) header.type ??= found(lead[k]!, prefix);
    }
    header.date ??= before.date;
    header.release ??= before.release;
    header.type ??= before.type;
    if (!header.issuer) {
      header.issuer = before.issuer;
      header.organization ??= before.organization;
    } else if (!header.organization && before.issuer && isOrganizationLine(before.issuer.value)) {
      header.organization = before.issuer;
    }
  } else {
    // No headline: header lines at the top still count.
    for (; units.at(after); after++) if (!take(header, units, after, true)) break;
  }

  header.bodyUnit = after;
  header.bodyOffset = units.at(after)?.start ?? units.last()?.end ?? 0;
  applyTitleRules(header);
  return header;
}

/**
 * Rules on the headline itself: a label prefix ("FACT SHEET: …") gives the
 * type, a date at its start is a dateline glued to it and is split off, and a
 * date at its end is the release date when the header has none.
 */
function applyTitleRules(header: Header): void {
  const title = header.title;
  if (!title) return;
  const prefix = /^([^:]{2,40}):\s+(?=\S)/u.exec(title.value);
  if (!header.type && prefix && isTypeLabel(prefix[1]!.trim())) header.type = shifted(title, 0, prefix[1]!.trim());
  // "Headline - Office of …": a page title whose suffix names the issuer.
  const suffix = /^(.{12,}?)\s+[-–—|]\s+([^-–—|]{6,})$/u.exec(title.value);
  if (suffix && isOfficeLine(suffix[2]!.trim()) && !isRoleLine(suffix[1]!)) {
    header.issuer ??= shifted(title, suffix[1]!.length, suffix[2]!.trim());
    header.title = { value: suffix[1]!.trim(), position: title.position };
  }
  if (header.date) return;
  const date = findDate(header.title!.value);
  if (!date) return;
  const text = header.title!.value;
  if (date.index === 0) {
    const rest = text.slice(date.text.length).replace(/^[\s,.:–—-]+/u, '');
    if (rest.split(/\s+/u).length >= 3) {
      header.date = { ...shifted(title, 0, date.text), found: date };
      header.title = shifted(title, text.length - rest.length, rest);
    }
  } else if (date.index + date.text.length >= text.replace(/[\s.)]+$/u, '').length && /[,–—(-]\s*$/u.test(text.slice(0, date.index))) {
    header.date = { ...shifted(title, date.index, date.text), found: date };
  }
}
