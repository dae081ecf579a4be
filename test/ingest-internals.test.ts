// Unit tests for two internal helpers whose rules are easy to get subtly wrong.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { normaliseDate } from '../src/ingest/dates.js';
import { notEnglishReason } from '../src/ingest/language.js';

describe('normaliseDate', () => {
  const cases: Array<[unknown, string | null]> = [
    ['2025-02-18', '2025-02-18'],
    ['2025-02-18T23:30:00-08:00', '2025-02-18'], // the publisher's calendar day, not shifted to UTC
    ['2025/02/18', '2025-02-18'],
    ['20250218', '2025-02-18'],
    ['Tue, 04 Mar 2025 23:30:00 -0500', '2025-03-04'],
    ['February 18, 2025', '2025-02-18'],
    ['Feb. 18, 2025 at 5:01 p.m. ET', '2025-02-18'],
    ['18 February 2025', '2025-02-18'],
    ['March 4', null], // no year: unknown rather than guessed
    ['3 days ago', null],
    ['2025-02-30', null],
    ['not a date', null],
    ['', null],
    [undefined, null],
    [new Date(Date.UTC(2024, 0, 5)), '2024-01-05'],
  ];
  for (const [input, expected] of cases) {
    test(`${String(input)} -> ${expected}`, () => assert.equal(normaliseDate(input), expected));
  }
});

describe('notEnglishReason', () => {
  test('English news prose passes', () => {
    const text = 'The foreign minister said on Tuesday that the talks with the delegation had been useful, but that ' +
      'no agreement would be signed before the end of the month, according to officials who were at the meeting.';
    assert.equal(notEnglishReason(text), null);
  });

  test('English text full of foreign names still passes', () => {
    const text = 'Le Pen and de Villepin met Mélenchon in Paris, while Sánchez, Di Maio and van der Leyen were in ' +
      'Brussels for the summit of the European Council, where the leaders said that they would discuss the budget.';
    assert.equal(notEnglishReason(text), null);
  });

  test('Spanish, Italian and Portuguese are recognised', () => {
    assert.equal(notEnglishReason('El gobierno anunció el martes que no apoyará la propuesta de ley, según el ministro, porque es muy cara para las cuentas públicas y no fue discutida con los sindicatos ni con la oposición.'), 'looks like es');
    assert.equal(notEnglishReason('Il governo ha annunciato che non sosterrà la proposta di legge, perché secondo il ministro è troppo costosa e non è stata discussa con i sindacati, che hanno protestato anche questa settimana.'), 'looks like it');
    assert.equal(notEnglishReason('O governo anunciou que não vai apoiar a proposta de lei, que segundo o ministro é muito cara para as contas públicas e também não foi discutida com os sindicatos nem com a oposição.'), 'looks like pt');
  });

  test('a box score with few function words is not rejected', () => {
    const text = 'Palm Bay 18 22 13 17 — 70. Rockledge 14 11 6 15 — 44. Tolivert 25 points. Davis 17 points. ' +
      'Burgher 10 points. Bozeman 10 points. Moore 3 points. Blakely 15 points. Devoe 2 points. Baker 6 points of the game.';
    assert.equal(notEnglishReason(text), null);
  });

  test('fewer than about 20 words pass', () => {
    assert.equal(notEnglishReason('Der Minister sprach am Dienstag mit der Presse.'), null);
  });
});
