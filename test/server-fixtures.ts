// Hand-written fictional records for the server tests: known actors, quotes, events and stances.
import { createHash } from 'node:crypto';
import { SCHEMA_ID, type Extraction, type Span } from '../src/contract.js';

export function spanOf(text: string, needle: string, occurrence = 1): Span {
  let start = -1;
  for (let seen = 0; seen < occurrence; seen++) {
    start = text.indexOf(needle, start + 1);
    if (start < 0) throw new Error(`"${needle}" #${occurrence} not in text`);
  }
  return { start, end: start + needle.length, text: needle };
}

export function fixtureRecord(): Extraction {
  const text =
    'Norwegian Foreign Minister Ingrid Solberg met her Swedish counterpart Lars Ekdahl in Oslo on Tuesday. ' +
    '"We will not accept new tariffs on Nordic fish," Solberg told reporters after the meeting. ' +
    'Ekdahl said Stockholm was ready to consider a joint response. ' +
    'The Nordic Fisheries Council accused the European Commission of ignoring coastal communities. ' +
    'Solberg rejected the Commission plan on Thursday.';
  const tariffs = spanOf(text, 'We will not accept new tariffs on Nordic fish,');
  const joint = spanOf(text, 'Stockholm was ready to consider a joint response');
  return {
    schema: SCHEMA_ID,
    article: {
      id: createHash('sha256').update(text).digest('hex'), source: 'fixture', title: 'Solberg rejects tariff plan at Oslo talks',
      published: '2024-03-05', outlet: 'The Nordic Ledger', url: null, byline: null, language: 'en', text,
    },
    actors: [
      { id: 'a1', name: 'Ingrid Solberg', type: 'person', roles: ['Foreign Minister'], country: 'NOR', mentions: [spanOf(text, 'Ingrid Solberg'), spanOf(text, 'Solberg', 2), spanOf(text, 'Solberg', 3)] },
      { id: 'a2', name: 'Lars Ekdahl', type: 'person', roles: ['Foreign Minister'], country: 'SWE', mentions: [spanOf(text, 'Lars Ekdahl'), spanOf(text, 'Ekdahl', 2)] },
      { id: 'a3', name: 'Nordic Fisheries Council', type: 'organization', roles: [], country: null, mentions: [spanOf(text, 'Nordic Fisheries Council')] },
      { id: 'a4', name: 'European Commission', type: 'organization', roles: [], country: null, mentions: [spanOf(text, 'European Commission'), spanOf(text, 'Commission', 2)] },
    ],
    quotes: [
      { id: 'q1', kind: 'direct', content: tariffs, speaker: 'a1', speakerMention: spanOf(text, 'Solberg', 2), cue: spanOf(text, 'told') },
      { id: 'q2', kind: 'indirect', content: joint, speaker: 'a2', speakerMention: spanOf(text, 'Ekdahl', 2), cue: spanOf(text, 'said') },
    ],
    events: [
      { id: 'e1', type: 'CONSULT', mode: 'meeting', source: ['a1'], target: ['a2'], location: 'Oslo', date: '2024-03-05', negated: false, modality: 'asserted', evidence: spanOf(text, 'Ingrid Solberg met her Swedish counterpart Lars Ekdahl in Oslo') },
      { id: 'e2', type: 'ACCUSE', mode: null, source: ['a3'], target: ['a4'], location: null, date: null, negated: false, modality: 'asserted', evidence: spanOf(text, 'The Nordic Fisheries Council accused the European Commission') },
      { id: 'e3', type: 'REJECT', mode: null, source: ['a1'], target: ['a4'], location: null, date: '2024-03-07', negated: false, modality: 'asserted', evidence: spanOf(text, 'Solberg rejected the Commission plan on Thursday') },
    ],
    stances: [
      { id: 's1', holder: 'a1', issue: 'New tariffs on Nordic fish', polarity: 'oppose', evidence: tariffs, quote: 'q1' },
      { id: 's2', holder: 'a2', issue: 'Joint Nordic response', polarity: 'support', evidence: joint, quote: 'q2' },
    ],
  };
}

/** A second article: the same minister later, with another role, a changed stance and an accented name. */
export function followUpRecord(): Extraction {
  const text =
    'Ingrid Solberg, now Norway\'s deputy prime minister, said on Friday that she could accept new tariffs on Nordic fish '
    + 'if Sweden did too. Aino Väisänen of Finland met Solberg in Bergen. "Finland will not be left out," Väisänen said.';
  const accept = spanOf(text, 'she could accept new tariffs on Nordic fish if Sweden did too');
  const finland = spanOf(text, 'Finland will not be left out,');
  return {
    schema: SCHEMA_ID,
    article: {
      id: createHash('sha256').update(text).digest('hex'), source: 'fixture-2', title: 'Solberg softens on tariffs',
      published: '2024-03-12', outlet: 'Bergen Post', url: 'https://bergen.example/solberg', byline: null, language: 'en', text,
    },
    actors: [
      { id: 'a1', name: 'Ingrid Solberg', type: 'person', roles: ['Deputy Prime Minister'], country: 'NOR', mentions: [spanOf(text, 'Ingrid Solberg'), spanOf(text, 'she'), spanOf(text, 'Solberg', 2)] },
      { id: 'a2', name: 'Norway', type: 'country', roles: [], country: 'NOR', mentions: [spanOf(text, 'Norway')] },
      { id: 'a3', name: 'Aino Väisänen', type: 'person', roles: [], country: 'FIN', mentions: [spanOf(text, 'Aino Väisänen'), spanOf(text, 'Väisänen', 2)] },
      { id: 'a4', name: 'Finland', type: 'country', roles: [], country: 'FIN', mentions: [spanOf(text, 'Finland'), spanOf(text, 'Finland', 2)] },
    ],
    quotes: [
      { id: 'q1', kind: 'indirect', content: accept, speaker: 'a1', speakerMention: spanOf(text, 'Ingrid Solberg'), cue: spanOf(text, 'said') },
      { id: 'q2', kind: 'direct', content: finland, speaker: 'a3', speakerMention: spanOf(text, 'Väisänen', 2), cue: spanOf(text, 'said', 2) },
    ],
    events: [
      { id: 'e1', type: 'CONSULT', mode: 'meeting', source: ['a3'], target: ['a1'], location: 'Bergen', date: null, negated: false, modality: 'asserted', evidence: spanOf(text, 'Aino Väisänen of Finland met Solberg in Bergen') },
    ],
    stances: [
      { id: 's1', holder: 'a1', issue: 'New tariffs on Nordic fish', polarity: 'support', evidence: accept, quote: 'q1' },
    ],
  };
}
