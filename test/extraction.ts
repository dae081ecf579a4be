// Shared by the extraction tests: one text through the whole pipeline, and its events in a readable form.
import { articleFromText } from '../src/ingest/index.js';
import { processArticle } from '../src/pipeline.js';

/** The contract record of a plain text published on the given day (the reference date for modality and dates). */
export const extractText = (text: string, published = '2026-05-04') => processArticle(articleFromText(text, { published })).record;

/**
 * The events of a text as "TYPE source -> target" with actor names, for readable assertions; with `sorted`, the
 * names on each side in alphabetical order (for coordinations whose order the coder does not promise).
 */
export function codedEvents(text: string, published = '2026-05-04', sorted = false): string[] {
  const record = extractText(text, published);
  const names = (ids: string[]) => {
    const list = ids.map((id) => record.actors.find((a) => a.id === id)?.name ?? id);
    return (sorted ? list.sort() : list).join(', ');
  };
  return record.events.map((e) => `${e.type} ${names(e.source)} -> ${names(e.target)}`);
}
