/**
 * A run-in header: an e-mail alert or digest that lost the header's line
 * breaks and glued the headline to the type label:
 *
 *   "… 01:50 PM EDT Venezuela's Independence DayPress Statement John Kerry Secretary of State Washington, DC July 2, 2015"
 *
 * The seams are still visible: a lower-case letter glued to a type label,
 * a role that starts after a name, a "City, Region" place, a date at the end.
 * Each piece is recognised by the same tests as a header line of its own.
 */
import { classifyLine, isPersonName, isPlaceLine, isRoleLine, isTypeLabel, type Classified } from './classify.js';
import { findDate } from './date.js';

export interface RunInPiece {
  start: number;
  end: number;
  cls: Classified;
}

function wordSpans(text: string, from: number, to: number): { start: number; end: number }[] {
  return [...text.slice(from, to).matchAll(/\S+/gu)].map((m) => ({ start: from + m.index, end: from + m.index + m[0].length }));
}

/** Pieces of a run-in header line, or undefined when the line is not one. */
export function splitRunIn(text: string): RunInPiece[] | undefined {
  for (const glue of text.matchAll(/(?<=[\p{Ll}’'])(?=\p{Lu}\p{Ll})/gu)) {
    const at = glue.index;
    const after = wordSpans(text, at, text.length);
    let typeEnd = -1;
    for (let k = Math.min(4, after.length); k >= 1; k--) {
      if (isTypeLabel(text.slice(at, after[k - 1]!.end))) {
        typeEnd = after[k - 1]!.end;
        break;
      }
    }
    if (typeEnd < 0) continue;

    // The date closes the run-in header.
    const rest = text.slice(typeEnd);
    const date = findDate(rest);
    if (!date?.iso) continue;
    const dateStart = typeEnd + date.index;
    const dateEnd = dateStart + date.text.length;
    if (text.slice(dateEnd).trim().replace(/[.,]/gu, '') !== '') continue;

    // Headline: from the last sentence end or time stamp before the glue.
    const before = text.slice(0, at);
    const boundary = [...before.matchAll(/[.!?]["”’]?\s+|\b\d{1,2}:\d{2}\s*(?:[AP]\.?M\.?)?(?:\s+[A-Z]{2,4})?\s+/gu)].pop();
    const titleStart = boundary ? boundary.index + boundary[0].length : 0;
    if (at - titleStart < 3) continue;

    const pieces: RunInPiece[] = [];
    if (titleStart > 0) pieces.push({ start: 0, end: titleStart, cls: { kind: 'chrome' } });
    pieces.push({ start: titleStart, end: at, cls: { kind: 'unknown' } });
    pieces.push({ start: at, end: typeEnd, cls: { kind: 'type' } });

    // Between type and date: a name, a role, a place, each where its test first holds.
    const middle = wordSpans(text, typeEnd, dateStart);
    let placeStart = -1;
    for (let j = middle.length - 1; j >= 0; j--) {
      const candidate = text.slice(middle[j]!.start, middle[middle.length - 1]!.end).replace(/[,\s]+$/u, '');
      if (candidate.includes(',') && isPlaceLine(candidate)) {
        placeStart = j;
        break;
      }
    }
    const roleWords = placeStart < 0 ? middle : middle.slice(0, placeStart);
    const roleAt = roleWords.findIndex((w) => isRoleLine(text.slice(w.start, roleWords[roleWords.length - 1]!.end)));
    if (roleAt > 0 && isPersonName(text.slice(roleWords[0]!.start, roleWords[roleAt - 1]!.end))) {
      pieces.push({ start: roleWords[0]!.start, end: roleWords[roleAt - 1]!.end, cls: { kind: 'person' } });
    }
    if (roleAt >= 0) pieces.push({ start: roleWords[roleAt]!.start, end: roleWords[roleWords.length - 1]!.end, cls: { kind: 'role' } });
    if (placeStart >= 0) {
      const end = middle[middle.length - 1]!.end;
      pieces.push({ start: middle[placeStart]!.start, end, cls: classifyLine(text.slice(middle[placeStart]!.start, end).replace(/[,\s]+$/u, '')) });
    }
    pieces.push({ start: dateStart, end: dateEnd, cls: { kind: 'date', date: { ...date, index: 0 } } });
    return pieces;
  }
  return undefined;
}
