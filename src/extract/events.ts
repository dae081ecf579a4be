// PLOVER events from verb and noun triggers: who did what to whom, where, when, and whether it happened.
import type { Event, PloverType, Span } from '../contract.js';
import { gazetteer, type Doc, type Token } from '../nlp/index.js';
import type { ActorIndex } from './actors.js';

interface Trigger {
  type: PloverType;
  mode?: string;
  /** Lower-case word forms that trigger, or two-word phrases. */
  forms: string[];
}

const TRIGGERS: Trigger[] = [
  { type: 'CONSULT', forms: ['meet', 'meets', 'met', 'meeting', 'meetings', 'talks', 'summit', 'encounter', 'discussions', 'negotiations', 'consultations', 'convened', 'hosted', 'hosts', 'host'] },
  { type: 'CONSULT', mode: 'visit', forms: ['visit', 'visits', 'visited', 'visiting', 'trip'] },
  { type: 'CONSULT', mode: 'phone', forms: ['phone call', 'telephone', 'call with', 'spoke by phone', 'video call'] },
  { type: 'REJECT', forms: ['reject', 'rejects', 'rejected', 'rejecting', 'refuse', 'refused', 'refuses', 'dismissed', 'dismisses', 'rebuffed', 'ruled out', 'rules out', 'vetoed', 'not accept', 'unacceptable'] },
  { type: 'AGREE', forms: ['agree', 'agreed', 'agrees', 'agreement', 'deal', 'accord', 'signed', 'sign', 'signs', 'appoint ambassadors', 'truce', 'ceasefire'] },
  { type: 'THREATEN', forms: ['threaten', 'threatened', 'threatens', 'threat', 'ultimatum'] },
  { type: 'SANCTION', forms: ['sanctions', 'sanctioned', 'embargo', 'expelled', 'expel', 'suspended', 'tariffs'] },
  { type: 'MOBILIZE', forms: ['deploy', 'deployed', 'deploying', 'deployment', 'mobilize', 'mobilized', 'mobilised', 'sending troops', 'send troops', 'dispatched'] },
  { type: 'ACCUSE', forms: ['accuse', 'accused', 'accuses', 'blamed', 'blames', 'condemned', 'condemns', 'denounced', 'criticized', 'criticised'] },
  { type: 'REQUEST', forms: ['called for', 'calls for', 'urged', 'urges', 'demanded', 'demands', 'asked', 'appealed', 'requested'] },
  { type: 'SUPPORT', forms: ['backed', 'backs', 'endorsed', 'endorses', 'supported', 'supports', 'praised', 'welcomed', 'welcomes'] },
  { type: 'COOPERATE', forms: ['cooperate', 'cooperation', 'joint', 'partnership', 'cooperating'] },
  { type: 'AID', forms: ['aid', 'assistance', 'humanitarian', 'donated', 'loan'] },
  { type: 'RETREAT', forms: ['withdraw', 'withdrew', 'withdrawn', 'withdrawal', 'pulled out', 'retreated'] },
  { type: 'CONCEDE', forms: ['conceded', 'concession', 'concessions', 'compromise', 'released'] },
  { type: 'PROTEST', forms: ['protest', 'protests', 'protested', 'demonstration', 'boycott', 'boycotted'] },
  { type: 'COERCE', forms: ['arrested', 'detained', 'seized', 'blockade', 'blocked', 'impounded'] },
  { type: 'ASSAULT', forms: ['attack', 'attacked', 'attacks', 'strike', 'strikes', 'shelled', 'bombed', 'killed', 'invasion', 'invaded'] },
];

const FUTURE = new Set(['will', 'would', "'ll", 'shall', 'plans', 'plan', 'planned', 'intends', 'expected', 'soon', 'upcoming', 'next']);
const HYPOTHETICAL = new Set(['could', 'might', 'may', 'if', 'possibility', 'possible', 'proposal', 'proposed', 'suggesting', 'suggested', 'considering', 'floated', 'should']);
const HISTORICAL = new Set(['since', 'previous', 'previously', 'earlier', 'former', 'ago', 'history', 'long-held']);
const NEGATIONS = new Set(['not', "n't", 'n’t', 'no', 'never', 'without', 'neither', 'nor']);

