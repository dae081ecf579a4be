// One actor: roles with the dates they were reported, a stance timeline, quotes and events.
import { get } from '../api.js';
import {
  actorLink, articleHref, dateEl, emptyBox, eventBadge, formatDate, h, plural, polarityBadge, svg, typeBadge,
} from '../dom.js';

const FIRST = 10;

export async function actorView(_context, key) {
  const [actor, stances] = await Promise.all([
    get(`actors/${encodeURIComponent(key)}`, { limit: FIRST }),
    get('stances', { actor: key, limit: 200 }),
  ]);

  return h('div', {},
    h('header', { class: 'page-head actor-head' },
      h('p', { class: 'eyebrow' }, h('a', { href: '#/actors', text: '← Actors' })),
      h('h1', { text: actor.name }),
      h('p', { class: 'meta' }, typeBadge(actor.type), actor.country ? h('span', { class: 'badge', text: actor.country }) : null,
        ` In ${plural(actor.articleCount, 'article')} · ${plural(actor.quoteCount, 'quote')} · ${plural(actor.stanceCount, 'stance')} · ${plural(actor.eventCount, 'event')}`)),
    h('div', { class: 'actor-grid' },
      section('Roles', rolesList(actor.roles)),
      section('Stance timeline', stanceTimeline(stances.items, actor), 'wide')),
    section('Quotes', pagedList(actor.quotes, actor.quoteCount, (offset) => get('quotes', { actor: actor.key, limit: 20, offset }), quoteItem, 'No quotes from this actor.')),
    section('Stances', stances.items.length
      ? h('ol', { class: 'item-list' }, stances.items.map(stanceItem))
      : emptyBox('No stances recorded for this actor.')),
    section('Events', pagedList(actor.events, actor.eventCount, (offset) => get('events', { actor: actor.key, limit: 20, offset, order: 'desc' }), eventItem, 'No events involve this actor.')));
}

function section(title, body, extra) {
  const id = `section-${title.toLowerCase().replace(/\W+/g, '-')}`;
  return h('section', { class: ['section', extra], 'aria-labelledby': id }, h('h2', { id, text: title }), body);
}

function rolesList(roles) {
  if (!roles.length) return emptyBox('No roles reported.');
  return h('ul', { class: 'role-list' }, roles.map((role) => {
    const first = role.dates[0];
    const last = role.dates.at(-1);
    const when = !first ? 'undated' : first === last ? formatDate(first) : `${formatDate(first)} – ${formatDate(last)}`;
    return h('li', {},
      h('span', { class: 'role-name', text: role.role }),
      h('span', { class: 'muted', text: ` ${when} · ${plural(role.articleCount, 'article')}` }));
  }));
}

/** Items shown first, and a button that fetches the next page (keyboard: Tab to it, Enter). */
function pagedList(first, total, fetchPage, render, emptyMessage) {
  if (!first.length) return emptyBox(emptyMessage);
  const list = h('ol', { class: 'item-list' }, first.map(render));
  let shown = first.length;
  const button = h('button', { type: 'button', class: 'secondary', onclick: async () => {
    button.disabled = true;
    try {
      const page = await fetchPage(shown);
      const items = page.items.map(render);
      list.append(...items);
      shown += page.items.length;
      items[0]?.querySelector('a')?.focus();
      if (!page.hasMore) button.remove();
    } finally {
      button.disabled = false;
    }
  } }, `Show more (${(total - shown).toLocaleString('en')} left)`);
  return h('div', {}, list, total > shown ? button : null);
}

function quoteItem(quote) {
  return h('li', {},
    h('blockquote', { class: ['quote-block', `quote-${quote.kind}`] }, h('p', { text: quote.content.text })),
    h('p', { class: 'item-foot' }, dateEl(quote.published), ' · ',
      h('a', { href: articleHref(quote.articleId, quote.quoteId) }, quote.articleTitle ?? 'the article'),
      h('span', { class: 'muted', text: ` · ${quote.kind}` })));
}

function stanceItem(stance) {
  return h('li', {},
    h('p', { class: 'item-head' }, polarityBadge(stance.polarity), ' ', h('strong', { text: stance.issue })),
    h('p', { class: 'item-text' }, `“${stance.evidence.text.replace(/\s+/g, ' ').trim()}”`),
    h('p', { class: 'item-foot' }, dateEl(stance.published), ' · ',
      h('a', { href: articleHref(stance.articleId, stance.stanceId) }, 'evidence in ', stance.articleTitle ?? 'the article')));
}

