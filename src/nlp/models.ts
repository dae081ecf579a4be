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
  /** Reads all model files now instead of on first use. */
  preload?(): void;
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

/** Each model is read on first use (so a caller that only tags never pays for the parser). */
class LoadedModels implements Models {
  private tagger: Tagger | null = null;
  private recogniser: Recogniser | null = null;
  private parser: Parser | null = null;

  constructor(readonly dir: string) {}

  private getTagger(): Tagger {
    if (!this.tagger) {
      const p = join(this.dir, TAGGER_FILE);
      if (!existsSync(p)) throw missing('tagger', p);
      this.tagger = Tagger.load(p);
    }
    return this.tagger;
  }

  private getRecogniser(): Recogniser {
    if (!this.recogniser) {
      const p = join(this.dir, NER_FILE);
      if (!existsSync(p)) throw missing('named-entity', p);
      this.recogniser = Recogniser.load(p);
    }
    return this.recogniser;
  }

  private getParser(): Parser {
    if (!this.parser) {
      const p = join(this.dir, PARSER_FILE);
      if (!existsSync(p)) throw missing('parser', p);
      this.parser = Parser.load(p);
    }
    return this.parser;
  }

  /** Loads every available model now (for callers that want to pay the start-up cost up front). */
  preload(): void {
    this.getTagger();
    if (existsSync(join(this.dir, NER_FILE))) this.getRecogniser();
    if (existsSync(join(this.dir, PARSER_FILE))) this.getParser();
  }

  tag(words: string[]): TaggedWord[] {
    const t = this.getTagger();
    if (words.length === 0) return [];
    return t.tag(words);
  }

  entities(words: string[], tags: TaggedWord[]): ModelEntity[] {
    const r = this.getRecogniser();
    if (words.length === 0) return [];
    return r.entities(words, tags);
  }

  parse(words: string[], tags: TaggedWord[]): Arc[] {
    const p = this.getParser();
    if (words.length === 0) return [];
    return p.parse(words, tags);
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
