// Derives the event-trigger lexicon src/extract/event-lexicon.ts from the PETRARCH2 CAMEO verb pattern dictionary
// (petrarch2/CAMEO.2.0.txt, MIT, Open Event Data Alliance) and the CAMEO-to-PLOVER table
// (plover/CAMEO2PLOVER-2021.txt, CC BY-SA 4.0), both read from ../shared/data at build time.
// Usage: node dist/train/event-lexicon.js [--data DIR] [--out FILE] [--check]
//   --data DIR  the shared data directory (else $PARLEY_DATA, else ../shared/data beside the repository)
//   --check     rebuilds in memory and exits 1 when the committed module differs (the output is deterministic)
//
// The dictionary is a list of synonym-set blocks: a header `---  NAME  [code]  ---`, verb lines (a base form with
// optional irregular forms in {...} and an optional verb-specific code in [...]; `+CALL_OFF` marks a particle verb),
// and patterns `- pre-verb * post-verb [code]  # VERB` where (...) is a prepositional phrase, {...} a noun phrase
// whose last word is its head, &NAME a noun synset defined at the top of the file, + $ ^ % actor slots, and the
// comment names the verb the pattern was written for. Three tables, keyed by lower-case word forms:
//   VERB_SENSES        verb form -> the sense of its own or its block's code (multi-word verbs go to the next tables)
//   VERB_OBJECT_SENSES `${verbForm} ${objectHead}` from `* NOUN`, `* {MOD NOUN}`, `* &SYNSET`, `* NOUN (PP...)`
//                      and +SEND_WORD-like verbs; synset members come singular and plural
//   VERB_PREP_SENSES   `${verbForm} ${word}` from `* (PREP ...)`, `* PARTICLE` and particle verbs like +PULL_OUT
// A code maps to PLOVER through the most specific code present in the table (0431 -> 043 -> 04); `[a:b]` takes a,
// `[:b]` (the event is done to the subject, not by it) and `[---]` give no sense, and neither do codes without a
// PLOVER type (CAMEO 01 comments, 02 appeals). Skipped: the generic verbs below; patterns conditioned on pre-verb
// words (the subject); objects of more than one content word unless the first word is the head (`* {MOD NOUN}` and
// two-word synset members give their last word, when the dictionary uses that word on its own); a particle followed
// by an object (`* UP FORCES`, which would need a three-word key).
// A pattern applies to the verbs its comment names (see build below), not to every WordNet synonym of its block.
// Resolving a key: patterns that spell the key out exactly (`* TALKS`, `* (WITH)`, +MEET_WITH) outrank those that
// reach it by dropping a modifier or a phrase (`* {MOCK ATTACK}`, `* (WITH LEADERS)`); within the winning rank the
// most frequent PLOVER type wins, ties to the lower CAMEO code. A pattern with a code outside PLOVER still votes
// "no event" for its key, so "call for" (CAMEO 020 appeal) does not turn into ACCUSE through "call for sanctions".
// Verb + object entries that give the verb form's own type and mode are left out (the verb alone says as much).
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { writeGenerated } from './generated.js';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PLOVER_TYPES, type PloverType } from '../src/contract.js';
import { ROOT, argValue, dataDir } from './data.js';

export interface Sense {
  type: PloverType;
  mode: string | null;
  cameo: string;
}

export type SenseTable = Record<string, Sense>;

export interface EventLexicon {
  verbs: SenseTable;
  verbObjects: SenseTable;
  verbPreps: SenseTable;
  stats: LexiconStats;
}

export interface LexiconStats {
  blocks: number;
  verbLines: number;
  patterns: number;
  /** Pattern lines that produced at least one key. */
  usedPatterns: number;
  /** Why patterns were skipped, with counts. */
  skipped: Record<string, number>;
  /** CAMEO codes in the dictionary without a PLOVER type, with how many verb lines and patterns carry them. */
  unmappedCodes: Record<string, number>;
  /** CAMEO codes in the dictionary that are not in the PLOVER table, with the parent code that maps them. */
  fallbackCodes: Record<string, string>;
}

export const CAMEO_FILE = join('petrarch2', 'CAMEO.2.0.txt');
export const PLOVER_FILE = join('plover', 'CAMEO2PLOVER-2021.txt');

/** Auxiliary and generic verbs that massively overcode (say and tell carry no event in PLOVER): never keys. */
export const GENERIC_VERBS: ReadonlySet<string> = new Set([
  'be', 'is', 'are', 'am', 'was', 'were', 'been', 'being',
  'have', 'has', 'had', 'having',
  'do', 'does', 'did', 'done', 'doing',
  'make', 'makes', 'made', 'making',
  'get', 'gets', 'got', 'gotten', 'getting',
  'go', 'goes', 'went', 'gone', 'going',
  'come', 'comes', 'came', 'coming',
  'take', 'takes', 'took', 'taken', 'taking',
  'give', 'gives', 'gave', 'given', 'giving',
  'say', 'says', 'said', 'saying',
  'tell', 'tells', 'told', 'telling',
  'will', 'would',
]);

