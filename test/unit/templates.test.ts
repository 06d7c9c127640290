/** Templates: overrides, errors with file:line:column, and escaping per output language. */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { extractRelease, sourceFile } from '../../pipeline/document.js';
import { TemplateError } from '../../pipeline/errors.js';
import { renderHtml } from '../../pipeline/render/html/index.js';
import { layoutMarkdown, layoutTree } from '../../pipeline/render/pdf/layout.js';
import { loadTemplates } from '../../pipeline/render/templates.js';
import { renderText } from '../../pipeline/render/text/index.js';
import { tempDir } from '../support/paths.js';

const hostile = `Acme & Co <Widget> "2.0" {{title}} {{{raw}}} {{> evil}}

Press Release
Office of Acme
March 3, 2026

Acme said <script>alert(1)</script> and \\*this\\* is [a link](javascript:alert(1)) with {{#each x}}{{/each}}.
`;

function release(source = hostile) {
  return extractRelease(sourceFile(source, 'hostile.txt'))!;
}

test('HTML escapes every user string; mustaches in the text are printed, not evaluated', () => {
  const html = renderHtml(release(), loadTemplates());
  assert.ok(html.includes('<h1>Acme &amp; Co &lt;Widget&gt; &quot;2.0&quot; {{title}} {{{raw}}} {{&gt; evil}}</h1>'));
  // <title> is cut to 70 characters as written (escapes included); the <h1> above keeps the whole title.
  const title = /<title>([^<]*)<\/title>/u.exec(html)?.[1] ?? '';
  assert.ok(title.startsWith('Acme &amp; Co &lt;Widget&gt; &quot;2.0&quot; {{title}}'), title);
  assert.ok(title.length <= 70 && title.endsWith('…'), title);
  assert.doesNotMatch(html, /<script>alert/u);
  assert.doesNotMatch(html, /javascript:/u);
  assert.ok(html.includes('{{#each x}}{{/each}}'));
  // JSON-LD cannot close its <script> element.
  const ld = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/u.exec(html)?.[1] ?? '';
  assert.doesNotMatch(ld, /</u);
  assert.equal(JSON.parse(ld).headline, 'Acme & Co <Widget> "2.0" {{title}} {{{raw}}} {{> evil}}');
});

test('the PDF layout escapes user text for Markdown', () => {
  const r = release();
  const markdown = layoutMarkdown(r, loadTemplates());
  const tree = layoutTree(markdown);
  const heading = tree.children.find((n) => n.type === 'heading');
  assert.ok(heading && heading.type === 'heading');
  assert.equal(heading.children.map((c) => ('value' in c ? c.value : '')).join(''), r.title);
});

test('wire text prints user text as is', () => {
  const text = renderText(release(), loadTemplates());
  const flat = text.replace(/\s+/gu, ' ');
  assert.ok(flat.includes('ACME & CO <WIDGET> "2.0" {{TITLE}} {{{RAW}}} {{> EVIL}}'));
  assert.ok(flat.includes('Acme said and *this* is a link with {{#each x}}{{/each}}.'), flat);
  assert.doesNotMatch(text, /javascript:|alert/u);
});

test('--templates replaces a template or partial of the same name, keeping the rest', () => {
  const dir = tempDir();
  mkdirSync(join(dir, 'partials'));
  writeFileSync(join(dir, 'partials', 'footer.hbs'), '<footer class="custom">{{#if contact}}{{contact}}{{/if}} — {{upper issuer}}</footer>\n');
  const html = renderHtml(release(), loadTemplates(dir));
  assert.ok(html.includes('<footer class="custom"> — OFFICE OF ACME</footer>'));
  assert.ok(html.includes('<header class="letterhead">'), 'default header partial still used');
});

test('a text template can print the body without the dateline (bodyPlain)', () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'text.hbs'), '{{dateline}}\n\n{{bodyPlain}}\n');
  const text = renderText(release(), loadTemplates(dir));
  assert.match(text, /^March 3, 2026 —\n/u);
  assert.match(text, /\n\nAcme said and \*this\* is a link/u);
});

test('a template syntax error names file:line:column', () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'html.hbs'), '<html>\n<body>\n  {{#if title}}\n  {{/iff}}\n</body>\n');
  assert.throws(
    () => loadTemplates(dir),
    (error: unknown) => {
      assert.ok(error instanceof TemplateError);
      assert.equal(error.location.file.endsWith('html.hbs'), true);
      assert.equal(error.location.line, 3);
      assert.match(error.message, /html\.hbs:3:\d+: if doesn't match iff/u);
      return true;
    },
  );
});

test('an unknown field is a template error at render time (strict), with its place', () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'text.hbs'), '{{title}}\n\n  {{headline}}\n');
  const templates = loadTemplates(dir);
  assert.throws(
    () => renderText(release(), templates),
    (error: unknown) => {
      assert.ok(error instanceof TemplateError);
      assert.deepEqual([error.location.line, error.location.column], [3, 5]);
      assert.match(error.message, /"headline" not defined/u);
      return true;
    },
  );
});

test('an error inside a partial names the partial file', () => {
  const dir = tempDir();
  mkdirSync(join(dir, 'partials'));
  writeFileSync(join(dir, 'partials', 'contact.text.hbs'), 'Contact:\n{{nosuchfield}}\n');
  const templates = loadTemplates(dir);
  assert.throws(
    () => renderText(release(), templates),
    (error: unknown) => error instanceof TemplateError && error.location.file.endsWith('contact.text.hbs') && error.location.line === 2,
  );
});
