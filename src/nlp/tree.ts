// The dependency tree read downwards: each token's dependents, built once per Doc and shared by every reader.
import type { Doc, Token } from './doc.js';

const cache = new WeakMap<Doc, Token[][]>();

/** dependents(doc)[i] lists the tokens whose head is token i, in text order. */
export function dependents(doc: Doc): Token[][] {
  let children = cache.get(doc);
  if (!children) {
    children = doc.tokens.map(() => []);
    for (const t of doc.tokens) if (t.head >= 0) children[t.head]!.push(t);
    cache.set(doc, children);
  }
  return children;
}
