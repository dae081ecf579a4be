// Pronoun coreference for the mentions extraction needs: he/she and their case forms go to the person they most
// likely continue, preferring a person who was the subject of the current or a recent sentence (the usual focus of
// news prose), then the nearest person before the pronoun.
import type { CorefLink, Doc, Entity } from './doc.js';

const PERSONAL_PRONOUNS = new Set(['he', 'him', 'his', 'himself', 'she', 'her', 'hers', 'herself']);
const SUBJECT_RELATIONS = new Set(['nsubj', 'nsubj:pass', 'csubj']);
const LOOKBACK_SENTENCES = 3;

export function resolveCoreference(doc: Doc): CorefLink[] {
  const people = doc.entities.filter((e) => e.label === 'PER');
  const links: CorefLink[] = [];
  for (const token of doc.tokens) {
    if (!PERSONAL_PRONOUNS.has(token.text.toLowerCase())) continue;
    const before = people.filter((p) => p.end <= token.start && token.sentence - sentenceOf(doc, p) <= LOOKBACK_SENTENCES);
    if (before.length === 0) continue;
    const subjects = before.filter((p) => isSubject(doc, p));
    const sameSentenceSubject = subjects.filter((p) => sentenceOf(doc, p) === token.sentence).pop();
    const antecedent = sameSentenceSubject ?? subjects.pop() ?? before.pop()!;
    links.push({
      mention: { start: token.start, end: token.end, text: token.text },
      antecedent: { start: antecedent.start, end: antecedent.end, text: antecedent.text },
    });
  }
  return links;
}

function sentenceOf(doc: Doc, entity: Entity): number {
  return doc.tokens[entity.tokenStart]!.sentence;
}

/** True when the entity's head token is a subject, or the name opens its sentence. */
function isSubject(doc: Doc, entity: Entity): boolean {
  for (let k = entity.tokenStart; k < entity.tokenEnd; k++) {
    const token = doc.tokens[k]!;
    const head = token.head;
    const insideName = head >= entity.tokenStart && head < entity.tokenEnd;
    if (!insideName && SUBJECT_RELATIONS.has(token.deprel)) return true;
  }
  return false;
}