/** Prepositions: a bare one after the verb starts an unbracketed prepositional phrase (TABARI-style `* ATTACK ON +`). */
const PREPOSITIONS = new Set([
  'about', 'above', 'across', 'after', 'against', 'along', 'amid', 'among', 'around', 'as', 'at', 'before', 'behind',
  'below', 'beneath', 'beside', 'between', 'beyond', 'by', 'despite', 'during', 'for', 'from', 'in', 'inside', 'into',
  'near', 'of', 'on', 'onto', 'outside', 'over', 'past', 'per', 'through', 'throughout', 'to', 'toward', 'towards',
  'under', 'until', 'upon', 'via', 'with', 'within', 'without',
]);
/** Adverbial particles of phrasal verbs ("pull out", "back down", "set aside"). */
const PARTICLES = new Set(['up', 'down', 'out', 'off', 'back', 'away', 'forward', 'forth', 'aside', 'ahead', 'apart', 'together', 'home', 'around', 'over', 'in', 'on', 'through']);
/** Modifiers that reverse the head noun ("{NO AID}"): such noun phrases are skipped. */
const NEGATING_MODIFIERS = new Set(['no', 'not', 'non', 'never', 'without']);
const ACTOR_SLOTS = new Set(['+', '$', '^', '%']);
/** Pattern words after the verb that are not objects to pluralise: adverbs, participles, pronouns, conjunctions. */
const NOT_COUNT_NOUN = /(?:ly|ed)$/;
const FUNCTION_WORDS = new Set(['and', 'or', 'if', 'not', 'no', 'himself', 'herself', 'itself', 'themselves', 'oneself', 'that', 'this', 'it', 'them', 'him', 'her']);

// ---------------------------------------------------------------- the CAMEO-to-PLOVER table

interface PloverMapping {
  type: PloverType;
  mode: string | null;
}

/** Code -> the distinct PLOVER mappings listed for it (a code listed under two types, like `08`, has two). */
export function parsePloverTable(text: string): Map<string, PloverMapping[]> {
  const table = new Map<string, PloverMapping[]>();
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*/, '').trim();
    const m = /^(\d{2,4})\s*:\s*(.*)$/.exec(line);
    if (!m) continue;
    const [type = '', mode = ''] = m[2]!.split(',').map((f) => f.trim());
    if (!(PLOVER_TYPES as readonly string[]).includes(type)) throw new Error(`${PLOVER_FILE}: unknown PLOVER type in "${raw}"`);
    const mapping: PloverMapping = { type: type as PloverType, mode: mode === '' ? null : mode };
    const list = table.get(m[1]!) ?? [];
    if (!list.some((x) => x.type === mapping.type && x.mode === mapping.mode)) list.push(mapping);
    table.set(m[1]!, list);
  }
  return table;
}

/** The mapping of the most specific code present in the table (0431 -> 043 -> 04); null when none or ambiguous. */
export function ploverMapping(code: string, table: Map<string, PloverMapping[]>): PloverMapping | null {
  for (let len = code.length; len >= 2; len--) {
    const list = table.get(code.slice(0, len));
    if (!list) continue;
    const types = new Set(list.map((x) => x.type));
    return types.size === 1 ? list[0]! : null;
  }
  return null;
}

/** The event code of a dictionary `[...]` field: the first of `a:b`, `!` dropped; null for `[---]`, `[:b]`, `[]`. */
export function eventCode(field: string): string | null {
  const first = field.replace(/[[\]]/g, '').split(':')[0]!.replace(/!$/, '').trim();
  return /^\d{2,4}$/.test(first) ? first : null;
}

// ---------------------------------------------------------------- English spelling

const isVowel = (c: string | undefined): boolean => c !== undefined && 'aeiou'.includes(c);

function syllableCount(word: string): number {
  const w = word.replace(/qu/g, 'qw').replace(/^y/, 'j').replace(/e$/, '');
  return Math.max(1, (w.match(/[aeiouy]+/g) ?? []).length);
}

/** Polysyllabic verbs stressed on their last syllable, which double its consonant ("admitted", "controlling"). */
const STRESSED_FINAL =
  /(?:(?:ad|com|e|o|per|re|sub|trans|ac|qu|s)mit|(?:con|de|in|pre|re|trans)fer|(?:com|dis|ex|im|pro|re)pel|(?:oc|in|re|con)cur|trol|gret|equip|(?:em|im)bed|forbid|begin|(?:for|be)get|(?:up|off|re|be)set|(?:a)bet|rebut|outwit|deter|excel|annul|appal|kidnap|worship|program|format|handicap|outstrip|(?:side|over)step|unwrap|unplug)$/;

/** Whether the final consonant doubles before -ed/-ing: "ban" -> "banned", "admit" -> "admitted". */
function doublesFinal(word: string): boolean {
  const w = word.replace(/qu/g, 'qw');
  const n = w.length;
  if (n < 3 || !/[bcdfgklmnprstvz]/.test(w[n - 1]!) || !isVowel(w[n - 2]) || isVowel(w[n - 3])) return false;
  return syllableCount(word) === 1 || STRESSED_FINAL.test(word);
}

/** British spelling doubles a final -l after one vowel in an unstressed syllable ("cancelled" beside "canceled"). */
function britishL(word: string): boolean {
  const n = word.length;
  return n > 3 && word.endsWith('l') && isVowel(word[n - 2]) && !isVowel(word[n - 3]) && syllableCount(word) > 1 && !doublesFinal(word);
}

export function thirdPerson(verb: string): string {
  if (/(?:s|x|z|ch|sh)$/.test(verb) || /[^aeiou]o$/.test(verb)) return verb + 'es';
  if (/[^aeiou]y$/.test(verb)) return verb.slice(0, -1) + 'ies';
  return verb + 's';
}

