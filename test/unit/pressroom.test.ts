/**
 * The press room through `handout build`: index.html (order, months, links,
 * a CSP that allows exactly its one script), feed.xml (well-formed, parsed
 * back by feedsmith, stable ids, full escaped HTML), manifest.json (sha256 of
 * every output) and --no-pressroom.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { promisify } from 'node:util';
import { parseAtomFeed } from 'feedsmith';
import { XMLValidator } from 'fast-xml-parser';
import { HtmlValidate } from 'html-validate';
import { attributesOf } from '../support/html.js';
import { cli, fixtures, seedPath, tempDir } from '../support/paths.js';
import { uuidV5 } from '../../pipeline/pressroom/ids.js';

const run = promisify(execFile);

async function handout(args: string[]): Promise<{ code: number; stderr: string }> {
  try {
    const { stderr } = await run(process.execPath, [cli, ...args], { env: { ...process.env, NO_COLOR: '1' } });
    return { code: 0, stderr };
  } catch (error) {
    const e = error as { code: number; stderr: string };
    return { code: e.code, stderr: e.stderr };
  }
}

const HOSTILE = `Acme & Co <Widget> "2.0" ]]> </script> 🚀

Press Release
Office of Acme & Sons <Communications>
March 3, 2026

Acme said <script>alert(1)</script> and <b>bold</b> & [a link](javascript:alert(1)) today.
`;

const dir = tempDir('handout-pressroom-');
const input = join(dir, 'in');
const out = join(dir, 'out');
let stderr = '';

before(async () => {
  mkdirSync(join(input, 'nested'), { recursive: true });
  copyFileSync(seedPath, join(input, 'us-japan-cyber-dialogue.txt'));
  copyFileSync(join(fixtures, 'front-matter', 'source.md'), join(input, 'nested', 'acme widget#2.md'));
  copyFileSync(join(fixtures, 'rtl', 'source.md'), join(input, 'arabic.md'));
  writeFileSync(join(input, 'hostile.txt'), HOSTILE);
  // A source that would write index.html over the press room's page.
  copyFileSync(seedPath, join(input, 'index.txt'));
  const result = await handout(['build', input, '--out', out, '--format', 'html,txt,json']);
  assert.equal(result.code, 0, result.stderr);
  stderr = result.stderr;
});

function read(name: string): string {
  return readFileSync(join(out, name), 'utf8');
}

test('a source named index.txt does not take the press room page: it gets a suffix and a warning', () => {
  assert.match(stderr, /index\.txt[\s\S]*warning.*press room's index\.html.*duplicate-output/u);
  assert.ok(existsSync(join(out, 'index-txt.html')));
});

test('index.html lists releases newest first, grouped by month, with type, issuer and links to every format', () => {
  const html = read('index.html');
  const months = [...html.matchAll(/<h2 id="([^"]+)">([^<]+)<\/h2>/gu)].map((m) => m[2]);
  assert.deepEqual(months, ['March 2026', 'March 2024', 'July 2015']);
  const titles = [...html.matchAll(/<h3 [^>]*><a href="([^"]+)">([^<]+)<\/a><\/h3>/gu)].map((m) => m[1]);
  assert.equal(titles[0], 'hostile.html');
  assert.ok(titles.includes('nested/acme%20widget%232.html'), titles.join(', '));
  assert.equal(titles.indexOf('arabic.html') < titles.indexOf('us-japan-cyber-dialogue.html'), true);
  assert.match(html, /<span class="type">Media Note<\/span><span class="issuer">Office of the Spokesperson<\/span>/u);
  for (const ext of ['html', 'txt', 'json']) assert.ok(html.includes(`href="us-japan-cyber-dialogue.${ext}"`), ext);
  assert.ok(html.includes('<h3 id="r-3" lang="ar" dir="rtl">'), 'RTL titles carry their direction');
  // User text is escaped, never markup.
  assert.doesNotMatch(html, /<script>alert|<b>bold/u);
  assert.ok(html.includes('Acme &amp; Co &lt;Widget&gt;'));
  assert.ok(html.includes('<option>Media Note</option>'));
});

test("index.html's CSP allows its one inline script by hash, and nothing inline else", () => {
  const html = read('index.html');
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/u.exec(html)?.[1] ?? '';
  const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/gu)].map((m) => m[1]!);
  assert.equal(scripts.length, 1);
  const hash = createHash('sha256').update(scripts[0]!, 'utf8').digest('base64');
  assert.match(csp, new RegExp(`script-src 'sha256-${hash.replace(/[+/]/gu, '\\$&')}'`, 'u'));
  assert.doesNotMatch(csp, /unsafe-inline'[^;]*;?\s*$|script-src[^;]*unsafe/u);
  assert.match(csp, /default-src 'none'/u);
});

test('index.html validates with no html-validate errors', async () => {
  const report = await new HtmlValidate({ extends: ['html-validate:recommended'] }).validateString(read('index.html'), 'index.html');
  assert.equal(report.errorCount, 0, report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`)).join('\n'));
});

test('feed.xml is well-formed Atom that a feed parser reads back, with full escaped HTML and stable ids', async () => {
  const xml = read('feed.xml');
  assert.equal(XMLValidator.validate(xml), true);
  const feed = parseAtomFeed(xml);
  assert.ok(feed.id?.startsWith('urn:uuid:'));
  assert.equal(feed.updated, '2026-03-03T00:00:00Z');
  const entries = feed.entries ?? [];
  assert.equal(entries.length, 5);
  const ids = entries.map((e) => e.id);
  assert.equal(new Set(ids).size, ids.length, 'ids are unique');
  for (const e of entries) {
    assert.match(e.id ?? '', /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/u);
    assert.match(e.updated ?? '', /^\d{4}-\d{2}-\d{2}T00:00:00Z$/u);
    assert.ok(e.title?.value);
    assert.ok(e.content?.value, 'full content');
  }
  const hostile = entries[0]!;
  assert.equal(hostile.title?.value, (JSON.parse(read('hostile.json')) as { title: string }).title);
  assert.match(hostile.title?.value ?? '', /^Acme & Co <Widget> "2\.0" \]\]> /u);
  assert.ok(hostile.content?.value?.includes('<p>Acme said'), 'content is HTML');
  assert.doesNotMatch(hostile.content?.value ?? '', /<script|javascript:|<b>/u, 'sanitized like the page');
  const seed = entries.find((e) => e.links?.some((l) => l.href === 'us-japan-cyber-dialogue.html'))!;
  assert.equal(seed.title?.value, 'The Third U.S.-Japan Cyber Dialogue');
  assert.equal(seed.authors?.[0]?.name, 'Office of the Spokesperson');
  assert.equal(seed.categories?.[0]?.term, 'Media Note');
  assert.equal(seed.links?.find((l) => l.rel === 'alternate')?.href, 'us-japan-cyber-dialogue.html');
  assert.equal(seed.id, `urn:uuid:${uuidV5('handout:us-japan-cyber-dialogue')}`);

  // The same sources give the same feed, byte for byte; a site URL makes links absolute and ids its own.
  const again = join(dir, 'again');
  assert.equal((await handout(['build', input, '--out', again, '--format', 'html,txt,json'])).code, 0);
  assert.equal(readFileSync(join(again, 'feed.xml'), 'utf8'), xml);
  const site = join(dir, 'site');
  assert.equal((await handout(['build', input, '--out', site, '--format', 'html', '--site-url', 'https://press.example.org/room'])).code, 0);
  const published = parseAtomFeed(readFileSync(join(site, 'feed.xml'), 'utf8'));
  const seedThere = published.entries?.find((e) => e.links?.some((l) => l.href?.endsWith('/us-japan-cyber-dialogue.html')));
  assert.equal(seedThere?.links?.[0]?.href, 'https://press.example.org/room/us-japan-cyber-dialogue.html');
  assert.notEqual(seedThere?.id, seed.id);
  assert.ok(published.links?.some((l) => l.rel === 'self' && l.href === 'https://press.example.org/room/feed.xml'));
});

test('manifest.json holds each release summary and its outputs with sha256', () => {
  const manifest = JSON.parse(read('manifest.json')) as { releases: { title: string; date: string | null; source: string; outputs: { format: string; path: string; bytes: number; sha256: string }[] }[] };
  assert.equal(manifest.releases.length, 5);
  assert.deepEqual(manifest.releases.map((r) => r.date), ['2026-03-03', '2026-03-03', '2024-03-05', '2015-07-17', '2015-07-17']);
  for (const release of manifest.releases) {
    assert.deepEqual(release.outputs.map((o) => o.format), ['html', 'txt', 'json']);
    for (const output of release.outputs) {
      const bytes = readFileSync(join(out, ...output.path.split('/')));
      assert.equal(output.bytes, bytes.byteLength);
      assert.equal(output.sha256, createHash('sha256').update(bytes).digest('hex'), output.path);
    }
  }
  assert.ok(manifest.releases.some((r) => r.source === 'nested/acme widget#2.md'));
});

test('--no-pressroom writes the handouts only', async () => {
  const bare = join(dir, 'bare');
  assert.equal((await handout(['build', seedPath, '--out', bare, '--format', 'txt', '--no-pressroom'])).code, 0);
  assert.deepEqual(readdirSync(bare).sort(), ['.handout-manifest.json', 'us-japan-cyber-dialogue.txt']);
});

test('the press room page speaks the project\'s language ("language": "es" in the config), and each release keeps its own', async () => {
  const spanish = join(dir, 'es');
  const config = join(dir, 'es.config.json');
  writeFileSync(config, JSON.stringify({ language: 'es', strings: { es: { filterIssuer: 'Oficina' } } }));
  const result = await handout(['build', input, '--out', spanish, '--format', 'html,txt', '-c', config]);
  assert.equal(result.code, 0, result.stderr);
  const html = readFileSync(join(spanish, 'index.html'), 'utf8');
  assert.match(html, /^<html lang="es" dir="ltr">/mu);
  assert.match(html, /<title>Comunicados de prensa<\/title>/u);
  assert.match(html, /<meta name="description" content="5 comunicados">/u);
  assert.match(html, /<p>5 comunicados, del más reciente al más antiguo\. Suscríbase con el <a href="feed\.xml">canal Atom<\/a>; las sumas de verificación están en <a href="manifest\.json">manifest\.json<\/a>\.<\/p>/u);
  assert.match(html, /aria-label="Filtrar comunicados"/u);
  for (const label of ['<label for="filter-text">Texto</label>', '<label for="filter-type">Tipo</label>', '<label for="filter-issuer">Oficina</label>', '<option value="">Todos los tipos</option>', '<button type="submit">Filtrar</button>']) {
    assert.ok(html.includes(label), label);
  }
  // The filter script's words, as data: the Spanish forms by plural category, counted by Spanish rules.
  const count = attributesOf(html, 'p', 'count')!;
  assert.deepEqual(JSON.parse(count['data-all']!), { locale: 'es', forms: { one: '{count} comunicado', many: '{count} de comunicados', other: '{count} comunicados' } });
  assert.equal(JSON.parse(count['data-some']!).forms.one, '{shown} de {count} comunicado');
  const months = [...html.matchAll(/<h2 id="([^"]+)">([^<]+)<\/h2>/gu)].map((m) => m[2]);
  assert.deepEqual(months, ['Marzo de 2026', 'Marzo de 2024', 'Julio de 2015']);
  assert.match(html, /<time datetime="2015-07-17">17 de julio de 2015<\/time>/u);
  assert.match(html, />Texto<\/a>/u);
  // The releases' own titles and leads keep their language.
  assert.match(html, /<h3 id="r-\d+" lang="ar" dir="rtl">/u);
  assert.match(readFileSync(join(spanish, 'feed.xml'), 'utf8'), /<title>Comunicados de prensa<\/title>/u);
  const report = await new HtmlValidate({ extends: ['html-validate:recommended'] }).validateString(html, 'index.html');
  assert.equal(report.errorCount, 0);
});

test('a config language that is not BCP 47 is a usage error', async () => {
  const config = join(dir, 'bad-language.json');
  writeFileSync(config, JSON.stringify({ language: 'spanish!' }));
  const result = await handout(['build', input, '--out', join(dir, 'bad'), '-c', config]);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /"language" must be a BCP 47 language tag/u);
});
