// The linguistic view of one article that every later stage reads: tokens with exact offsets into `text`,
// sentences, tags, a dependency parse, named entities and coreference links.

export interface Token {
  /** Index in doc.tokens. */
  i: number;
  start: number;
  end: number;
  text: string;
  /** Universal POS tag. */
  upos: string;
  /** Penn Treebank tag. */
  xpos: string;
  lemma: string;
  /** Index in doc.tokens of the syntactic head, -1 for the root of a sentence. */
  head: number;
  deprel: string;
  /** Index in doc.sentences. */
  sentence: number;
  /** True when white space (or the end of text) follows the token. */
  spaceAfter: boolean;
}

export interface Sentence {
  start: number;
  end: number;
  /** Token range [tokenStart, tokenEnd). */
  tokenStart: number;
  tokenEnd: number;
}

export type EntityLabel = 'PER' | 'ORG' | 'LOC' | 'GPE' | 'NORP' | 'DATE';

export interface Entity {
  start: number;
  end: number;
  text: string;
  label: EntityLabel;
  /** Token range [tokenStart, tokenEnd). */
  tokenStart: number;
  tokenEnd: number;
}

/** A mention (pronoun, nominal or name) linked to the earlier mention it refers to. */
export interface CorefLink {
  mention: { start: number; end: number; text: string };
  antecedent: { start: number; end: number; text: string };
}

export interface Doc {
  text: string;
  sentences: Sentence[];
  tokens: Token[];
  entities: Entity[];
  coref: CorefLink[];
}