export function pastForms(verb: string): string[] {
  if (verb.endsWith('e')) return [verb + 'd'];
  if (/[^aeiou]y$/.test(verb)) return [verb.slice(0, -1) + 'ied'];
  if (/[aeiou]c$/.test(verb) && syllableCount(verb) > 1) return [verb + 'ked'];
  if (doublesFinal(verb)) return [verb + verb.at(-1)! + 'ed'];
  if (britishL(verb)) return [verb + 'ed', verb + 'led'];
  return [verb + 'ed'];
}

export function presentParticiples(verb: string): string[] {
  if (verb.endsWith('ie')) return [verb.slice(0, -2) + 'ying'];
  if (/(?:ee|oe|ye)$/.test(verb)) return [verb + 'ing'];
  if (verb.endsWith('e') && verb.length > 2) return [verb.slice(0, -1) + 'ing'];
  if (/[aeiou]c$/.test(verb) && syllableCount(verb) > 1) return [verb + 'king'];
  if (doublesFinal(verb)) return [verb + verb.at(-1)! + 'ing'];
  if (britishL(verb)) return [verb + 'ing', verb + 'ling'];
  return [verb + 'ing'];
}

/** Past forms of English irregular verbs (base:past,participle), for verb lines that list none or only some. */
const IRREGULAR_PAST: ReadonlyMap<string, string[]> = new Map(
  [
    'arise:arose,arisen awake:awoke,awoken bear:bore,borne beat:beat,beaten become:became begin:began,begun',
    'bend:bent bet:bet bid:bid bind:bound bite:bit,bitten bleed:bled blow:blew,blown break:broke,broken',
    'breed:bred bring:brought broadcast:broadcast build:built burn:burnt,burned burst:burst buy:bought',
    'cast:cast catch:caught choose:chose,chosen cling:clung cost:cost creep:crept cut:cut deal:dealt dig:dug',
    'draw:drew,drawn drink:drank,drunk drive:drove,driven eat:ate,eaten fall:fell,fallen feed:fed feel:felt',
    'fight:fought find:found flee:fled fling:flung fly:flew,flown forbid:forbade,forbidden forecast:forecast',
    'foresee:foresaw,foreseen forget:forgot,forgotten forgive:forgave,forgiven forsake:forsook,forsaken',
    'freeze:froze,frozen grind:ground grow:grew,grown hang:hung,hanged hear:heard hide:hid,hidden hit:hit',
    'hold:held hurt:hurt keep:kept kneel:knelt know:knew,known lay:laid lead:led lean:leant,leaned',
    'leap:leapt,leaped learn:learnt,learned leave:left lend:lent let:let light:lit,lighted lose:lost',
    'mean:meant meet:met mislead:misled mistake:mistook,mistaken offset:offset outbid:outbid',
    'overcome:overcame override:overrode,overridden overrun:overran oversee:oversaw,overseen',
    'overtake:overtook,overtaken overthrow:overthrew,overthrown pay:paid prove:proved,proven put:put',
    'quit:quit read:read rebuild:rebuilt recast:recast redo:redid,redone remake:remade repay:repaid',
    'reset:reset resell:resold retake:retook,retaken rethink:rethought rewrite:rewrote,rewritten rid:rid',
    'ride:rode,ridden ring:rang,rung rise:rose,risen run:ran see:saw,seen seek:sought sell:sold send:sent',
    'set:set shake:shook,shaken shed:shed shine:shone shoot:shot show:showed,shown shrink:shrank,shrunk',
    'shut:shut sing:sang,sung sink:sank,sunk sit:sat slay:slew,slain slide:slid sling:slung slit:slit',
    'smite:smote,smitten sow:sowed,sown speak:spoke,spoken speed:sped,speeded spend:spent spill:spilt,spilled',
    'spin:spun spit:spat split:split spoil:spoilt,spoiled spread:spread spring:sprang,sprung stand:stood',
    'steal:stole,stolen stick:stuck sting:stung stink:stank stride:strode,stridden strike:struck,stricken',
    'string:strung strive:strove,striven swear:swore,sworn sweep:swept swell:swelled,swollen swim:swam,swum',
    'swing:swung teach:taught tear:tore,torn think:thought throw:threw,thrown thrust:thrust',
    'tread:trod,trodden undergo:underwent,undergone undercut:undercut understand:understood',
    'undertake:undertook,undertaken undo:undid,undone upset:upset uphold:upheld wake:woke,woken',
    'wear:wore,worn weave:wove,woven weep:wept win:won wind:wound withdraw:withdrew,withdrawn',
    'withhold:withheld withstand:withstood wring:wrung write:wrote,written',
  ]
    .join(' ')
    .split(' ')
    .map((entry) => entry.split(':') as [string, string])
    .map(([base, past]) => [base, past.split(',')]),
);

/** Every form of a verb: the base, the listed irregular forms, and the regular -s/-ed/-ing forms. When irregular forms
 *  are listed they are, by the dictionary's convention, the complete set, so only a missing -s or -ing slot is filled
 *  in ("RISE {RISES ROSE RISEN}" gains "rising"; the past of "PUT {PUTS PUTTING}" is the base). Past forms of known
 *  irregular verbs are added whether listed or not ("SET" is "set", not "setted"; "WITHDRAW {... WITHDREW}" gains
 *  "withdrawn"). */
export function verbForms(base: string, irregular: string[] | null): string[] {
  const forms = new Set<string>([base]);
  const known = IRREGULAR_PAST.get(base);
  if (irregular === null) {
    forms.add(thirdPerson(base));
    for (const f of known ?? pastForms(base)) forms.add(f);
    for (const f of presentParticiples(base)) forms.add(f);
  } else {
    for (const f of irregular) forms.add(f);
    for (const f of known ?? []) forms.add(f);
    if (!irregular.some((f) => f.endsWith('s'))) forms.add(thirdPerson(base));
    if (!irregular.some((f) => f.endsWith('ing'))) for (const f of presentParticiples(base)) forms.add(f);
  }
  return [...forms];
}

