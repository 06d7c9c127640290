/**
 * The embargo: the instant before which a release must not be published,
 * from front matter (`embargo: 2026-03-03T10:00-05:00`) or a header line
 * ("EMBARGOED UNTIL 10:00 a.m. EST, March 3, 2026", "EMBARGO: 3 March 2026").
 *
 * The record keeps the offset the source wrote. Where the source leaves
 * something out, the reading is the latest one it allows, because an embargo
 * lifted late is a nuisance and one lifted early cannot be undone: no time
 * means the start of the day, and no zone means UTC−12, the last zone on
 * Earth to reach that wall-clock time ("anywhere on Earth").
 */
import { findInstant, type FoundInstant } from './date.js';

/** The offset assumed when the source names none: the last zone to reach any wall-clock time. */
export const LATEST_OFFSET = -12 * 60;

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?\s*(Z|[+-]\d{2}:?\d{2})?$/iu;

/** A header line that states an embargo; group 1 is the date text after the label. */
export const EMBARGO_LINE = /^\s*(?:\*\*)?embargo(?:ed)?\b(?:\s*(?:until|till|to|hasta|até|jusqu['’]au)\b)?[\s:–—-]*(.*)$/iu;

function pad(n: number, width = 2): string {
  return String(Math.abs(n)).padStart(width, '0');
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  return `${sign}${pad(Math.trunc(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
}

/** "+0530", "-05:00", "Z" → minutes east of UTC. */
function parseOffset(text: string): number {
  if (/^z$/iu.test(text)) return 0;
  const m = /^([+-])(\d{2}):?(\d{2})$/u.exec(text)!;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

function isoOf(i: FoundInstant & { seconds?: number }): string | undefined {
  const { hour, minute } = i.time ?? { hour: 0, minute: 0 };
  const offset = i.offset ?? LATEST_OFFSET;
  const iso = `${pad(i.year, 4)}-${pad(i.month)}-${pad(i.day)}T${pad(hour)}:${pad(minute)}:${pad(i.seconds ?? 0)}${offsetText(offset)}`;
  // Round-trip through Date to refuse 2026-02-30 and 25:00, which the patterns let through.
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return undefined;
  const wall = new Date(date.getTime() + offset * 60_000);
  if (wall.getUTCDate() !== i.day || wall.getUTCMonth() + 1 !== i.month || wall.getUTCHours() !== hour || Math.abs(offset) > 14 * 60) return undefined;
  return iso;
}

/** An embargo value as written → ISO 8601 with offset, or undefined when it states no full date and valid time. */
export function parseEmbargo(text: string): string | undefined {
  const value = text.trim();
  const iso = ISO.exec(value);
  if (iso) {
    return isoOf({
      year: Number(iso[1]),
      month: Number(iso[2]),
      day: Number(iso[3]),
      text: value,
      ...(iso[4] !== undefined ? { time: { hour: Number(iso[4]), minute: Number(iso[5]) } } : {}),
      ...(iso[6] !== undefined ? { seconds: Number(iso[6]) } : {}),
      ...(iso[7] !== undefined ? { offset: parseOffset(iso[7]) } : {}),
    });
  }
  const found = findInstant(value);
  return found ? isoOf(found) : undefined;
}

/** The date text of an embargo header line, or undefined when the line states no embargo. */
export function embargoLineText(line: string): string | undefined {
  return EMBARGO_LINE.exec(line)?.[1];
}