export function findEvents(doc: Doc, index: ActorIndex, published: string | null, ignore: Array<{ start: number; end: number }>, skipSentences: Set<number>): Event[] {
  const events: Array<Omit<Event, 'id'>> = [];
  const isIgnored = (s: { start: number; end: number }) => ignore.some((r) => s.start < r.end && s.end > r.start);
  doc.sentences.forEach((sentence, sentenceIndex) => {
    if (skipSentences.has(sentenceIndex) || isIgnored(sentence)) return;
    const tokens = doc.tokens.slice(sentence.tokenStart, sentence.tokenEnd);
    const seen = new Set<PloverType>();
    for (let k = 0; k < tokens.length; k++) {
      const match = matchTrigger(tokens, k);
      if (!match || seen.has(match.trigger.type)) continue;
      const trigger = tokens[k]!;
      const { sources, targets } = participants(doc, index, sentence.tokenStart, sentence.tokenEnd, trigger.i);
      if (sources.length === 0 && targets.length === 0) continue;
      seen.add(match.trigger.type);
      const context = tokens.slice(Math.max(0, k - 4), k).map((t) => t.text.toLowerCase());
      const negated = context.some((w) => NEGATIONS.has(w)) && match.trigger.type !== 'REJECT';
      events.push({
        type: match.trigger.type,
        mode: match.trigger.mode ?? modeOf(match.trigger.type, sources, targets),
        source: sources,
        target: targets,
        location: locationOf(doc, sentence.tokenStart, sentence.tokenEnd),
        date: published,
        negated,
        modality: modalityOf(tokens.slice(0, k + 1).map((t) => t.text.toLowerCase())),
        evidence: spanOf(doc, sentence.start, sentence.end),
      });
    }
  });
  return events.map((e, i) => ({ id: `e${i + 1}`, ...e }));
}

function spanOf(doc: Doc, start: number, end: number): Span {
  return { start, end, text: doc.text.slice(start, end) };
}

function matchTrigger(tokens: Token[], k: number): { trigger: Trigger } | null {
  const word = tokens[k]!.text.toLowerCase();
  const pair = `${word} ${tokens[k + 1]?.text.toLowerCase() ?? ''}`;
  const previousPair = `${tokens[k - 1]?.text.toLowerCase() ?? ''} ${word}`;
  for (const trigger of TRIGGERS) {
    if (trigger.forms.includes(pair) || trigger.forms.includes(previousPair) || trigger.forms.includes(word)) return { trigger };
  }
  return null;
}

/** Actors before the trigger are its sources, actors after it its targets; mentions inside quotes still count. */
function participants(doc: Doc, index: ActorIndex, from: number, to: number, trigger: number): { sources: string[]; targets: string[] } {
  const sources: string[] = [];
  const targets: string[] = [];
  for (const m of index.mentions) {
    if (m.tokenStart < from || m.tokenStart >= to) continue;
    const list = m.tokenStart < trigger ? sources : targets;
    if (!list.includes(m.actor.id)) list.push(m.actor.id);
  }
  const betweenReciprocal = /\bbetween\b/i.test(doc.text.slice(doc.tokens[trigger]!.start, doc.tokens[to - 1]!.end));
  if (betweenReciprocal && sources.length === 0 && targets.length >= 2) sources.push(targets.shift()!);
  return { sources: sources.filter((s) => !targets.includes(s)).slice(0, 3), targets: targets.slice(0, 3) };
}

function modeOf(type: PloverType, sources: string[], targets: string[]): string | null {
  if (type === 'CONSULT' && sources.length + targets.length > 2) return 'multilateral';
  return null;
}

function modalityOf(wordsUpToTrigger: string[]): Event['modality'] {
  const window = wordsUpToTrigger.slice(-8);
  if (window.some((w) => HYPOTHETICAL.has(w))) return 'hypothetical';
  if (window.some((w) => FUTURE.has(w))) return 'future';
  if (window.some((w) => HISTORICAL.has(w))) return 'historical';
  return 'asserted';
}

/** "in Riyadh", "in Paris": the first place named after a locative preposition. */
function locationOf(doc: Doc, from: number, to: number): string | null {
  const gaz = gazetteer();
  for (let k = from; k < to - 1; k++) {
    if (!/^(in|at)$/i.test(doc.tokens[k]!.text)) continue;
    const place = doc.entities.find((e) => e.tokenStart === k + 1 && (e.label === 'GPE' || e.label === 'LOC'));
    if (place) {
      const entry = gaz.lookup(place.text);
      return entry?.kind === 'capital' || !entry ? place.text : place.text;
    }
  }
  return null;
}
