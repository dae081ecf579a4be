// Scores an extraction record against a hand-made gold file (shared/seed/GOLD_FORMAT.md): actors by name, alias or a
// person's surname, with role and country; quotes by word-overlap F1 >= 0.5 and speaker; stances by holder, polarity
// and evidence overlap; meetings by evidence overlap and at least one participant.
import type { Actor, Extraction } from '../src/contract.js';
import { overlapF1 } from './polnear.js';

export { overlapF1 };

export interface GoldActor {
  name: string;
  type: string;
  roles: string[];
  country: string | null;
  aliases: string[];
}
export interface Gold {
  actors: GoldActor[];
  quotes: Array<{ kind: string; content: string; speaker: string; cue: string }>;
  meetings: Array<{ participants: string[]; location: string; evidence: string }>;
  stances: Array<{ holder: string; issue: string; polarity: string; evidence: string }>;
}

export interface PRF {
  tp: number;
  predicted: number;
  gold: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface SeedScore {
  actors: PRF;
  roles: { correct: number; total: number };
  countries: { correct: number; total: number };
  quotes: PRF;
  speakers: { correct: number; total: number };
  stances: PRF;
  meetings: PRF;
  missedQuotes: string[];
  missedActors: string[];
}

function prf(tp: number, predicted: number, gold: number): PRF {
  const precision = predicted ? tp / predicted : 0;
  const recall = gold ? tp / gold : 0;
  return { tp, predicted, gold, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

const norm = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[’']/g, "'").trim();

/** Does a predicted actor name the gold actor (its name, an alias, or for a person the surname)? */
export function namesActor(predicted: Actor, gold: GoldActor): boolean {
  const forms = new Set([gold.name, ...gold.aliases].map(norm));
  if (gold.type === 'person') forms.add(norm(gold.name.split(' ').pop()!));
  if (forms.has(norm(predicted.name))) return true;
  if (gold.type === 'person' && predicted.type === 'person') {
    const surname = norm(gold.name.split(' ').pop()!);
    return norm(predicted.name).split(' ').pop() === surname;
  }
  return false;
}

function matchActors(record: Extraction, gold: Gold): Map<GoldActor, Actor> {
  const matched = new Map<GoldActor, Actor>();
  const used = new Set<Actor>();
  for (const g of gold.actors) {
    const candidate = record.actors.find((a) => !used.has(a) && namesActor(a, g));
    if (candidate) {
      matched.set(g, candidate);
      used.add(candidate);
    }
  }
  return matched;
}

export function scoreSeed(record: Extraction, gold: Gold): SeedScore {
  const actorMatch = matchActors(record, gold);
  const goldOf = (actorId: string | null) => [...actorMatch.entries()].find(([, a]) => a.id === actorId)?.[0];
  let rolesCorrect = 0;
  let countriesCorrect = 0;
  for (const [g, a] of actorMatch) {
    const predictedRoles = new Set(a.roles.map(norm));
    if (g.roles.every((r) => predictedRoles.has(norm(r)))) rolesCorrect++;
    if (g.country === a.country) countriesCorrect++;
  }

  const usedQuotes = new Set<number>();
  let speakersCorrect = 0;
  const missedQuotes: string[] = [];
  for (const gq of gold.quotes) {
    let best = -1;
    let bestScore = 0.5;
    record.quotes.forEach((q, i) => {
      if (usedQuotes.has(i)) return;
      const s = overlapF1(q.content.text, gq.content);
      if (s >= bestScore) {
        best = i;
        bestScore = s;
      }
    });
    if (best < 0) {
      missedQuotes.push(gq.content);
      continue;
    }
    usedQuotes.add(best);
    if (goldOf(record.quotes[best]!.speaker)?.name === gq.speaker) speakersCorrect++;
  }

  const usedStances = new Set<number>();
  for (const gs of gold.stances) {
    const i = record.stances.findIndex((s, k) => !usedStances.has(k) && s.polarity === gs.polarity && goldOf(s.holder)?.name === gs.holder && overlapF1(s.evidence.text, gs.evidence) >= 0.5);
    if (i >= 0) usedStances.add(i);
  }

  const consults = record.events.filter((e) => e.type === 'CONSULT');
  const usedMeetings = new Set<number>();
  for (const gm of gold.meetings) {
    const i = consults.findIndex((e, k) => {
      if (usedMeetings.has(k) || overlapF1(e.evidence.text, gm.evidence) < 0.5) return false;
      return [...e.source, ...e.target].some((id) => gm.participants.includes(goldOf(id)?.name ?? ''));
    });
    if (i >= 0) usedMeetings.add(i);
  }

  return {
    actors: prf(actorMatch.size, record.actors.length, gold.actors.length),
    roles: { correct: rolesCorrect, total: actorMatch.size },
    countries: { correct: countriesCorrect, total: actorMatch.size },
    quotes: prf(usedQuotes.size, record.quotes.length, gold.quotes.length),
    speakers: { correct: speakersCorrect, total: usedQuotes.size },
    stances: prf(usedStances.size, record.stances.length, gold.stances.length),
    meetings: prf(usedMeetings.size, consults.length, gold.meetings.length),
    missedQuotes,
    missedActors: gold.actors.filter((g) => !actorMatch.has(g)).map((g) => g.name),
  };
}
