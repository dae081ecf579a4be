// Repairs of a few dependency-parse mistakes that the extractors would otherwise read as they stand. Each repair
// looks for one tell-tale shape that a correct parse never has and rewrites only the tokens of that shape. It works
// on a copy: the extract stage reads the repaired parse, while the Doc of the nlp stage (what `parley analyze`
// prints) keeps the parser's own reading.
import type { Doc, Token } from '../nlp/index.js';

const NOMINAL = new Set(['NOUN', 'PROPN', 'PRON', 'NUM']);
/** Relations that a verb heading its own clause may carry: a verb with any other relation was read as a word. */
const CLAUSAL = new Set(['root', 'advcl', 'ccomp', 'xcomp', 'csubj', 'csubj:pass', 'conj', 'acl', 'acl:relcl', 'parataxis', 'aux', 'aux:pass', 'cop']);

/** The document with repaired tokens (a copy), or the document itself when nothing needed repair. */
export function repairParse(doc: Doc): Doc {
  const tokens = doc.tokens.map((t) => ({ ...t }));
  let changed = false;
  for (const sentence of doc.sentences) {
    const words = tokens.slice(sentence.tokenStart, sentence.tokenEnd);
    if (words.length < 4) continue;
    changed = verbAsNounModifier(tokens, words) || changed;
    changed = initialParticipleClause(tokens, words) || changed;
    changed = reportedClauseAfterOpener(tokens, words) || changed;
    changed = participleReadAsNoun(tokens, words) || changed;
    changed = numberAsHead(words) || changed;
    changed = verbReadAsModifier(tokens, words) || changed;
    changed = verbInsideLastConjunct(tokens, words) || changed;
    changed = subjectBehindPreposition(tokens, words) || changed;
    changed = mainVerbReadAsModifier(tokens, words) || changed;
    changed = timeReadAsSubject(tokens, words) || changed;
    changed = nounAfterModal(tokens, words) || changed;
    changed = gerundModifierReadAsComplement(tokens, words) || changed;
    changed = participleReadAsClause(tokens, words) || changed;
    changed = secondSubjectAfterAnd(tokens, words) || changed;
    changed = titleReadAsSecondSubject(tokens, words) || changed;
    changed = verbAfterAppositionHead(tokens, words) || changed;
    changed = participleOfMainClause(tokens, words) || changed;
    changed = clauseAfterConjunctionReadAsPhrase(tokens, words) || changed;
    changed = hyphenatedParticipleModifier(tokens, words) || changed;
    changed = conditionReadAsRelative(tokens, words) || changed;
    changed = secondSubjectAfterVerb(words) || changed;
    changed = openingPhraseReadAsSubject(tokens, words) || changed;
    changed = infinitiveOfAskedReadAsModifier(tokens, words) || changed;
    changed = reportedVerbReadAsModifier(tokens, words) || changed;
    changed = describedSpeakerReadAsClause(tokens, words) || changed;
    changed = titledObjectUnderAdjective(tokens, words) || changed;
    changed = passiveHeadline(tokens, words) || changed;
    changed = reportTagReadAsConjunct(tokens, words) || changed;
    changed = detachedNameApposition(tokens, words) || changed;
    changed = verbAfterLongApposition(tokens, words) || changed;
    changed = objectAfterWeekday(tokens, words) || changed;
    changed = bareInfinitiveReadAsNoun(tokens, words) || changed;
    changed = reportedClauseOnDay(tokens, words) || changed;
    changed = clauseOfReportNoun(tokens, words) || changed;
    changed = nameBeforeSubjectReadAsOblique(tokens, words) || changed;
    changed = spanBeforeAfterClause(tokens, words) || changed;
    changed = placeReadAsSecondSubject(tokens, words) || changed;
    changed = participleAfterNumberReadAsVerb(tokens, words) || changed;
    changed = secondPartyAfterBetween(tokens, words) || changed;
    changed = objectReadAsSmallClause(tokens, words) || changed;
    changed = participleAfterNounReadAsConjunct(tokens, words) || changed;
    changed = gerundCompoundReadAsClause(tokens, words) || changed;
    changed = pastTenseReadAsNoun(tokens, words) || changed;
    changed = agentOfNounReadAsAgentOfVerb(tokens, words) || changed;
    changed = subjectReadAsOpenerApposition(tokens, words) || changed;
    changed = pastVerbReadAsObjectModifier(tokens, words) || changed;
    changed = objectReadAsCompoundOfTimeSpan(tokens, words) || changed;
    changed = askedNameReadAsAdjective(tokens, words) || changed;
  }
  return changed ? { ...doc, tokens } : doc;
}

const childrenOf = (words: Token[], head: Token) => words.filter((w) => w.head === head.i);

/** Hangs a token on a new head (a token index, -1 for the root) with a new relation. */
function relink(token: Token, head: number, deprel: string): void {
  token.head = head;
  token.deprel = deprel;
}

/**
 * "Dock workers in Antwerp walked off the job": a sentence-initial word tagged as a bare verb that is the subject of
 * the main verb, with the noun after it as its object. A verb cannot be a nominal subject, so the word is read as a
 * modifier of the noun, and the noun takes over as the subject.
 */
function verbAsNounModifier(tokens: Token[], words: Token[]): boolean {
  const first = words[0]!;
  const next = words[1]!;
  if (first.upos !== 'VERB' || !/^(VB|VBP)$/.test(first.xpos) || !/^[A-Z][a-z]+$/.test(first.text)) return false;
  if (next.head !== first.i || !NOMINAL.has(next.upos) || next.upos === 'PRON' || !/^(obj|compound|nsubj)$/.test(next.deprel)) return false;
  if (first.deprel === 'root') {
    // "Dock workers ... walked": read as an order ("dock the workers") with the true main verb hanging off it. Only
    // a finite verb with no subject of its own is taken as the main verb.
    const main = words.find((w) => w.head === first.i && w.i > next.i && w.upos === 'VERB' && /^(VBD|VBZ|VBP)$/.test(w.xpos) && /^(xcomp|conj|ccomp|parataxis)$/.test(w.deprel));
    if (!main || words.some((w) => w.head === main.i && w.deprel.startsWith('nsubj'))) return false;
    for (const c of childrenOf(words, first)) if (c !== next && c !== main) c.head = c.i < main.i ? next.i : main.i;
    relink(main, -1, 'root');
    relink(next, main.i, 'nsubj');
  } else {
    if (!first.deprel.startsWith('nsubj')) return false;
    const head = tokens[first.head];
    if (!head || head.upos !== 'VERB') return false;
    for (const c of childrenOf(words, first)) if (c !== next) c.head = next.i;
    relink(next, first.head, first.deprel);
  }
  relink(first, next.i, 'compound');
  first.upos = 'NOUN';
  first.xpos = 'NN';
  first.lemma = first.text.toLowerCase();
  return true;
}

/**
 * "Rebuffing calls from Washington, Israel's defence minister ruled out ...": a participle opening the sentence and
 * ending at a comma, read as a modifier of a noun of the main clause. When the main clause after the comma has a
 * subject of its own, the participle heads an adverbial clause of the main verb and the nouns before the comma are
 * its arguments.
 */
function initialParticipleClause(tokens: Token[], words: Token[]): boolean {
  const first = words[0]!;
  if (first.upos !== 'VERB' || !/^(VBG|VBN)$/.test(first.xpos) || CLAUSAL.has(first.deprel)) return false;
  const comma = words.find((w) => w.i > first.i + 1 && w.text === ',');
  if (!comma) return false;
  const root = words.find((w) => w.head === -1);
  if (!root || root.i <= comma.i || root.upos !== 'VERB') return false;
  const inSpan = (t: Token) => t.i >= first.i && t.i < comma.i;
  // the main clause must keep a subject after the comma, or the opening words may be its subject after all
  if (!words.some((w) => w.head === root.i && w.deprel.startsWith('nsubj') && w.i > comma.i)) return false;
  const escaping = words.filter((w) => inSpan(w) && w !== first && !inSpan(tokens[w.head] ?? w));
  if (escaping.length === 0 || escaping.some((w) => !NOMINAL.has(w.upos))) return false;
  let hasObject = words.some((w) => w.head === first.i && w.deprel === 'obj');
  for (const w of escaping) {
    const governed = words.some((c) => c.head === w.i && c.deprel === 'case');
    relink(w, first.i, governed ? 'obl' : hasObject ? 'obl' : 'obj');
    if (w.deprel === 'obj') hasObject = true;
  }
  relink(first, root.i, 'advcl');
  relink(comma, root.i, 'punct');
  return true;
}

/**
 * "Gunmen on motorbikes shot dead a village chief ..., officials said": a past participle before "dead" tagged as a
 * noun inside the subject of a reporting verb. It is the verb of the reported clause: the noun phrase before it is
 * its subject and the first noun after "dead" its object. Only when the reporting verb has a subject of its own.
 */
function participleReadAsNoun(tokens: Token[], words: Token[]): boolean {
  let done = false;
  for (const verb of words) {
    const dead = tokens[verb.i + 1];
    if (!dead || dead.sentence !== verb.sentence || dead.text.toLowerCase() !== 'dead') continue;
    if (verb.upos === 'VERB' || !/^(shot|[a-z]+ed)$/i.test(verb.text)) continue;
    const compound = tokens[verb.i - 1]?.head === verb.i && tokens[verb.i - 1]?.deprel === 'compound';
    if (compound && verb.head >= 0 && tokens[verb.head]!.i < verb.i) {
      // inside a longer subject ("Gunmen on motorbikes shot dead"): read below
    } else if (compound) {
      done = rootParticiple(tokens, words, verb, dead) || done;
      continue;
    }
    // the subject noun phrase the participle was swallowed into
    let subject: Token | undefined = tokens[verb.head];
    while (subject && subject.i < verb.i && !subject.deprel.startsWith('nsubj') && subject.head >= 0) subject = tokens[subject.head];
    if (!subject || subject.i >= verb.i || !subject.deprel.startsWith('nsubj')) continue;
    const reporter = tokens[subject.head];
    if (!reporter || reporter.upos !== 'VERB' || reporter.i < verb.i) continue;
    if (!words.some((w) => w.head === reporter.i && w.deprel.startsWith('nsubj') && w !== subject && w.i > verb.i)) continue;
    const object = words.find((w) => w.i > dead.i && NOMINAL.has(w.upos) && (w.head === subject.i || w.head === verb.i || w.head === dead.i) && w.deprel !== 'case');
    if (!object) continue;
    // "on motorbikes": a preposition left pointing at the participle goes with the noun it precedes
    for (const c of childrenOf(words, verb)) {
      if (c.i < verb.i && c.deprel === 'case') c.head = c.i + 1;
      else if (c.i < verb.i) {
        c.head = subject.i;
        if (c.deprel === 'compound') c.deprel = 'nmod';
      }
    }
    for (const w of words) {
      if (w.i > dead.i && w.head === subject.i && w !== object) {
        w.head = verb.i;
        if (w.deprel === 'conj' || w.deprel === 'nmod') w.deprel = 'obl';
      }
    }
    verb.upos = 'VERB';
    verb.xpos = 'VBD';
    relink(verb, reporter.i, 'ccomp');
    relink(subject, verb.i, 'nsubj');
    relink(dead, verb.i, 'xcomp');
    relink(object, verb.i, 'obj');
    done = true;
  }
  return done;
}