/** Singular and plural of a noun ("sanction", "sanctions"); words that look plural already are left alone. */
export function nounForms(noun: string): string[] {
  if (/(?:men|people|ics)$/.test(noun)) return [noun];
  if (noun.endsWith('is') && noun.length > 4) return [noun, noun.slice(0, -2) + 'es'];
  if (/(?:ss|us|as|x|z|ch|sh)$/.test(noun)) return [noun, noun + 'es'];
  if (noun.endsWith('s')) return [noun];
  if (noun.endsWith('man')) return [noun, noun.slice(0, -3) + 'men'];
  if (/[^aeiou]y$/.test(noun)) return [noun, noun.slice(0, -1) + 'ies'];
  return [noun, noun + 's'];
}

// ---------------------------------------------------------------- reading the dictionary

interface Synset {
  /** Members as lower-case word lists (an underscore joins words); `plural` false for `X_` members and `&LABEL_` sets. */
  members: Array<{ words: string[]; plural: boolean }>;
}

interface VerbLine {
  /** The verb word's base form, lower case. */
  base: string;
  /** Its forms, lower case. */
  forms: string[];
  /** Words after the verb word in a multi-word verb (+CALL_OFF -> ['off']); empty for a single word. */
  rest: string[];
  /** Code field as written, or null to use the block's. */
  code: string | null;
}

interface Block {
  name: string;
  code: string;
  verbs: VerbLine[];
  /** Pattern text without the leading '-', the code field and the comment; `origins` are the lower-case names of the
   *  verbs the pattern was first written for, from its comment ("# SEND , DEPLOY"). */
  patterns: Array<{ text: string; code: string; origins: string[] }>;
}

export interface CameoDictionary {
  synsets: Map<string, Synset>;
  blocks: Block[];
  /** Words the dictionary uses on their own: single-word synset members and the words of patterns. */
  vocabulary: Set<string>;
}

const lower = (s: string): string => s.toLowerCase();

function parseVerbLine(line: string): VerbLine | null {
  let text = line.replace(/\s#.*$/, '').replace(/^#.*/, '').replace(/;.*$/, '').trim();
  let code: string | null = null;
  const codeMatch = /\[([^\]]*)\]\s*$/.exec(text);
  if (codeMatch) {
    code = codeMatch[1]!.trim();
    text = text.slice(0, codeMatch.index).trim();
  }
  const braceAt = text.indexOf('{');
  const head = (braceAt >= 0 ? text.slice(0, braceAt) : text).trim();
  if (!head || /\s/.test(head)) return null;
  const irregular =
    braceAt >= 0
      ? text
          .slice(braceAt + 1)
          .replace(/}.*$/, '')
          .split(/[\s,]+/)
          .filter((w) => w.length > 0)
      : null;
  const words = (w: string): string[] => lower(w.replace(/^\+/, '')).split('_');
  if (head.includes('_')) {
    // multi-word verb: only the leading-verb form +VERB_REST occurs in this dictionary
    if (!head.startsWith('+')) return null;
    const [verb, ...rest] = words(head);
    const forms = irregular
      ? irregular.map(words).filter((ws) => ws.slice(1).join(' ') === rest.join(' ')).map((ws) => ws[0]!)
      : null;
    return { base: verb!, forms: verbForms(verb!, forms), rest, code };
  }
  const base = lower(head);
  return { base, forms: verbForms(base, irregular ? irregular.map(lower) : null), rest: [], code };
}

export function parseCameoDictionary(text: string): CameoDictionary {
  const synsets = new Map<string, Synset>();
  const blocks: Block[] = [];
  let section: 'synsets' | 'verbs' | 'transformations' = 'synsets';
  let synset: { label: string; set: Synset } | null = null;
  let block: Block | null = null;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (line.startsWith('####### VERB PATTERNS')) {
      section = 'verbs';
      continue;
    }
    if (line.startsWith('######## TRANSFORMATIONS')) {
      section = 'transformations';
      continue;
    }
    if (section === 'transformations' || line.trim() === '' || line.startsWith('#') || line.startsWith('<!')) continue;
    if (section === 'synsets') {
      if (line.startsWith('&')) {
        const label = line.trim().split(/\s+/)[0]!;
        synset = { label, set: { members: [] } };
        synsets.set(label, synset.set);
      } else if (line.startsWith('+') && synset) {
        const term = line.replace(/\s#.*$/, '').trim().slice(1);
        const plural = !term.endsWith('_') && !synset.label.endsWith('_');
        const words = lower(term).split(/[_\s]+/).filter((w) => w.length > 0);
        if (words.length) synset.set.members.push({ words, plural });
      }
      continue;
    }
    if (line.startsWith('---')) {
      const name = line.replace(/^-+\s*/, '').split(/\s+/)[0]!;
      const code = /\[([^\]]*)\]/.exec(line)?.[1]?.trim() ?? '---';
      block = { name, code, verbs: [], patterns: [] };
      blocks.push(block);
      continue;
    }
    if (!block) continue;
    if (line.startsWith('-')) {
      const hash = line.indexOf('#');
      const body = hash >= 0 ? line.slice(1, hash) : line.slice(1);
      const m = /\[([^\]]*)\]\s*$/.exec(body.trim());
      if (!m) continue;
      // the comment names the verb the pattern was first written for: `# RUSH`, `# CALLED_OFF`
      const origins = hash < 0 ? [] : line.slice(hash + 1).split(',').flatMap((part) => /^\s*([A-Z][A-Z_-]*)(?![a-z])/.exec(part)?.[1] ?? []).map(lower);
      block.patterns.push({ text: body.trim().slice(0, m.index).trim(), code: m[1]!.trim(), origins });
      continue;
    }
    const verb = parseVerbLine(line);
    if (verb) block.verbs.push(verb);
  }
  const vocabulary = new Set<string>();
  for (const set of synsets.values()) for (const m of set.members) if (m.words.length === 1) vocabulary.add(m.words[0]!);
  for (const block of blocks)
    for (const p of block.patterns) for (const w of lower(p.text).split(/[\s_(){}]+/)) if (w && !w.startsWith('&')) vocabulary.add(w);
  return { synsets, blocks, vocabulary };
}

