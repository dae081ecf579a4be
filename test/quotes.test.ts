// Quote attribution on sentences written for these tests: what counts as reported speech, and who speaks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractText } from './extraction.js';

type Record = ReturnType<typeof extractText>;
const nameOf = (record: Record, id: string | null) => record.actors.find((a) => a.id === id)?.name;
const cues = (record: Record) => record.quotes.map((q) => q.cue?.text ?? null);

test('a participle after the reported clause is said by the speaker of the clause, not by a name inside it', () => {
  const record = extractText(
    'Norwegian Foreign Minister Lena Holm stated that any settlement would require strong EU backing to hold, ' +
      'suggesting the possibility of sending monitors to the border.',
  );
  const suggesting = record.quotes.find((q) => q.cue?.text === 'suggesting');
  assert.ok(suggesting, JSON.stringify(record.quotes));
  assert.equal(nameOf(record, suggesting.speaker), 'Lena Holm');
  assert.match(suggesting.content.text, /^the possibility of sending monitors/);
  const stated = record.quotes.find((q) => q.cue?.text === 'stated');
  assert.ok(stated && !stated.content.text.includes('suggesting'), JSON.stringify(record.quotes));
});

test('looking troubled, deciding, agreeing on a matter and knowing report no words', () => {
  const record = extractText(
    'Prime Minister Jonas Vik appeared visibly shaken when the result came in.\n\n' +
      'Both Norway and Denmark decided to set up a commission to examine the dispute.\n\n' +
      'The ministers struggled to agree on a joint statement.\n\n' +
      'Vik left the hall early, knowing that the vote was lost.',
  );
  assert.deepEqual(record.quotes, [], JSON.stringify(record.quotes));
});

test('agreeing that something is so still reports what was agreed', () => {
  const record = extractText('Prime Minister Jonas Vik agreed that the talks in Bergen had been useful for both sides.');
  assert.deepEqual(cues(record), ['agreed']);
  assert.equal(nameOf(record, record.quotes[0]!.speaker), 'Jonas Vik');
  assert.match(record.quotes[0]!.content.text, /the talks in Bergen had been useful/);
});

test('of two cues in a sentence, the one nearest a quotation introduces it, and the other keeps its own clause', () => {
  const record = extractText(
    'Norwegian Foreign Minister Lena Holm said the talks had been useful and added, “We will meet again in Bergen in June to settle the quotas.”',
  );
  assert.deepEqual(cues(record), ['said', 'added'], JSON.stringify(record.quotes));
  assert.equal(record.quotes[0]!.content.text, 'the talks had been useful');
  assert.equal(record.quotes[1]!.kind, 'direct');
  assert.equal(record.quotes[1]!.content.text, 'We will meet again in Bergen in June to settle the quotas.');
  assert.deepEqual(record.quotes.map((q) => nameOf(record, q.speaker)), ['Lena Holm', 'Lena Holm']);
});

test('reported words end before a reporting verb joined to them that has no subject of its own', () => {
  const record = extractText('Norwegian Foreign Minister Lena Holm said she regretted her remarks about the fleet and promised to stay out of the dispute.');
  assert.deepEqual(cues(record), ['said', 'promised'], JSON.stringify(record.quotes));
  assert.equal(record.quotes[0]!.content.text, 'she regretted her remarks about the fleet');
  assert.equal(record.quotes[1]!.content.text, 'to stay out of the dispute');
  assert.equal(nameOf(record, record.quotes[0]!.speaker), 'Lena Holm');
});

test('“CLAUSE, said NAME, TITLE”: the clause is reported and the name speaks; “NAME, TITLE, said NAME2 was ...”: the first name speaks', () => {
  // (the parser takes the clause for the subject of "said" and the name for its object here)
  const inverted = extractText(
    'Holm also lacks support from her colleagues in Oslo, whom she has alienated with her rhetoric, said Jonas Vik, director of the Institute for Fisheries Research.',
  );
  assert.equal(inverted.quotes.length, 1, JSON.stringify(inverted.quotes));
  assert.equal(inverted.quotes[0]!.content.text, 'Holm also lacks support from her colleagues in Oslo, whom she has alienated with her rhetoric');
  assert.equal(nameOf(inverted, inverted.quotes[0]!.speaker), 'Jonas Vik');
  const apposed = extractText('Lena Holm, the director of the Norwegian Fisheries Agency, said Jonas Vik was wrong about the quotas.');
  assert.equal(apposed.quotes.length, 1, JSON.stringify(apposed.quotes));
  assert.equal(apposed.quotes[0]!.content.text, 'Jonas Vik was wrong about the quotas');
  assert.equal(nameOf(apposed, apposed.quotes[0]!.speaker), 'Lena Holm');
});