/**
 * "Gunmen shot dead a village chief": the same participle read as a noun with the noun before it as its compound
 * (the head of the sentence, the clause of a reporting verb, or the subject of the object noun). The compound is
 * the subject and the first noun after "dead" the object.
 */
function rootParticiple(tokens: Token[], words: Token[], verb: Token, dead: Token): boolean {
  const before = tokens[verb.i - 1]!;
  if (!NOMINAL.has(before.upos)) return false;
  if (verb.head !== -1 && verb.deprel !== 'ccomp' && !verb.deprel.startsWith('nsubj')) return false;
  const under = (w: Token) => {
    for (let t: Token | undefined = w; t; t = t.head >= 0 ? tokens[t.head] : undefined) if (t === verb) return true;
    return false;
  };
  let object = verb.deprel.startsWith('nsubj') ? undefined
    : words.find((w) => w.i > dead.i && NOMINAL.has(w.upos) && under(w) && !['case', 'compound', 'det', 'nummod', 'amod'].includes(w.deprel));
  // "Police shot dead three protesters": the object noun was made the head of the sentence, with the participle
  // as its subject; the participle takes its place
  const governor = tokens[verb.head];
  if (verb.deprel.startsWith('nsubj')) {
    if (!governor || governor.head !== -1 || governor.i <= dead.i || !NOMINAL.has(governor.upos)) return false;
    object = governor;
    for (const c of words) if (c.head === governor.i && c !== verb && (c.i > governor.i || c.deprel === 'punct')) c.head = verb.i;
    relink(verb, -1, 'root');
  }
  if (!object) return false;
  verb.upos = 'VERB';
  verb.xpos = 'VBD';
  before.deprel = 'nsubj';
  relink(dead, verb.i, 'xcomp');
  relink(object, verb.i, 'obj');
  return true;
}

/**
 * "The World Food Programme distributed food to ...": a sentence with no verb, whose head is a noun and whose only
 * verb is a past form read as a modifier of that noun, right after a noun compounded into it. The verb heads the
 * sentence, the noun before it is its subject and the old head noun its object.
 */
function verbReadAsModifier(tokens: Token[], words: Token[]): boolean {
  const root = words.find((w) => w.head === -1);
  if (!root || root.upos !== 'NOUN') return false;
  if (words.some((w) => (w.upos === 'VERB' || w.upos === 'AUX') && CLAUSAL.has(w.deprel))) return false;
  const verb = words.find((w) => w.head === root.i && w.deprel === 'amod' && w.upos === 'VERB' && /^(VBD|VBN)$/.test(w.xpos) && w.i < root.i);
  if (!verb || verb.i !== root.i - 1) return false;
  const subject = tokens[verb.i - 1];
  if (!subject || subject.head !== root.i || !/^(compound|nsubj)$/.test(subject.deprel) || !NOMINAL.has(subject.upos)) return false;
  for (const c of words) {
    if (c.head !== root.i || c === verb || c === subject) continue;
    if (c.i < subject.i) c.head = subject.i;
    else if (c.i > root.i) {
      c.head = verb.i;
      if (c.deprel === 'nmod' || (c.deprel === 'obj' && words.some((w) => w.head === c.i && w.deprel === 'case'))) c.deprel = 'obl';
    }
  }
  relink(verb, -1, 'root');
  relink(subject, verb.i, 'nsubj');
  relink(root, verb.i, 'obj');
  return true;
}

/**
 * "to 60,000 displaced people": a number read as the head of its phrase with the counted noun hanging off it. The
 * noun is the head and the number counts it. Only when the noun has no preposition of its own ("60,000 of them").
 */
function numberAsHead(words: Token[]): boolean {
  let done = false;
  for (const number of words) {
    if (number.upos !== 'NUM' || !words.some((w) => w.head === number.i && w.deprel === 'case')) continue;
    // the counted noun hangs off the number, or off the number's own head next to it
    const noun = words.find((w) => w.i > number.i && w.upos === 'NOUN' && ((w.head === number.i && w.deprel === 'nmod') || (w.head === number.head && /^(nmod|obl)$/.test(w.deprel))));
    if (!noun || words.some((w) => w.head === noun.i && w.deprel === 'case')) continue;
    if (words.some((w) => w.i > number.i && w.i < noun.i && w.head !== noun.i)) continue;
    for (const c of words) if (c.head === number.i && c !== noun) c.head = noun.i;
    relink(noun, number.head, number.deprel);
    relink(number, noun.i, 'nummod');
    done = true;
  }
  return done;
}

/**
 * "Truckers angry about new tolls parked their rigs": the subject of a verb can have no preposition, so a subject
 * "about new tolls" belongs to a modifier of the bare noun before it, and that noun (read as a clause or an
 * oblique of the same verb) is the subject.
 */
function subjectBehindPreposition(tokens: Token[], words: Token[]): boolean {
  let done = false;
  for (const subject of words) {
    if (!subject.deprel.startsWith('nsubj') || !NOMINAL.has(subject.upos)) continue;
    const kase = words.find((w) => w.head === subject.i && w.deprel === 'case');
    if (!kase || kase.i > subject.i) continue;
    const verb = tokens[subject.head];
    if (!verb || verb.upos !== 'VERB') continue;
    const noun = words.find((w) => w.i < kase.i && w.head === verb.i && (w.upos === 'NOUN' || w.upos === 'PROPN') && /^(advcl|obl|dep|nmod)$/.test(w.deprel)
      && !words.some((c) => c.head === w.i && c.deprel === 'case'));
    if (!noun || words.some((w) => w.i > noun.i && w.i < kase.i && (w.text === ',' || w.upos === 'VERB'))) continue;
    // the phrase hangs off the adjective right before it ("angry about"), or else off the noun
    const before = tokens[kase.i - 1]!;
    const host = before.upos === 'ADJ' && before.head === noun.i ? before : noun;
    relink(subject, host.i, host === noun ? 'nmod' : 'obl');
    noun.deprel = subject.deprel === 'nmod' || subject.deprel === 'obl' ? 'nsubj' : noun.deprel;
    done = true;
  }
  return done;
}

/**
 * "Farmers angry about cheap imports blocked roads": a sentence with no verb but one past form with an object of
 * its own, read as a clause modifying a noun in the subject's modifier. That verb heads the sentence and the head
 * noun of the sentence is its subject.
 */
function mainVerbReadAsModifier(tokens: Token[], words: Token[]): boolean {
  const root = words.find((w) => w.head === -1);
  if (!root || (root.upos !== 'NOUN' && root.upos !== 'PROPN')) return false;
  if (words.some((w) => (w.upos === 'VERB' || w.upos === 'AUX') && CLAUSAL.has(w.deprel) && w.deprel !== 'acl')) return false;
  const verbs = words.filter((w) => w.upos === 'VERB' && w.deprel === 'acl' && /^(VBD|VBN)$/.test(w.xpos) && w.i > root.i
    && words.some((c) => c.head === w.i && c.deprel === 'obj'));
  if (verbs.length !== 1) return false;
  const verb = verbs[0]!;
  // the verb's own head must sit inside the subject's phrase, between the subject and the verb
  if (tokens[verb.head]!.i < root.i || words.some((w) => w.i > root.i && w.i < verb.i && w.text === ',')) return false;
  relink(verb, -1, 'root');
  relink(root, verb.i, 'nsubj');
  for (const w of words) if (w.deprel === 'punct' && w.head === root.i && w.i > verb.i) w.head = verb.i;
  return true;
}

const TIME_NOUN = /^(january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|\d{4})$/i;

/**
 * "Two aid workers held in Niger since November were released": "since November" read as a clause whose passive
 * subject is the month. A date cannot be that subject: the finite passive is the main verb, the noun heading the
 * sentence its subject, and the date goes back to the participle before it.
 */
function timeReadAsSubject(tokens: Token[], words: Token[]): boolean {
  const top = words.find((w) => w.head === -1);
  if (!top) return false;
  // the noun heads the sentence with the participle modifying it, or the bare participle (no auxiliary) heads it
  // with the noun as its subject
  const bareParticiple = top.upos === 'VERB' && top.xpos === 'VBN' && !words.some((w) => w.head === top.i && /^aux/.test(w.deprel));
  const root = bareParticiple ? words.find((w) => w.head === top.i && w.deprel === 'nsubj' && w.upos === 'NOUN' && w.i < top.i) : top;
  if (!root || root.upos !== 'NOUN') return false;
  const time = words.find((w) => w.deprel.startsWith('nsubj') && TIME_NOUN.test(w.text));
  if (!time) return false;
  const verb = tokens[time.head]!;
  const mark = tokens[time.i - 1]!;
  if (verb.upos !== 'VERB' || mark.head !== verb.i || mark.deprel !== 'mark' || !/^(since|until|till)$/i.test(mark.text)) return false;
  if (!words.some((w) => w.head === verb.i && /^aux/.test(w.deprel) && /^VB[DZP]$/.test(w.xpos))) return false;
  const participle = tokens[verb.head];
  if (!participle || participle.i > verb.i) return false;
  if (bareParticiple ? participle !== top : participle.head !== root.i || participle.deprel !== 'acl') return false;
  if (bareParticiple) {
    for (const w of words) if (w.head === top.i && w.i > verb.i) w.head = verb.i;
    relink(top, root.i, 'acl');
  }
  relink(mark, time.i, 'case');
  relink(time, participle.i, 'obl');
  relink(verb, -1, 'root');
  relink(root, verb.i, time.deprel === 'obl' && words.some((w) => w.head === verb.i && w.deprel === 'aux:pass') ? 'nsubj:pass' : 'nsubj');
  for (const w of words) if (w.deprel === 'punct' && w.head === root.i && w.i > verb.i) w.head = verb.i;
  return true;
}

const TAKES_CLAUSE = new Set(['say', 'tell', 'think', 'believe', 'know', 'claim', 'report', 'announce', 'fear', 'hope', 'expect',
  'find', 'see', 'hear', 'feel', 'suggest', 'argue', 'warn', 'insist', 'deny', 'admit', 'confirm', 'show', 'note', 'add', 'state', 'learn', 'agree', 'want', 'wish']);

/**
 * "Spain extradited a Colombian businessman wanted for money laundering": a passive participle after the object
 * read as the verb of a clause with the object as its subject. When the main verb takes no clause and has no
 * object, and the would-be clause has no object of its own, the noun is the object and the participle modifies it.
 */
function participleReadAsClause(tokens: Token[], words: Token[]): boolean {
  let done = false;
  for (const participle of words) {
    if (participle.upos !== 'VERB' || participle.xpos !== 'VBD' || participle.deprel !== 'ccomp' || !/ed$/.test(participle.text)) continue;
    const main = tokens[participle.head]!;
    if (main.upos !== 'VERB' || main.i > participle.i || TAKES_CLAUSE.has(main.lemma.toLowerCase())) continue;
    const kids = words.filter((w) => w.head === participle.i);
    const noun = kids.find((w) => w.deprel === 'nsubj' && w.i === participle.i - 1 && w.upos === 'NOUN');
    if (!noun || kids.some((w) => /^(obj|mark|aux|aux:pass|ccomp|xcomp)$/.test(w.deprel))) continue;
    if (words.some((w) => w.head === main.i && w.deprel === 'obj')) continue;
    relink(noun, main.i, 'obj');
    relink(participle, noun.i, 'acl');
    participle.xpos = 'VBN';
    done = true;
  }
  return done;
}

/**
 * "Japan will station long-range missiles on Kyushu": a modal is followed by a verb, so a noun right after "will"
 * (or "will not", "will soon") that the parser compounded into the next noun, with the modal hung on that noun, is
 * the verb, and the noun it was compounded into is its object.
 */
