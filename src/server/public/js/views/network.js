// Who met whom: actors linked by CONSULT events (meetings, visits, talks, calls), drawn with a small force layout.
import { get } from '../api.js';
import { actorHref, articleHref, emptyBox, formatDate, h, plural, svg, TYPE_LABELS } from '../dom.js';

const WIDTH = 820;
const HEIGHT = 520;

export async function networkView() {
  const network = await get('network', { type: 'CONSULT', nodes: 40 });
  const head = h('div', { class: 'page-head' },
    h('h1', { text: 'Who met whom' }),
    h('p', { class: 'lede', text: 'Actors linked by meetings, visits, talks and calls (CONSULT events). Thicker lines mean more meetings; each actor links to its page.' }));
  if (!network.edges.length) return h('div', {}, head, emptyBox('No meetings (CONSULT events) in the store yet.'));

  const positions = layout(network.nodes, network.edges);
  const maxDegree = Math.max(...network.nodes.map((n) => n.degree));
  const maxCount = Math.max(...network.edges.map((e) => e.count));
  const nameOf = new Map(network.nodes.map((n) => [n.key, n.name]));

  const chart = svg('svg', { class: 'network', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'group', 'aria-label': `${plural(network.nodes.length, 'actor')} linked by ${plural(network.edges.length, 'pair')} of meetings` });
  const edges = svg('g', { class: 'edges' });
  for (const edge of network.edges) {
    const a = positions.get(edge.source);
    const b = positions.get(edge.target);
    edges.append(svg('line', { x1: a.x, y1: a.y, x2: b.x, y2: b.y, 'stroke-width': 1.5 + (4 * edge.count) / maxCount },
      svg('title', { text: `${nameOf.get(edge.source)} and ${nameOf.get(edge.target)}: ${plural(edge.count, 'meeting')}` })));
  }
  const nodes = svg('g', { class: 'nodes' });
  for (const node of network.nodes) {
    const p = positions.get(node.key);
    const r = 7 + 9 * Math.sqrt(node.degree / maxDegree);
    const anchor = 'middle';
    const dx = 0;
    const dy = -(r + 6);
    nodes.append(svg('a', { href: actorHref(node.key), class: ['node', `type-${node.type}`], 'aria-label': `${node.name}, ${TYPE_LABELS[node.type] ?? node.type}, ${plural(node.degree, 'meeting')}` },
      svg('circle', { cx: p.x, cy: p.y, r }),
      svg('text', { x: p.x + dx, y: p.y + dy, 'text-anchor': anchor }, node.name)));
  }
  chart.append(edges, nodes);

  const pairs = [...network.edges].sort((a, b) => b.count - a.count || nameOf.get(a.source).localeCompare(nameOf.get(b.source)));
  return h('div', {}, head,
    h('figure', { class: 'network-figure' }, chart,
      h('figcaption', { class: 'legend' }, Object.entries(TYPE_LABELS).filter(([type]) => network.nodes.some((n) => n.type === type))
        .map(([type, label]) => h('span', { class: ['legend-item', `type-${type}`], text: label })))),
    h('section', { class: 'section', 'aria-labelledby': 'pairs-heading' },
      h('h2', { id: 'pairs-heading', text: 'Meetings by pair' }),
      h('div', { class: 'table-wrap' }, h('table', { class: 'data-table' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: 'Between' }), h('th', { scope: 'col', class: 'num', text: 'Meetings' }), h('th', { scope: 'col', text: 'Latest evidence' }))),
        h('tbody', {}, pairs.map((edge) => h('tr', {},
          h('th', { scope: 'row' }, h('a', { href: actorHref(edge.source), text: nameOf.get(edge.source) }), ' and ', h('a', { href: actorHref(edge.target), text: nameOf.get(edge.target) })),
          h('td', { class: 'num', text: String(edge.count) }),
          h('td', {}, h('a', { href: articleHref(edge.evidence.articleId, edge.evidence.eventId), text: formatDate(edge.evidence.date) })))))))));
}