test('a verb that reports clauses, parsed with the clause subject as its object, still reports the whole clause', () => {
  const record = extractText(
    'Norwegian Foreign Minister Lena Holm defended the plan, saying the fleet is key to winning the vote in the north.\n\n' +
      'Holm predicted lawsuits could be filed over the long waits at the harbour.',
  );
  const saying = record.quotes.find((q) => q.cue?.text === 'saying');
  assert.equal(saying?.content.text, 'the fleet is key to winning the vote in the north', JSON.stringify(record.quotes));
  const predicted = record.quotes.find((q) => q.cue?.text === 'predicted');
  assert.equal(predicted?.content.text, 'lawsuits could be filed over the long waits at the harbour', JSON.stringify(record.quotes));
  assert.equal(nameOf(record, predicted.speaker), 'Lena Holm');
});

test('a quote interrupted by a speaker tag stays one quote when the tag holds a title in quote marks or ends at an abbreviation', () => {
  const record = extractText(
    'Foreign Minister Anna Berg of Sweden spoke in Oslo on Friday.\n\n' +
      '“The quotas are a fair start for everyone on the coast,” said Anna Berg, the author of “Cold Waters,” who studies fisheries at Uppsala. “We will meet again in June to review them.”\n\n' +
      '“The fleet needs a clear answer before the season opens,” Berg said at a rally in Bergen, N.Y. “Nobody on the boats can wait until the autumn.”',
  );
  assert.equal(record.quotes.length, 2, JSON.stringify(record.quotes));
  assert.match(record.quotes[0]!.content.text, /^The quotas are a fair start.*review them\.$/);
  assert.match(record.quotes[1]!.content.text, /^The fleet needs a clear answer.*until the autumn\.$/);
  assert.deepEqual(record.quotes.map((q) => nameOf(record, q.speaker)), ['Anna Berg', 'Anna Berg']);
});

test('“put it” introduces a quotation: “As X put it, ...” and “X put it bluntly: ...”', () => {
  const record = extractText(
    'Jonas Vik is the Norwegian fisheries minister.\n\n' +
      'As one Norwegian diplomat put it, “The fleet is a matter of national pride.” Vik put it more bluntly: “We will not give up a single boat.”',
  );
  assert.deepEqual(cues(record), ['put', 'put'], JSON.stringify(record.quotes));
  assert.deepEqual(record.quotes.map((q) => q.kind), ['direct', 'direct']);
  assert.equal(record.quotes[0]!.speakerMention?.text, 'one Norwegian diplomat');
  assert.equal(nameOf(record, record.quotes[1]!.speaker), 'Jonas Vik');
  assert.equal(record.quotes[1]!.content.text, 'We will not give up a single boat.');
});

test('“according to” in brackets reports what the brackets hold, and its source ends at the bracket', () => {
  const record = extractText('Coastal towns like Tromsø (93 percent of voters there were fishermen, according to exit polls) backed Jonas Vik in the election.');
  const according = record.quotes.find((q) => q.cue?.text === 'according');
  assert.ok(according, JSON.stringify(record.quotes));
  assert.equal(according.content.text, '93 percent of voters there were fishermen');
  assert.equal(according.speaker, null);
  assert.equal(according.speakerMention?.text, 'exit polls');
});