function nounAfterModal(tokens: Token[], words: Token[]): boolean {
  let done = false;
  for (const modal of words) {
    if (modal.xpos !== 'MD') continue;
    let k = modal.i + 1;
    while (tokens[k] && tokens[k]!.sentence === modal.sentence && (tokens[k]!.upos === 'ADV' || tokens[k]!.upos === 'PART')) k++;
    const verb = tokens[k];
    if (!verb || verb.sentence !== modal.sentence || verb.upos !== 'NOUN' || !/^[a-z]+$/.test(verb.text)) continue;
    const noun = tokens[verb.head];
    if (!noun || noun.i <= verb.i || modal.head !== noun.i || verb.deprel !== 'compound' || !NOMINAL.has(noun.upos)) continue;
    for (const w of words) {
      if (w.head !== noun.i || w === verb) continue;
      if (w.i < verb.i) w.head = verb.i;
      else if (w.i > noun.i && (w.deprel === 'nmod' || w.deprel === 'punct' || w.deprel === 'obl')) {
        w.head = verb.i;
        if (w.deprel === 'nmod') w.deprel = 'obl';
      }
    }
    verb.upos = 'VERB';
    verb.xpos = 'VB';
    relink(verb, noun.head, noun.deprel);
    relink(noun, verb.i, 'obj');
    done = true;
  }
  return done;
}

/** Verbs that take an "-ing" complement ("began burning tyres", "stopped paying"). */
const CATENATIVE = new Set(['begin', 'start', 'stop', 'keep', 'continue', 'resume', 'avoid', 'consider', 'risk', 'quit', 'finish',
  'end', 'try', 'enjoy', 'mind', 'deny', 'admit', 'suggest', 'recommend', 'propose', 'discuss', 'go', 'come', 'spend', 'cease',
  'favour', 'favor', 'oppose', 'support', 'resist', 'postpone', 'delay', 'justify', 'defend', 'condemn', 'threaten', 'see', 'hear',
  'find', 'leave', 'catch', 'imagine', 'involve', 'mean', 'need', 'prefer', 'like', 'love', 'hate', 'fear', 'dread', 'remember',
  'forget', 'regret', 'practise', 'practice', 'envisage', 'contemplate', 'tolerate', 'allow', 'permit', 'forbid', 'ban', 'prevent']);

/**
 * "Brazil will send firefighting aircraft to Bolivia": an "-ing" word before a noun, read as the complement of a
 * verb that takes no "-ing" complement and has no object of its own. The noun is that verb's object and the
 * "-ing" word modifies it.
 */
function gerundModifierReadAsComplement(tokens: Token[], words: Token[]): boolean {
  let done = false;
  for (const gerund of words) {
    if (gerund.xpos !== 'VBG' || gerund.deprel !== 'xcomp') continue;
    const main = tokens[gerund.head]!;
    const noun = tokens[gerund.i + 1];
    if (!noun || noun.head !== gerund.i || noun.deprel !== 'obj' || noun.upos !== 'NOUN') continue;
    if (main.upos !== 'VERB' || main.i > gerund.i || CATENATIVE.has(main.lemma.toLowerCase())) continue;
    if (words.some((w) => w.head === main.i && (w.deprel === 'obj' || w.deprel.startsWith('nsubj:pass')))) continue;
    for (const w of words) if (w.head === gerund.i && w !== noun) w.head = main.i;
    relink(noun, main.i, 'obj');
    relink(gerund, noun.i, 'amod');
    gerund.upos = 'NOUN';
    gerund.xpos = 'NN';
    done = true;
  }
  return done;
}

const REPORTING = new Set(['say', 'tell', 'announce', 'report', 'confirm', 'add', 'state', 'claim', 'insist']);

/**
 * "Following two days of talks in Doha, Sudan's army and the RSF committed to a pause, mediators said": the clause
 * after the opening phrase's comma hung inside that phrase, with its first subject read as a loose appendage. When
 * the opener belongs to a reporting verb that comes later, the finite verb after the comma is the reported clause,
 * the noun before it its subject (coordinated with the subject the parser did find), and the opener modifies it.
 */
function reportedClauseAfterOpener(tokens: Token[], words: Token[]): boolean {
  const opener = words[0]!;
  if (opener.upos !== 'VERB' || !/^(VBG|VBN)$/.test(opener.xpos) || opener.deprel !== 'advcl') return false;
  const reporter = tokens[opener.head]!;
  if (!REPORTING.has(reporter.lemma.toLowerCase())) return false;
  const comma = words.find((w) => w.i > opener.i + 1 && w.text === ',');
  if (!comma || comma.i > reporter.i) return false;
  const inSpan = (t: Token) => t.i >= opener.i && t.i < comma.i;
  const escaped = words.filter((w) => w.i > comma.i && w.i < reporter.i && inSpan(tokens[w.head] ?? w) && w.deprel !== 'punct');
  const verbs = escaped.filter((w) => w.upos === 'VERB' && /^VB[DZP]$/.test(w.xpos));
  if (verbs.length !== 1) return false;
  const verb = verbs[0]!;
  const nouns = escaped.filter((w) => w !== verb);
  if (nouns.length !== 1 || !NOMINAL.has(nouns[0]!.upos) || nouns[0]!.i > verb.i) return false;
  const noun = nouns[0]!;
  const found = words.find((w) => w.head === verb.i && w.deprel === 'nsubj' && w.i > noun.i);
  if (!found) return false;
  const cc = words.find((w) => (w.head === found.i || w.head === verb.i) && w.deprel === 'cc' && w.i > noun.i && w.i < found.i);
  if (!cc) return false;
  cc.head = found.i;
  relink(verb, reporter.i, 'ccomp');
  opener.head = verb.i;
  relink(noun, verb.i, 'nsubj');
  relink(found, noun.i, 'conj');
  return true;
}

/**
 * "Mark Ellery of New Zealand and Fiji's Joni Vakaloa last held formal talks in 2021": a verbless sentence whose
 * names and the object after the verb were read as one coordination, the verb a modifier of the last conjunct. The
 * verb heads the sentence, the coordination before it is its subject and the last conjunct its object.
 */
