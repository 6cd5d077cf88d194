/**
 * An article body to HTML through remark and rehype. The syntax tree is built from the
 * typed paragraphs — the page text is never parsed as Markdown or HTML — so whatever the
 * text holds (`<script>`, `# `, `[x](javascript:…)`) reaches the page as text.
 */
import type { Paragraph as MdastParagraph, PhrasingContent, Root, RootContent } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import type { Article } from '../lib/article';
import { rehypeCaptionFigures } from './rehype-caption-figures';
import { rehypeParagraphAnchors } from './rehype-paragraph-anchors';

type Body = Pick<Article, 'paragraphs' | 'dateline'>;

function textParagraph(text: string, lead?: string): MdastParagraph {
  const children: PhrasingContent[] = [];
  if (lead) children.push({ type: 'strong', children: [{ type: 'text', value: lead }] }, { type: 'text', value: ' ' });
  children.push({ type: 'text', value: text });
  return { type: 'paragraph', children };
}

export function bodyTree(article: Body): Root {
  let leadPending = article.dateline;
  const children = article.paragraphs.map((paragraph): RootContent => {
    switch (paragraph.type) {
      case 'subhead':
        return { type: 'heading', depth: 2, children: [{ type: 'text', value: paragraph.text }] };
      case 'caption':
        return { ...textParagraph(paragraph.text), data: { hName: 'figcaption' } };
      case 'text': {
        const node = textParagraph(paragraph.text, leadPending);
        leadPending = undefined;
        return node;
      }
    }
  });
  return { type: 'root', children };
}

const processor = unified()
  .use(remarkRehype)
  .use(rehypeCaptionFigures)
  .use(rehypeParagraphAnchors)
  .use(rehypeStringify);

export function renderBody(article: Body): string {
  return processor.stringify(processor.runSync(bodyTree(article)));
}
