// General patterns found on wire-style texts written after the coder was tuned (ev531 to ev590). Sentences written
// for these tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codedEvents } from './extraction.js';

const coded = (text: string): string[] => codedEvents(text, '2026-05-04', true);

test('a name set off by commas after a noun is that noun\'s apposition, wherever the parser hung it', () => {
  assert.deepEqual(coded('Prosecutors in Hungary charged a former transport minister, Laszlo Bognar, with fraud on Friday.'), ['ACCUSE Hungary -> Laszlo Bognar']);
  assert.deepEqual(coded('Moscow warned that it would respond if the Estonian defence minister, Tiit Kallas, went ahead with a visit to Kyiv.'), ['THREATEN Russia -> Tiit Kallas']);
  assert.deepEqual(coded('Venezuela refused on Tuesday to let the OAS envoy, Marta Quiroga, visit jailed opposition leaders.'), ['REJECT Venezuela -> Marta Quiroga']);
});

test('"armed men" and "masked men" are a group that acts, though "men" alone is not', () => {
  assert.deepEqual(coded('Two aid workers were kidnapped by armed men near Gao on Sunday.'), ['ASSAULT armed men -> aid workers']);
  assert.deepEqual(coded('Masked men abducted three teachers in Zamfara on Monday.'), ['ASSAULT masked men -> teachers']);
});
