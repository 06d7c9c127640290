/**
 * Render one source file to PDF and print the text pdfjs reads back, as JSON,
 * in a process of its own. In one long process, PDFs rendered after other
 * documents can carry a wrong text layer (a "c" read back as U+0003; fonts are
 * shared across documents), so the fuzz test renders each case afresh until
 * that is fixed in the PDF renderer.
 */
import { readFileSync } from 'node:fs';
import { extractRelease, sourceFile } from '../../pipeline/document.js';
import { renderPdf } from '../../pipeline/render/pdf/index.js';
import { loadTemplates } from '../../pipeline/render/templates.js';
import { readPdf } from './pdf.js';

const file = sourceFile(readFileSync(process.argv[2]!, 'utf8'), 'fuzz.md');
const release = extractRelease(file);
if (!release) throw new Error('not extracted');
const pdf = await readPdf(await renderPdf(release, file, loadTemplates(), { sourceDateEpoch: 1_700_000_000 }));
const missing = file.messages.filter((m) => m.ruleId === 'missing-glyph').map((m) => m.reason);
process.stdout.write(JSON.stringify({ text: pdf.text, missing }));
