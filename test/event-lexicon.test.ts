// The generated event-trigger lexicon (src/extract/event-lexicon.ts): up to date with its generator, and spot checks
// taken from what PETRARCH2's CAMEO.2.0.txt and CAMEO2PLOVER-2021.txt actually say.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PLOVER_TYPES } from '../src/contract.js';
import { VERB_OBJECT_SENSES, VERB_PREP_SENSES, VERB_SENSES } from '../src/extract/event-lexicon.js';
import {
  eventCode,
  eventLexiconDataAvailable,
  loadEventLexicon,
  parsePloverTable,
  ploverMapping,
  renderEventLexicon,
  verbForms,
} from '../train/event-lexicon.js';
import { dataDir } from '../train/data.js';
import { repoRoot } from './helpers.js';

const dir = dataDir([]);
const skip = eventLexiconDataAvailable(dir)
  ? false
  : `CAMEO/PLOVER data not found under ${dir} (set PARLEY_DATA or put ../shared/data/petrarch2 and ../shared/data/plover beside the repo)`;

test('the generated module is up to date with train/event-lexicon.ts', { skip }, () => {
  const lexicon = loadEventLexicon(dir);
  assert.deepStrictEqual(VERB_SENSES, lexicon.verbs);
  assert.deepStrictEqual(VERB_OBJECT_SENSES, lexicon.verbObjects);
  assert.deepStrictEqual(VERB_PREP_SENSES, lexicon.verbPreps);
  const source = join(repoRoot, 'src', 'extract', 'event-lexicon.ts');
  if (existsSync(source)) assert.ok(readFileSync(source, 'utf8') === renderEventLexicon(lexicon), 'regenerate: node dist/train/event-lexicon.js');
});

test('keys are sorted lower-case forms, senses are PLOVER types, generic verbs are absent', () => {
  for (const table of [VERB_SENSES, VERB_OBJECT_SENSES, VERB_PREP_SENSES]) {
    const keys = Object.keys(table);
    assert.deepEqual(keys, [...keys].sort());
    for (const key of keys) {
      assert.equal(key, key.toLowerCase());
      const sense = table[key]!;
      assert.ok(PLOVER_TYPES.includes(sense.type), `${key}: ${sense.type}`);
      assert.match(sense.cameo, /^\d{3,4}$/);
    }
  }
  for (const key of Object.keys(VERB_OBJECT_SENSES)) assert.equal(key.split(' ').length, 2, key);
  for (const key of Object.keys(VERB_PREP_SENSES)) assert.equal(key.split(' ').length, 2, key);
  // be, have, do, make, get, go, come, take, give, say, tell, will, would
  for (const form of ['is', 'has', 'did', 'made', 'got', 'went', 'came', 'took', 'gave', 'said', 'says', 'told', 'will', 'would']) {
    assert.equal(VERB_SENSES[form], undefined, form);
    for (const table of [VERB_OBJECT_SENSES, VERB_PREP_SENSES]) assert.ok(!Object.keys(table).some((k) => k.startsWith(form + ' ')), form);
  }
});

test('verb blocks give their code to every inflection', () => {
  // ---  MEET_PEOPLE   [040]  ---  MEET {MEETS MET MEETING}, +MEET_WITH {+MET_WITH +MEETS_WITH +MEETING_WITH}
  for (const form of ['meet', 'meets', 'met', 'meeting']) assert.deepEqual(VERB_SENSES[form], { type: 'CONSULT', mode: null, cameo: '040' }, form);
  assert.deepEqual(VERB_PREP_SENSES['met with'], { type: 'CONSULT', mode: null, cameo: '040' });
  // ---  VISIT   [042:043]  ---: the first code of a source:target pair; 042 is CONSULT, visit
  assert.deepEqual(VERB_SENSES['visited'], { type: 'CONSULT', mode: 'visit', cameo: '042' });
  // ---  STAB   [182]  ---  BEAT {BEATS BEATING BEATEN } [182]: listed irregular forms
  assert.deepEqual(VERB_SENSES['beaten'], { type: 'ASSAULT', mode: 'beat', cameo: '182' });
  // ---  IMPOSE   [170]  ---
  assert.deepEqual(VERB_SENSES['imposed'], { type: 'COERCE', mode: null, cameo: '170' });
  // +CALL_OFF [160] in the CANCEL [---] block: a particle verb with its own code (160 SANCTION)
  assert.deepEqual(VERB_PREP_SENSES['called off'], { type: 'SANCTION', mode: null, cameo: '160' });
  // ASK [020]: CAMEO 02 (appeal) has no PLOVER type
  assert.equal(VERB_SENSES['ask'], undefined);
  assert.equal(VERB_SENSES['asked'], undefined);
});

