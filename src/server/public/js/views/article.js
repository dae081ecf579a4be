// One article: its text with actor mentions marked by type (each a link to the actor), quotes underlined (hover
// shows the speaker), and, when the route names one (?hl=q3, s2 or e1), a piece of evidence highlighted.
import { article as loadArticle } from '../api.js';
import { actorHref, articleHref, emptyBox, eventBadge, h, plural, polarityBadge, sourceLine, TYPE_LABELS } from '../dom.js';

export async function articleView({ params }, id) {
  const record = await loadArticle(id);
  const highlight = findHighlight(record, params.get('hl'));
  const keyOf = (actorId) => record.actorKeys[actorId];
  const actorById = new Map(record.actors.map((actor) => [actor.id, actor]));
  const { article } = record;

  const header = h('header', { class: 'article-head' },
    h('p', { class: 'eyebrow' }, h('a', { href: '#/articles', text: '← Articles' })),
    h('h1', { text: article.title ?? '(untitled)' }),
    sourceLine(article),
    // Only web links: a URL read from an ingested page could be anything, javascript: included.
    /^https?:\/\//i.test(article.url ?? '') ? h('p', { class: 'meta' }, h('a', { href: article.url, rel: 'noopener noreferrer external', target: '_blank' }, 'Original article ↗')) : null);

  const reader = h('div', { class: 'reader', id: 'article-text' }, renderText(record, highlight, keyOf));
  attachTooltips(reader);

  return h('div', {},
    header,
    h('div', { class: 'article-layout' },
      h('section', { 'aria-labelledby': 'text-heading' },
        h('h2', { id: 'text-heading', class: 'visually-hidden', text: 'Text' }),
        legend(record),
        highlight ? evidenceNote(record, highlight, actorById, keyOf) : null,
        reader),
      h('aside', { class: 'article-aside', 'aria-label': 'What Parley found' },
        actorsPanel(record, keyOf),
        quotesPanel(record, actorById, keyOf, highlight),
        stancesPanel(record, actorById, keyOf, highlight),
        eventsPanel(record, actorById, keyOf, highlight))));
}

// ---- the highlighted piece of evidence ----

function findHighlight(record, id) {
  if (!id) return null;
  const quote = record.quotes.find((q) => q.id === id);
  if (quote) return { kind: 'quote', id, span: quote.content, item: quote };
  const stance = record.stances.find((s) => s.id === id);
  if (stance) return { kind: 'stance', id, span: stance.evidence, item: stance };
  const event = record.events.find((e) => e.id === id);
  if (event) return { kind: 'event', id, span: event.evidence, item: event };
  return null;
}

function evidenceNote(record, highlight, actorById, keyOf) {
  const who = (actorId) => {
    const actor = actorById.get(actorId);
    return actor ? h('a', { href: actorHref(keyOf(actorId)), text: actor.name }) : 'someone';
  };
  const item = highlight.item;
  let body;
  if (highlight.kind === 'stance') {
    body = [who(item.holder), ' ', polarityBadge(item.polarity), ' ', h('q', { text: item.issue })];
  } else if (highlight.kind === 'quote') {
    body = [item.speaker ? who(item.speaker) : 'An unattributed speaker', ` (${item.kind} quote)`];
  } else {
    const names = (ids) => ids.flatMap((actorId, i) => (i ? [', ', who(actorId)] : [who(actorId)]));
    body = [eventBadge(item.type), ' ', ...names(item.source), item.target.length ? [' → ', ...names(item.target)] : [],
      item.negated ? ' (negated)' : '', item.modality !== 'asserted' ? ` (${item.modality})` : ''];
  }
  return h('div', { class: 'notice evidence-note' },
    h('strong', { text: 'Evidence: ' }), ...body.flat(),
    h('a', { class: 'jump', href: '#evidence', onclick: (event) => {
      event.preventDefault();
      const mark = document.getElementById('evidence');
      mark?.focus();
      mark?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    } }, 'Go to the sentence'));
}

// ---- the text ----

/** Splits the text at every span edge and paragraph break, then nests: paragraph > quote > mention > mark. */
function renderText(record, highlight, keyOf) {
  const text = record.article.text;
  const quotes = record.quotes.map((quote) => ({ start: quote.content.start, end: quote.content.end, quote }));
  const cues = record.quotes.filter((q) => q.cue).map((quote) => ({ start: quote.cue.start, end: quote.cue.end, quote }));
  const mentions = record.actors
    .flatMap((actor) => actor.mentions.map((mention) => ({ start: mention.start, end: mention.end, actor, mention })))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const speakerOf = new Map(record.actors.map((actor) => [actor.id, actor]));

  const paragraphs = [];
  const breaks = /\n[ \t]*\n\s*/g;
  let start = 0;
  for (const match of text.matchAll(breaks)) {
    paragraphs.push([start, match.index]);
    start = match.index + match[0].length;
  }
  paragraphs.push([start, text.length]);

  const cuts = new Set([0, text.length]);
  for (const s of [...quotes, ...cues, ...mentions]) cuts.add(s.start).add(s.end);
  if (highlight) cuts.add(highlight.span.start).add(highlight.span.end);

  const covering = (spans, a, b) => spans.find((s) => s.start <= a && s.end >= b && s.end > s.start);
  let evidenceMarked = false;
  const out = [];
  for (let [ps, pe] of paragraphs) {
    // Leading and trailing white space of a paragraph would show as blank lines (white-space: pre-line).
    while (ps < pe && /\s/.test(text[ps])) ps++;
    while (pe > ps && /\s/.test(text[pe - 1])) pe--;
    if (ps === pe) continue;
    cuts.add(ps);
    cuts.add(pe);
  }
  const points = [...cuts].sort((a, b) => a - b);
  for (let [ps, pe] of paragraphs) {
    while (ps < pe && /\s/.test(text[ps])) ps++;
    while (pe > ps && /\s/.test(text[pe - 1])) pe--;
    if (ps === pe) continue;
    const p = h('p');
    let quoteEl = null;
    let quoteOf = null;
    let linkEl = null;
    let linkOf = null;
    for (let i = 0; i < points.length - 1; i++) {
      const a = points[i];
      const b = points[i + 1];
      if (a < ps || b > pe || a === b) continue;
      const seg = text.slice(a, b);
      let container = p;
      const quote = covering(quotes, a, b);
      if (quote) {
        if (quoteOf !== quote) {
          const speaker = quote.quote.speaker ? speakerOf.get(quote.quote.speaker) : null;
          quoteEl = h('span', {
            class: ['quote', `quote-${quote.quote.kind}`],
            'data-quote': quote.quote.id,
            'data-tip': `${speaker ? speaker.name : 'Unattributed'} · ${quote.quote.kind} quote`,
          });
          p.append(quoteEl);
          quoteOf = quote;
          linkOf = null;
        }
        container = quoteEl;
      } else {
        quoteOf = null;
      }
      const mention = covering(mentions, a, b);
      if (mention) {
        if (linkOf !== mention || linkEl.parentNode !== container) {
          const { actor } = mention;
          linkEl = h('a', {
            class: ['mention', `type-${actor.type}`],
            href: actorHref(keyOf(actor.id)),
            'data-actor': actor.id,
            'data-tip': `${actor.name} · ${TYPE_LABELS[actor.type] ?? actor.type}${actor.roles.length ? ` · ${actor.roles.join(', ')}` : ''}`,
            'aria-label': mention.mention.text === actor.name ? undefined : `${mention.mention.text} (${actor.name})`,
          });
          container.append(linkEl);
          linkOf = mention;
        }
        container = linkEl;
      } else {
        linkOf = null;
      }
      let node = document.createTextNode(seg);
      if (covering(cues, a, b)) node = h('span', { class: 'cue' }, node);
      if (highlight && highlight.span.start <= a && highlight.span.end >= b) {
        node = h('mark', { class: 'evidence' }, node);
        if (!evidenceMarked) {
          node.id = 'evidence';
          node.setAttribute('tabindex', '-1');
          node.setAttribute('data-autofocus', '');
          node.setAttribute('aria-label', `Evidence: ${highlight.span.text}`);
          evidenceMarked = true;
        }
      }
      container.append(node);
    }
    out.push(p);
  }
  return out;
}

/** One floating tooltip for the reader: who an actor mention is, who speaks a quote. */
function attachTooltips(reader) {
  const tip = document.getElementById('tooltip');
  let active = null;
  const hide = () => {
    tip.hidden = true;
    reader.querySelectorAll('.is-active').forEach((el) => el.classList.remove('is-active'));
    active = null;
  };
  const show = (target, x, y) => {
    if (active === target) return;
    hide();
    active = target;
    tip.textContent = target.dataset.tip;
    tip.hidden = false;
    const quoteId = target.dataset.quote;
    if (quoteId) reader.querySelectorAll(`[data-quote="${quoteId}"]`).forEach((el) => el.classList.add('is-active'));
    const box = tip.getBoundingClientRect();
    tip.style.left = `${Math.min(Math.max(8, x - box.width / 2), window.innerWidth - box.width - 8) + window.scrollX}px`;
    tip.style.top = `${y + window.scrollY - box.height - 12}px`;
  };
  reader.addEventListener('mouseover', (event) => {
    const target = event.target.closest?.('[data-tip]');
    if (target) show(target, event.clientX, target.getBoundingClientRect().top);
  });
  reader.addEventListener('mouseleave', hide);
  reader.addEventListener('focusin', (event) => {
    // Not when the app moves focus to the highlighted evidence: the note above already says what it is.
    if (event.target.id === 'evidence') return;
    const target = event.target.closest?.('[data-tip]');
    if (target) {
      const rect = target.getBoundingClientRect();
      show(target, rect.left + rect.width / 2, rect.top);
    }
  });
  reader.addEventListener('focusout', hide);
  window.addEventListener('hashchange', hide, { once: true });
}

function legend(record) {
  const byType = new Map();
  for (const actor of record.actors) byType.set(actor.type, (byType.get(actor.type) ?? 0) + 1);
  return h('div', { class: 'legend', 'aria-label': 'Legend' },
    [...byType.entries()].map(([type, n]) => h('span', { class: ['legend-item', `type-${type}`] }, `${TYPE_LABELS[type] ?? type} (${n})`)),
    record.quotes.length ? h('span', { class: 'legend-item legend-quote' }, `Quote (${record.quotes.length})`) : null);
}

// ---- side panels ----

function panel(title, count, body) {
  const id = `panel-${title.toLowerCase()}`;
  return h('section', { class: 'panel', 'aria-labelledby': id },
    h('h2', { id }, title, ' ', h('span', { class: 'count', text: String(count) })), body);
}

function actorsPanel(record, keyOf) {
  if (!record.actors.length) return panel('Actors', 0, emptyBox('No actors found.'));
  const sorted = [...record.actors].sort((a, b) => b.mentions.length - a.mentions.length || a.name.localeCompare(b.name));
  return panel('Actors', record.actors.length, h('ul', { class: 'chip-list' },
    sorted.map((actor) => h('li', {},
      h('a', { class: ['actor-chip', `type-${actor.type}`], href: actorHref(keyOf(actor.id)) },
        actor.name, h('span', { class: 'chip-count', 'aria-label': plural(actor.mentions.length, 'mention') }, String(actor.mentions.length)))))));
}

function nameOf(actorById, actorId) {
  return actorById.get(actorId)?.name ?? 'someone';
}

function quotesPanel(record, actorById, keyOf, highlight) {
  if (!record.quotes.length) return panel('Quotes', 0, emptyBox('No quotes found.'));
  return panel('Quotes', record.quotes.length, h('ol', { class: 'item-list' }, record.quotes.map((quote) => h('li', {
    class: highlight?.id === quote.id ? 'is-current' : null,
  },
  h('p', { class: 'item-head' },
    quote.speaker ? h('a', { href: actorHref(keyOf(quote.speaker)), text: nameOf(actorById, quote.speaker) }) : h('span', { class: 'muted', text: 'Unattributed' }),
    h('span', { class: 'muted', text: ` · ${quote.kind}` })),
  h('p', { class: 'item-text' }, h('a', { href: articleHref(record.article.id, quote.id), 'aria-label': `Show quote ${quote.id} in the text` }, `“${truncate(quote.content.text, 140)}”`))))));
}

function stancesPanel(record, actorById, keyOf, highlight) {
  if (!record.stances.length) return panel('Stances', 0, emptyBox('No stances found.'));
  return panel('Stances', record.stances.length, h('ol', { class: 'item-list' }, record.stances.map((stance) => h('li', {
    class: highlight?.id === stance.id ? 'is-current' : null,
  },
  h('p', { class: 'item-head' },
    h('a', { href: actorHref(keyOf(stance.holder)), text: nameOf(actorById, stance.holder) }), ' ', polarityBadge(stance.polarity)),
  h('p', { class: 'item-text' }, h('a', { href: articleHref(record.article.id, stance.id) }, stance.issue))))));
}

function eventsPanel(record, actorById, keyOf, highlight) {
  if (!record.events.length) return panel('Events', 0, emptyBox('No events found.'));
  const names = (ids) => ids.map((actorId) => nameOf(actorById, actorId)).join(', ') || '—';
  return panel('Events', record.events.length, h('ol', { class: 'item-list' }, record.events.map((event) => h('li', {
    class: highlight?.id === event.id ? 'is-current' : null,
  },
  h('p', { class: 'item-head' }, eventBadge(event.type), event.negated ? h('span', { class: 'tag', text: 'negated' }) : null,
    event.modality !== 'asserted' ? h('span', { class: 'tag', text: event.modality }) : null),
  h('p', { class: 'item-text' }, h('a', { href: articleHref(record.article.id, event.id) },
    `${names(event.source)}${event.target.length ? ` → ${names(event.target)}` : ''}${event.location ? ` in ${event.location}` : ''}`))))));
}

function truncate(text, n) {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length > n ? `${clean.slice(0, n - 1).trimEnd()}…` : clean;
}
