/**
 * The corpus evaluation (scripts/corpus-eval.ts) as a test: its comparison
 * rules, its bar, and the bar itself on ../shared/corpus.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { root } from '../support/paths.js';
import { BAR, checkBar, evaluate, extractText, loadLabels, normalize, type Evaluation } from '../../scripts/corpus-eval.js';
import { HEADER_FIELDS } from '../../pipeline/release.js';


const corpus = join(root, '..', 'shared', 'corpus');

test('values compare with white space collapsed as Python str.split() does', () => {
  assert.equal(normalize('  Title\u00a0with\u202fspaces\u3000and\ttabs \n'), 'Title with spaces and tabs');
  // U+2060 WORD JOINER and U+200B are not white space: they stay.
  assert.equal(normalize('Biden-\u2060Harris'), 'Biden-\u2060Harris');
  assert.equal(normalize('a\u200bb'), 'a\u200bb');
  assert.equal(normalize(null), null);
});

test('the bar fails a field below 98% on releases, 95% overall or 95% of stated values found', () => {
  const scores = Object.fromEntries(HEADER_FIELDS.map((f) => [f, { correct: 100, total: 100, foundStated: 20, stated: 20 }]));
  const evaluation: Evaluation = {
    byKind: {
      all: { ...scores, date: { correct: 96, total: 100, foundStated: 18, stated: 20 } } as Evaluation['byKind'][string],
      release: { ...scores, title: { correct: 97, total: 100, foundStated: 20, stated: 20 } } as Evaluation['byKind'][string],
    },
    mismatches: [],
    crashes: [],
    documents: 100,
    missingFiles: [],
  };
  const failures = checkBar(evaluation).map((f) => `${f.scope}/${f.field}/${f.measure}`);
  assert.deepEqual(failures, ['release/title/accuracy', 'all/date/found']);
  assert.equal(BAR.release, 0.98);
});

test('the corpus holds the bar: every field, every kind, no crash', () => {
  const labels = loadLabels(join(corpus, 'labels.json'));
  const evaluation = evaluate(join(corpus, 'raw'), labels);
  assert.equal(evaluation.crashes.length, 0, evaluation.crashes.map((c) => c.file).join(', '));
  assert.ok(evaluation.documents >= 100, `only ${evaluation.documents} documents found`);
  const failures = checkBar(evaluation);
  const detail = evaluation.mismatches.map((m) => `${m.file} ${m.field}: expected ${JSON.stringify(m.expected)}, got ${JSON.stringify(m.got)}`).join('\n');
  assert.deepEqual(failures, [], detail);
});

test('every corpus document left without a date or a title says so in a warning', () => {
  const labels = loadLabels(join(corpus, 'labels.json'));
  for (const label of labels) {
    const path = join(corpus, 'raw', label.file);
    if (!existsSync(path)) continue;
    const { release, file } = extractText(path, readFileSync(path, 'utf8'));
    const rules = new Set(file.messages.map((m) => m.ruleId));
    if (!release.title) assert.ok(rules.has('missing-title'), `${label.file}: no title and no missing-title warning`);
    if (!release.date) assert.ok(rules.has('missing-date') || rules.has('ambiguous-date'), `${label.file}: no date and no warning`);
  }
});
