/** A photo caption becomes a <figure> holding its <figcaption>, as a screen reader expects. */
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

export function rehypeCaptionFigures() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName !== 'figcaption' || !parent || index === undefined || parent.type !== 'root') return;
      const figure: Element = {
        type: 'element',
        tagName: 'figure',
        properties: { className: ['caption'] },
        children: [node],
      };
      parent.children[index] = figure;
    });
  };
}
