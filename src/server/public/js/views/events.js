// The events timeline in date order, filtered by PLOVER type (and actor or dates when the route carries them).
// Reports of one event by several articles are shown once, listing the others (/api/events/grouped).
import { get } from '../api.js';
import { announce, emptyBox, formatDate, h, pager, plural } from '../dom.js';
import { eventItem } from './actor.js';

const TYPES = ['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
  'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT'];
const PAGE = 30;

export async function eventsView({ params, go, sameView }) {
  const filter = { type: params.get('type') ?? '', actor: params.get('actor') ?? '', from: params.get('from') ?? '', to: params.get('to') ?? '' };
  const offset = Number(params.get('offset') ?? 0) || 0;
  const page = await get('events/grouped', { ...filter, limit: PAGE, offset });

  const form = h('form', { class: 'toolbar filters', onsubmit: (event) => {
    event.preventDefault();
    const f = event.currentTarget.elements;
    go('/events', { type: f.namedItem('type').value, actor: f.namedItem('actor').value.trim(), from: f.namedItem('from').value, to: f.namedItem('to').value });
  } },
  field('Type', h('select', { id: 'events-type', name: 'type' },
    h('option', { value: '', text: 'All types' }),
    TYPES.map((type) => h('option', { value: type, selected: filter.type === type, text: type }))), 'events-type'),
  field('Actor', h('input', { id: 'events-actor', name: 'actor', type: 'search', value: filter.actor, placeholder: 'any', autocomplete: 'off' }), 'events-actor'),
  field('From', h('input', { id: 'events-from', name: 'from', type: 'date', value: filter.from }), 'events-from'),
  field('To', h('input', { id: 'events-to', name: 'to', type: 'date', value: filter.to }), 'events-to'),
  h('div', { class: 'field field-actions' }, h('button', { type: 'submit', text: 'Filter' }),
    Object.values(filter).some(Boolean) ? h('a', { class: 'button secondary', href: '#/events', text: 'Clear' }) : null));

  // Group the page by date, in order.
  const groups = [];
  for (const event of page.items) {
    const last = groups.at(-1);
    if (last && last.date === event.date) last.events.push(event);
    else groups.push({ date: event.date, events: [event] });
  }
  const timeline = page.items.length
    ? h('ol', { class: 'timeline-list' }, groups.map((group) => h('li', { class: 'timeline-day' },
      h('h2', { class: 'day' }, group.date ? h('time', { datetime: group.date, text: formatDate(group.date) }) : 'Undated'),
      h('ol', { class: 'item-list' }, group.events.map(eventItem)))))
    : emptyBox(Object.values(filter).some(Boolean) ? 'No event matches these filters.' : 'No events in the store yet.');

  if (sameView) announce(`${plural(page.total ?? page.items.length, 'event report')} found`);
  const hrefFor = (o) => `#/events?${new URLSearchParams({ ...Object.fromEntries(Object.entries(filter).filter(([, v]) => v)), offset: String(o) })}`;
  return h('div', {},
    h('div', { class: 'page-head' },
      h('h1', { text: filter.type ? `${filter.type} events` : 'Events' }),
      h('p', { class: 'lede', text: `What happened between the actors, in date order (an event's own date, else its article's): ${plural(page.total ?? 0, 'event report')}; an event reported by several articles is shown once.` })),
    // Pages run over reports, not over the grouped events shown.
    form, timeline, pager({ ...page, items: { length: Math.max(0, Math.min(page.limit, (page.total ?? 0) - page.offset)) } }, hrefFor, 'Event report pages'));
}

function field(label, control, id) {
  return h('div', { class: 'field' }, h('label', { for: id, text: label }), control);
}
