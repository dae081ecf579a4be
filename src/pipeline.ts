// One article through the stages: ingest's layout hints -> nlp -> extract. The CLI and the server both call this.
import type { Article, Extraction } from './contract.js';
import { boilerplateRanges } from './ingest/index.js';
import { analyze, type Doc } from './nlp/index.js';
import { extract } from './extract/index.js';

export interface Processed {
  doc: Doc;
  record: Extraction;
}

/** Byline and "Source link" lines, and a headline printed twice, are left out of extraction (but stay in the text). */
export function furniture(article: Article): Array<{ start: number; end: number }> {
  const ranges = boilerplateRanges(article);
  const titles = ranges.filter((r) => r.kind === 'title');
  return [...ranges.filter((r) => r.kind !== 'title'), ...titles.slice(1)].map(({ start, end }) => ({ start, end }));
}

export function processArticle(article: Article): Processed {
  const ignore = furniture(article);
  const doc = analyze(article.text, { ignore });
  return { doc, record: extract(article, doc, { ignore }) };
}