export function eventItem(event) {
  const names = (refs) => refs.flatMap((ref, i) => (i ? [', ', actorLink(ref)] : [actorLink(ref)]));
  return h('li', { class: 'event-item' },
    h('p', { class: 'item-head' }, eventBadge(event.type),
      event.negated ? h('span', { class: 'tag', text: 'negated' }) : null,
      event.modality !== 'asserted' ? h('span', { class: 'tag', text: event.modality }) : null,
      ' ', ...names(event.sources), event.targets.length ? [' → ', ...names(event.targets)] : [],
      event.location ? h('span', { class: 'muted', text: ` in ${event.location}` }) : null),
    h('p', { class: 'item-text' }, `“${event.evidence.text.replace(/\s+/g, ' ').trim()}”`),
    h('p', { class: 'item-foot' }, dateEl(event.date), ' · ',
      h('a', { href: articleHref(event.articleId, event.eventId) }, 'evidence in ', event.articleTitle ?? 'the article')),
    event.reports && event.reports.length > 1 ? reportList(event.reports.slice(1)) : null);
}

/** The other articles reporting the same event (grouped events only). */
function reportList(reports) {
  return h('p', { class: 'item-foot reports' }, `Also reported by ${reports.length === 1 ? 'one more article' : `${reports.length} more articles`}: `,
    ...reports.flatMap((report, i) => [i ? '; ' : '',
      h('a', { href: articleHref(report.articleId, report.eventId) }, report.articleTitle ?? 'an article'),
      report.published ? h('span', { class: 'muted', text: ` (${report.published})` }) : null]));
}

// ---- the timeline: one row per issue, a mark per stance at its date ----

function stanceTimeline(stances, actor) {
  const dated = stances.filter((s) => s.published);
  if (!dated.length) return emptyBox('No dated stances to plot.');
  const counts = new Map();
  for (const s of dated) counts.set(s.issue, (counts.get(s.issue) ?? 0) + 1);
  const issues = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 12).map(([issue]) => issue);
  const times = dated.map((s) => Date.parse(s.published));
  let min = Math.min(...times);
  let max = Math.max(...times);
  if (min === max) {
    min -= 3 * 864e5;
    max += 3 * 864e5;
  }
  const labelWidth = 200;
  const width = 760;
  const rowHeight = 34;
  const top = 12;
  const plotLeft = labelWidth + 16;
  const plotRight = width - 44;
  const height = top + issues.length * rowHeight + 34;
  const x = (t) => plotLeft + ((t - min) / (max - min)) * (plotRight - plotLeft);

  const chart = svg('svg', {
    class: 'timeline', viewBox: `0 0 ${width} ${height}`, role: 'group',
    'aria-label': `Stance timeline of ${actor.name}: ${plural(dated.length, 'stance')} on ${plural(issues.length, 'issue')}`,
  });
  issues.forEach((issue, row) => {
    const y = top + row * rowHeight + rowHeight / 2;
    chart.append(
      svg('line', { x1: plotLeft, x2: plotRight, y1: y, y2: y, class: 'row-line' }),
      svg('text', { x: labelWidth, y: y + 4, 'text-anchor': 'end', class: 'row-label' },
        issue.length > 26 ? `${issue.slice(0, 25).trimEnd()}…` : issue, svg('title', { text: issue })));
  });
  // Axis: up to five evenly spaced dates (about 75 px of label each, so they never touch).
  const axisY = top + issues.length * rowHeight + 8;
  const ticks = Math.min(5, Math.max(2, Math.round((max - min) / 864e5) + 1));
  for (let i = 0; i < ticks; i++) {
    const t = min + ((max - min) * i) / (ticks - 1);
    const iso = new Date(t).toISOString().slice(0, 10);
    const anchor = 'middle';
    chart.append(
      svg('line', { x1: x(t), x2: x(t), y1: axisY - 4, y2: axisY + 1, class: 'row-line' }),
      svg('text', { x: x(t), y: axisY + 14, 'text-anchor': anchor, class: 'axis-label' }, formatDate(iso)));
  }
  // Marks, oldest first so the newest draw on top; stances on the same day and issue fan out a little.
  const seen = new Map();
  for (const s of [...dated].reverse()) {
    const row = issues.indexOf(s.issue);
    if (row < 0) continue;
    const slot = `${row}|${s.published}`;
    const n = seen.get(slot) ?? 0;
    seen.set(slot, n + 1);
    const cx = x(Date.parse(s.published)) + n * 7;
    const cy = top + row * rowHeight + rowHeight / 2;
    const shape = s.polarity === 'support'
      ? `M ${cx} ${cy - 8} L ${cx + 8} ${cy + 6} L ${cx - 8} ${cy + 6} Z`
      : `M ${cx} ${cy + 8} L ${cx + 8} ${cy - 6} L ${cx - 8} ${cy - 6} Z`;
    const label = `${s.polarity === 'support' ? 'Supports' : 'Opposes'} “${s.issue}”, ${formatDate(s.published)}: show the evidence`;
    chart.append(svg('a', { href: articleHref(s.articleId, s.stanceId), class: ['mark', `pol-${s.polarity}`], 'aria-label': label },
      svg('title', { text: label }), svg('path', { d: shape })));
  }
  return h('figure', { class: 'timeline-figure' }, chart,
    h('figcaption', { class: 'muted' }, h('span', { class: 'pol-support', text: '▲ support' }), '  ', h('span', { class: 'pol-oppose', text: '▼ oppose' }),
      ' — each mark links to the sentence it comes from.'));
}
