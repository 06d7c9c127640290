/**
 * VFile messages across a thread boundary: workers send plain objects, the
 * main thread rebuilds real VFileMessages so vfile-reporter prints them exactly
 * as if the document had been built in-process.
 */
import type { VFile } from 'vfile';
import type { Point, Position } from 'unist';

export type MessageSeverity = 'error' | 'warning' | 'info';

export interface SerializedMessage {
  reason: string;
  ruleId: string | null;
  source: string | null;
  /** vfile's three-way `fatal`: true error, false warning, null info. */
  fatal: boolean | null;
  place: { start: Point; end: Point } | Point | null;
}

function plainPoint(point: Point): Point {
  return { line: point.line, column: point.column, ...(point.offset !== undefined ? { offset: point.offset } : {}) };
}

export function serializeMessages(file: VFile): SerializedMessage[] {
  return file.messages.map((m) => {
    const place = m.place as Point | Position | undefined;
    return {
      reason: m.reason,
      ruleId: m.ruleId ?? null,
      source: m.source ?? null,
      fatal: m.fatal === undefined ? null : m.fatal,
      place: !place ? null : 'start' in place ? { start: plainPoint(place.start), end: plainPoint(place.end) } : plainPoint(place),
    };
  });
}

/** Put serialized messages back on a VFile, as real VFileMessages. */
export function reviveMessages(file: VFile, messages: readonly SerializedMessage[]): void {
  for (const m of messages) {
    const message = file.message(m.reason, {
      ...(m.ruleId ? { ruleId: m.ruleId } : {}),
      ...(m.source ? { source: m.source } : {}),
      ...(m.place ? { place: m.place } : {}),
    });
    message.fatal = m.fatal === null ? undefined : m.fatal;
  }
}

export function severityOf(fatal: boolean | null | undefined): MessageSeverity {
  return fatal === true ? 'error' : fatal === false ? 'warning' : 'info';
}
