// The article list, newest first, with full-text search over titles and texts.
import { get } from '../api.js';
import { announce, articleHref, dateEl, emptyBox, h, pager, plural, snippet } from '../dom.js';

const PAGE = 20;

export async function articleListView({ params, go, sameView }) {
  const q = params.get('q') ?? '';
  const offset = Number(params.get('offset') ?? 0) || 0;
  const page = await get('articles', { q, limit: PAGE, offset });
  const stats = q ? null : await get('stats');

  const form = h('form', { class: 'toolbar', role: 'search', onsubmit: (event) => {
    event.preventDefault();
    go('/articles', { q: event.currentTarget.elements.namedItem('q').value.trim() });
  } },
  h('label', { for: 'article-q', text: 'Search articles' }),
  h('div', { class: 'input-row' },
    h('input', { id: 'article-q', name: 'q', type: 'search', value: q, placeholder: 'e.g. observer mission', autocomplete: 'off' }),
    h('button', { type: 'submit', text: 'Search' }),
    q ? h('a', { class: 'button secondary', href: '#/articles', text: 'Clear' }) : null));

  const list = page.items.length
    ? h('ol', { class: 'card-list', start: offset + 1 }, page.items.map((item) => articleCard(item)))
    : emptyBox(q ? `No article matches “${q}”.` : 'The store has no articles yet. Ingest some with `parley ingest <files>`.');

  if (sameView) announce(q ? `${plural(page.items.length, 'result')} for ${q}` : `${plural(page.items.length, 'article')} shown`);
  return h('div', {},
    h('div', { class: 'page-head' },
      h('h1', { text: q ? `Articles matching “${q}”` : 'Articles' }),
      stats ? h('p', { class: 'lede' },
        `${plural(stats.articles, 'article')}, ${plural(stats.actors, 'actor')}, ${plural(stats.quotes, 'quote')}, `
        + `${plural(stats.events, 'event')} and ${plural(stats.stances, 'stance')} in the store.`) : null),
    form,
    list,
    pager(page, (o) => `#/articles?${new URLSearchParams({ ...(q ? { q } : {}), offset: String(o) })}`, 'Article pages'));
}

function articleCard(item) {
  const c = item.counts;
  return h('li', { class: 'card article-card' },
    h('h2', { class: 'card-title' }, h('a', { href: articleHref(item.id) }, item.title ?? '(untitled)')),
    h('p', { class: 'meta' }, [item.outlet, item.published ? dateEl(item.published) : 'undated']
      .filter(Boolean).flatMap((part, i) => (i ? [' · ', part] : [part]))),
    item.snippet ? h('p', { class: 'snippet' }, snippet(item.snippet)) : null,
    h('ul', { class: 'counts', 'aria-label': 'Extracted' },
      h('li', { text: plural(c.actors, 'actor') }), h('li', { text: plural(c.quotes, 'quote') }),
      h('li', { text: plural(c.events, 'event') }), h('li', { text: plural(c.stances, 'stance') })));
}