test('“Asked if ..., X said ...”: the question is reported as put to the main clause’s subject, and ends at the comma', () => {
  const record = extractText('Asked if the fleet would ever leave the harbour, the Norwegian fisheries minister said no.');
  const asked = record.quotes.find((q) => q.cue?.text === 'Asked');
  assert.ok(asked, JSON.stringify(record.quotes));
  assert.equal(asked.content.text, 'if the fleet would ever leave the harbour');
  assert.equal(asked.speakerMention?.text, 'the Norwegian fisheries minister');
  assert.ok(record.quotes.some((q) => q.cue?.text === 'said' && q.content.text === 'no'), JSON.stringify(record.quotes));
});

test('a speaker tag inside a quote joined across it still reports words of its own', () => {
  const record = extractText(
    '“We came to Bergen to listen to the fishermen,” said Lena Holm, noting that the quota talks ' +
      'had stalled. “The rest of the agenda can wait until the autumn.”',
  );
  const joined = record.quotes.find((q) => q.kind === 'direct' && q.content.text.startsWith('We came'));
  assert.ok(joined && joined.content.text.endsWith('until the autumn.'), JSON.stringify(record.quotes));
  const noting = record.quotes.find((q) => q.cue?.text === 'noting');
  assert.ok(noting, JSON.stringify(record.quotes));
  assert.match(noting.content.text, /the quota talks had stalled/);
  assert.equal(nameOf(record, noting.speaker), 'Lena Holm');
});

test('a spaced hyphen after a quotation stands for a dash before its speaker’s name', () => {
  const record = extractText(
    'Foreign Minister Lena Holm met fishermen in Bergen on Monday.\n\n“We will not sign any fishing agreement before the autumn.”\n- Lena Holm',
  );
  assert.equal(record.quotes.length, 1, JSON.stringify(record.quotes));
  assert.equal(record.quotes[0]!.content.text, 'We will not sign any fishing agreement before the autumn.');
  assert.equal(nameOf(record, record.quotes[0]!.speaker), 'Lena Holm');
});

test('a frame of middling precision reports when a name or a personal pronoun is its subject', () => {
  const named = extractText('Lena Holm addressed the quota dispute at a meeting with fishermen in Bergen.');
  const addressed = named.quotes.find((q) => q.cue?.text === 'addressed');
  assert.ok(addressed, JSON.stringify(named.quotes));
  assert.equal(nameOf(named, addressed.speaker), 'Lena Holm');
  assert.match(addressed.content.text, /^the quota dispute/);
  assert.deepEqual(extractText('The new report addressed the quota dispute at length.').quotes, []);
});

test('a noun of middling precision reports when a name or a personal pronoun owns it', () => {
  const record = extractText('Lena Holm’s attack on the quota deal surprised the Danish delegation.');
  const attack = record.quotes.find((q) => q.cue?.text === 'attack');
  assert.ok(attack, JSON.stringify(record.quotes));
  assert.equal(nameOf(record, attack.speaker), 'Lena Holm');
  assert.equal(attack.content.text, 'the quota deal');
  assert.deepEqual(extractText('The attack on the quota deal surprised the Danish delegation.').quotes, []);
});

test('a role noun with the name in apposition speaks as that person, and so does the pronoun that follows it', () => {
  const record = extractText(
    "Moldova's justice minister, Irina Cojocaru, said she welcomed the ruling but warned that appeals could take months.\n\n" +
      '"We will not rush this," she said.',
  );
  const speakers = record.quotes.map((q) => `${q.cue?.text}:${nameOf(record, q.speaker)}`);
  assert.deepEqual(speakers, ['said:Irina Cojocaru', 'warned:Irina Cojocaru', 'said:Irina Cojocaru']);
});

test('a past-tense verb joined to a reported clause in another tense continues the reporting clause', () => {
  const record = extractText(
    'Chilean Interior Minister Tomas Fuentes said a new border wall would only push migrants towards the desert and called the proposal cruel.',
  );
  const called = record.quotes.find((q) => q.cue?.text === 'called');
  assert.equal(nameOf(record, called?.speaker ?? null), 'Tomas Fuentes', JSON.stringify(record.quotes));
  // but a verb in the reported clause's own tense stays in it
  const same = extractText('Kenya said Uganda had closed the crossing and detained six traders.');
  assert.ok(!same.quotes.some((q) => q.cue?.text === 'detained'), JSON.stringify(same.quotes));
});