function verbInsideLastConjunct(tokens: Token[], words: Token[]): boolean {
  const root = words.find((w) => w.head === -1);
  if (!root || !NOMINAL.has(root.upos)) return false;
  if (words.some((w) => (w.upos === 'VERB' || w.upos === 'AUX') && CLAUSAL.has(w.deprel))) return false;
  const conjuncts = words.filter((w) => w.head === root.i && w.deprel === 'conj');
  const object = conjuncts[conjuncts.length - 1];
  if (!object || conjuncts.length < 2 || object.upos !== 'NOUN') return false;
  const verb = words.find((w) => w.head === object.i && w.deprel === 'amod' && w.upos === 'VERB' && /^(VBD|VBN)$/.test(w.xpos));
  if (!verb) return false;
  // nothing but modifiers of the object between the previous conjunct's phrase and the verb, and no "and" before it
  const previous = conjuncts[conjuncts.length - 2]!;
  const between = words.filter((w) => w.i > previous.i && w.i < verb.i);
  if (between.some((w) => w.head === previous.i ? false : w.head !== object.i || !/^(amod|advmod)$/.test(w.deprel))) return false;
  if (between.some((w) => w.deprel === 'cc' || w.text === ',')) return false;
  for (const w of between) if (w.head === object.i) {
    relink(w, verb.i, 'advmod');
  }
  for (const w of words) {
    if (w.head === root.i && w.i > object.i) {
      w.head = verb.i;
      if (w.deprel === 'nmod') w.deprel = 'obl';
    }
  }
  // "Fiji's Prime Minister Joni Vakaloa": a possessor read as a conjunct of its own belongs to the next conjunct
  for (let k = 0; k + 1 < conjuncts.length - 1; k++) {
    const owner = conjuncts[k]!;
    const owned = conjuncts[k + 1]!;
    const mark = tokens[owner.i + 1];
    if (!mark || mark.head !== owner.i || !/^['’]s?$/.test(mark.text)) continue;
    if (words.some((w) => w.i > mark.i && w.i < owned.i && w.head !== owned.i && tokens[w.head]?.head !== owned.i)) continue;
    for (const w of words) if (w.head === owner.i && w.deprel === 'cc') w.head = owned.i;
    relink(owner, owned.i, 'nmod:poss');
  }
  relink(verb, -1, 'root');
  verb.xpos = 'VBD';
  relink(root, verb.i, 'nsubj');
  relink(object, verb.i, 'obj');
  return true;
}

/**
 * "Ghanaian President Kofi Mensah and Togolese President Yao Agbeko agreed": a verb has one subject, so a second
 * subject after an "and" is the next conjunct of the first, and the word the parser coordinated after the "and"
 * ("Togolese") is a modifier inside that conjunct.
 */
function secondSubjectAfterAnd(tokens: Token[], words: Token[]): boolean {
  let done = false;
  for (const verb of words) {
    const subjects = words.filter((w) => w.head === verb.i && w.deprel === 'nsubj');
    if (subjects.length !== 2) continue;
    const [first, second] = subjects as [Token, Token];
    const cc = words.find((w) => w.i > first.i && w.i < second.i && w.deprel === 'cc' && /^(and|or)$/i.test(w.text));
    if (!cc) continue;
    // everything between the "and" and the second subject hangs inside the two subjects' phrases
    const between = words.filter((w) => w.i > cc.i && w.i < second.i);
    if (between.some((w) => w.head !== second.i && w.head !== first.i && !between.some((b) => b.i === w.head))) continue;
    for (const w of between) {
      if (w.head === first.i && w.deprel === 'conj') relink(w, second.i, w.upos === 'ADJ' ? 'amod' : 'compound');
    }
    relink(cc, second.i, 'cc');
    relink(second, first.i, 'conj');
    done = true;
  }
  return done;
}

/**
 * "Georgian riot police fired tear gas at ...": an opening modifier read as the head of a verbless sentence, the
 * real subject as its apposition and the past-tense verb right after that subject as a clause modifying it. The verb
 * with an object heads the sentence, the noun before it is its subject and the opening word modifies that noun.
 */
function verbAfterAppositionHead(tokens: Token[], words: Token[]): boolean {
  const root = words.find((w) => w.head === -1);
  if (!root || !NOMINAL.has(root.upos) || root.i !== words[0]!.i) return false;
  const subject = words.find((w) => w.head === root.i && w.deprel === 'appos' && w.upos === 'NOUN');
  const verb = subject ? tokens[subject.i + 1] : undefined;
  if (!subject || !verb || verb.head !== subject.i || verb.deprel !== 'acl' || !/^VB[DN]$/.test(verb.xpos) || !/ed$/.test(verb.text)) return false;
  if (!words.some((w) => w.head === verb.i && w.deprel === 'obj')) return false;
  // nothing but the subject's own modifiers between the opening word and the subject
  if (words.some((w) => w.i > root.i && w.i < subject.i && w.head !== subject.i)) return false;
  for (const w of words) if (w.head === root.i && w !== subject) w.head = verb.i;
  relink(verb, -1, 'root');
  verb.xpos = 'VBD';
  relink(subject, verb.i, 'nsubj');
  relink(root, subject.i, root.upos === 'PROPN' ? 'amod' : 'compound');
  return true;
}

/**
 * "Belarus ordered two diplomats to leave the country, accusing them of meddling": a participle after a comma,
 * with no subject of its own, hung on an infinitive that completes or describes the object of a finite verb. It
 * describes the act of the finite verb's subject, so it hangs on that verb.
 */
function participleOfMainClause(tokens: Token[], words: Token[]): boolean {
  let done = false;
  for (const participle of words) {
    if (participle.xpos !== 'VBG' || participle.deprel !== 'advcl' || tokens[participle.i - 1]?.text !== ',') continue;
    if (words.some((w) => w.head === participle.i && w.deprel.startsWith('nsubj'))) continue;
    const infinitive = tokens[participle.head]!;
    if (!words.some((w) => w.head === infinitive.i && w.deprel === 'mark' && /^to$/i.test(w.text))) continue;
    const object = infinitive.deprel === 'acl' ? tokens[infinitive.head] : undefined;
    const finite = infinitive.deprel === 'xcomp' ? tokens[infinitive.head] : object && /^i?obj$/.test(object.deprel) ? tokens[object.head] : undefined;
    if (!finite || !/^VB[DZP]$/.test(finite.xpos) || !words.some((w) => w.head === finite.i && w.deprel.startsWith('nsubj'))) continue;
    participle.head = finite.i;
    done = true;
  }
  return done;
}

/**
 * "EU agrees new sanctions on Belarus as Minsk expels Polish diplomats": a conjunction read as a preposition on the
 * name after it, and the finite verb after the name read as a second verb of the main clause. The name is that
 * verb's subject and the verb heads an adverbial clause of the main one.
 */
function clauseAfterConjunctionReadAsPhrase(tokens: Token[], words: Token[]): boolean {
  let done = false;
  for (const conjunction of words) {
    if (!/^(as|while|after|before|because|since|when|amid)$/i.test(conjunction.text) || conjunction.deprel !== 'case') continue;
    const subject = tokens[conjunction.head]!;
    if (subject.i < conjunction.i || !NOMINAL.has(subject.upos) || subject.upos === 'NUM') continue;
    // the name's own words run from the conjunction to the name; the verb follows right after it
    if (words.some((w) => w.i > conjunction.i && w.i < subject.i && !inside(tokens, w, subject))) continue;
    // (the verb right after the name's phrase: "after a court in Tehran sentenced ...")
    const phraseEnd = Math.max(subject.i, ...words.filter((w) => w.i > subject.i && inside(tokens, w, subject) && w.deprel !== 'punct').map((w) => w.i));
    if (words.some((w) => w.i > subject.i && w.i <= phraseEnd && !inside(tokens, w, subject))) continue;
    const verb = tokens[phraseEnd + 1];
    if (!verb || verb.sentence !== subject.sentence || verb.upos !== 'VERB' || !/^VB[DZP]$/.test(verb.xpos)) continue;
    if (!/^(conj|parataxis|root)$/.test(verb.deprel) || words.some((w) => w.head === verb.i && w.deprel.startsWith('nsubj'))) continue;
    const main = verb.deprel === 'root' ? undefined : tokens[verb.head];
    if (!main || main.i > conjunction.i || main.upos !== 'VERB') continue;
    relink(verb, main.i, 'advcl');
    relink(subject, verb.i, 'nsubj');
    relink(conjunction, verb.i, 'mark');
    conjunction.upos = 'SCONJ';
    done = true;
  }
  return done;
}

/** Participles that make a hyphenated modifier of what suffered: "flood-hit", "war-torn", "drought-stricken". */
const SUFFERED = /^(hit|stricken|ravaged|torn|affected|battered|struck|devastated|wracked|racked|ridden|damaged)$/i;

/**
 * "Aid reached flood-hit Pakistan", "to Flood-Hit Libya": the tokenizer splits a hyphenated modifier into a noun, a
 * hyphen and a participle, and the parser reads the participle as a verb or a name with the noun after it as its
 * object. The participle is an adjective of that noun, and the noun takes the place the first word had.
 */
function hyphenatedParticipleModifier(tokens: Token[], words: Token[]): boolean {
  let done = false;
  for (const first of words) {
    const [hyphen, participle, noun] = [tokens[first.i + 1], tokens[first.i + 2], tokens[first.i + 3]];
    if (!hyphen || !participle || !noun || noun.sentence !== first.sentence) continue;
    if (hyphen.text !== '-' || first.spaceAfter || hyphen.spaceAfter || !SUFFERED.test(participle.text)) continue;
    if (!/^(NOUN|PROPN|ADJ)$/.test(first.upos) || !/^(NOUN|PROPN)$/.test(noun.upos)) continue;
    const span = new Set([first.i, hyphen.i, participle.i, noun.i]);
    // already read as a modifier of the noun
    if (participle.head === noun.i && first.head !== noun.i && span.has(first.head)) continue;
    const top = [first, hyphen, participle, noun].find((t) => !span.has(t.head));
    if (!top) continue;
    const [outerHead, outerRel] = [top.head, top.deprel];
    const outer = outerHead >= 0 ? tokens[outerHead] : undefined;
    for (const c of words) {
      if (span.has(c.i) || !span.has(c.head)) continue;
      // words before the phrase (its determiner, its preposition) are the noun's; clauses after it are the verb's
      if (c.i < first.i || !outer || outer.upos !== 'VERB' || !/^(obl|advmod|advcl|obl:tmod|punct)$/.test(c.deprel)) c.head = noun.i;
      else c.head = outer.i;
    }
    // ("sent tents to quake-hit Afghanistan": "to" read as the mark of an infinitive "to quake" is the noun's preposition)
    const clausal = /^(advcl|xcomp|ccomp|acl|parataxis)$/.test(outerRel);
    for (const c of words) {
      if (c.head !== noun.i || c.deprel !== 'mark' || !clausal) continue;
      relink(c, noun.i, 'case');
      c.upos = 'ADP';
      c.xpos = 'IN';
    }
    relink(noun, outerHead, outerRel === 'flat' || outerRel === 'appos' ? 'nmod' : clausal ? (outer?.upos === 'VERB' ? 'obl' : 'nmod') : outerRel);
    relink(participle, noun.i, 'amod');
    participle.upos = 'ADJ';
    participle.xpos = 'JJ';
    relink(first, participle.i, 'compound');
    relink(hyphen, participle.i, 'punct');
    done = true;
  }
  return done;
}

/**
 * "threatened to veto the package unless Brussels releases frozen funds": a subordinator read as the mark of a noun,
 * with the finite verb after the noun read as a relative clause of it. A relative clause is never introduced by "if"
 * or "unless": the verb heads an adverbial clause of the nearest verb above, with the noun as its subject.
 */
function conditionReadAsRelative(tokens: Token[], words: Token[]): boolean {
  let done = false;
  for (const verb of words) {
    if (verb.deprel !== 'acl:relcl' || verb.upos !== 'VERB' || !/^(VBZ|VBD|VBP)$/.test(verb.xpos)) continue;
    if (words.some((w) => w.head === verb.i && /^nsubj/.test(w.deprel))) continue;
    // the noun right before the verb is its subject; the subordinator opens its phrase ("unless the EU releases")
    const subject = tokens[verb.i - 1];
    if (!subject || subject.sentence !== verb.sentence || !NOMINAL.has(subject.upos) || subject.upos === 'PRON') continue;
    let first = subject.i;
    while (first - 1 >= 0 && tokens[first - 1]!.head === subject.i && /^(det|amod|compound|nmod:poss|case)$/.test(tokens[first - 1]!.deprel) && !SUBORDINATORS.test(tokens[first - 1]!.text)) first--;
    const mark = tokens[first - 1];
    if (!mark || mark.sentence !== verb.sentence || !SUBORDINATORS.test(mark.text)) continue;
    let governor = tokens[verb.head];
    for (let hops = 0; governor && governor.upos !== 'VERB' && hops < 6; hops++) governor = governor.head >= 0 ? tokens[governor.head] : undefined;
    if (!governor || governor.upos !== 'VERB') continue;
    relink(verb, governor.i, 'advcl');
    relink(subject, verb.i, 'nsubj');
    relink(mark, verb.i, 'mark');
    mark.upos = 'SCONJ';
    mark.xpos = 'IN';
    done = true;
  }
  return done;
}

/** Subordinators that open an adverbial clause and never a relative one. */
const SUBORDINATORS = /^(if|unless|until|once|because|before|after|when|while)$/i;

/**
 * "..., Estonian Defence Minister Mart Kask warned Russia.": a verb with a subject before it and a second "subject"
 * right after it. A clause has one subject; the noun after the verb is its object.
 */
function secondSubjectAfterVerb(words: Token[]): boolean {
  let done = false;
  for (const verb of words) {
    if (verb.upos !== 'VERB') continue;
    const subjects = words.filter((w) => w.head === verb.i && w.deprel === 'nsubj');
    const before = subjects.find((w) => w.i < verb.i);
    const after = subjects.find((w) => w.i === verb.i + 1 && (w.upos === 'PROPN' || w.upos === 'NOUN'));
    if (!before || !after || words.some((w) => w.head === verb.i && w.deprel === 'obj')) continue;
    relink(after, verb.i, 'obj');
    done = true;
  }
  return done;
}

/**
 * "After two days of talks in Beijing, India and China agreed ...": an opening prepositional phrase read as the
 * subject, with the names after its comma coordinated into its last noun. A subject has no preposition: the phrase
 * is an oblique of the verb, and the coordinated names between the comma and the verb are its subject.
 */
function openingPhraseReadAsSubject(tokens: Token[], words: Token[]): boolean {
  const opener = words[0]!;
  if ((opener.upos !== 'ADP' && !/^following$/i.test(opener.text)) || opener.deprel !== 'case') return false;
  const phrase = tokens[opener.head]!;
  const verb = tokens[phrase.head];
  if (!verb || !phrase.deprel.startsWith('nsubj') || verb.upos !== 'VERB') return false;
  const comma = words.find((w) => w.text === ',' && w.i > phrase.i && w.i < verb.i);
  if (!comma) return false;
  // the names between the comma and the verb, all hung inside the opening phrase
  const between = words.filter((w) => w.i > comma.i && w.i < verb.i);
  const conjuncts = between.filter((w) => w.deprel === 'conj' && NOMINAL.has(w.upos) && tokens[w.head]!.i < comma.i);
  if (conjuncts.length === 0 || !between.every((w) => inside(tokens, w, phrase))) return false;
  const [first, ...rest] = conjuncts as [Token, ...Token[]];
  relink(first, verb.i, phrase.deprel);
  for (const other of rest) relink(other, first.i, 'conj');
  for (const w of between) if (w.deprel === 'cc' && rest.some((r) => r.i > w.i)) w.head = rest.find((r) => r.i > w.i)!.i;
  relink(comma, phrase.i, 'punct');
  relink(phrase, verb.i, 'obl');
  return true;
}

/** Verbs that ask or make someone do something: what they ask for is an infinitive after the one asked. */
const ASKING = new Set(['urge', 'ask', 'tell', 'call', 'appeal', 'press', 'order', 'encourage', 'invite', 'advise', 'persuade', 'force',
  'pressure', 'push', 'instruct', 'direct', 'request', 'implore', 'beg', 'exhort', 'allow', 'permit', 'authorise', 'authorize']);

/**
 * "China urged both countries to avoid steps that ...": the infinitive of what is asked, read as a modifier of the
 * ones asked. It completes the verb of asking, and the ones asked are its object.
 */
function infinitiveOfAskedReadAsModifier(tokens: Token[], words: Token[]): boolean {
  let done = false;
  // ("urged the EU not to lift sanctions": the same infinitive read as an adverbial clause of the verb of asking)
  for (const infinitive of words) {
    if (infinitive.deprel !== 'advcl' || infinitive.upos !== 'VERB' || tokens[infinitive.i - 1]?.text.toLowerCase() !== 'to') continue;
    const verb = tokens[infinitive.head]!;
    // (the one asked is the object, or, after "call on" or "appeal to", the oblique: "called on Beijing to lift")
    const asked = words.find((w) => w.head === verb.i && w.i < infinitive.i && (/^i?obj$/.test(w.deprel) ||
      (w.deprel === 'obl' && words.some((c) => c.head === w.i && c.deprel === 'case' && /^(on|upon|to)$/i.test(c.text)) && /^(call|appeal)$/.test(verb.lemma.toLowerCase()))));
    if (!asked || verb.upos !== 'VERB' || !ASKING.has(verb.lemma.toLowerCase())) continue;
    if (words.some((w) => w.head === verb.i && /^(xcomp|ccomp)$/.test(w.deprel))) continue;
    // nothing between the one asked and the infinitive but "not" and "to"
    const lastAsked = Math.max(...words.filter((w) => w.i >= asked.i && w.i < infinitive.i && inside(tokens, w, asked)).map((w) => w.i));
    if (words.some((w) => w.i > lastAsked && w.i < infinitive.i - 1 && !/^(not|never)$/i.test(w.text))) continue;
    relink(infinitive, verb.i, 'xcomp');
    done = true;
  }
  for (const infinitive of words) {
    if (infinitive.deprel !== 'acl' || infinitive.upos !== 'VERB' || tokens[infinitive.i - 1]?.text.toLowerCase() !== 'to') continue;
    const asked = tokens[infinitive.head]!;
    const verb = tokens[asked.head];
    if (!verb || !/^i?obj$/.test(asked.deprel) || verb.upos !== 'VERB' || !ASKING.has(verb.lemma.toLowerCase())) continue;
    if (words.some((w) => w.head === verb.i && /^(xcomp|ccomp)$/.test(w.deprel))) continue;
    relink(infinitive, verb.i, 'xcomp');
    asked.deprel = 'obj';
    done = true;
  }
  return done;
}

/**
 * "Police detained six activists ..., the interior ministry said": the reported clause read as a noun (its subject)
 * with the verb after it as a modifier. A past form with an object right after the noun that heads what is said is
 * the reported verb, and the noun its subject.
 */
function reportedVerbReadAsModifier(tokens: Token[], words: Token[]): boolean {
  let done = false;
  for (const noun of words) {
    if (!NOMINAL.has(noun.upos) || !/^(ccomp|parataxis)$/.test(noun.deprel)) continue;
    const reporting = tokens[noun.head]!;
    if (reporting.i < noun.i || !REPORTING.has(reporting.lemma.toLowerCase())) continue;
    const verb = tokens[noun.i + 1];
    if (!verb || verb.head !== noun.i || verb.deprel !== 'acl' || !/^VB[DN]$/.test(verb.xpos) || !words.some((w) => w.head === verb.i && w.deprel === 'obj')) continue;
    for (const w of words) if (w.head === noun.i && w.i > verb.i) w.head = verb.i;
    relink(verb, reporting.i, noun.deprel);
    verb.xpos = 'VBD';
    relink(noun, verb.i, 'nsubj');
    done = true;
  }
  return done;
}

/**
 * "..., two officials familiar with the talks said": the speaker described by an adjective after the comma read as
 * a second reported clause headed by the adjective. When the reporting verb already reports a clause before the
 * comma, the noun before the adjective is its subject and the adjective describes that noun.
 */
function describedSpeakerReadAsClause(tokens: Token[], words: Token[]): boolean {
  const reporting = words.find((w) => w.deprel === 'root' && w.upos === 'VERB' && REPORTING.has(w.lemma.toLowerCase()));
  if (!reporting || words.some((w) => w.head === reporting.i && w.deprel.startsWith('nsubj'))) return false;
  const clauses = words.filter((w) => w.head === reporting.i && w.deprel === 'ccomp');
  // (the adjective read as a clause of the verb, or as a conjunct of the clause before the comma)
  const adjective = words.find((w) => w.upos === 'ADJ' && w.i < reporting.i && (w.head === reporting.i ? w.deprel === 'ccomp' : w.deprel === 'conj' && clauses.some((c) => c.i === w.head)));
  const reported = clauses.find((c) => c !== adjective && c.i < (adjective?.i ?? 0));
  if (!adjective || !reported || words.some((w) => w.i > adjective.i && w.i < reporting.i && !inside(tokens, w, adjective))) return false;
  const speaker = words.find((w) => w.head === adjective.i && w.i < adjective.i && NOMINAL.has(w.upos) && /^(obl:unmarked|nsubj|obl:npmod|obl)$/.test(w.deprel));
  if (!speaker || tokens[firstWord(tokens, words, speaker).i - 1]?.text !== ',') return false;
  for (const w of words) if (w.head === adjective.i && w.i < speaker.i) w.head = speaker.i;
  for (const w of words) if (w.head === adjective.i && w.deprel === 'punct' && w.i < speaker.i) w.head = reported.i;
  relink(speaker, reporting.i, 'nsubj');
  relink(adjective, speaker.i, 'amod');
  return true;
}

/** Whether a token lies in the phrase of a head. */
function inside(tokens: Token[], token: Token, head: Token): boolean {
  for (let k: Token | undefined = token, hops = 0; k && hops < 8; hops++, k = k.head >= 0 ? tokens[k.head] : undefined) if (k === head) return true;
  return false;
}

/** The first word of a token's phrase within the sentence. */
function firstWord(tokens: Token[], words: Token[], head: Token): Token {
  return words.find((w) => w.i <= head.i && inside(tokens, w, head)) ?? head;
}

/**
 * "Iwaya met Ukrainian President Volodymyr Zelensky": a nationality adjective after a verb read as the verb's
 * complement, with the titled name after it hung under the adjective. The name is the verb's object and the
 * adjective qualifies it.
 */
function titledObjectUnderAdjective(tokens: Token[], words: Token[]): boolean {
  let done = false;
  for (const adjective of words) {
    if (adjective.upos !== 'ADJ' || !/^(xcomp|obj)$/.test(adjective.deprel) || !/^\p{Lu}/u.test(adjective.text)) continue;
    const verb = tokens[adjective.head]!;
    if (verb.upos !== 'VERB' || verb.i > adjective.i || words.some((w) => w.head === verb.i && w.deprel === 'obj' && w !== adjective)) continue;
    // the name: a capitalised word hung under the adjective, with only capitalised words (the title) before it
    const name = words.find((w) => w.head === adjective.i && w.i > adjective.i && w.upos === 'PROPN' && /^(obl|nmod|flat|appos|obj|compound)$/.test(w.deprel));
    if (!name || words.some((w) => w.i > adjective.i && w.i < name.i && !/^\p{Lu}/u.test(w.text))) continue;
    for (const w of words) if (w.head === adjective.i && w !== name) w.head = name.i;
    relink(name, verb.i, 'obj');
    relink(adjective, name.i, 'amod');
    done = true;
  }
  return done;
}

/**
 * "Two journalists detained in Azerbaijan": a headline with no finite verb whose past participle follows the noun
 * it tells of. The participle is a passive main verb and the noun what it was done to; "in Azerbaijan" is a
 * place, not the agent (only "by" names one).
 */
function passiveHeadline(tokens: Token[], words: Token[]): boolean {
  const root = words.find((w) => w.head === -1);
  if (!root || !NOMINAL.has(root.upos)) return false;
  // (a headline: no closing full stop, and no article before the noun, as in "A Turkish warship fired on ...")
  if (/^[.!?]$/.test(words[words.length - 1]!.text) || words.some((w) => w.head === root.i && w.deprel === 'det' && /^(a|an|the)$/i.test(w.text))) return false;
  if (words.some((w) => (w.upos === 'VERB' || w.upos === 'AUX') && /^VB[DZP]$/.test(w.xpos))) return false;
  const verb = tokens[root.i + 1];
  if (!verb || verb.head !== root.i || verb.deprel !== 'acl' || verb.xpos !== 'VBN' || !/ed$/.test(verb.text)) return false;
  for (const w of words) {
    if (w.head === root.i && w.i > verb.i && w.deprel !== 'punct') w.head = verb.i;
    if (w.head === verb.i && w.deprel === 'obl:agent' && !words.some((c) => c.head === w.i && /^by$/i.test(c.text))) w.deprel = 'obl';
  }
  relink(verb, -1, 'root');
  relink(root, verb.i, 'nsubj:pass');
  return true;
}

/**
 * "Russia has moved troops to the border, Finland's defence forces said on Monday, as NATO began exercises": a
 * reporting tag after the reported clause read as a second verb of that clause (no "and" joins them), with the
 * "as" clause after the tag read as what is said. The tag is parenthetical to the clause it reports, and the "as"
 * clause belongs to that clause.
 */
function reportTagReadAsConjunct(tokens: Token[], words: Token[]): boolean {
  let done = false;
  for (const tag of words) {
    if (tag.deprel !== 'conj' || tag.upos !== 'VERB' || !REPORTING.has(tag.lemma.toLowerCase())) continue;
    const reported = tokens[tag.head]!;
    if (reported.i > tag.i || words.some((w) => w.head === tag.i && w.deprel === 'cc')) continue;
    const subject = words.find((w) => w.head === tag.i && w.deprel.startsWith('nsubj') && w.i < tag.i);
    if (!subject || tokens[firstWord(tokens, words, subject).i - 1]?.text !== ',') continue;
    relink(tag, reported.i, 'parataxis');
    for (const clause of words) {
      if (clause.head !== tag.i || clause.deprel !== 'ccomp' || clause.i < tag.i) continue;
      const marker = words.find((w) => inside(tokens, w, clause) && w.i > tag.i && w.i < clause.i && /^(as|while|when|after|before)$/i.test(w.text) && /^(case|mark)$/.test(w.deprel));
      if (!marker) continue;
      relink(marker, clause.i, 'mark');
      marker.upos = 'SCONJ';
      relink(clause, reported.i, 'advcl');
    }
    done = true;
  }
  return done;
}

/**
 * "charged a former energy minister, Victor Neagu, with abuse of office", "if the Senate speaker, Pavel Dvorak, went
 * ahead": a common noun followed by a name set off by two commas, with the name hung somewhere else (on the verb as
 * an oblique or object). A name between commas right after a noun is that noun's apposition. What the parser hung
 * on the name after the closing comma goes back to the clause: a phrase with a preposition to the verb, and when the
 * noun was read as the head of an adverbial clause ("if the speaker"), the verb after the name takes over that clause
 * with the noun as its subject. A verb after the closing comma read as a second verb of the clause with no "and"
 * ("let the envoy, Helena Sorvik, visit") completes the verb whose object is the noun.
 */
function detachedNameApposition(tokens: Token[], words: Token[]): boolean {
  let done = false;
  const last = words[words.length - 1]!.i;
  for (const noun of words) {
    if (noun.upos !== 'NOUN' || tokens[noun.i + 1]?.text !== ',') continue;
    let end = noun.i + 2;
    while (end <= last && tokens[end]!.upos === 'PROPN') end++;
    const count = end - (noun.i + 2);
    if (count < 2 || count > 4 || tokens[end]?.text !== ',') continue;
    const run = tokens.slice(noun.i + 2, end);
    const heads = run.filter((w) => w.head < noun.i + 2 || w.head >= end);
    if (heads.length !== 1) continue;
    const name = heads[0]!;
    if (!(name.head === noun.i && name.deprel === 'appos')) {
      if (name.head === -1 || name.deprel.startsWith('nsubj')) continue;
      const oldHead = name.head;
      if (tokens[oldHead]?.upos !== 'VERB') continue;
      relink(name, noun.i, 'appos');
      tokens[noun.i + 1]!.head = name.i;
      tokens[end]!.head = name.i;
      for (const w of words) {
        if (w.i <= end || w.head !== name.i) continue;
        if (words.some((c) => c.head === w.i && c.deprel === 'case')) relink(w, oldHead, 'obl');
      }
      done = true;
    }
    const after = tokens[end + 1];
    if (!after || after.upos !== 'VERB' || after.head === noun.i || words.some((c) => c.head === after.i && (c.deprel === 'cc' || c.deprel.startsWith('nsubj')))) continue;
    if (/^(advcl|ccomp)$/.test(noun.deprel) && words.some((c) => c.head === noun.i && c.deprel === 'mark') && /^VB[DZP]$/.test(after.xpos)) {
      for (const c of words) if (c.head === noun.i && c.deprel === 'mark') c.head = after.i;
      relink(after, noun.head, 'advcl');
      relink(noun, after.i, 'nsubj');
      done = true;
    } else if (after.deprel === 'conj' && /^VBP?$/.test(after.xpos) && noun.deprel === 'obj') {
      relink(after, noun.head, 'xcomp');
      done = true;
    }
  }
  return done;
}

/**
 * "Fighters from the Lake Chad Brigade, an armed group that has been active since 2019, killed 14 soldiers": after a
 * long apposition set off by commas, the main verb read as a side remark (parataxis) on the subject noun, with no
 * subject of its own. A finite verb right after the apposition's closing comma, with nothing to be its subject, is
 * the verb the noun is the subject of; it takes over the noun's place in the sentence.
 */
function verbAfterLongApposition(tokens: Token[], words: Token[]): boolean {
  let done = false;
  for (const verb of words) {
    if (verb.deprel !== 'parataxis' || verb.upos !== 'VERB' || tokens[verb.i - 1]?.text !== ',') continue;
    // a participle tag on a verb with an object and no auxiliary is the past tense ("killed 14 soldiers")
    const finite = /^VB[DZ]$/.test(verb.xpos) || (verb.xpos === 'VBN' && words.some((w) => w.head === verb.i && w.deprel === 'obj') && !words.some((w) => w.head === verb.i && /^aux/.test(w.deprel)));
    if (!finite) continue;
    if (words.some((w) => w.head === verb.i && /^(nsubj|expl|mark|cc)/.test(w.deprel))) continue;
    const noun = tokens[verb.head]!;
    if (!/^(NOUN|PROPN)$/.test(noun.upos) || noun.i > verb.i || /^(nsubj|obj|obl|nmod|appos|conj)/.test(noun.deprel)) continue;
    const apposition = words.find((w) => w.head === noun.i && w.i > noun.i && w.i < verb.i && w.upos === 'NOUN' && /^(parataxis|appos)$/.test(w.deprel) && words.some((c) => c.head === w.i && c.i < w.i && c.text === ','));
    if (!apposition) continue;
    // nothing but the noun's own phrase and its apposition before the verb
    if (words.some((w) => w.i < noun.i && w.head !== noun.i)) continue;
    relink(verb, noun.head, noun.head === -1 ? 'root' : noun.deprel);
    relink(noun, verb.i, 'nsubj');
    apposition.deprel = 'appos';
    done = true;
  }
  return done;
}

const WEEKDAY = /^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;

/**
 * "endorsed on Saturday Kenya's candidacy", "rejected on Thursday a proposal by Egypt": wire copy puts the day
 * between the verb and its object, and the parser merges the day into the object ("Saturday Kenya's" as one
 * possessor, or the object as an apposition of the day). The day is the verb's time; the phrase after it is the
 * verb's object.
 */
function objectAfterWeekday(tokens: Token[], words: Token[]): boolean {
  let done = false;
  for (const day of words) {
    const on = tokens[day.i - 1];
    const verb = tokens[day.i - 2];
    if (!WEEKDAY.test(day.text) || !on || on.text.toLowerCase() !== 'on' || !verb || verb.upos !== 'VERB' || verb.sentence !== day.sentence) continue;
    if (words.some((w) => w.head === verb.i && w.deprel === 'obj')) continue;
    const after = words.filter((w) => w.i > day.i && w.head === day.i && /^(NOUN|PROPN)$/.test(w.upos));
    if (day.head === verb.i) {
      // shape 1: the object hung on the day as its apposition or modifier
      const object = after.find((w) => /^(appos|nmod|compound)$/.test(w.deprel) && !words.some((c) => c.head === w.i && c.deprel === 'case' && c.i < w.i && c.text !== "'s"));
      if (!object || tokens[object.i - 1]?.text === ',') continue;
      relink(object, verb.i, 'obj');
      done = true;
      continue;
    }
    // shape 2: the day read as part of the object phrase after it ("on Saturday Kenya's candidacy")
    const object = tokens[day.head]!;
    if (object.i <= day.i || object.upos !== 'NOUN' || object.head !== verb.i || !/^(obl|nmod|obj)$/.test(object.deprel) || on.head !== object.i) continue;
    const possessor = after.find((w) => w.deprel === 'flat' || w.deprel === 'compound');
    const oldRelation = day.deprel;
    relink(day, verb.i, 'obl');
    relink(on, day.i, 'case');
    relink(object, verb.i, 'obj');
    if (possessor) {
      relink(possessor, object.i, oldRelation === 'nmod:poss' ? 'nmod:poss' : 'compound');
      for (const c of words) if (c.head === day.i && c.i > possessor.i) c.head = possessor.i;
    }
    done = true;
  }
  return done;
}

/**
 * "to help the Philippines modernise its fleet", "help Jordan rebuild its ports": the bare infinitive after "help",
 * "let" or "make" and a name, read as a noun with the name as its modifier, and the infinitive's own object left
 * with no preposition. A noun cannot take an object phrase with no preposition, so the word is the infinitive: the
 * name is the object of "help", and the phrase after the word is the infinitive's object.
 */
function bareInfinitiveReadAsNoun(tokens: Token[], words: Token[]): boolean {
  let done = false;
  for (const verb of words) {
    if (verb.upos !== 'VERB' || !/^(help|helps|helped|helping|let|lets|letting|make|makes|made|making)$/i.test(verb.text)) continue;
    const noun = words.find((w) => w.head === verb.i && w.deprel === 'obj' && w.upos === 'NOUN' && w.i > verb.i);
    if (!noun) continue;
    const name = tokens[noun.i - 1];
    if (!name || name.upos !== 'PROPN' || name.head !== noun.i || name.deprel !== 'compound') continue;
    // the phrase right after the word: its head has no preposition and hangs on the word or on the verb
    const next = tokens[noun.i + 1];
    if (!next || next.sentence !== noun.sentence) continue;
    let object: Token | undefined = next;
    while (object && object.head > noun.i && object.head !== verb.i && object.head !== noun.i && object.head < object.i + 8) object = tokens[object.head];
    if (!object || !/^(NOUN|PROPN)$/.test(object.upos) || (object.head !== noun.i && object.head !== verb.i) || object.i <= noun.i) continue;
    if (!/^(nmod|obl|obj|compound)$/.test(object.deprel) || words.some((c) => c.head === object!.i && c.deprel === 'case')) continue;
    relink(name, verb.i, 'obj');
    for (const c of words) if (c.head === noun.i && c.deprel === 'det' && c.i < name.i) c.head = name.i;
    relink(noun, verb.i, 'xcomp');
    noun.upos = 'VERB';
    noun.xpos = 'VB';
    relink(object, noun.i, 'obj');
    done = true;
  }
  return done;
}

/**
 * "said on Thursday that it had opened an inquiry": the reported clause read as a relative clause on the day. A
 * relative clause is not opened by the conjunction "that" (its "that" is a pronoun with a role in it), so a clause
 * with "that" as its conjunction under a day is the complement of the verb the day belongs to.
 */
function reportedClauseOnDay(tokens: Token[], words: Token[]): boolean {
  let done = false;
  for (const clause of words) {
    if (!/^(acl|acl:relcl|advcl)$/.test(clause.deprel) || clause.head < 0) continue;
    const mark = words.find((w) => w.head === clause.i && w.deprel === 'mark' && /^that$/i.test(w.text));
    const day = mark ? tokens[mark.i - 1] : undefined;
    if (!mark || !day || !WEEKDAY.test(day.text) || day.head < 0 || tokens[day.head]!.upos !== 'VERB') continue;
    // (hung on the day, or on the day's verb as an adverbial clause)
    if (clause.head !== day.i && !(clause.deprel === 'advcl' && clause.head === day.head)) continue;
    // ("held joint drills on Thursday that Armenia condemned as a provocation": a clause with a gap where its object
    // should be is a relative clause on the object of the verb the day belongs to)
    const object = words.find((w) => w.head === day.head && w.deprel === 'obj' && w.upos === 'NOUN' && w.i < day.i);
    const gap = !words.some((w) => w.head === clause.i && /^(obj|ccomp|xcomp)$/.test(w.deprel)) && words.some((w) => w.head === clause.i && /^nsubj$/.test(w.deprel));
    if (object && gap && clause.deprel !== 'acl:relcl' && clause.xpos === 'VBD') {
      relink(clause, object.i, 'acl:relcl');
      relink(mark, clause.i, 'obj');
      mark.upos = 'PRON';
      mark.xpos = 'WDT';
    } else if (clause.head === day.i) {
      relink(clause, day.head, 'ccomp');
    } else continue;
    done = true;
  }
  return done;
}

/** Nouns for what is said or suspected that take a "that" clause telling its content. */
const REPORT_NOUNS = /^(reports?|claims?|allegations?|accusations?|suspicions?|rumou?rs?|evidence|charges?|assertions?|fears?|news)$/i;

/**
 * "opened an inquiry into reports that troops killed dozens of civilians": a "that" clause right after a noun for a
 * report or claim read as an adverbial clause of the verb, or as a relative clause whose "that" would be a second
 * object or subject. It tells what the report says, so it belongs to the noun as its content.
 */
function clauseOfReportNoun(tokens: Token[], words: Token[]): boolean {
  let done = false;
  for (const clause of words) {
    // ("reports that soldiers tortured detainees" read as a relative clause with "that" as a second object)
    if (clause.deprel === 'acl:relcl' && clause.head >= 0 && REPORT_NOUNS.test(tokens[clause.head]!.text)) {
      const that = words.find((w) => w.head === clause.i && w.upos === 'PRON' && /^that$/i.test(w.text) && w.i === clause.head + 1);
      const others = that ? words.filter((w) => w.head === clause.i && w !== that).map((w) => w.deprel) : [];
      // (a relative "that" fills the subject or object slot; here both are filled by other words)
      const filled = that && (that.deprel === 'obj' ? others.some((d) => /^(obj|obl:unmarked|iobj)$/.test(d)) && others.some((d) => /^nsubj/.test(d)) : others.some((d) => d === that.deprel));
      if (that && filled) {
        relink(that, clause.i, 'mark');
        that.upos = 'SCONJ';
        that.xpos = 'IN';
        relink(clause, clause.head, 'acl');
        done = true;
      }
      continue;
    }
    if (clause.deprel !== 'advcl' || clause.head < 0) continue;
    const mark = words.find((w) => w.head === clause.i && w.deprel === 'mark' && /^that$/i.test(w.text));
    const noun = mark ? tokens[mark.i - 1] : undefined;
    if (!mark || !noun || noun.upos !== 'NOUN' || !REPORT_NOUNS.test(noun.text) || noun.head !== clause.head) continue;
    relink(clause, noun.i, 'acl');
    done = true;
  }
  return done;
}

/**
 * "The United Nations human rights office said": a name that opens the subject read as an oblique of the verb (no
 * preposition before it) and the rest of the subject as the subject. An oblique needs a preposition; a bare name
 * right before the subject's own words qualifies the subject.
 */
function nameBeforeSubjectReadAsOblique(tokens: Token[], words: Token[]): boolean {
  let done = false;
  for (const name of words) {
    if (name.upos !== 'PROPN' || name.deprel !== 'obl' || name.head < 0 || words.some((w) => w.head === name.i && w.deprel === 'case')) continue;
    const subject = words.find((w) => w.head === name.head && /^nsubj/.test(w.deprel) && w.i > name.i && w.upos === 'NOUN');
    if (!subject || subject.i > name.i + 5) continue;
    if (tokens.slice(name.i + 1, subject.i).some((t) => t.head <= name.i || t.head > subject.i || !/^(compound|amod)$/.test(t.deprel))) continue;
    // "United" tagged as a verb inside the name
    for (const w of words) if (w.head === name.i && w.i < name.i && w.upos === 'VERB' && /^\p{Lu}/u.test(w.text)) { w.upos = 'PROPN'; w.xpos = 'NNP'; w.deprel = 'compound'; }
    relink(name, subject.i, 'compound');
    done = true;
  }
  return done;
}

/**
 * "..., nine days after its navy intercepted the vessel", "hours after South Korean and American forces began their
 * drills": the span of time read as the subject of the clause after "after", with "after" as a preposition on the
 * real subject. A span of time does not act: "after" opens the clause, the phrase after it is the clause's subject,
 * the span measures the clause, and the clause is adverbial to the one before it.
 */
function spanBeforeAfterClause(tokens: Token[], words: Token[]): boolean {
  let done = false;
  for (const span of words) {
    if (span.upos !== 'NOUN' || !/^(minutes|hours|days|weeks|months|years|day|week|month|year|hour)$/i.test(span.text)) continue;
    const after = tokens[span.i + 1];
    // the clause's verb: the one the span is subject of, or one hung on the span as its modifier
    // (a participle tag on a verb with its own object is the past tense: "days after police detained a diplomat")
    const described = words.find((w) => w.head === span.i && w.deprel === 'acl' && w.upos === 'VERB' && (/^VB[DZ]$/.test(w.xpos) || (w.xpos === 'VBN' && words.some((o) => o.head === w.i && o.deprel === 'obj'))));
    const verb = /^nsubj/.test(span.deprel) ? tokens[span.head] : described;
    if (described && verb === described) {
      const outer = span.head;
      if (outer < 0 || !after || !/^(after|before)$/i.test(after.text) || tokens[after.head]?.head !== span.i) continue;
      relink(described, outer, 'advcl');
    }
    if (!after || !/^(after|before)$/i.test(after.text) || after.deprel !== 'case' || !verb || verb.upos !== 'VERB' || verb.i < span.i) continue;
    const subject = tokens[after.head];
    if (!subject || subject.head !== span.i || subject.i > verb.i || !/^(NOUN|PROPN|PRON)$/.test(subject.upos)) continue;
    relink(after, verb.i, 'mark');
    after.upos = 'SCONJ';
    relink(subject, verb.i, 'nsubj');
    relink(span, verb.i, 'obl:npmod');
    if (/^(conj|parataxis)$/.test(verb.deprel) && verb.head >= 0) verb.deprel = 'advcl';
    done = true;
  }
  return done;
}

/**
 * "Thousands of doctors in South Korea walked off the job": the place after the subject read as a second subject of
 * the verb, keeping its preposition. A subject has no preposition, so the phrase qualifies the noun right before it.
 */
function placeReadAsSecondSubject(tokens: Token[], words: Token[]): boolean {
  let done = false;
  for (const second of words) {
    if (!/^nsubj/.test(second.deprel) || second.head < 0) continue;
    const kase = words.find((w) => w.head === second.i && w.deprel === 'case' && w.i < second.i && /^(in|from|of|at|across)$/i.test(w.text));
    if (!kase) continue;
    const first = words.find((w) => w.head === second.head && /^nsubj/.test(w.deprel) && w.i < kase.i && w !== second);
    const before = tokens[kase.i - 1];
    if (!first || !before || !/^(NOUN|PROPN)$/.test(before.upos) || before.i < first.i) continue;
    relink(second, before.i, 'nmod');
    done = true;
  }
  return done;
}

/**
 * "freed four kidnapped aid workers": a bare number read as the object and the participle after it as a second verb
 * whose object is the noun. A number followed by a participle and a noun counts that noun, and the participle
 * describes it: the noun is the object, the number its count and the participle its modifier.
 */
function participleAfterNumberReadAsVerb(tokens: Token[], words: Token[]): boolean {
  let done = false;
  for (const count of words) {
    if (count.upos !== 'NUM' || count.deprel !== 'obj' || words.some((w) => w.head === count.i)) continue;
    const participle = tokens[count.i + 1];
    if (!participle || participle.upos !== 'VERB' || participle.xpos !== 'VBN' && participle.xpos !== 'VBD' || participle.head !== count.head) continue;
    if (words.some((w) => w.head === participle.i && /^(cc|nsubj|aux|mark)/.test(w.deprel))) continue;
    const noun = words.find((w) => w.head === participle.i && w.deprel === 'obj' && w.upos === 'NOUN' && w.i > participle.i);
    if (!noun || tokens.slice(participle.i + 1, noun.i).some((t) => t.head !== noun.i)) continue;
    relink(noun, count.head, 'obj');
    relink(count, noun.i, 'nummod');
    relink(participle, noun.i, 'amod');
    participle.upos = 'ADJ';
    for (const w of words) if (w.head === participle.i) w.head = count.head;
    done = true;
  }
  return done;
}

/**
 * "Talks between the Congolese government and the Kivu Patriotic Front resumed": the second party after "between"
 * read as a conjunct of the noun the phrase belongs to ("talks ... and the Front"). "Between" takes two parties
 * joined by "and", so the conjunct right after the first party is the second party.
 */
function secondPartyAfterBetween(tokens: Token[], words: Token[]): boolean {
  let done = false;
  for (const first of words) {
    if (!first.deprel.startsWith('nmod') || !words.some((w) => w.head === first.i && w.deprel === 'case' && /^between$/i.test(w.text))) continue;
    if (words.some((w) => w.head === first.i && w.deprel === 'conj')) continue;
    const noun = tokens[first.head]!;
    const second = words.find((w) => w.head === noun.i && w.deprel === 'conj' && w.i > first.i && /^(NOUN|PROPN)$/.test(w.upos));
    if (!second) continue;
    const and = words.find((w) => w.head === second.i && w.deprel === 'cc' && /^and$/i.test(w.text));
    // only the first party's own words between it and the "and"
    if (!and || tokens.slice(first.i + 1, and.i).some((t) => t.head !== first.i && tokens[t.head]?.head !== first.i)) continue;
    relink(second, first.i, 'conj');
    done = true;
  }
  return done;
}

/**
 * "will share customs data to fight smuggling": a compound object followed by a purpose infinitive read as a small
 * clause ("customs" the subject of "data", "data" a complement clause of the verb). A clause needs a verb; a noun
 * complement with a noun subject right before it and no copula is the object, its "subject" a compound of it, and
 * the infinitive the purpose of the verb.
 */
function objectReadAsSmallClause(tokens: Token[], words: Token[]): boolean {
  let done = false;
  // ("to share customs data": two nouns side by side both read as objects of the verb are one compound object)
  for (const first of words) {
    const second = tokens[first.i + 1];
    if (first.deprel !== 'obj' || first.upos !== 'NOUN' || !second || second.deprel !== 'obj' || second.upos !== 'NOUN' || second.head !== first.head) continue;
    if (words.some((w) => w.head === first.i)) continue;
    relink(first, second.i, 'compound');
    done = true;
  }
  for (const noun of words) {
    if (noun.upos !== 'NOUN' || !/^(ccomp|xcomp)$/.test(noun.deprel) || noun.head < 0 || tokens[noun.head]!.upos !== 'VERB') continue;
    if (words.some((w) => w.head === noun.i && /^(cop|aux|mark)/.test(w.deprel))) continue;
    const subject = words.find((w) => w.head === noun.i && /^nsubj/.test(w.deprel));
    if (!subject || subject.upos !== 'NOUN' || subject.i !== noun.i - 1 || words.some((w) => w.head === tokens[noun.head]!.i && w.deprel === 'obj')) continue;
    relink(subject, noun.i, 'compound');
    relink(noun, noun.head, 'obj');
    for (const w of words) {
      if (w.head === noun.i && w.deprel === 'acl' && w.upos === 'VERB' && words.some((m) => m.head === w.i && m.deprel === 'mark' && /^to$/i.test(m.text))) relink(w, noun.head, 'advcl');
    }
    done = true;
  }
  return done;
}

/**
 * "as part of a disarmament deal agreed in March": a past participle right after a noun, with no subject, no object
 * and no "and" before it, read as a second verb of the clause. A conjunct verb needs a conjunction or a comma; this
 * one describes the noun before it.
 */
function participleAfterNounReadAsConjunct(tokens: Token[], words: Token[]): boolean {
  let done = false;
  for (const verb of words) {
    if (verb.deprel !== 'conj' || verb.upos !== 'VERB' || !/^VB[DN]$/.test(verb.xpos)) continue;
    const noun = tokens[verb.i - 1];
    if (!noun || noun.upos !== 'NOUN' || noun.sentence !== verb.sentence || noun.head === verb.i) continue;
    if (words.some((w) => w.head === verb.i && /^(cc|nsubj|obj|aux|mark|expl|iobj|ccomp|xcomp)/.test(w.deprel))) continue;
    relink(verb, noun.i, 'acl');
    verb.xpos = 'VBN';
    done = true;
  }
  return done;
}

/**
 * "a joint operation against a cocaine smuggling network on Wednesday, arresting 31 suspects": a noun compound with
 * a gerund in it ("cocaine smuggling network") read as a noun with a participle clause whose object is the last
 * noun, so that what follows hangs inside the compound. A singular count noun with no determiner cannot be an
 * object on its own, so it is the head of the compound, and the phrases after it go back to the clause's verb.
 */
function gerundCompoundReadAsClause(tokens: Token[], words: Token[]): boolean {
  let done = false;
  for (const gerund of words) {
    if (gerund.xpos !== 'VBG' || gerund.deprel !== 'acl') continue;
    const first = tokens[gerund.head]!;
    const last = tokens[gerund.i + 1];
    if (first.i !== gerund.i - 1 || first.upos !== 'NOUN' || !last || last.head !== gerund.i || last.deprel !== 'obj' || last.xpos !== 'NN') continue;
    if (words.some((w) => w.head === last.i && w.deprel === 'det') || !words.some((w) => w.head === first.i && w.deprel === 'det')) continue;
    // the verb the phrase belongs to
    let verb = first;
    while (verb.head >= 0 && verb.upos !== 'VERB') verb = tokens[verb.head]!;
    if (verb.upos !== 'VERB') continue;
    relink(last, first.head, first.deprel);
    for (const w of words) if (w.head === first.i && w.i < first.i) w.head = last.i;
    relink(first, last.i, 'compound');
    relink(gerund, last.i, 'compound');
    gerund.upos = 'NOUN';
    gerund.xpos = 'NN';
    for (const w of words) if (w.head === gerund.i && w.i > last.i) w.head = verb.i;
    done = true;
  }
  return done;
}

/** Past tenses that are never nouns. */
const PAST_ONLY = /^(withdrew|began|took|gave|went|came|flew|drew|froze|broke|forgave|sought|fought|swore|spoke|wrote|chose|rose|threw|overthrew|undertook|forbade|stole|sank|sprang|shook|struck)$/i;

/**
 * "the Kenyan government withdrew on Monday a proposed cut": a past tense that is never a noun, tagged as a noun
 * with the subject before it as its modifiers. It is the verb: the noun before it is its subject, a phrase after it
 * with a preposition its oblique and one without its object, and it takes the noun's place in the sentence (an
 * opening participle it was hung on becomes adverbial to it).
 */
function pastTenseReadAsNoun(tokens: Token[], words: Token[]): boolean {
  let done = false;
  for (const verb of words) {
    if (verb.upos !== 'NOUN' || !PAST_ONLY.test(verb.text)) continue;
    const before = words.filter((w) => w.head === verb.i && w.i < verb.i);
    const subject = [...before].reverse().find((w) => /^(NOUN|PROPN)$/.test(w.upos) && /^(compound|nmod:poss|amod|nsubj)$/.test(w.deprel));
    if (!subject || subject.i !== verb.i - 1) continue;
    const oldHead = verb.head;
    const oldRelation = verb.deprel;
    for (const w of before) if (w !== subject) w.head = subject.i;
    relink(subject, verb.i, 'nsubj');
    verb.upos = 'VERB';
    verb.xpos = 'VBD';
    for (const w of words) {
      if (w.head !== verb.i || w.i < verb.i) continue;
      const hasCase = words.some((c) => c.head === w.i && c.deprel === 'case');
      if (/^(NOUN|PROPN|PRON|NUM)$/.test(w.upos)) w.deprel = hasCase ? 'obl' : 'obj';
    }
    const opener = oldHead >= 0 ? tokens[oldHead]! : undefined;
    if (opener && opener.head === -1 && opener.upos === 'VERB' && opener.xpos === 'VBG' && opener.i < verb.i && oldRelation === 'obj') {
      relink(verb, -1, 'root');
      relink(opener, verb.i, 'advcl');
      for (const w of words) if (w.head === opener.i && w.i > verb.i) w.head = verb.i;
      for (const w of words) if (w.head === opener.i && w.deprel === 'punct' && w.i > subject.i) w.head = verb.i;
    } else if (oldHead === -1) {
      verb.deprel = 'root';
    }
    done = true;
  }
  return done;
}

/**
 * "lifted the ban after weeks of protests by fishermen", "recalled its ambassador after remarks by the Croatian
 * president": a "by" phrase right after a noun, hung on a verb that is active (it has its own object and no passive
 * auxiliary). An active verb has no agent phrase, so the "by" phrase names who made the noun before it.
 */
function agentOfNounReadAsAgentOfVerb(tokens: Token[], words: Token[]): boolean {
  let done = false;
  for (const agent of words) {
    if (!agent.deprel.startsWith('obl') || agent.head < 0) continue;
    const by = words.find((w) => w.head === agent.i && w.deprel === 'case' && /^by$/i.test(w.text));
    const verb = tokens[agent.head]!;
    if (!by || verb.upos !== 'VERB') continue;
    const kids = words.filter((w) => w.head === verb.i);
    if (!kids.some((w) => w.deprel === 'obj') || kids.some((w) => /^(aux:pass|nsubj:pass)$/.test(w.deprel))) continue;
    const noun = tokens[by.i - 1];
    if (!noun || noun.upos !== 'NOUN' || noun.i <= verb.i) continue;
    // the noun sits in a phrase of the same verb ("after protests", "after weeks of protests")
    let top = noun;
    for (let hops = 0; top.head !== verb.i && top.head >= 0 && hops < 4; hops++) top = tokens[top.head]!;
    if (top.head !== verb.i || top === noun && !/^(obl|nmod)/.test(noun.deprel) || top.deprel === 'obj' && top === noun) continue;
    relink(agent, noun.i, 'nmod');
    done = true;
  }
  return done;
}


/**
 * "On Tuesday, Colombia's government and the rebel Andean Liberation Front announced a ceasefire": the subject after
 * an opening time or place phrase and its comma, read as an apposition (or conjunct) of that phrase, while the
 * main verb after it has no subject. A day or a statement is never the same thing as a government, so the phrase
 * is the verb's subject.
 */
function subjectReadAsOpenerApposition(tokens: Token[], words: Token[]): boolean {
  const opener = words[0]!;
  if (opener.upos !== 'ADP' || opener.deprel !== 'case') return false;
  const phrase = tokens[opener.head]!;
  const verb = phrase.head >= 0 ? tokens[phrase.head]! : undefined;
  if (!verb || verb.upos !== 'VERB' || !phrase.deprel.startsWith('obl')) return false;
  const comma = words.find((w) => w.text === ',' && w.i > phrase.i && w.i < verb.i);
  if (!comma) return false;
  const subject = words.find((w) => w.head === phrase.i && w.i > comma.i && w.i < verb.i && /^(appos|conj)$/.test(w.deprel) && NOMINAL.has(w.upos));
  if (!subject || words.some((w) => w.i > comma.i && w.i < subject.i && (w.head === phrase.i || w.upos === 'VERB'))) return false;
  // ("On Sunday, Sudan's army and the Rapid Support Forces announced": the verb kept only the last conjunct as its
  // subject, with the "and" before it)
  const own = words.filter((w) => w.head === verb.i && /^nsubj/.test(w.deprel));
  const and = own.length === 1 ? words.find((w) => w.deprel === 'cc' && w.i > subject.i && w.i < own[0]!.i && (w.head === verb.i || w.head === own[0]!.i)) : undefined;
  if (own.length && !and) return false;
  relink(subject, verb.i, own[0]?.deprel ?? 'nsubj');
  relink(comma, phrase.i, 'punct');
  if (and) {
    relink(own[0]!, subject.i, 'conj');
    relink(and, own[0]!.i, 'cc');
  }
  return true;
}

/** Past tenses spelled like an adjective or a participle ("set", "cut", "shut"). */
const PAST_LIKE_ADJECTIVE = /^(set|put|cut|hit|shut|spread|cast|let)$/i;

/**
 * "Rioters set fire to a police station": a sentence-initial plural noun read as the root, with the past tense after
 * it read as an adjective on the noun that follows, which hangs on the root noun as its object. A noun takes no
 * object, so the word is the verb: the noun before it is its subject, and the phrases after it are its own.
 */
function pastVerbReadAsObjectModifier(tokens: Token[], words: Token[]): boolean {
  const root = words.find((w) => w.head === -1);
  if (!root || root.upos !== 'NOUN') return false;
  const verb = tokens[root.i + 1];
  const object = verb ? tokens[verb.head] : undefined;
  if (!verb || !object || !PAST_LIKE_ADJECTIVE.test(verb.text) || verb.upos === 'VERB' || object.head !== root.i || object.deprel !== 'obj' || object.i !== verb.i + 1) return false;
  relink(verb, -1, 'root');
  verb.upos = 'VERB';
  verb.xpos = 'VBD';
  relink(root, verb.i, 'nsubj');
  relink(object, verb.i, 'obj');
  for (const w of words) {
    if (w.head !== root.i || w.i < verb.i) continue;
    w.head = verb.i;
    if (w.deprel.startsWith('nmod')) w.deprel = 'obl';
  }
  return true;
}

/**
 * "released three hostages hours later", "freed three of them days later": the object right before a span of time
 * ("hours later", "two days ago"), read as a compound of the time noun, while the verb has no object. A span of
 * hours is not a kind of hostage, so the noun is the verb's object and the span its own phrase.
 */
function objectReadAsCompoundOfTimeSpan(tokens: Token[], words: Token[]): boolean {
  let done = false;
  for (const span of words) {
    if (!/^(seconds|minutes|hours|days|weeks|months|years)$/i.test(span.text) || span.head < 0) continue;
    const adverb = tokens[span.head]!;
    if (!/^(later|earlier|ago|afterwards|before)$/i.test(adverb.text) || adverb.head < 0) continue;
    const verb = tokens[adverb.head]!;
    // (or a number counting them: "released three of the passengers hours later")
    const object = words.find((w) => w.head === span.i && w.i < span.i && ((w.deprel === 'compound' && /^(NOUN|PROPN)$/.test(w.upos)) || (w.deprel === 'nummod' && words.some((c) => c.head === w.i && c.deprel.startsWith('nmod')))));
    if (verb.upos !== 'VERB' || !object || verb.i > object.i) continue;
    if (words.some((w) => w.head === verb.i && w.deprel === 'obj')) continue;
    relink(object, verb.i, 'obj');
    done = true;
  }
  return done;
}

/**
 * "Uganda has asked Interpol to help arrest ...": a capitalised name the tagger did not know, read as an adjective
 * complement of a verb of asking, with the infinitive of what is asked hung on it. An adjective takes no
 * infinitive of a request, so the name is the one asked (the object) and the infinitive completes the verb.
 */
function askedNameReadAsAdjective(tokens: Token[], words: Token[]): boolean {
  let done = false;
  for (const name of words) {
    if (name.upos !== 'ADJ' || name.deprel !== 'xcomp' || !/^\p{Lu}/u.test(name.text) || name.i === words[0]!.i) continue;
    const verb = tokens[name.head]!;
    if (verb.upos !== 'VERB' || !ASKING.has(verb.lemma.toLowerCase()) || words.some((w) => w.head === verb.i && /^i?obj$/.test(w.deprel))) continue;
    const infinitive = words.find((w) => w.head === name.i && w.upos === 'VERB' && tokens[w.i - 1]?.text.toLowerCase() === 'to' && w.i === name.i + 2);
    if (!infinitive) continue;
    name.upos = 'PROPN';
    name.xpos = 'NNP';
    relink(name, verb.i, 'obj');
    relink(infinitive, verb.i, 'xcomp');
    done = true;
  }
  return done;
}

/**
 * "European Commission President Ursula von der Leyen met ...": a title and a name read as two subjects of one verb,
 * with nothing between them (no "and", no comma). A verb has one subject: the first is the title of the second.
 */
function titleReadAsSecondSubject(tokens: Token[], words: Token[]): boolean {
  let done = false;
  for (const verb of words) {
    const subjects = words.filter((w) => w.head === verb.i && w.deprel === 'nsubj');
    if (subjects.length !== 2) continue;
    const [title, name] = subjects as [Token, Token];
    if (title.upos !== 'PROPN' || name.upos !== 'PROPN' || name.i > verb.i) continue;
    const between = words.filter((w) => w.i > title.i && w.i < name.i);
    if (between.some((w) => w.deprel === 'cc' || w.text === ',' || !/^\p{L}/u.test(w.text))) continue;
    relink(title, name.i, 'compound');
    done = true;
  }
  return done;
}
