/**
 * The logical structure of a PDF, read from `qpdf --json` (qpdf's own parse of
 * the file): the structure tree with roles, /Lang and /Alt, the catalog's
 * tagging flags, and the associated files.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface StructNode {
  role: string;
  lang?: string;
  alt?: string;
  /** Marked-content ids and object references (annotations) directly under this element. */
  contents: number;
  annotations: number;
  kids: StructNode[];
}

export interface Structure {
  marked: boolean;
  lang?: string;
  displayDocTitle: boolean;
  root: StructNode | null;
  /** Associated files listed in the catalog's /AF. */
  associated: { name: string; relationship: string; subtype: string; size: number }[];
}

function text(value: Json | undefined): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (value.startsWith('u:')) return value.slice(2);
  if (value.startsWith('b:')) return Buffer.from(value.slice(2), 'hex').toString('latin1');
  return value;
}

export function structureOf(qpdfJson: string): Structure {
  const parsed = JSON.parse(qpdfJson) as { qpdf: [unknown, Record<string, { value?: Json; stream?: { dict: Json } }>] };
  const objects = parsed.qpdf[1];
  const resolve = (value: Json | undefined): Json | undefined => {
    if (typeof value === 'string' && /^\d+ \d+ R$/u.test(value)) {
      const object = objects[`obj:${value}`];
      return object?.value ?? object?.stream?.dict;
    }
    return value;
  };
  const dict = (value: Json | undefined): Record<string, Json> => {
    const resolved = resolve(value);
    return resolved && typeof resolved === 'object' && !Array.isArray(resolved) ? resolved : {};
  };
  const trailer = dict(objects['trailer']?.value);
  const catalog = dict(trailer['/Root']);
  const markInfo = dict(catalog['/MarkInfo']);
  const viewer = dict(catalog['/ViewerPreferences']);

  const node = (value: Json | undefined): StructNode => {
    const element = dict(value);
    const out: StructNode = { role: String(element['/S'] ?? '').replace(/^\//u, ''), contents: 0, annotations: 0, kids: [] };
    const lang = text(element['/Lang']);
    const alt = text(element['/Alt']);
    if (lang !== undefined) out.lang = lang;
    if (alt !== undefined) out.alt = alt;
    const k = element['/K'];
    for (const kid of Array.isArray(k) ? k : k === undefined || k === null ? [] : [k]) {
      if (typeof kid === 'number') out.contents++;
      else {
        const child = dict(kid);
        if (child['/Type'] === '/MCR') out.contents++;
        else if (child['/Type'] === '/OBJR') out.annotations++;
        else out.kids.push(node(kid));
      }
    }
    return out;
  };

  const treeRoot = dict(catalog['/StructTreeRoot']);
  const top = treeRoot['/K'];
  const tops = Array.isArray(top) ? top : top ? [top] : [];
  const af = resolve(catalog['/AF']);
  return {
    marked: markInfo['/Marked'] === true,
    ...(text(catalog['/Lang']) !== undefined ? { lang: text(catalog['/Lang'])! } : {}),
    displayDocTitle: viewer['/DisplayDocTitle'] === true,
    root: tops.length === 1 ? node(tops[0]) : tops.length === 0 ? null : { role: '', contents: 0, annotations: 0, kids: tops.map(node) },
    associated: (Array.isArray(af) ? af : []).map((spec) => {
      const fileSpec = dict(spec);
      const embedded = dict(dict(fileSpec['/EF'])['/F']);
      return {
        name: text(fileSpec['/UF']) ?? text(fileSpec['/F']) ?? '',
        relationship: String(fileSpec['/AFRelationship'] ?? '').replace(/^\//u, ''),
        subtype: String(embedded['/Subtype'] ?? '').replace(/^\//u, '').replace(/#2f/giu, '/'),
        size: Number(dict(embedded['/Params'])['/Size'] ?? -1),
      };
    }),
  };
}

/** Depth-first list of roles, for messages. */
export function roles(node: StructNode): string[] {
  return [node.role, ...node.kids.flatMap(roles)];
}
