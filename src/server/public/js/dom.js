// Small DOM helpers: element building without innerHTML, formatting, and shared bits of markup.

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * h('a', { href: '#/x', class: 'y', onclick: fn }, 'text', child) builds an element. Attributes: `class`,
 * `text` (textContent), `on<event>` (listeners), booleans (present when true), everything else via setAttribute.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  return fill(el, attrs, children);
}

export function svg(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  return fill(el, attrs, children);
}

function fill(el, attrs, children) {
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') el.setAttribute('class', Array.isArray(value) ? value.filter(Boolean).join(' ') : value);
    else if (name === 'text') el.textContent = value;
    else if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value);
    else if (value === true) el.setAttribute(name, '');
    else el.setAttribute(name, String(value));
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export function clear(el) {
  while (el.firstChild) el.firstChild.remove();
  return el;
}

// ---- formatting ----

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2026-03-09" -> "9 Mar 2026"; null -> "undated". */
export function formatDate(iso) {
  if (!iso) return 'undated';
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

export function dateEl(iso) {
  return iso ? h('time', { datetime: iso, text: formatDate(iso) }) : h('span', { class: 'muted', text: 'undated' });
}

export function plural(n, one, many = one + 's') {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

// ---- links and badges ----

export const TYPE_LABELS = { person: 'Person', organization: 'Organisation', country: 'Country', group: 'Group', location: 'Place' };

export function actorHref(key) {
  return `#/actors/${encodeURIComponent(key)}`;
}

export function articleHref(id, highlight) {
  return `#/articles/${id}${highlight ? `?hl=${encodeURIComponent(highlight)}` : ''}`;
}

export function actorLink(ref) {
  if (!ref) return h('span', { class: 'muted', text: 'unattributed' });
  return h('a', { class: ['actor-chip', `type-${ref.type}`], href: actorHref(ref.key) }, ref.name);
}

export function typeBadge(type) {
  return h('span', { class: ['badge', `type-${type}`], text: TYPE_LABELS[type] ?? type });
}

export function polarityBadge(polarity) {
  return h('span', { class: ['polarity', `pol-${polarity}`] },
    h('span', { 'aria-hidden': 'true', text: polarity === 'support' ? '▲ ' : '▼ ' }), polarity);
}

const COOPERATIVE = new Set(['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST']);
const MATERIAL_CONFLICT = new Set(['SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT']);

export function eventBadge(type) {
  const tone = COOPERATIVE.has(type) ? 'coop' : MATERIAL_CONFLICT.has(type) ? 'force' : 'conflict';
  return h('span', { class: ['badge', 'event-type', `tone-${tone}`], text: type });
}

export function snippet(parts) {
  return (parts ?? []).map((part) => (part.match ? h('mark', { text: part.text }) : part.text));
}

/** Where an article came from, in one muted line. */
export function sourceLine(article) {
  return h('p', { class: 'meta' }, [article.outlet, article.published ? dateEl(article.published) : null, article.byline]
    .filter(Boolean)
    .flatMap((part, i) => (i === 0 ? [part] : [' · ', part])));
}

export function announce(message) {
  const el = document.getElementById('announcer');
  if (!el) return;
  el.textContent = '';
  window.setTimeout(() => { el.textContent = message; }, 30);
}

export function errorBox(error) {
  return h('div', { class: 'notice error', role: 'alert' }, h('strong', { text: 'Something went wrong. ' }), error.message ?? String(error));
}

export function emptyBox(message) {
  return h('p', { class: 'notice' }, message);
}

/** A "1–20 of 153" line and Previous/Next links for a page from the API. */
export function pager(pageData, hrefFor, label = 'Pages') {
  const { offset, limit, items, total, hasMore } = pageData;
  if (offset === 0 && !hasMore) return null;
  const first = items.length ? offset + 1 : offset;
  const last = offset + items.length;
  const range = total !== undefined ? `${first}–${last} of ${total.toLocaleString('en')}` : `${first}–${last}`;
  return h('nav', { class: 'pager', 'aria-label': label },
    offset > 0 ? h('a', { href: hrefFor(Math.max(0, offset - limit)), rel: 'prev' }, '← Previous') : h('span'),
    h('span', { class: 'muted', text: range }),
    hasMore ? h('a', { href: hrefFor(offset + limit), rel: 'next' }, 'Next →') : h('span'));
}
