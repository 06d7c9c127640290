/**
 * Render one source file to PDF and print the text pdfjs reads back, as JSON,
 * in a process of its own. In one long process, PDFs rendered after other
 * documents can carry a wrong text layer, so the fuzz test renders each case
 * afresh until that is fixed in the PDF renderer (FUZZ_PDF=inprocess runs the
 * fuzz test without this workaround, to check).
 *
 * Still true after main's fix of the default font on page breaks. Smallest
 * reproduction: render a source "ç", then a source "c", in one process: pdfjs
 * reads the second PDF's headline as U+0001 (alone it reads "c"). Cause:
 * fontkit caches Glyph objects on the Font, which handout shares across
 * documents; subsetting the composite glyph ç creates the cached glyph of its
 * component "c" with no code points, and pdfkit's ToUnicode map for every
 * later document takes the code points from that cached glyph.
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
