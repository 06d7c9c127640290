/**
 * The .eml format, parsed back with mailparser: multipart/mixed around a
 * multipart/alternative (text, then HTML) and the PDF attached; headers from
 * the record; parts are the very bytes of the other outputs; reproducible.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { simpleParser } from 'mailparser';
import { extractRelease, sourceFile } from '../../pipeline/document.js';
import { renderFormat } from '../../pipeline/render/index.js';
import { loadTemplates } from '../../pipeline/render/templates.js';
import { cli, seedPath, tempDir } from '../support/paths.js';

const run = promisify(execFile);

async function buildSeed(out: string, formats: string): Promise<void> {
  await run(process.execPath, [cli, 'build', seedPath, '--out', out, '--format', formats, '--no-pressroom', '-q'], { env: { ...process.env, SOURCE_DATE_EPOCH: '1700000000' } });
}

test('the .eml parses back into the handout: subject, sender, date, text and HTML alternatives, the PDF attached', async () => {
  const out = join(tempDir('handout-eml-'), 'out');
  await buildSeed(out, 'html,pdf,txt,eml');
  const raw = readFileSync(join(out, 'us-japan-cyber-dialogue.eml'));
  const mail = await simpleParser(raw);
  assert.equal(mail.subject, 'The Third U.S.-Japan Cyber Dialogue');
  assert.deepEqual(mail.from?.value, [{ name: 'Office of the Spokesperson', address: 'press@invalid' }]);
  assert.equal(mail.date?.toISOString(), new Date(1_700_000_000_000).toISOString());
  assert.match(mail.messageId ?? '', /^<[0-9a-f]{32}@handout\.invalid>$/u);
  assert.equal(mail.headers.get('content-language'), 'en');
  // The parts are the other outputs, byte for byte (rendered once, reused).
  assert.equal(mail.text?.replace(/\r\n/gu, '\n'), readFileSync(join(out, 'us-japan-cyber-dialogue.txt'), 'utf8'));
  assert.equal(mail.html && String(mail.html).replace(/\r\n/gu, '\n'), readFileSync(join(out, 'us-japan-cyber-dialogue.html'), 'utf8'));
  assert.equal(mail.attachments.length, 1);
  const pdf = mail.attachments[0]!;
  assert.equal(pdf.contentType, 'application/pdf');
  assert.equal(pdf.filename, 'us-japan-cyber-dialogue.pdf');
  assert.ok(pdf.content.equals(readFileSync(join(out, 'us-japan-cyber-dialogue.pdf'))));
  // The MIME tree: mixed → (alternative → text, html), pdf.
  const text = raw.toString('latin1');
  assert.match(text, /^Content-Type: multipart\/mixed;/mu);
  const alternative = text.indexOf('Content-Type: multipart/alternative');
  assert.ok(alternative > 0 && alternative < text.indexOf('Content-Type: text/plain') && text.indexOf('Content-Type: text/plain') < text.indexOf('Content-Type: text/html'));
  assert.ok(text.indexOf('Content-Type: text/html') < text.indexOf('Content-Type: application/pdf'));
});

test('the .eml is reproducible, alone or beside the other formats', async () => {
  const dir = tempDir('handout-eml-');
  await buildSeed(join(dir, 'a'), 'eml');
  await buildSeed(join(dir, 'b'), 'eml');
  await buildSeed(join(dir, 'c'), 'html,txt,pdf,json,eml');
  const a = readFileSync(join(dir, 'a', 'us-japan-cyber-dialogue.eml'));
  assert.ok(a.equals(readFileSync(join(dir, 'b', 'us-japan-cyber-dialogue.eml'))));
  assert.ok(a.equals(readFileSync(join(dir, 'c', 'us-japan-cyber-dialogue.eml'))));
});

test('eml reuses parts already rendered and renders only what is missing', async () => {
  const file = sourceFile(readFileSync(seedPath, 'utf8'), 'seed.txt');
  const release = extractRelease(file)!;
  const rendered = { html: Buffer.from('<!DOCTYPE html><title>already rendered</title>'), pdf: Buffer.from('%PDF-1.7 already rendered') };
  const eml = await renderFormat('eml', release, file, loadTemplates(), {}, rendered);
  const mail = await simpleParser(Buffer.from(eml));
  assert.match(String(mail.html), /already rendered/u);
  assert.equal(mail.attachments[0]!.content.toString(), '%PDF-1.7 already rendered');
  assert.ok(mail.text?.includes('THE THIRD U.S.-JAPAN CYBER DIALOGUE'));
  assert.ok((rendered as Record<string, unknown>)['txt'], 'the missing text part is rendered once and kept');
});
