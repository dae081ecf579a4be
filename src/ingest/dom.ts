// Minimal structural types for the parts of the linkedom DOM this stage touches (the project compiles without
// the DOM lib, so linkedom's own types resolve to `any`).
import { parseHTML } from 'linkedom';
import { IngestError } from './errors.js';

export interface DomNode {
  nodeType: number;
  nodeName: string;
  childNodes: ArrayLike<DomNode>;
  textContent: string | null;
}

export interface DomElement extends DomNode {
  localName: string;
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  querySelector(selector: string): DomElement | null;
}

export interface DomDocument extends DomElement {
  title: string;
  body: DomElement | null;
  documentElement: DomElement | null;
}

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
export const CDATA_SECTION_NODE = 4;

/**
 * Deepest element nesting accepted. Real pages stay well under 100 levels; Readability's cost grows with roughly
 * the cube of the depth (a 300-level chain takes seconds, 1,000 levels half a minute) and linkedom's parse turns
 * quadratic on very deep trees, so deeper markup is refused before either runs.
 */
export const MAX_HTML_DEPTH = 256;
/**
 * Most elements in one page. News pages have a few thousand; parsing and Readability cost about 0.1 ms of CPU per
 * element, so a 10 MB page of 300,000 paragraphs would take most of a minute before its text could be judged.
 */
export const MAX_HTML_ELEMENTS = 50_000;

export interface HtmlShape {
  /** Levels of elements (the root element is level 1). */
  depth: number;
  elements: number;
}

export function parseDocument(html: string): DomDocument {
  refuseShape(markupShape(html, { depth: MAX_HTML_DEPTH, elements: MAX_HTML_ELEMENTS }));
  const document = parseHTML(html).document as DomDocument;
  // The markup estimate follows the parser's rules closely but not exactly; the tree is the final word.
  refuseShape(treeShape(document));
  return document;
}

function refuseShape(shape: HtmlShape): void {
  if (shape.depth > MAX_HTML_DEPTH) throw new IngestError(`HTML nested too deeply (over ${MAX_HTML_DEPTH} levels of elements)`);
  if (shape.elements > MAX_HTML_ELEMENTS) throw new IngestError(`HTML has too many elements (over ${MAX_HTML_ELEMENTS})`);
}

/** A fragment (feed item content, Readability output) wrapped into a full document. */
export function parseFragment(html: string): DomDocument {
  return parseDocument(`<!DOCTYPE html><html><head></head><body>${html}</body></html>`);
}

/** The depth and element count of a parsed document. */
export function treeShape(document: DomNode): HtmlShape {
  let deepest = 0;
  let elements = 0;
  const stack: Array<[DomNode, number]> = [[document, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > deepest) deepest = depth;
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      if (child.nodeType !== ELEMENT_NODE) continue;
      elements++;
      stack.push([child, depth + 1]);
    }
  }
  return { depth: deepest, elements };
}

// ---- depth estimate from the markup ------------------------------------------------------------------------------
// The HTML parser linkedom uses (htmlparser2) keeps a stack of open elements: void elements never open, some tags
// close the open ones they cannot sit inside, an end tag closes up to its open element (a stray one is ignored),
// "/>" closes only inside <svg> and <math>, a stray </p> or </br> makes an empty element, and script, style, title,
// textarea and xmp hold raw text. Following the same rules over the tags, in one forward pass, gives the depth the
// tree will have without building it.

