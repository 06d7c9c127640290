/**
 * The hostile-input table: each case is one source file and exactly what the
 * build must say about it (rule id and line:column of every message) and
 * whether it is built. Shared by the suite and by the spawned-CLI run.
 */

export interface Expected {
  ruleId: string;
  /** "line:column", or "" for a message about the whole file. */
  at: string;
}

export interface HostileCase {
  name: string;
  /** File name inside the input folder. */
  file: string;
  content: string | Buffer;
  /** Every message the build reports for this file, in order. */
  expect: Expected[];
  /** Whether outputs are written. */
  built: boolean;
}

const e = (ruleId: string, at = ''): Expected => ({ ruleId, at });
const BODY = 'PORTLAND, Ore., March 3, 2026 — Acme today shipped the widget.\n';
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4f20000000049454e44ae426082', 'hex');

export const CASES: HostileCase[] = [
  { name: 'empty file', file: 'empty.txt', content: '', expect: [e('empty-document')], built: false },
  { name: 'white space only', file: 'blank.txt', content: '  \n\t\n\u3000\n', expect: [e('empty-document')], built: false },
  { name: 'a title only', file: 'title-only.txt', content: 'Acme Ships Widget\n', expect: [e('missing-date', '1:1')], built: true },
  { name: 'a PNG renamed .txt', file: 'image.txt', content: PNG, expect: [e('invalid-encoding', '1:1')], built: false },
  { name: 'invalid UTF-8 (Latin-1 bytes)', file: 'latin1.txt', content: Buffer.from('Acme Ships Widget\n\nCaf\xe9 opens.\n', 'latin1'), expect: [e('invalid-encoding', '3:4')], built: false },
  {
    name: 'UTF-16 LE with a BOM',
    file: 'utf16.txt',
    content: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`Acme Ships Widget\n\n${BODY}`, 'utf16le')]),
    expect: [],
    built: true,
  },
  { name: 'UTF-8 with a BOM', file: 'bom.txt', content: `\ufeffAcme Ships Widget\n\n${BODY}`, expect: [], built: true },
  { name: 'CRLF line endings', file: 'crlf.txt', content: `Acme Ships Widget\r\n\r\n${BODY.replace('\n', '\r\n')}`, expect: [], built: true },
  { name: 'lone CR line endings', file: 'cr.txt', content: `Acme Ships Widget\r\r${BODY.replace('\n', '\r')}`, expect: [], built: true },
  {
    name: 'NUL, BEL and an ESC sequence in the title',
    file: 'controls.txt',
    content: `Acme \0Ships\x07 Widget\x1b[31m\n\n${BODY}`,
    expect: [e('control-character', '1:6')],
    built: true,
  },
  {
    name: 'bidi override and zero-width characters in the title',
    file: 'bidi.txt',
    content: `Acme \u202etegdiW\u202c Ships\u200b Now\n\n${BODY}`,
    expect: [e('bidi-control', '1:6')],
    built: true,
  },
  {
    name: 'binary with NUL runs but valid UTF-8',
    file: 'nuls.txt',
    content: Buffer.from('Acme\0\0\0\0header\n'),
    expect: [e('invalid-encoding', '1:5')],
    built: false,
  },
  {
    name: 'raw <script>, <iframe>, event handlers and javascript: links',
    file: 'script.md',
    content: [
      '# Acme Ships Widget',
      '',
      '<script>alert(1)</script>',
      '',
      'Text <iframe src="https://evil.example/"></iframe> and [click](javascript:alert(1)) and <img src=x onerror=alert(1)>',
      'and [spaced](  JaVaScRiPt:alert(2)) and <a href="javascript:alert(3)">raw</a> and ![i](javascript:alert(4)).',
      '',
      '<svg onload=alert(5)><script>alert(6)</script></svg>',
      '',
      BODY,
    ].join('\n'),
    // The raw HTML block stands first in the body, so the dateline is not where a dateline goes.
    // The javascript: image is never an <img>: refused, and a placeholder stands in for it.
    expect: [e('missing-date', '1:1'), e('unsupported-image', '6:83')],
    built: true,
  },
  {
    name: 'Handlebars syntax in the text is printed, not evaluated',
    file: 'mustache.md',
    content: `# Acme {{title}} Widget\n\n${BODY}\nWe print {{title}}, {{{body}}}, {{> header}}, {{#each x}}y{{/each}} and {{constructor.constructor}} as written.\n`,
    expect: [],
    built: true,
  },
  {
    name: 'front matter: __proto__, constructor, prototype keys and wrong types',
    file: 'proto.md',
    content: '---\n__proto__: {polluted: true}\nconstructor: {prototype: {polluted: true}}\nprototype: x\ntitle: [a, list]\ndate: 20260303\nissuer: Acme\n---\n\n' + BODY,
    expect: [
      e('missing-title', '1:1'),
      e('unknown-front-matter', '2:1'),
      e('unknown-front-matter', '3:1'),
      e('unknown-front-matter', '4:1'),
      e('invalid-front-matter', '5:8'),
      e('invalid-front-matter', '6:7'),
    ],
    built: true,
  },
  {
    name: 'front matter: a billion-laughs alias bomb',
    file: 'laughs.md',
    content: [
      '---',
      'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
      'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
      'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
      'title: *g',
      'subtitle: *a',
      '---',
      '',
      '# Acme Ships Widget',
      '',
      BODY,
    ].join('\n'),
    expect: [
      ...['2:1', '3:1', '4:1', '5:1', '6:1', '7:1', '8:1'].map((at) => e('unknown-front-matter', at)),
      e('invalid-front-matter', '9:8'),
      e('invalid-front-matter', '10:11'),
    ],
    built: true,
  },
  {
    name: '10,000 levels of block quote',
    file: 'quotes.md',
    content: `# Acme Ships Widget\n\n${'>'.repeat(10_000)} deep\n`,
    expect: [e('too-deep', '3:101')],
    built: false,
  },
  {
    name: '10,000 levels of list on one line',
    file: 'list.md',
    content: `# Acme Ships Widget\n\n${'- '.repeat(10_000)}deep\n`,
    expect: [e('too-deep', '3:201')],
    built: false,
  },
  {
    name: '1,000 levels of list by indentation',
    file: 'indented.md',
    content: `# Acme Ships Widget\n\n${Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n')}\n`,
    expect: [e('too-deep', '103:201')],
    built: false,
  },
  {
    name: '1,000 levels of nested emphasis',
    file: 'emphasis.md',
    content: `# Acme Ships Widget\n\n${'*a _b '.repeat(500)}x${' c_ d*'.repeat(500)}\n`,
    expect: [e('too-deep', '3:296')],
    built: false,
  },
  {
    name: '50,000 emphasis markers in one paragraph',
    file: 'markers.md',
    content: `# Acme Ships Widget\n\n${BODY}\n${'a* '.repeat(50_000)}\n`,
    expect: [e('too-complex', '5:1')],
    built: false,
  },
];
