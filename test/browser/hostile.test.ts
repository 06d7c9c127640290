/**
 * Hostile input in a real browser: every HTML handout built from the hostile
 * table and from a set of script-injection payloads is opened in Debian's
 * Chromium. No dialog may open, no payload may run, no request may leave
 * file:/data:, and the page may not navigate itself away.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { CASES } from '../hostile/cases.js';
import { cli, tempDir } from '../support/paths.js';
import { close, launch, networkRequests, open } from './support.js';

const run = promisify(execFile);

/** Each payload, if it ran, would open a dialog, change the title, or fetch from the network. */
const PAYLOADS: Record<string, string> = {
  'script-tags.md': '# Script tags\n\n<script>alert(1); document.title = "pwned"</script>\n\nText <script>alert(2)</script> inline.\n',
  'event-handlers.md': '# Handlers\n\n<img src="x" onerror="alert(1)">\n\n<svg onload="alert(2)"><circle r="4"/></svg>\n\n<body onload="alert(3)">\n\n<div style="width:1px" onmouseover="alert(4)">hover</div>\n',
  'script-urls.md':
    '# URLs\n\n[plain](javascript:alert(1)) [mixed](JaVaScRiPt:alert(2)) [entity](&#106;avascript:alert(3)) [spaced]( javascript:alert(4))\n\n![img](javascript:alert(5))\n\n[data](data:text/html,<script>alert(6)</script>) <javascript:alert(7)>\n\n<a href="javascript:alert(8)">raw link</a>\n',
  'frames-and-forms.md':
    '# Frames\n\n<iframe src="https://example.com/"></iframe>\n\n<object data="https://example.com/x.swf"></object><embed src="https://example.com/y">\n\n<form action="https://example.com/"><input name="q" autofocus onfocus="alert(1)"></form>\n',
  'head-tricks.md':
    '# Head\n\n<meta http-equiv="refresh" content="0;url=https://example.com/">\n\n<base href="https://example.com/">\n\n<link rel="stylesheet" href="https://example.com/x.css">\n\n<style>@import url(https://example.com/y.css); body { background: url(https://example.com/z.png) }</style>\n',
  'front-matter.md': '---\ntitle: "</title><script>alert(1)</script>"\nissuer: "<img src=x onerror=alert(2)>"\nsubtitle: "\\" onmouseover=\\"alert(3)"\n---\n\nBody text with <img src=https://example.com/pixel.gif>.\n',
  'remote-images.md': '# Images\n\n![tracker](https://example.com/pixel.gif)\n\n<img src="//example.com/p.png">\n',
  'template-syntax.md': '# {{constructor.constructor "alert(1)"}}\n\n{{{raw}}} {{> header}} {{#each this}}x{{/each}}\n',
};

let browser: Browser;
const out = tempDir('handout-browser-hostile-');
let pages: string[] = [];

before(async () => {
  browser = await launch();
  const input = join(out, 'in');
  mkdirSync(input);
  for (const c of CASES) writeFileSync(join(input, c.file), c.content);
  for (const [name, content] of Object.entries(PAYLOADS)) writeFileSync(join(input, name), content);
  // Exit 1 is expected: several hostile cases are refused with an error.
  await run(process.execPath, [cli, 'build', input, '--out', join(out, 'out'), '--format', 'html', '--quiet', '--jobs', '1'], { maxBuffer: 1 << 26 }).catch((error: { code?: number; stderr?: string }) => {
    if (error.code !== 1) throw new Error(`build crashed (${error.code}): ${error.stderr}`);
  });
  pages = readdirSync(join(out, 'out'))
    .filter((f) => f.endsWith('.html') && f !== 'index.html')
    .sort();
});

after(async () => {
  await browser?.close();
});

test('every payload and every built hostile case has a handout to open', () => {
  for (const name of Object.keys(PAYLOADS)) assert.ok(pages.includes(name.replace(/\.md$/u, '.html')), `${name} was not built`);
  assert.ok(pages.length >= Object.keys(PAYLOADS).length + CASES.filter((c) => c.built).length);
});

test('no hostile handout opens a dialog, runs a payload, fetches from the network or navigates away', async () => {
  const failures: string[] = [];
  for (const name of [...pages, 'index.html']) {
    const url = pathToFileURL(join(out, 'out', name)).href;
    const dialogs: string[] = [];
    const opened = await open(browser, url);
    const { page } = opened;
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    // Give timers, refreshes and lazy loads a moment; then interact as a reader would.
    await page.waitForTimeout(150);
    await page.mouse.move(10, 10);
    await page.mouse.move(200, 300);
    await page.keyboard.press('Tab');
    await page.waitForTimeout(100);
    const state = (await page.evaluate(`({
      title: document.title,
      href: location.href,
      scripts: [...document.scripts].filter((s) => s.type !== 'application/ld+json').length,
      handlers: [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => el.tagName + '@' + a.name)),
      scriptUrls: [...document.querySelectorAll('[href],[src],[action],[formaction],[data]')]
        .map((el) => el.getAttribute('href') || el.getAttribute('src') || el.getAttribute('action') || el.getAttribute('formaction') || el.getAttribute('data') || '')
        .filter((v) => /^\\s*(javascript|vbscript|data:text\\/html)/i.test(v)),
      frames: document.querySelectorAll('iframe,object,embed,frame,base,meta[http-equiv=refresh i],form').length,
    })`)) as { title: string; href: string; scripts: number; handlers: string[]; scriptUrls: string[]; frames: number };
    const problems = [
      ...opened.errors.map((e) => `console error: ${e.slice(0, 160)}`),
      ...dialogs.map((d) => `dialog "${d}"`),
      ...networkRequests(opened.requests).map((r) => `request ${r}`),
      ...(state.href !== url ? [`navigated to ${state.href}`] : []),
      ...(state.title.includes('pwned') ? ['a payload changed the title'] : []),
      // The press-room index has its own filter script (allowed by a CSP hash) and form; handouts have neither.
      ...(name !== 'index.html' && state.scripts > 0 ? [`${state.scripts} executable script element(s)`] : []),
      ...state.handlers.map((h) => `event handler ${h}`),
      ...state.scriptUrls.map((u) => `script URL ${u}`),
      ...(name !== 'index.html' && state.frames > 0 ? [`${state.frames} frame/base/meta-refresh/form element(s)`] : []),
    ];
    if (problems.length > 0) failures.push(`${name}: ${problems.join('; ')}`);
    await close(opened);
  }
  assert.deepEqual(failures, []);
});