test('a participle after a comma hung inside an infinitive is said by the subject of the finite verb', () => {
  const record = extractText('Georgia told three Armenian journalists to leave the region by Friday, accusing them of spying.');
  const accusing = record.quotes.find((q) => q.cue?.text === 'accusing');
  assert.equal(nameOf(record, accusing?.speaker ?? null), 'Georgia', JSON.stringify(record.quotes));
});

test('a spokesperson for a body named again by its last word speaks for that body', () => {
  const record = extractText('The African Development Bank approved the loan on Monday.\n\nA spokeswoman for the bank said the money would arrive in March.');
  const said = record.quotes.find((q) => q.cue?.text === 'said');
  assert.equal(nameOf(record, said?.speaker ?? null), 'African Development Bank', JSON.stringify(record.quotes));
});

test('a that-clause after a day of the week is what was said, not a clause about the day', () => {
  const record = extractText('Egypt\'s foreign minister Sameh Nabil had said on Thursday that Cairo would not accept "any unilateral step" and asked the African Union to intervene.');
  const said = record.quotes.find((q) => q.cue?.text === 'said');
  assert.match(said?.content.text ?? '', /^that Cairo would not accept/, JSON.stringify(record.quotes));
});

test('a cue inside the clause another cue reports does not report that cue back', () => {
  const record = extractText('Opposition leader Marta Gil said the government had conceded too much and demanded a vote in parliament.');
  assert.deepEqual(cues(record), ['said', 'demanded'], JSON.stringify(record.quotes));
});

test('a group the entity model missed, met later by the event coder, is the speaker its phrase names', () => {
  const record = extractText('The Rapid Support Forces, which control most of Darfur, said they were ready for talks but accused the army of blocking aid deliveries.');
  const said = record.quotes.find((q) => q.cue?.text === 'said');
  assert.equal(nameOf(record, said?.speaker ?? null), 'Rapid Support Forces', JSON.stringify({ actors: record.actors, quotes: record.quotes }));
});

test('calling an act a disgrace opposes it', () => {
  const record = extractText('Irish Foreign Minister Helen McEntee called the veto "a disgrace".');
  assert.deepEqual(record.stances.map((s) => `${nameOf(record, s.holder)} ${s.polarity} ${s.issue}`), ['Helen McEntee oppose veto']);
});

test('what one is urged to do is the content of "urged", not the relative clause inside it', () => {
  const record = extractText("China's foreign ministry urged both countries to avoid steps that could raise tensions in the region.");
  const urged = record.quotes.find((q) => q.cue?.text === 'urged');
  assert.match(urged?.content.text ?? '', /^both countries to avoid steps/, JSON.stringify(record.quotes));
});

test('"..., two officials familiar with the talks said": the described officials speak, not a country named in what they said', () => {
  const record = extractText('The deal would lift tariffs on Canadian steel in stages, two officials familiar with the talks said.');
  const said = record.quotes.find((q) => q.cue?.text === 'said');
  assert.equal(said?.speaker, null, JSON.stringify(record.quotes));
  assert.match(said?.speakerMention?.text ?? '', /officials/);
});

test('a text that says something is said by whoever adopted or issued it', () => {
  const record = extractText('The Pan-African Parliament adopted a resolution on Thursday condemning the arrests and calling for the release of the journalists.');
  assert.deepEqual(record.quotes.map((q) => `${q.cue?.text}:${nameOf(record, q.speaker)}`), ['condemning:Pan-African Parliament', 'calling:Pan-African Parliament'], JSON.stringify(record.quotes));
});

test('"CLAUSE, X said on Monday, as ...": the clause before the tag is what was said, not the as-clause after it', () => {
  const record = extractText("Russia has moved several thousand troops and new artillery units to bases near the Finnish border in recent weeks, Finland's defence forces said on Monday, as 20,000 NATO soldiers began exercises in northern Norway.");
  const said = record.quotes.find((q) => q.cue?.text === 'said');
  assert.match(said?.content.text ?? '', /^Russia has moved several thousand troops/, JSON.stringify(record.quotes));
});
