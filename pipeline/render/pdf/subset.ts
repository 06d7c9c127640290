/**
 * The font file embedded for each TrueType face: fontkit's subsetter with its
 * last step replaced.
 *
 * fontkit collects the used glyphs well (composites and all), but then
 * re-encodes every table number by number through its struct library, the
 * hinting programs (cvt, prep, fpgm) included, which never change. That was a
 * tenth of the PDF step. Here the glyphs are collected by fontkit's own code,
 * and the file is assembled from bytes: the unchanged tables are copied from
 * the font once per process, and the few fields that depend on the subset
 * (glyph count, metrics count, loca format) are patched in copies.
 *
 * The result is also a more regular sfnt than fontkit writes: the version tag
 * of a TrueType font, tables sorted by tag and 4-byte aligned, and real table
 * checksums and checkSumAdjustment, as the OpenType specification asks and
 * font validators check.
 */

interface TableRecord {
  offset: number;
  length: number;
}

/** The parts of a fontkit TrueType font this module reads. */
interface FontkitFont {
  stream: { buffer: Uint8Array };
  directory: { tables: Record<string, TableRecord | undefined> };
  loca: { version: number };
}

/** The parts of fontkit's TTFSubset this module drives. */
interface TtfSubset {
  font: FontkitFont;
  glyphs: number[];
  glyf: Uint8Array[];
  offset: number;
  loca: { offsets: number[]; version: number };
  hmtx: { metrics: { advance: number; bearing: number }[]; bearings: number[] };
  cff?: unknown;
  _addGlyph(gid: number): number;
  encode(): Uint8Array;
  __bytes?: true;
}

/** Tables copied as they are, or patched in a copy. */
const COPIED = ['head', 'hhea', 'maxp', 'cvt ', 'prep', 'fpgm'] as const;

const rawTables = new WeakMap<object, Map<string, Uint8Array>>();

function tablesOf(font: FontkitFont): Map<string, Uint8Array> {
  let tables = rawTables.get(font);
  if (!tables) {
    tables = new Map();
    for (const tag of COPIED) {
      const record = font.directory.tables[tag];
      if (record) tables.set(tag, font.stream.buffer.slice(record.offset, record.offset + record.length));
    }
    rawTables.set(font, tables);
  }
  return tables;
}

function checksum(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let sum = 0;
  const whole = bytes.length & ~3;
  for (let i = 0; i < whole; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
  if (whole < bytes.length) {
    let last = 0;
    for (let i = whole; i < whole + 4; i++) last = (last << 8) | (i < bytes.length ? bytes[i]! : 0);
    sum = (sum + (last >>> 0)) >>> 0;
  }
  return sum;
}

function patched(source: Uint8Array, patch: (view: DataView) => void): Uint8Array {
  const copy = source.slice();
  patch(new DataView(copy.buffer, copy.byteOffset, copy.byteLength));
  return copy;
}

function concat(parts: readonly Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** An sfnt file from its tables: directory, tables sorted by tag and padded, checksums, head's checkSumAdjustment. */
export function sfnt(tables: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const tags = [...tables.keys()].sort();
  const count = tags.length;
  const power = 2 ** Math.floor(Math.log2(count));
  let size = 12 + 16 * count;
  const offsets: number[] = [];
  for (const tag of tags) {
    offsets.push(size);
    size += (tables.get(tag)!.length + 3) & ~3;
  }
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint32(0, 0x00010000);
  view.setUint16(4, count);
  view.setUint16(6, power * 16);
  view.setUint16(8, Math.log2(power));
  view.setUint16(10, count * 16 - power * 16);
  let headAt = -1;
  tags.forEach((tag, i) => {
    const bytes = tables.get(tag)!;
    const record = 12 + 16 * i;
    for (let c = 0; c < 4; c++) out[record + c] = tag.charCodeAt(c);
    view.setUint32(record + 4, checksum(bytes));
    view.setUint32(record + 8, offsets[i]!);
    view.setUint32(record + 12, bytes.length);
    out.set(bytes, offsets[i]!);
    if (tag === 'head') headAt = offsets[i]!;
  });
  if (headAt >= 0) view.setUint32(headAt + 8, (0xb1b0afba - checksum(out)) >>> 0);
  return out;
}

function encodeSubset(subset: TtfSubset): Uint8Array {
  const { font } = subset;
  subset.glyf = [];
  subset.offset = 0;
  subset.loca = { offsets: [], version: font.loca.version };
  subset.hmtx = { metrics: [], bearings: [] };
  // fontkit's own glyph collection: it appends the parts of composite glyphs as it goes.
  for (let i = 0; i < subset.glyphs.length; i++) subset._addGlyph(subset.glyphs[i]!);
  subset.loca.offsets.push(subset.offset);

  const raw = tablesOf(font);
  const glyphCount = subset.glyf.length;
  const long = subset.loca.version !== 0;
  const loca = new Uint8Array(subset.loca.offsets.length * (long ? 4 : 2));
  const locaView = new DataView(loca.buffer);
  subset.loca.offsets.forEach((offset, i) => (long ? locaView.setUint32(i * 4, offset) : locaView.setUint16(i * 2, offset / 2)));
  const hmtx = new Uint8Array(subset.hmtx.metrics.length * 4);
  const hmtxView = new DataView(hmtx.buffer);
  subset.hmtx.metrics.forEach((m, i) => {
    hmtxView.setUint16(i * 4, m.advance);
    hmtxView.setInt16(i * 4 + 2, m.bearing);
  });

  const tables = new Map<string, Uint8Array>();
  tables.set(
    'head',
    patched(raw.get('head')!, (v) => {
      v.setUint32(8, 0);
      v.setInt16(50, subset.loca.version);
    }),
  );
  tables.set('hhea', patched(raw.get('hhea')!, (v) => v.setUint16(34, subset.hmtx.metrics.length)));
  tables.set('maxp', patched(raw.get('maxp')!, (v) => v.setUint16(4, glyphCount)));
  tables.set('loca', loca);
  tables.set('hmtx', hmtx);
  tables.set('glyf', concat(subset.glyf, subset.offset));
  for (const tag of ['cvt ', 'prep', 'fpgm'] as const) {
    const bytes = raw.get(tag);
    if (bytes) tables.set(tag, bytes);
  }
  return sfnt(tables);
}

/**
 * Give the subset of a pdfkit font its byte-level encoder. CFF (OpenType)
 * fonts and fonts without the tables this needs keep fontkit's own.
 */
export function installSubsetEncoder(pdfkitFont: unknown): void {
  const subset = (pdfkitFont as { subset?: TtfSubset }).subset;
  if (!subset || subset.__bytes || subset.cff !== undefined || typeof subset._addGlyph !== 'function') return;
  const font = subset.font;
  if (!font?.stream?.buffer || !font.directory?.tables || !['head', 'hhea', 'maxp'].every((tag) => font.directory.tables[tag])) return;
  subset.encode = () => encodeSubset(subset);
  subset.__bytes = true;
}