// ---------------------------------------------------------------- patterns

type Item =
  | { kind: 'word'; word: string }
  | { kind: 'np'; words: string[] }
  | { kind: 'synset'; label: string }
  | { kind: 'pp'; words: string[] };

/** Post-verb pattern text -> items: words, {noun phrases}, &synsets and (prepositional phrases); actor slots dropped. */
function patternItems(text: string): Item[] | null {
  const items: Item[] = [];
  const tokens = text.split(/\s+/).filter((t) => t.length > 0);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.startsWith('(') || t.startsWith('{')) {
      const close = t.startsWith('(') ? ')' : '}';
      const group: string[] = [];
      let j = i;
      for (; j < tokens.length; j++) {
        group.push(tokens[j]!);
        if (tokens[j]!.endsWith(close)) break;
      }
      if (j === tokens.length) return null; // unbalanced
      i = j;
      const words = group
        .join(' ')
        .replace(/[(){}]/g, ' ')
        .split(/\s+/)
        .flatMap((w) => (w.startsWith('&') ? [w] : w.split('_')))
        .filter((w) => w.length > 0 && !ACTOR_SLOTS.has(w));
      if (close === ')') items.push({ kind: 'pp', words });
      else if (words.length) items.push({ kind: 'np', words });
      continue;
    }
    if (ACTOR_SLOTS.has(t)) continue;
    if (t.startsWith('&')) items.push({ kind: 'synset', label: t });
    else if (t.includes('_')) items.push({ kind: 'np', words: t.split('_').filter((w) => w.length > 0) });
    else items.push({ kind: 'word', word: t });
  }
  return items;
}

