// Actors across all articles, most reported first, with a name filter.
import { get } from '../api.js';
import { actorHref, announce, emptyBox, h, pager, plural, typeBadge } from '../dom.js';

const PAGE = 30;

export async function actorListView({ params, go, sameView }) {
  const q = params.get('q') ?? '';
  const offset = Number(params.get('offset') ?? 0) || 0;
  const page = await get('actors', { q, limit: PAGE, offset });

  const form = h('form', { class: 'toolbar', role: 'search', onsubmit: (event) => {
    event.preventDefault();
    go('/actors', { q: event.currentTarget.elements.namedItem('q').value.trim() });
  } },
  h('label', { for: 'actor-q', text: 'Filter by name' }),
  h('div', { class: 'input-row' },
    h('input', { id: 'actor-q', name: 'q', type: 'search', value: q, placeholder: 'e.g. Vatne', autocomplete: 'off' }),
    h('button', { type: 'submit', text: 'Filter' }),
    q ? h('a', { class: 'button secondary', href: '#/actors', text: 'Clear' }) : null));

  const table = page.items.length
    ? h('div', { class: 'table-wrap' }, h('table', { class: 'data-table' },
      h('caption', { class: 'visually-hidden', text: 'Actors, most reported first' }),
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col', text: 'Name' }), h('th', { scope: 'col', text: 'Type' }), h('th', { scope: 'col', text: 'Country' }),
        h('th', { scope: 'col', text: 'Roles' }), h('th', { scope: 'col', class: 'num', text: 'Articles' }), h('th', { scope: 'col', class: 'num', text: 'Quotes' }))),
      h('tbody', {}, page.items.map((actor) => h('tr', {},
        h('th', { scope: 'row' }, h('a', { href: actorHref(actor.key), text: actor.name })),
        h('td', {}, typeBadge(actor.type)),
        h('td', { text: actor.country ?? '—' }),
        h('td', { class: 'roles', text: actor.roles.slice(0, 3).join(', ') || '—' }),
        h('td', { class: 'num', text: actor.articleCount.toLocaleString('en') }),
        h('td', { class: 'num', text: actor.quoteCount.toLocaleString('en') }))))))
    : emptyBox(q ? `No actor's name contains “${q}”.` : 'No actors yet.');

  if (sameView) announce(`${plural(page.total ?? page.items.length, 'actor')} found`);
  return h('div', {},
    h('div', { class: 'page-head' },
      h('h1', { text: 'Actors' }),
      h('p', { class: 'lede', text: `People, countries, organisations and groups, grouped across articles by name; ${plural(page.total ?? 0, 'actor')}${q ? ' match' : ''}.` })),
    form, table,
    pager(page, (o) => `#/actors?${new URLSearchParams({ ...(q ? { q } : {}), offset: String(o) })}`, 'Actor pages'));
}
