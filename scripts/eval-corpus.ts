/**
 * `npm run eval:corpus [-- --corpus DIR] [--labels FILE] [--json]`
 *
 * Exits 1 when any field is below the bar (or a document crashed), 2 on a usage error,
 * so CI can run it as a gate; `--json` prints the scores and mismatches for machines.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkBar, defaultCorpus, evaluate, formatReport, loadLabels, BAR } from './corpus-eval.js';

function main(): number {
  let values: { corpus?: string; labels?: string; json?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: {
        corpus: { type: 'string' },
        labels: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: false,
    }));
  } catch (error) {
    process.stderr.write(`eval-corpus: ${(error as Error).message}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write('usage: eval-corpus [--corpus DIR] [--labels FILE] [--json]\n  DIR holds the documents (or a raw/ folder with them); FILE defaults to labels.json beside raw/.\n');
    return 0;
  }
  const fallback = defaultCorpus();
  let raw = fallback.raw;
  let labels = fallback.labels;
  if (values.corpus) {
    const dir = resolve(values.corpus);
    // Accept either the corpus folder (with raw/ and labels.json) or the documents folder itself.
    raw = existsSync(join(dir, 'raw')) ? join(dir, 'raw') : dir;
    labels = existsSync(join(dir, 'labels.json')) ? join(dir, 'labels.json') : join(dirname(raw), 'labels.json');
  }
  if (values.labels) labels = resolve(values.labels);
  if (!existsSync(raw) || !existsSync(labels)) {
    process.stderr.write(`eval-corpus: cannot find the corpus (${raw}) or its labels (${labels})\n`);
    return 2;
  }
  const evaluation = evaluate(raw, loadLabels(labels));
  const failures = checkBar(evaluation);
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ bar: BAR, pass: failures.length === 0 && evaluation.crashes.length === 0, failures, ...evaluation }, null, 2)}\n`);
  } else {
    process.stdout.write(`${formatReport(evaluation, failures)}\n`);
  }
  return failures.length === 0 && evaluation.crashes.length === 0 && evaluation.documents > 0 ? 0 : 1;
}

process.exitCode = main();
