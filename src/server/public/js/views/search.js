// Full-text search over quotes and their speakers, best match first, with the matched words marked.
import { get } from '../api.js';
import { actorLink, announce, articleHref, dateEl, emptyBox, h, pager, plural, snippet } from '../dom.js';

const PAGE = 20;

export async function searchView({ params, go }) {
  const q = params.get('q') ?? '';
  const offset = Number(params.get('offset') ?? 0) || 0;
  const page = q ? await get('quotes', { q, limit: PAGE, offset }) : null;
  const header = document.getElementById('header-q');
  if (header && document.activeElement !== header) header.value = q;

  const form = h('form', { class: 'toolbar', role: 'search', onsubmit: (event) => {
    event.preventDefault();
    go('/search', { q: event.currentTarget.elements.namedItem('q').value.trim() });
  } },
  h('label', { for: 'search-q', text: 'Search quotes and speakers' }),
  h('div', { class: 'input-row' },
    h('input', { id: 'search-q', name: 'q', type: 'search', value: q, placeholder: 'e.g. “observer mission”, sanction*', autocomplete: 'off', 'data-autofocus': q ? null : true }),
    h('button', { type: 'submit', text: 'Search' })),
  h('p', { class: 'hint', text: 'All words must match; "quote a phrase", end a word with * for a prefix.' }));

  let results = null;
  if (page) {
    results = page.items.length
      ? h('ol', { class: 'item-list results', start: offset + 1 }, page.items.map((quote) => h('li', {},
        h('p', { class: 'item-head' }, actorLink(quote.speaker), h('span', { class: 'muted', text: ` · ${quote.kind} quote` })),
        h('p', { class: 'item-text snippet' }, '“', snippet(quote.snippet), '”'),
        h('p', { class: 'item-foot' }, dateEl(quote.published), ' · ',
          h('a', { href: articleHref(quote.articleId, quote.quoteId) }, quote.articleTitle ?? 'the article')))))
      : emptyBox(`No quote matches “${q}”.`);
    announce(page.items.length ? `${plural(page.items.length, 'result')} for ${q}` : `No results for ${q}`);
  }
  return h('div', {},
    h('div', { class: 'page-head' },
      h('h1', { text: q ? `Quotes matching “${q}”` : 'Search quotes' })),
    form, results,
    page ? pager(page, (o) => `#/search?${new URLSearchParams({ q, offset: String(o) })}`, 'Result pages') : null);
}
