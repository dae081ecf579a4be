// A briefing of the stored story, optionally on a topic and since a date (the server writes its HTML, escaped).
import { get } from '../api.js';
import { h } from '../dom.js';

export async function briefView({ params, go }) {
  const topic = params.get('topic') ?? '';
  const since = params.get('since') ?? '';
  const brief = await get('brief', { topic, since });
  const body = h('div', { class: 'prose brief' });
  // The HTML comes from the server's Markdown renderer, which escapes every piece of text first.
  body.innerHTML = brief.html;
  // The document's own top heading would repeat the page's; it stays out of the heading outline.
  body.querySelector('h1')?.remove();

  return h('div', {},
    h('div', { class: 'page-head' },
      h('h1', { text: topic ? `Briefing: ${topic}` : 'Briefing' }),
      h('p', { class: 'lede', text: 'The parties, their positions, events in date order and key quotes, each citing its source.' })),
    h('form', { class: 'toolbar filters', onsubmit: (event) => {
      event.preventDefault();
      const f = event.currentTarget.elements;
      go('/brief', { topic: f.namedItem('topic').value.trim(), since: f.namedItem('since').value });
    } },
    h('div', { class: 'field' }, h('label', { for: 'brief-topic', text: 'Topic' }),
      h('input', { id: 'brief-topic', name: 'topic', type: 'search', value: topic, placeholder: 'any', autocomplete: 'off' })),
    h('div', { class: 'field' }, h('label', { for: 'brief-since', text: 'Since' }),
      h('input', { id: 'brief-since', name: 'since', type: 'date', value: since })),
    h('div', { class: 'field field-actions' }, h('button', { type: 'submit', text: 'Write briefing' }))),
    body);
}