const VOID_ELEMENTS = new Set(['area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img',
  'input', 'isindex', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const RAW_TEXT_ELEMENTS = new Set(['script', 'style', 'title', 'textarea', 'xmp']);
const FOREIGN_ROOTS = new Set(['svg', 'math']);
/** Form controls close these when they open, since a control cannot sit inside another. */
const FORM_TAGS = new Set(['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea']);
const FORM_CONTROLS = ['select', 'input', 'output', 'button', 'datalist', 'textarea'];
const BLOCKS_CLOSING_P = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'address', 'article', 'aside', 'blockquote', 'details',
  'div', 'dl', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'header', 'hr', 'main', 'nav', 'ol', 'p', 'pre',
  'section', 'table', 'ul'];
/** Opening the key closes open elements of the listed kinds while they are innermost. */
const CLOSED_BY_OPENING = new Map<string, Set<string>>([
  ['tr', new Set(['tr', 'th', 'td'])],
  ['th', new Set(['th'])],
  ['td', new Set(['thead', 'th', 'td'])],
  ['li', new Set(['li'])],
  ['option', new Set(['option'])],
  ['optgroup', new Set(['optgroup', 'option'])],
  ['dd', new Set(['dd', 'dt'])],
  ['dt', new Set(['dd', 'dt'])],
  ['rt', new Set(['rt', 'rp'])],
  ['rp', new Set(['rt', 'rp'])],
  ['tbody', new Set(['thead', 'tbody'])],
  ['tfoot', new Set(['thead', 'tbody'])],
  ['body', new Set(['head', 'link', 'script'])],
  ...FORM_CONTROLS.map((tag): [string, Set<string>] => [tag, FORM_TAGS]),
  ...BLOCKS_CLOSING_P.map((tag): [string, Set<string>] => [tag, new Set(['p'])]),
]);
const TAG_NAME = /[^\s/>]*/y;

/**
 * The depth and element count of the tree the parser will build from `html`, read from the tags alone; stops
 * early once past either limit.
 */
export function markupShape(html: string, limits: HtmlShape = { depth: Infinity, elements: Infinity }): HtmlShape {
  const stack: string[] = [];
  const open = new Map<string, number>();
  let foreign = 0;
  let deepest = 0;
  let elements = 0;
  const shape = () => ({ depth: deepest, elements });
  /** An element one level below the open ones, which opens nothing itself. */
  const leaf = () => {
    elements++;
    deepest = Math.max(deepest, stack.length + 1);
  };
  const push = (name: string) => {
    stack.push(name);
    open.set(name, (open.get(name) ?? 0) + 1);
    if (FOREIGN_ROOTS.has(name)) foreign++;
    elements++;
    deepest = Math.max(deepest, stack.length);
  };
  const pop = () => {
    const name = stack.pop()!;
    open.set(name, open.get(name)! - 1);
    if (FOREIGN_ROOTS.has(name)) foreign--;
  };

  let at = 0;
  for (;;) {
    const lt = html.indexOf('<', at);
    if (lt === -1 || lt + 1 >= html.length || deepest > limits.depth || elements > limits.elements) return shape();
    const next = html[lt + 1]!;
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      if (end === -1) return shape();
      at = end + 3;
      continue;
    }
    if (next === '!' || next === '?') {
      const end = html.indexOf('>', lt + 2);
      if (end === -1) return shape();
      at = end + 1;
      continue;
    }
    const closing = next === '/';
    const nameStart = lt + (closing ? 2 : 1);
    if (!/[A-Za-z]/.test(html[nameStart] ?? '')) {
      at = lt + 1; // a lone "<" is text
      continue;
    }
    TAG_NAME.lastIndex = nameStart;
    const name = TAG_NAME.exec(html)![0].toLowerCase();
    const end = endOfTag(html, nameStart + name.length);
    if (end === -1) return shape();
    at = end + 1;
    if (closing) {
      if ((open.get(name) ?? 0) > 0) {
        while (stack[stack.length - 1] !== name) pop();
        pop();
      } else if (name === 'p' || name === 'br') {
        leaf(); // the parser makes an empty element of a stray </p> or </br>
      }
      continue;
    }
    const closes = CLOSED_BY_OPENING.get(name);
    while (closes && stack.length > 0 && closes.has(stack[stack.length - 1]!)) pop();
    // void and self-closed elements open nothing, but are elements one level down
    if (VOID_ELEMENTS.has(name) || (foreign > 0 && html[end - 1] === '/')) {
      leaf();
      continue;
    }
    push(name);
    if (RAW_TEXT_ELEMENTS.has(name)) {
      const close = indexOfIgnoringCase(html, `</${name}`, at);
      if (close === -1) return shape();
      at = close;
    }
  }
}

/** Index of the ">" ending a tag whose attributes start at `from`, skipping quoted attribute values; -1 if none. */
function endOfTag(html: string, from: number): number {
  let at = from;
  for (;;) {
    const stop = indexOfAny(html, at);
    if (stop === -1) return -1;
    const ch = html[stop]!;
    if (ch === '>') return stop;
    // a quote only opens a value right after "=" (spaces allowed); elsewhere it is part of a name
    if (/=\s*$/.test(html.slice(Math.max(from, stop - 8), stop))) {
      const close = html.indexOf(ch, stop + 1);
      if (close === -1) return -1;
      at = close + 1;
    } else {
      at = stop + 1;
    }
  }
}

const TAG_STOP = /[>"']/g;

function indexOfAny(html: string, from: number): number {
  TAG_STOP.lastIndex = from;
  return TAG_STOP.exec(html)?.index ?? -1;
}

function indexOfIgnoringCase(html: string, needle: string, from: number): number {
  const pattern = new RegExp(needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi');
  pattern.lastIndex = from;
  return pattern.exec(html)?.index ?? -1;
}
