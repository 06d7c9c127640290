/**
 * The tree walk that replaced unist-util-visit on the per-document paths:
 * the same order, and the same behaviour when a visitor replaces its node.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Node } from 'unist';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { parse } from '../../pipeline/parse.js';
import { someNode, walk } from '../../pipeline/walk.js';

const source = '# Title\n\nSome *emphasis* and a [link](https://example.com) with ![alt](a.png).\n\n- one\n- two **bold**\n\n> quoted `code`\n\n[ref]: b.png\n';

const label = (node: Node): string => node.type + ('value' in node ? `:${String(node.value)}` : '');

test('walk visits every node in document order, as unist-util-visit does', () => {
  const tree = parse(new VFile({ value: source }));
  const ours: string[] = [];
  walk(tree, (node) => ours.push(label(node)));
  const theirs: string[] = [];
  visit(tree, (node) => {
    theirs.push(label(node));
  });
  assert.deepEqual(ours, theirs);
  assert.equal(ours[0], 'root');
  assert.ok(ours.indexOf('text:emphasis') < ours.indexOf('image') && ours.indexOf('image') < ours.indexOf('inlineCode:code'));
});

test('a visitor may replace its node: the walk goes on into the node it was given, and gives parent and index', () => {
  const tree = parse(new VFile({ value: 'a *b* c\n' }));
  const seen: string[] = [];
  walk(tree, (node, parent, index) => {
    seen.push(label(node));
    if (node.type === 'emphasis' && parent && index !== undefined) parent.children.splice(index, 1, { type: 'text', value: 'replaced' } as Node);
  });
  assert.deepEqual(seen, ['root', 'paragraph', 'text:a ', 'emphasis', 'text:b', 'text: c']);
  assert.deepEqual((tree.children[0] as { children: Node[] }).children.map(label), ['text:a ', 'text:replaced', 'text: c']);
});

test('someNode stops at the first node that passes', () => {
  const tree = parse(new VFile({ value: source }));
  const tried: string[] = [];
  assert.equal(someNode(tree, (node) => (tried.push(node.type), node.type === 'emphasis')), true);
  assert.equal(tried[tried.length - 1], 'emphasis');
  assert.ok(!tried.includes('list'));
  assert.equal(someNode(tree, (node) => node.type === 'table'), false);
});