/** Fruchterman-Reingold from a circle (deterministic: no randomness), then fitted into the frame. */
function layout(nodes, edges) {
  const n = nodes.length;
  const pos = nodes.map((node, i) => ({
    key: node.key,
    x: WIDTH / 2 + Math.cos((2 * Math.PI * i) / n) * WIDTH * 0.35,
    y: HEIGHT / 2 + Math.sin((2 * Math.PI * i) / n) * HEIGHT * 0.35,
  }));
  const index = new Map(pos.map((p, i) => [p.key, i]));
  const links = edges.map((e) => [index.get(e.source), index.get(e.target)]);
  const k = Math.sqrt((WIDTH * HEIGHT) / Math.max(n, 1)) * 0.8;
  let temperature = WIDTH / 8;
  for (let step = 0; step < 300; step++) {
    const disp = pos.map(() => ({ x: 0, y: 0 }));
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const dx = pos[i].x - pos[j].x || 0.01;
        const dy = pos[i].y - pos[j].y || 0.01;
        const d = Math.max(Math.hypot(dx, dy), 0.01);
        const f = (k * k) / d;
        disp[i].x += (dx / d) * f; disp[i].y += (dy / d) * f;
        disp[j].x -= (dx / d) * f; disp[j].y -= (dy / d) * f;
      }
    }
    for (const [a, b] of links) {
      const dx = pos[a].x - pos[b].x;
      const dy = pos[a].y - pos[b].y;
      const d = Math.max(Math.hypot(dx, dy), 0.01);
      const f = (d * d) / k;
      disp[a].x -= (dx / d) * f; disp[a].y -= (dy / d) * f;
      disp[b].x += (dx / d) * f; disp[b].y += (dy / d) * f;
    }
    for (let i = 0; i < n; i++) {
      // A weak pull to the centre keeps unconnected groups on the page.
      disp[i].x += (WIDTH / 2 - pos[i].x) * 0.02;
      disp[i].y += (HEIGHT / 2 - pos[i].y) * 0.02;
      const d = Math.max(Math.hypot(disp[i].x, disp[i].y), 0.01);
      pos[i].x += (disp[i].x / d) * Math.min(d, temperature);
      pos[i].y += (disp[i].y / d) * Math.min(d, temperature);
    }
    temperature *= 0.985;
  }
  // Fit into the frame with a margin for labels.
  const xs = pos.map((p) => p.x);
  const ys = pos.map((p) => p.y);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const margin = { x: 90, y: 40 };
  const sx = (WIDTH - 2 * margin.x) / Math.max(maxX - minX, 1);
  const sy = (HEIGHT - 2 * margin.y) / Math.max(maxY - minY, 1);
  const fitted = pos.map((p) => ({
    key: p.key,
    x: n === 1 ? WIDTH / 2 : margin.x + (p.x - minX) * sx,
    y: n === 1 ? HEIGHT / 2 : margin.y + (p.y - minY) * sy,
  }));
  separateLabels(fitted, nodes);
  return new Map(fitted.map((p) => [p.key, p]));
}

/** Nudges nodes apart until no two labels (about 7.5 px a character, 26 px high) overlap, within the frame. */
function separateLabels(points, nodes) {
  const half = nodes.map((node) => Math.max(30, node.name.length * 3.8 + 10));
  for (let round = 0; round < 200; round++) {
    let moved = false;
    for (let i = 0; i < points.length; i++) {
      for (let j = i + 1; j < points.length; j++) {
        const dx = points[j].x - points[i].x;
        const dy = points[j].y - points[i].y;
        const overlapX = half[i] + half[j] - Math.abs(dx);
        const overlapY = 30 - Math.abs(dy);
        if (overlapX <= 0 || overlapY <= 0) continue;
        moved = true;
        // Move apart along the axis that needs less, vertically when it is cheap (labels are wide).
        if (overlapY < overlapX) {
          const push = (overlapY / 2 + 1) * (dy >= 0 ? 1 : -1);
          points[i].y -= push; points[j].y += push;
        } else {
          const push = (overlapX / 2 + 1) * (dx >= 0 ? 1 : -1);
          points[i].x -= push; points[j].x += push;
        }
      }
    }
    for (const p of points) {
      p.x = Math.min(Math.max(p.x, 60), WIDTH - 60);
      p.y = Math.min(Math.max(p.y, 34), HEIGHT - 24);
    }
    if (!moved) break;
  }
}
