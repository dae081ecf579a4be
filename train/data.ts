// Locating and loading the shared corpora used for training and evaluation.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseConllu, parseIob2, type NERSentence, type UDSentence } from '../src/nlp/conllu.js';

function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) || dir.endsWith('dist')) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('package.json not found');
    dir = parent;
  }
  return dir;
}

export const ROOT = repoRoot();
export const MODELS_DIR = join(ROOT, 'models');

/** --data DIR, else $PARLEY_DATA, else ../shared/data beside the repository. */
export function dataDir(argv: string[] = process.argv): string {
  const i = argv.indexOf('--data');
  if (i >= 0 && argv[i + 1]) return resolve(argv[i + 1]!);
  if (process.env.PARLEY_DATA) return resolve(process.env.PARLEY_DATA);
  return resolve(ROOT, '..', 'shared', 'data');
}

export function argValue(name: string, argv: string[] = process.argv): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

export type Split = 'train' | 'dev' | 'test';

export function loadEwt(dir: string, split: Split): UDSentence[] {
  return parseConllu(readFileSync(join(dir, 'ud-ewt', `en_ewt-ud-${split}.conllu`), 'utf8'));
}

export function gumDocs(dir: string, split: Split): string[] {
  return readFileSync(join(dir, 'gum', `files.${split}`), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}

export function loadGum(dir: string, split: Split, filter?: (doc: string) => boolean): UDSentence[] {
  const out: UDSentence[] = [];
  for (const doc of gumDocs(dir, split)) {
    if (filter && !filter(doc)) continue;
    const path = join(dir, 'gum', 'sources', doc + '.conllu');
    if (!existsSync(path)) continue;
    out.push(...parseConllu(readFileSync(path, 'utf8'), doc));
  }
  return out;
}

export function loadUner(dir: string, split: Split): NERSentence[] {
  return parseIob2(readFileSync(join(dir, 'uner-ewt', `en_ewt-ud-${split}.iob2`), 'utf8'));
}

/** The PETRARCH2 international actors dictionary (organisations and office holders). */
export function petrarchActorsPath(dir: string): string {
  return join(dir, 'petrarch2', 'Phoenix.International.actors.txt');
}
