// The stance matrix: actors (rows) by issues (columns); each cell shows the latest position and links to its evidence.
import { get } from '../api.js';
import { actorHref, announce, articleHref, emptyBox, formatDate, h, plural } from '../dom.js';

export async function matrixView({ params, go, sameView }) {
  const topic = params.get('topic') ?? '';
  const matrix = await get('stances/matrix', { topic });

  const form = h('form', { class: 'toolbar', onsubmit: (event) => {
    event.preventDefault();
    go('/matrix', { topic: event.currentTarget.elements.namedItem('topic').value.trim() });
  } },
  h('label', { for: 'matrix-topic', text: 'Topic (words in the issue)' }),
  h('div', { class: 'input-row' },
    h('input', { id: 'matrix-topic', name: 'topic', type: 'search', value: topic, placeholder: 'e.g. sanctions', autocomplete: 'off' }),
    h('button', { type: 'submit', text: 'Show' }),
    topic ? h('a', { class: 'button secondary', href: '#/matrix', text: 'Clear' }) : null));

  if (sameView) announce(`${plural(matrix.actors.length, 'actor')} by ${plural(matrix.issues.length, 'issue')}`);
  return h('div', {},
    h('div', { class: 'page-head' },
      h('h1', { text: topic ? `Stances on “${topic}”` : 'Stances' }),
      h('p', { class: 'lede', text: 'Who stands where. Each cell shows the latest position an actor took on an issue; follow it to the sentence that shows it.' })),
    form,
    matrix.cells.length ? table(matrix) : emptyBox(topic ? `No stance on an issue matching “${topic}”.` : 'No stances in the store yet.'));
}

function table(matrix) {
  const cells = new Map(matrix.cells.map((cell) => [`${cell.actor}\u0000${cell.issue}`, cell]));
  return h('div', { class: 'table-wrap matrix-wrap', role: 'region', 'aria-labelledby': 'matrix-caption', tabindex: '0' },
    h('table', { class: 'matrix' },
      h('caption', { id: 'matrix-caption' }, `${plural(matrix.actors.length, 'actor')} × ${plural(matrix.issues.length, 'issue')}. `,
        h('span', { class: 'pol-support', text: '▲ support' }), ' ', h('span', { class: 'pol-oppose', text: '▼ oppose' }),
        ' ', h('span', { class: 'shifted-key', text: '↕ changed position (support and oppose both seen)' })),
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col', class: 'corner', text: 'Actor' }),
        matrix.issues.map((issue) => h('th', { scope: 'col', class: 'issue' }, h('span', { text: issue.issue, title: `${plural(issue.stances, 'stance')}` }))))),
      h('tbody', {}, matrix.actors.map((actor) => h('tr', {},
        h('th', { scope: 'row' }, h('a', { class: ['actor-chip', `type-${actor.type}`], href: actorHref(actor.key), text: actor.name })),
        matrix.issues.map((issue) => cellEl(cells.get(`${actor.key}\u0000${issue.issue}`), actor, issue.issue)))))));
}

function cellEl(cell, actor, issue) {
  if (!cell) return h('td', { class: 'empty' }, h('span', { class: 'visually-hidden', text: 'no stance' }));
  const evidence = cell.evidence[0];
  const shifted = cell.support > 0 && cell.oppose > 0;
  const n = cell.support + cell.oppose;
  const label = `${actor.name} ${cell.polarity === 'support' ? 'supports' : 'opposes'} “${issue}”`
    + ` (latest ${formatDate(cell.latest)}${n > 1 ? `; ${cell.support} support, ${cell.oppose} oppose` : ''}): show the evidence`;
  return h('td', { class: ['cell', `pol-${cell.polarity}`, shifted ? 'shifted' : null] },
    h('a', { href: articleHref(evidence.articleId, evidence.stanceId), 'aria-label': label, title: label },
      h('span', { class: 'symbol', 'aria-hidden': 'true', text: cell.polarity === 'support' ? '▲' : '▼' }),
      h('span', { class: 'cell-text', 'aria-hidden': 'true' }, cell.polarity, shifted ? ' ↕' : ''),
      h('span', { class: 'cell-date', 'aria-hidden': 'true', text: cell.latest ? formatDate(cell.latest) : 'undated' }),
      n > 1 ? h('span', { class: 'cell-date', 'aria-hidden': 'true', text: `${n.toLocaleString('en')} stances` }) : null));
}
