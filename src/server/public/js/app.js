// The web app's shell: hash routes (#/articles, #/actors/<key>, ...) to views, focus handling and the header search.
import { clear, errorBox, h } from './dom.js';
import { articleListView } from './views/articles.js';
import { articleView } from './views/article.js';
import { actorListView } from './views/actors.js';
import { actorView } from './views/actor.js';
import { matrixView } from './views/matrix.js';
import { eventsView } from './views/events.js';
import { networkView } from './views/network.js';
import { searchView } from './views/search.js';
import { briefView } from './views/brief.js';

const ROUTES = [
  { pattern: /^\/(?:articles)?$/, nav: 'articles', view: articleListView },
  { pattern: /^\/articles\/([0-9a-f]{64})$/, nav: 'articles', view: articleView },
  { pattern: /^\/actors$/, nav: 'actors', view: actorListView },
  { pattern: /^\/actors\/(.+)$/, nav: 'actors', view: actorView },
  { pattern: /^\/matrix$/, nav: 'matrix', view: matrixView },
  { pattern: /^\/events$/, nav: 'events', view: eventsView },
  { pattern: /^\/network$/, nav: 'network', view: networkView },
  { pattern: /^\/search$/, nav: 'search', view: searchView },
  { pattern: /^\/brief$/, nav: 'brief', view: briefView },
];

const main = document.getElementById('main');
let previous = null;
let generation = 0;

/** Navigates to a route: `go('/search', { q: 'talks' })`. */
export function go(path, params = {}) {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== ''));
  const search = query.toString();
  location.hash = `#${path}${search ? `?${search}` : ''}`;
}

async function render() {
  const hash = location.hash || '#/articles';
  // In-page anchors such as the skip link are not routes.
  if (!hash.startsWith('#/')) return;
  const [path, search = ''] = hash.slice(1).split('?');
  const params = new URLSearchParams(search);
  const route = ROUTES.find((r) => r.pattern.test(path));
  const current = generation += 1;
  for (const link of document.querySelectorAll('[data-nav]')) {
    if (route && link.dataset.nav === route.nav) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  const headerSearch = document.getElementById('header-q');
  if (route?.nav !== 'search' && headerSearch && document.activeElement !== headerSearch) headerSearch.value = '';
  const sameView = previous !== null && previous.path === path;
  const context = { params, go, isCurrent: () => current === generation, sameView };
  let content;
  try {
    if (!route) throw new Error(`There is no page at ${path}.`);
    const match = route.pattern.exec(path);
    content = await route.view(context, ...match.slice(1).map(decodeURIComponent));
  } catch (error) {
    content = h('div', {}, h('h1', { tabindex: '-1', text: 'Not available' }), errorBox(error));
  }
  if (current !== generation) return; // a later navigation won
  const focusedId = document.activeElement?.id;
  clear(main).append(content);
  document.title = `${main.querySelector('h1')?.textContent ?? 'Parley'} · Parley`;
  const keep = sameView && focusedId ? document.getElementById(focusedId) : null;
  const target = main.querySelector('[data-autofocus]') ?? (keep ? null : main.querySelector('h1'));
  if (keep) keep.focus();
  else if (target) {
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: target.hasAttribute('data-autofocus') });
    if (target.hasAttribute('data-autofocus')) target.scrollIntoView({ block: 'center' });
    else if (!sameView) window.scrollTo(0, 0);
  }
  previous = { path, search };
  main.dispatchEvent(new CustomEvent('parley:rendered', { bubbles: true }));
  document.documentElement.dataset.rendered = hash;
}

document.getElementById('skip-link').addEventListener('click', (event) => {
  event.preventDefault();
  const target = main.querySelector('h1') ?? main;
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.focus();
});

document.getElementById('header-search').addEventListener('submit', (event) => {
  event.preventDefault();
  const input = event.currentTarget.elements.namedItem('q');
  const q = input.value.trim();
  if (q) go('/search', { q });
});

window.addEventListener('hashchange', render);
render();
