/**
 * An instant as the record keeps it ("2026-03-03T10:00:00-05:00"), shown in
 * the release's locale at the offset it was written with: an embargo set for
 * 10:00 in New York reads "10:00 GMT-5" wherever the handout is built.
 */
import { dateTimeFormat } from './date-format.js';

const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(Z|([+-])(\d{2}):(\d{2}))$/u;

/** Minutes east of UTC of an ISO instant, or undefined when it is not one. */
export function offsetMinutes(iso: string): number | undefined {
  const m = ISO_INSTANT.exec(iso);
  if (!m) return undefined;
  if (m[7] === 'Z') return 0;
  return (m[8] === '-' ? -1 : 1) * (Number(m[9]) * 60 + Number(m[10]));
}

function format(language: string, options: Intl.DateTimeFormatOptions, date: Date): string {
  try {
    return dateTimeFormat(language, options).format(date);
  } catch {
    return dateTimeFormat('en', options).format(date);
  }
}

const PARTS: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit' };

/**
 * The instant in `language`'s words, with its offset. Node 20's Intl takes
 * no "-05:00" time zone, so whole-hour offsets go through the Etc/GMT zones
 * (whose sign is inverted by POSIX convention) and the rest are shown in UTC
 * wall time shifted by hand, with the offset written out.
 */
export function formatInstant(iso: string, language: string): string {
  const date = new Date(iso);
  const offset = offsetMinutes(iso);
  if (offset === undefined || Number.isNaN(date.getTime())) return iso;
  if (offset % 60 === 0) {
    const hours = -offset / 60;
    const zone = hours === 0 ? 'UTC' : `Etc/GMT${hours > 0 ? '+' : ''}${hours}`;
    return format(language, { ...PARTS, timeZone: zone, timeZoneName: hours === 0 ? 'short' : 'shortOffset' }, date);
  }
  const shifted = new Date(date.getTime() + offset * 60_000);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${format(language, { ...PARTS, timeZone: 'UTC' }, shifted)} GMT${sign}${Math.floor(abs / 60)}:${String(abs % 60).padStart(2, '0')}`;
}
