// Public entry point to the trained models: tagger, named-entity recogniser and dependency parser.
// All methods work on already-tokenised sentences (arrays of words).

import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Tagger, type TaggedWord } from './tagger.js';
import { Recogniser } from './ner.js';
import { Parser } from './parser.js';

export type { TaggedWord } from './tagger.js';

export type ModelEntityLabel = 'PER' | 'ORG' | 'LOC' | 'GPE' | 'NORP' | 'DATE';

export interface ModelEntity {
  start: number;
  end: number;
  label: ModelEntityLabel;
}

export interface Arc {
  head: number;
  deprel: string;
}

export interface Models {
  /** UPOS and Penn Treebank tags (and a lemma) per word. */
  tag(words: string[]): TaggedWord[];
  /** Named entities as token ranges [start, end). */
  entities(words: string[], tags: TaggedWord[]): ModelEntity[];
  /** Dependency tree: head index within the sentence (-1 for the root) and UD relation per word. */
  parse(words: string[], tags: TaggedWord[]): Arc[];
}

export const TAGGER_FILE = 'tagger.bin.gz';
export const NER_FILE = 'ner.bin.gz';
export const PARSER_FILE = 'parser.bin.gz';

/** The repository's models/ directory (this file is at src/nlp/ or dist/src/nlp/). */
export function defaultModelDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [resolve(here, '..', '..', '..', 'models'), resolve(here, '..', '..', 'models')];
  for (const c of candidates) if (existsSync(join(c, TAGGER_FILE))) return c;
  return candidates[0]!;
}

function missing(what: string, path: string): Error {
  return new Error(`Parley ${what} model not found at ${path}; run \`npm run train\` to build it`);
}

class LoadedModels implements Models {
  private tagger: Tagger | null = null;
  private recogniser: Recogniser | null = null;
  private parser: Parser | null = null;

  constructor(readonly dir: string) {
    const tp = join(dir, TAGGER_FILE);
    if (existsSync(tp)) this.tagger = Tagger.load(tp);
    const np = join(dir, NER_FILE);
    if (existsSync(np)) this.recogniser = Recogniser.load(np);
    const pp = join(dir, PARSER_FILE);
    if (existsSync(pp)) this.parser = Parser.load(pp);
  }

  tag(words: string[]): TaggedWord[] {
    if (!this.tagger) throw missing('tagger', join(this.dir, TAGGER_FILE));
    if (words.length === 0) return [];
    return this.tagger.tag(words);
  }

  entities(words: string[], tags: TaggedWord[]): ModelEntity[] {
    if (!this.recogniser) throw missing('named-entity', join(this.dir, NER_FILE));
    if (words.length === 0) return [];
    return this.recogniser.entities(words, tags);
  }

  parse(words: string[], tags: TaggedWord[]): Arc[] {
    if (!this.parser) throw missing('parser', join(this.dir, PARSER_FILE));
    if (words.length === 0) return [];
    return this.parser.parse(words, tags);
  }
}

const cache = new Map<string, Models>();

/** Loads (once per directory) the models from dir, by default the repository's models/ directory. */
export function loadModels(dir?: string): Models {
  const d = resolve(dir ?? defaultModelDir());
  let m = cache.get(d);
  if (!m) {
    m = new LoadedModels(d);
    cache.set(d, m);
  }
  return m;
}
