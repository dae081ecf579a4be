import { CDATA_SECTION_NODE, type DomElement, type DomNode, ELEMENT_NODE, parseFragment, TEXT_NODE } from './dom.js';

const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup',
  'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th',
  'thead', 'tr', 'ul',
]);
const SKIPPED_TAGS = new Set(['script', 'style', 'noscript', 'template', 'head', 'svg', 'math', 'iframe', 'object',
  'canvas', 'button', 'select', 'textarea']);
/** Page furniture skipped when reading a whole page body without Readability. */
export const PAGE_FURNITURE_TAGS = new Set(['nav', 'header', 'footer', 'aside', 'form']);

// A <br> must survive the white-space collapsing that source line breaks go through, so it is marked with a
// private-use character until the paragraph is tidied.
const LINE_BREAK_MARK = '\uE000';

/** Paragraph texts, white space collapsed, in document order. */
export function paragraphsOf(root: DomNode, skipTags: ReadonlySet<string> = new Set()): string[] {
  const paragraphs: string[] = [];
  let current = '';
  const flush = () => {
    const paragraph = tidyParagraph(current);
    if (paragraph) paragraphs.push(paragraph);
    current = '';
  };

  // Iterative walk: scraped pages can nest deeply enough to overflow a recursive one.
  const stack: Array<{ node: DomNode; leaving: boolean }> = [{ node: root, leaving: false }];
  while (stack.length > 0) {
    const { node, leaving } = stack.pop()!;
    if (leaving) {
      flush();
      continue;
    }
    if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE) {
      current += node.textContent ?? '';
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE && node !== root) continue;
    const tag = (node as DomElement).localName?.toLowerCase() ?? '';
    if (SKIPPED_TAGS.has(tag) || skipTags.has(tag) || isHidden(node as DomElement)) continue;
    if (tag === 'br') {
      current += LINE_BREAK_MARK;
      continue;
    }
    const isBlock = BLOCK_TAGS.has(tag);
    if (isBlock) {
      flush();
      stack.push({ node, leaving: true });
    }
    // linkedom builds childNodes afresh on each access, so it is read once: in the loop it made wide pages quadratic
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, leaving: false });
  }
  flush();
  return paragraphs;
}

/** Body text: paragraphs joined by blank lines. */
export function joinParagraphs(paragraphs: string[]): string {
  return paragraphs.join('\n\n');
}

/** HTML fragment (feed item content) to plain text; text without markup is only tidied. */
export function htmlFragmentToText(html: string): string {
  if (!looksLikeMarkup(html)) return joinParagraphs(html.split(/\n\s*\n/).map(tidyParagraph).filter(Boolean));
  const document = parseFragment(html);
  return joinParagraphs(paragraphsOf(document.body ?? document));
}

/** A one-line value (title, byline) that may carry inline markup. */
export function htmlInlineToText(html: string): string {
  const text = looksLikeMarkup(html) ? (parseFragment(html).body?.textContent ?? '') : html;
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

export function looksLikeMarkup(text: string): boolean {
  return /<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>|&(?:[a-z]+|#\d+|#x[0-9a-f]+);/i.test(text);
}

function tidyParagraph(raw: string): string {
  return raw
    .split(LINE_BREAK_MARK)
    .map((line) => line.replace(/[\s\u00a0]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

function isHidden(element: DomElement): boolean {
  if (typeof element.getAttribute !== 'function') return false;
  if (element.getAttribute('hidden') !== null || element.getAttribute('aria-hidden') === 'true') return true;
  return /display\s*:\s*none|visibility\s*:\s*hidden/i.test(element.getAttribute('style') ?? '');
}
