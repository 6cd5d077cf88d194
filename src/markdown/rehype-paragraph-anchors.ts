/**
 * Gives each block of an article body a stable anchor — p1, p2… for paragraphs, s1… for
 * subheads, f1… for captions — so a citation can point at #p3.
 */
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

const PREFIX: Record<string, string> = { p: 'p', h2: 's', figure: 'f' };

export function rehypeParagraphAnchors() {
  return (tree: Root) => {
    const counts: Record<string, number> = {};
    visit(tree, 'element', (node: Element, _index, parent) => {
      const prefix = PREFIX[node.tagName];
      if (!prefix || parent?.type !== 'root') return;
      counts[prefix] = (counts[prefix] ?? 0) + 1;
      node.properties.id = `${prefix}${counts[prefix]}`;
    });
  };
}
