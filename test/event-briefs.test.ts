// General patterns found on short news briefs (a lead and a follow-up that refers back) written after the coder was
// tuned (ev591 to ev640). Sentences written for these tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codedEvents } from './extraction.js';

const coded = (text: string): string[] => codedEvents(text, '2026-05-04', true);

test('a definite description opening a later sentence ("the two sides", "the ministry", "the party") refers back to the actors of the sentence before', () => {
  assert.deepEqual(coded('Chile and Argentina signed a fisheries accord on Monday. The two countries also agreed to hold joint patrols in the Beagle Channel.'),
    ['SUPPORT Argentina, Chile -> ', 'AGREE Argentina, Chile -> ']);
  assert.deepEqual(coded("Nepal's foreign ministry accused India of blocking fuel lorries at the border. The ministry urged New Delhi to lift the restrictions."),
    ['ACCUSE Nepal -> India', 'REQUEST Nepal -> India']);
  assert.deepEqual(coded('Greek troops pulled back from a disputed hill on Friday under a deal with Albania. The two sides had agreed in 2024 to keep the area free of soldiers.'),
    ['RETREAT Greece -> ', 'AGREE Albania, Greece -> ']);
  // a description with its own owner is not an anaphor
  assert.deepEqual(coded("Nepal's foreign ministry accused India of blocking fuel lorries. The Indian government urged Kathmandu to stop the claims."),
    ['ACCUSE Nepal -> India', 'REQUEST India -> Nepal']);
});