const WORD = /^[a-z][a-z0-9'-]*$/;

interface PatternKeys {
  table: 'object' | 'prep';
  /** Key second words with whether each spells the pattern out exactly. */
  words: Array<{ word: string; exact: boolean }>;
}

/** Object head nouns of one noun item, with exactness; null when the item is not a usable head. */
function headWords(item: Item, dict: CameoDictionary): Array<{ word: string; exact: boolean }> | null | 'undefined-synset' {
  const synsets = dict.synsets;
  if (item.kind === 'word') {
    const w = lower(item.word);
    if (!WORD.test(w) || PREPOSITIONS.has(w) || PARTICLES.has(w)) return null;
    // the word and its plural ("* ROCKET" also gives "fire rockets"), except for words that are no count noun
    return (NOT_COUNT_NOUN.test(w) || FUNCTION_WORDS.has(w) ? [w] : nounForms(w)).map((word) => ({ word, exact: true }));
  }
  if (item.kind === 'synset') {
    const set = synsets.get(item.label);
    if (!set) return 'undefined-synset';
    const out: Array<{ word: string; exact: boolean }> = [];
    for (const member of set.members) {
      // a member of more than two words has more than one content word beside its head; the last word of a
      // two-word member is its head only when the dictionary uses it as a noun of its own ("ARMED_FORCES" -> "forces",
      // not "P-3A_ORION" -> "orion")
      if (member.words.length > 2) continue;
      const head = member.words.at(-1)!;
      if (member.words.length === 2 && !dict.vocabulary.has(head)) continue;
      if (!WORD.test(head)) continue;
      const exact = member.words.length === 1;
      for (const word of member.plural ? nounForms(head) : [head]) out.push({ word, exact });
    }
    return out;
  }
  if (item.kind === 'np') {
    const words = item.words;
    if (words.length === 1) return headWords(words[0]!.startsWith('&') ? { kind: 'synset', label: words[0]! } : { kind: 'word', word: words[0]! }, dict);
    // `{MODIFIER HEAD}`: the last word is the head; longer phrases carry more than one content word beside the head
    if (words.length !== 2) return null;
    const modifier = lower(words[0]!);
    if (NEGATING_MODIFIERS.has(modifier) || PREPOSITIONS.has(modifier)) return null;
    const last = words[1]!;
    const heads = last.startsWith('&') ? headWords({ kind: 'synset', label: last }, dict) : headWords({ kind: 'word', word: last }, dict);
    if (heads === null || heads === 'undefined-synset') return heads;
    return heads.map((h) => ({ word: h.word, exact: false }));
  }
  return null;
}

/** The keys one pattern gives (besides the verb form), or the reason it gives none. */
function patternKeys(text: string, dict: CameoDictionary): PatternKeys | string {
  const star = text.split(/\s+/).indexOf('*');
  if (star < 0) return 'no verb slot';
  const tokens = text.split(/\s+/);
  const pre = tokens.slice(0, star).filter((t) => !ACTOR_SLOTS.has(t));
  if (pre.length) return 'conditioned on the subject';
  const items = patternItems(tokens.slice(star + 1).join(' '));
  if (items === null) return 'malformed';
  if (!items.length) return 'verb alone';
  const [first, ...rest] = items;
  // a bare preposition after the verb opens an unbracketed phrase: `* FROM +`, `* IN &FIGHT`
  const preposition = first!.kind === 'word' && PREPOSITIONS.has(lower(first!.word));
  if (first!.kind === 'pp' || preposition) {
    const word = first!.kind === 'pp' ? lower(first!.words[0] ?? '') : lower((first as { word: string }).word);
    if (!PREPOSITIONS.has(word) && !PARTICLES.has(word)) return 'phrase without a preposition';
    const exact = first!.kind === 'pp' ? first!.words.length === 1 && rest.length === 0 : rest.length === 0;
    return { table: 'prep', words: [{ word, exact }] };
  }
  if (first!.kind === 'word' && PARTICLES.has(lower(first!.word))) {
    // `* OUT`, `* DOWN (FROM)`: the particle decides; `* UP FORCES`: the object does, and the key cannot hold both
    if (rest.some((item) => item.kind !== 'pp')) return 'particle and object';
    return { table: 'prep', words: [{ word: lower(first!.word), exact: rest.length === 0 }] };
  }
  // the object: its head must be the first word, followed by nothing or by prepositional phrases
  const restIsPhrases = rest.every((item) => item.kind === 'pp') || (rest[0]?.kind === 'word' && PREPOSITIONS.has(lower(rest[0].word)));
  if (!restIsPhrases) return 'several content words';
  const heads = headWords(first!, dict);
  if (heads === 'undefined-synset') return 'undefined synset';
  if (heads === null) return first!.kind === 'np' ? 'long noun phrase' : 'object not a noun';
  if (!heads.length) return 'object not a noun';
  return { table: 'object', words: heads.map((h) => ({ word: h.word, exact: h.exact && rest.length === 0 })) };
}

// ---------------------------------------------------------------- building

/** One pattern's or verb line's say on a key: a CAMEO code with a PLOVER type, or null for "no event" (a code
 *  outside PLOVER such as an 02 appeal, `[---]`, or `[:x]`). `exact` when the source spells the key out. */
type Vote = { key: string; code: string | null; exact: boolean };

/** The sense of one key: exact votes outrank generalised ones; among them the most frequent PLOVER type wins, ties
 *  to the type with the lower CAMEO code, and the key is left out when "no event" outvotes every type. Within the
 *  winning type the most frequent code (ties to the lower) gives the mode and the `cameo` field. */
function chooseSense(votes: Vote[], table: Map<string, PloverMapping[]>): Sense | null {
  const exact = votes.filter((v) => v.exact);
  const pool = exact.length ? exact : votes;
  const byType = new Map<PloverType, string[]>();
  let none = 0;
  for (const v of pool) {
    if (v.code === null) {
      none++;
      continue;
    }
    const type = ploverMapping(v.code, table)!.type;
    byType.set(type, [...(byType.get(type) ?? []), v.code]);
  }
  if (!byType.size) return null;
  const lowest = (codes: string[]): string => codes.reduce((a, b) => (b < a ? b : a));
  const [, codes] = [...byType.entries()].reduce((a, b) =>
    b[1].length > a[1].length || (b[1].length === a[1].length && lowest(b[1]) < lowest(a[1])) ? b : a,
  );
  if (none > codes.length) return null;
  const counts = new Map<string, number>();
  for (const c of codes) counts.set(c, (counts.get(c) ?? 0) + 1);
  const [code] = [...counts.entries()].reduce((a, b) => (b[1] > a[1] || (b[1] === a[1] && b[0] < a[0]) ? b : a));
  const mapping = ploverMapping(code, table)!;
  return { type: mapping.type, mode: mapping.mode, cameo: code };
}

function resolveVotes(votes: Vote[], table: Map<string, PloverMapping[]>): SenseTable {
  const byKey = new Map<string, Vote[]>();
  for (const v of votes) {
    const list = byKey.get(v.key);
    if (list) list.push(v);
    else byKey.set(v.key, [v]);
  }
  const out: SenseTable = {};
  for (const key of [...byKey.keys()].sort()) {
    const sense = chooseSense(byKey.get(key)!, table);
    if (sense) out[key] = sense;
  }
  return out;
}

export function buildEventLexicon(cameoText: string, ploverText: string): EventLexicon {
  const table = parsePloverTable(ploverText);
  const dict = parseCameoDictionary(cameoText);
  const skipped: Record<string, number> = {};
  const unmappedCodes: Record<string, number> = {};
  const fallbackCodes: Record<string, string> = {};
  const skip = (reason: string): void => {
    skipped[reason] = (skipped[reason] ?? 0) + 1;
  };
  /** The code of a `[...]` field when it has a PLOVER type, else null (and the reason). */
  const mapped = (field: string): { code: string | null; reason: string } => {
    const code = eventCode(field);
    if (code === null) return { code: null, reason: field.startsWith(':') ? 'code only for the reverse event [:x]' : 'no code [---]' };
    if (!ploverMapping(code, table)) {
      unmappedCodes[code] = (unmappedCodes[code] ?? 0) + 1;
      return { code: null, reason: 'code without a PLOVER type' };
    }
    if (!table.has(code)) {
      let parent = code.slice(0, -1);
      while (!table.has(parent)) parent = parent.slice(0, -1);
      fallbackCodes[code] = parent;
    }
    return { code, reason: '' };
  };

  const verbVotes: Vote[] = [];
  const objectVotes: Vote[] = [];
  const prepVotes: Vote[] = [];
  let patterns = 0;
  let usedPatterns = 0;
  let verbLines = 0;
  for (const block of dict.blocks) {
    const verbs = block.verbs.filter((v) => !GENERIC_VERBS.has(v.base));
    verbLines += block.verbs.length;
    for (const verb of verbs) {
      const { code } = mapped(verb.code ?? block.code);
      const forms = verb.forms.filter((f) => !GENERIC_VERBS.has(f));
      if (verb.rest.length === 0) {
        if (code !== null) for (const form of forms) verbVotes.push({ key: form, code, exact: true });
      } else if (verb.rest.length === 1) {
        // a particle verb (+PULL_OUT) or a verb with its fixed object (+SEND_WORD); without a code it says "no event"
        const word = verb.rest[0]!;
        const votes = PREPOSITIONS.has(word) || PARTICLES.has(word) ? prepVotes : objectVotes;
        for (const form of forms) votes.push({ key: `${form} ${word}`, code, exact: true });
      }
    }
    // A pattern applies to the verbs its comment names, where it was attested ("- * AID [070] # RUSH"), not to every
    // synonym of the block: the cross product with the blocks' WordNet synonyms and the weapon and currency synsets
    // is ten times the size and mostly unattested ("bequeath bazookas"). A pattern written for a multi-word verb
    // ("# CALLED_OFF", it would need a three-word key) or for a skipped generic verb ("# GIVE") is dropped; one
    // without a name, or naming no verb of the block, applies to all the block's single-word verbs.
    const single = verbs.filter((v) => v.rest.length === 0);
    const targetsOf = (origins: string[]): VerbLine[] | string => {
      const targets = new Set<VerbLine>();
      let reason = '';
      for (const origin of origins) {
        const head = origin.split('_')[0]!;
        const named = block.verbs.filter((v) => v.base === head || v.forms.includes(head));
        if (!named.length) continue;
        if (origin.includes('_') || named.every((v) => v.rest.length > 0)) reason = 'written for a multi-word verb';
        else if (named.every((v) => GENERIC_VERBS.has(v.base))) reason = 'written for a generic verb';
        else for (const v of named) if (v.rest.length === 0 && !GENERIC_VERBS.has(v.base)) targets.add(v);
      }
      if (targets.size) return single.filter((v) => targets.has(v));
      return reason || single;
    };
    for (const pattern of block.patterns) {
      patterns++;
      const { code, reason } = mapped(pattern.code);
      const keys = patternKeys(pattern.text, dict);
      if (typeof keys === 'string') {
        skip(reason || keys);
        continue;
      }
      const targets = targetsOf(pattern.origins);
      if (typeof targets === 'string') {
        skip(reason || targets);
        continue;
      }
      if (!targets.length) {
        skip(reason || 'only generic or multi-word verbs in the block');
        continue;
      }
      // a pattern without a PLOVER code gives no entry but still votes "no event" for its keys
      if (code === null) skip(reason);
      else usedPatterns++;
      const votes = keys.table === 'object' ? objectVotes : prepVotes;
      for (const verb of targets)
        for (const form of verb.forms) {
          if (GENERIC_VERBS.has(form)) continue;
          for (const { word, exact } of keys.words) votes.push({ key: `${form} ${word}`, code, exact });
        }
    }
  }
  const verbSenses = resolveVotes(verbVotes, table);
  // an object entry that gives the verb form's own type and mode adds nothing to a look-up that falls back to the
  // verb ("grant" AID 070, "grant dollars" AID 071): left out, which keeps the module small
  const objectSenses = resolveVotes(objectVotes, table);
  for (const [key, sense] of Object.entries(objectSenses)) {
    const own = verbSenses[key.slice(0, key.indexOf(' '))];
    if (own && own.type === sense.type && own.mode === sense.mode) delete objectSenses[key];
  }
  return {
    verbs: verbSenses,
    verbObjects: objectSenses,
    verbPreps: resolveVotes(prepVotes, table),
    stats: {
      blocks: dict.blocks.length,
      verbLines,
      patterns,
      usedPatterns,
      skipped: Object.fromEntries(Object.entries(skipped).sort(([a], [b]) => (a < b ? -1 : 1))),
      unmappedCodes: Object.fromEntries(Object.entries(unmappedCodes).sort(([a], [b]) => (a < b ? -1 : 1))),
      fallbackCodes: Object.fromEntries(Object.entries(fallbackCodes).sort(([a], [b]) => (a < b ? -1 : 1))),
    },
  };
}

/** Builds the lexicon from DIR/petrarch2/CAMEO.2.0.txt and DIR/plover/CAMEO2PLOVER-2021.txt. */
export function loadEventLexicon(dir: string): EventLexicon {
  return buildEventLexicon(readFileSync(join(dir, CAMEO_FILE), 'utf8'), readFileSync(join(dir, PLOVER_FILE), 'utf8'));
}

export function eventLexiconDataAvailable(dir: string): boolean {
  return existsSync(join(dir, CAMEO_FILE)) && existsSync(join(dir, PLOVER_FILE));
}

// ---------------------------------------------------------------- output

export function typeCounts(table: SenseTable): Record<PloverType, number> {
  const counts = Object.fromEntries(PLOVER_TYPES.map((t) => [t, 0])) as Record<PloverType, number>;
  for (const sense of Object.values(table)) counts[sense.type]++;
  return counts;
}

const senseId = (s: Sense): string => `${s.type}|${s.mode ?? ''}|${s.cameo}`;

export function renderEventLexicon(lexicon: EventLexicon): string {
  // each distinct sense is written once and shared, which keeps the module small
  const senses = new Map<string, Sense>();
  for (const table of [lexicon.verbs, lexicon.verbObjects, lexicon.verbPreps])
    for (const s of Object.values(table)) senses.set(senseId(s), s);
  const ordered = [...senses.values()].sort((a, b) => (a.cameo < b.cameo ? -1 : a.cameo > b.cameo ? 1 : senseId(a) < senseId(b) ? -1 : 1));
  const name = new Map(ordered.map((s, i) => [senseId(s), `S${i}`]));
  const tableLines = (table: SenseTable): string[] => Object.keys(table).map((k) => `  ${JSON.stringify(k)}: ${name.get(senseId(table[k]!))},`);
  const { stats } = lexicon;
  const size = (t: SenseTable): number => Object.keys(t).length;
  return [
    '// Generated by train/event-lexicon.ts from the PETRARCH2 CAMEO verb dictionary (MIT, Open Event Data Alliance) and the',
    '// CAMEO-to-PLOVER table (CC BY-SA 4.0); do not edit. Regenerate: npm run build && node dist/train/event-lexicon.js',
    `// ${stats.blocks} verb blocks, ${stats.verbLines} verb lines and ${stats.patterns} patterns, ${stats.usedPatterns} of them used (see the generator for the rules).`,
    '// Keys are lower-case word forms; a sense is the PLOVER type and mode of the deciding CAMEO code, mapped through the',
    `// most specific code in the table. ${size(lexicon.verbs)} verb forms, ${size(lexicon.verbObjects)} verb + object keys, ${size(lexicon.verbPreps)} verb + particle keys.`,
    "import type { PloverType } from '../contract.js';",
    '',
    'export interface Sense {',
    '  type: PloverType;',
    '  mode: string | null;',
    '  cameo: string;',
    '}',
    '',
    ...ordered.map((s) => `const ${name.get(senseId(s))}: Sense = { type: '${s.type}', mode: ${s.mode === null ? 'null' : JSON.stringify(s.mode)}, cameo: '${s.cameo}' };`),
    '',
    "/** A verb form's default sense (from its own or its block's code, when not [---]). */",
    'export const VERB_SENSES: Readonly<Record<string, Sense>> = {',
    ...tableLines(lexicon.verbs),
    '};',
    '',
    '/** A verb form with the head word of its direct object, e.g. "impose sanctions", "hold talks", "send troops". Object',
    ' *  words are lower-case nouns (singular and plural) expanded from &SYNSETS. Pairs that give the same type and mode as',
    ' *  the verb form alone are left out: look the pair up first, then the verb. */',
    'export const VERB_OBJECT_SENSES: Readonly<Record<string, Sense>> = {',
    ...tableLines(lexicon.verbObjects),
    '};',
    '',
    '/** A verb form with a particle or preposition phrase that decides the sense, e.g. "pull out", "look into", "speak',
    ' *  with". Key `${verbForm} ${word}` for the first word of the parenthesised phrase or the particle. */',
    'export const VERB_PREP_SENSES: Readonly<Record<string, Sense>> = {',
    ...tableLines(lexicon.verbPreps),
    '};',
    '',
  ].join('\n');
}

function printCounts(lexicon: EventLexicon): void {
  const tables: Array<[string, SenseTable]> = [
    ['VERB_SENSES', lexicon.verbs],
    ['VERB_OBJECT_SENSES', lexicon.verbObjects],
    ['VERB_PREP_SENSES', lexicon.verbPreps],
  ];
  const counts = tables.map(([, t]) => typeCounts(t));
  console.log(`${'type'.padEnd(10)} ${tables.map(([n]) => n.padStart(18)).join(' ')}`);
  for (const type of PLOVER_TYPES) console.log(`${type.padEnd(10)} ${counts.map((c) => String(c[type]).padStart(18)).join(' ')}`);
  console.log(`${'total'.padEnd(10)} ${tables.map(([, t]) => String(Object.keys(t).length).padStart(18)).join(' ')}`);
  const { stats } = lexicon;
  console.log(`${stats.blocks} blocks, ${stats.verbLines} verb lines, ${stats.patterns} patterns, ${stats.usedPatterns} used`);
  console.log('skipped patterns:', Object.entries(stats.skipped).map(([k, v]) => `${k} ${v}`).join('; '));
  console.log('codes without a PLOVER type (verb lines + patterns):', Object.entries(stats.unmappedCodes).map(([k, v]) => `${k}x${v}`).join(' '));
  console.log('codes mapped through a parent code:', Object.entries(stats.fallbackCodes).map(([k, v]) => `${k}->${v}`).join(' '));
}

function main(): void {
  const argv = process.argv.slice(2);
  const dir = dataDir(argv);
  const out = argValue('--out', argv) ?? join(ROOT, 'src', 'extract', 'event-lexicon.ts');
  if (!eventLexiconDataAvailable(dir)) throw new Error(`missing ${join(dir, CAMEO_FILE)} or ${join(dir, PLOVER_FILE)} (use --data DIR or PARLEY_DATA)`);
  const lexicon = loadEventLexicon(dir);
  printCounts(lexicon);
  const text = renderEventLexicon(lexicon);
  writeGenerated(out, text, argv.includes('--check'));
}

if (process.argv[1] && realpathSync(resolve(process.argv[1])) === realpathSync(fileURLToPath(import.meta.url))) main();
