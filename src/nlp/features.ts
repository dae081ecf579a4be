// Per-word attribute hashes shared by the tagger, the recogniser and the parser. Computed once per distinct word
// form and cached, so feature extraction only combines integers.

import { hashString } from './hash.js';

export const A_WORD = 0;
export const A_LOWER = 1;
export const A_SUF1 = 2;
export const A_SUF2 = 3;
export const A_SUF3 = 4;
export const A_SUF4 = 5;
export const A_PRE1 = 6;
export const A_PRE2 = 7;
export const A_PRE3 = 8;
export const A_SHAPE = 9;
export const A_FLAGS = 10;
export const A_CLASS = 11; // coarse: word lowercase if frequent-looking, else shape (kept simple: lower of short words, shape otherwise)
export const N_ATTR = 12;

/** Lower-cased form with digits folded to 0. */
export function normWord(w: string): string {
  const l = w.toLowerCase();
  return /\d/.test(l) ? l.replace(/\d/g, '0') : l;
}

/** Character-class shape with runs collapsed: "McDonald" -> "XxXx", "1,000" -> "d,d", "U.S." -> "X.X.". */
export function wordShape(w: string): string {
  let out = '';
  let last = '';
  let run = 0;
  for (const ch of w) {
    let c: string;
    if (ch >= 'a' && ch <= 'z') c = 'x';
    else if (ch >= 'A' && ch <= 'Z') c = 'X';
    else if (ch >= '0' && ch <= '9') c = 'd';
    else if (ch.toLowerCase() !== ch.toUpperCase()) c = ch === ch.toLowerCase() ? 'x' : 'X';
    else c = ch;
    if (c === last) {
      run++;
      if (run >= 2) continue;
    } else run = 0;
    out += c;
    last = c;
    if (out.length > 12) break;
  }
  return out;
}

function flags(w: string): string {
  let f = '';
  if (/^[A-Z]/.test(w)) f += 'C';
  if (/^[A-Z0-9\W_]+$/.test(w) && /[A-Z]/.test(w)) f += 'U';
  if (/\d/.test(w)) f += 'D';
  if (w.includes('-')) f += 'H';
  if (/^\W+$/.test(w)) f += 'P';
  if (/[@\/:]/.test(w)) f += 'S';
  f += w.length <= 3 ? String(w.length) : w.length <= 6 ? 'm' : 'l';
  return f;
}

const cache = new Map<string, Int32Array>();

export function wordAttrs(w: string): Int32Array {
  let a = cache.get(w);
  if (a !== undefined) return a;
  a = new Int32Array(N_ATTR);
  const l = normWord(w);
  a[A_WORD] = hashString(w, 11);
  a[A_LOWER] = hashString(l, 12);
  a[A_SUF1] = hashString(l.slice(-1), 13);
  a[A_SUF2] = hashString(l.slice(-2), 14);
  a[A_SUF3] = hashString(l.slice(-3), 15);
  a[A_SUF4] = hashString(l.slice(-4), 16);
  a[A_PRE1] = hashString(l.slice(0, 1), 17);
  a[A_PRE2] = hashString(l.slice(0, 2), 18);
  a[A_PRE3] = hashString(l.slice(0, 3), 19);
  const shape = wordShape(w);
  a[A_SHAPE] = hashString(shape, 20);
  a[A_FLAGS] = hashString(flags(w), 21);
  a[A_CLASS] = l.length <= 4 ? a[A_LOWER]! : a[A_SHAPE]!;
  if (cache.size > 300_000) cache.clear();
  cache.set(w, a);
  return a;
}

function padAttrs(name: string): Int32Array {
  const a = new Int32Array(N_ATTR);
  for (let i = 0; i < N_ATTR; i++) a[i] = hashString(name, 100 + i);
  return a;
}

export const START_ATTRS = padAttrs('<S>');
export const END_ATTRS = padAttrs('</S>');
export const START2_ATTRS = padAttrs('<S2>');
export const END2_ATTRS = padAttrs('</S2>');
