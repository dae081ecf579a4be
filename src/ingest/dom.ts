// Minimal structural types for the parts of the linkedom DOM this stage touches (the project compiles without
// the DOM lib, so linkedom's own types resolve to `any`).
import { parseHTML } from 'linkedom';

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

export function parseDocument(html: string): DomDocument {
  return parseHTML(html).document as DomDocument;
}

/** A fragment (feed item content, Readability output) wrapped into a full document. */
export function parseFragment(html: string): DomDocument {
  return parseDocument(`<!DOCTYPE html><html><head></head><body>${html}</body></html>`);
}