test('patterns give verb + object and verb + particle senses', () => {
  // IMPOSE: `- * SANCTIONS [163]`; the PLOVER table files 163 (embargo, boycott, sanctions) under COERCE, restrict
  assert.deepEqual(VERB_OBJECT_SENSES['impose sanctions'], { type: 'COERCE', mode: 'restrict', cameo: '163' });
  assert.deepEqual(VERB_OBJECT_SENSES['imposes sanctions'], { type: 'COERCE', mode: 'restrict', cameo: '163' });
  // DECLARE: `- * &CEASEFIRE [0871]`, &CEASEFIRE = TRUCE ARMISTICE CEASE-FIRE CEASEFIRE CEASE_FIRE, plurals generated
  for (const key of ['declare ceasefire', 'declared truces', 'declares cease-fire', 'declaring armistice'])
    assert.deepEqual(VERB_OBJECT_SENSES[key], { type: 'RETREAT', mode: 'ceasefire', cameo: '0871' }, key);
  // ACCELERATE: `- * (TO) [042:043] # RUSH` spells "rush to" out and outranks `- * (TO BORDER) [154] # RUSH`
  assert.deepEqual(VERB_PREP_SENSES['rushed to'], { type: 'CONSULT', mode: 'visit', cameo: '042' });
  // HACK: `- * COMPUTER [176] # HACK`; 176 is not in the PLOVER table, so its parent 17 (COERCE) maps it
  assert.deepEqual(VERB_OBJECT_SENSES['hacked computer'], { type: 'COERCE', mode: null, cameo: '176' });
  // CALL: `- * (FOR) [020] # CALL` is an appeal, which PLOVER drops: no sense, and no ACCUSE from `(FOR SACKING) [110]`
  assert.equal(VERB_PREP_SENSES['called for'], undefined);
  // MEET_PEOPLE: `- * TRIAL [:173] # FACE` is an event done to the subject, not by it
  assert.equal(VERB_OBJECT_SENSES['faced trial'], undefined);
});

test('codes, PLOVER fall-back and inflections', () => {
  assert.equal(eventCode('042:043'), '042');
  assert.equal(eventCode(':173'), null);
  assert.equal(eventCode('---'), null);
  assert.equal(eventCode('080!'), '080');
  const table = parsePloverTable('04: CONSULT\n043: CONSULT, visit,   # Host a visit\n08: CONCEDE\n08: RETREAT\n');
  assert.deepEqual(ploverMapping('0431', table), { type: 'CONSULT', mode: 'visit' });
  assert.deepEqual(ploverMapping('041', table), { type: 'CONSULT', mode: null });
  assert.equal(ploverMapping('088', table), null); // 08 is listed under two types
  assert.equal(ploverMapping('020', table), null);
  assert.deepEqual(verbForms('ban', null), ['ban', 'bans', 'banned', 'banning']);
  assert.deepEqual(verbForms('agree', null), ['agree', 'agrees', 'agreed', 'agreeing']);
  assert.deepEqual(verbForms('admit', null), ['admit', 'admits', 'admitted', 'admitting']);
  assert.deepEqual(verbForms('visit', null), ['visit', 'visits', 'visited', 'visiting']);
  assert.deepEqual(verbForms('cancel', null), ['cancel', 'cancels', 'canceled', 'cancelled', 'canceling', 'cancelling']);
  assert.deepEqual(verbForms('set', null), ['set', 'sets', 'setting']);
  assert.deepEqual(verbForms('speed', ['speeding', 'speeds', 'sped']), ['speed', 'speeding', 'speeds', 'sped', 'speeded']);
  assert.deepEqual(verbForms('rise', ['rises', 'rose', 'risen']), ['rise', 'rises', 'rose', 'risen', 'rising']);
});
