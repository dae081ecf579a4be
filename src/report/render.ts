// Writes a briefing (model.ts) as Markdown or as HTML: a fragment for the web app, or a standalone document with
// its style inline and no external assets. Every citation links to its article: the article's URL, else its source
// (an http(s) URL, or a path as a file: URL). Article text is escaped on the way out in both formats.
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Briefing, Line, Part, Source } from './model.js';

// ---- links ------------------------------------------------------------------------------------------------------

/** Where a citation of this source points: its URL, else its source as a URL; null when there is nothing to link. */
export function sourceHref(source: Pick<Source, 'url' | 'source'>): string | null {
  const web = (value: string | null): string | null => {
    if (value === null) return null;
    try {
      const url = new URL(value.trim());
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
    } catch {
      return null;
    }
  };
  const fromUrl = web(source.url);
  if (fromUrl !== null) return fromUrl;
  const path = source.source.trim();
  if (/^https?:/i.test(path)) return web(path);
  if (path === '' || path === '-' || path === 'api' || path === 'stdin') return null;
  if (isAbsolute(path)) return pathToFileURL(path).href;
  // A relative path (a scheme-like prefix such as "javascript:" is not one).
  if (/^[a-z][a-z0-9+.-]*:/i.test(path) && !/^[a-z]:[\\/]/i.test(path)) return null;
  return /[\\/.]/.test(path) ? encodeURI(path.replace(/\\/g, '/')) : null;
}

// ---- Markdown ---------------------------------------------------------------------------------------------------

/** Escapes the characters that would start Markdown markup inside a line of text. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]]/g, (c) => `\\${c}`);
}

function markdownHref(href: string): string {
  return href.replace(/[ ()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

export function renderMarkdown(briefing: Briefing): string {
  if (briefing.empty !== null) return briefing.empty;
  const hrefs = new Map(briefing.sources.map((s) => [s.n, sourceHref(s)]));
  // "[8]" is a reference link to the definition "[8]: url" at the end, so a citation reads [8, 9] and links each.
  const cite = (numbers: number[]) => `[${numbers.map((n) => (hrefs.get(n) ? `[${n}]` : String(n))).join(', ')}]`;
  const parts = (list: Part[]) => list.map((part) =>
    'cite' in part ? cite(part.cite) : 'strong' in part ? `**${escapeMarkdown(part.strong)}**` : escapeMarkdown(part.text)).join('').trim();
  const lines: string[] = [`# ${escapeMarkdown(briefing.title)}`, ''];
  for (const paragraph of briefing.summary) lines.push(parts(paragraph), '');
  for (const section of briefing.sections) {
    lines.push(`## ${section.title}`, '');
    if (section.note) lines.push(parts(section.note), ...(section.lines.length > 0 ? [''] : []));
    for (const line of section.lines) lines.push(`- ${parts(line.parts)}`);
    lines.push('');
  }
  lines.push('## Sources', '');
  for (const source of briefing.sources) {
    const href = hrefs.get(source.n);
    const title = escapeMarkdown(source.title ?? '(untitled)');
    lines.push(`${source.n}. ${href ? `[${title}][${source.n}]` : title}${sourceDetails(source, escapeMarkdown)}`);
  }
  const definitions = briefing.sources.flatMap((source) => {
    const href = hrefs.get(source.n);
    return href ? [`[${source.n}]: ${markdownHref(href)}`] : [];
  });
  if (definitions.length > 0) lines.push('', ...definitions);
  return lines.join('\n');
}

function sourceDetails(source: Source, escape: (text: string) => string): string {
  const about = [source.outlet, source.published].filter(Boolean).join(', ');
  const notes = [
    source.sameReportAs !== null ? `the same report as ${source.sameReportAs}` : null,
    source.inPeriod ? null : 'period before',
  ].filter(Boolean);
  return `${about ? `, ${escape(about)}` : ''} (${escape(source.url ?? source.source)})${notes.length ? `; ${notes.join('; ')}` : ''}`;
}

// ---- HTML -------------------------------------------------------------------------------------------------------

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const STYLE = `
  :root { color-scheme: light dark; --muted: #666; --rule: #ddd; --link: #0645ad; }
  @media (prefers-color-scheme: dark) { :root { --muted: #aaa; --rule: #444; --link: #8ab4f8; } }
  body { font: 16px/1.55 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; }
  main { max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
  h1 { font-size: 1.8rem; margin-bottom: .5rem; }
  h2 { font-size: 1.25rem; border-bottom: 1px solid var(--rule); padding-bottom: .2rem; margin-top: 2rem; }
  li { margin: .3rem 0; }
  a { color: var(--link); }
  .cite { white-space: nowrap; font-size: .85em; }
  .note, .source-note { color: var(--muted); }
  :target { outline: 2px solid var(--link); }
`;

export interface HtmlOptions {
  /** A whole document (default) or the body's content only, for a page that has its own. */
  document?: boolean;
}

export function renderHtml(briefing: Briefing, options: HtmlOptions = {}): string {
  const standalone = options.document !== false;
  const body = briefing.empty !== null ? `<h1>${escapeHtml(briefing.title)}</h1>\n<p>${escapeHtml(briefing.empty)}</p>` : htmlBody(briefing, standalone);
  if (!standalone) return body;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="parley">
<title>${escapeHtml(briefing.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main class="briefing">
${body}
</main>
</body>
</html>
`;
}

function htmlBody(briefing: Briefing, standalone: boolean): string {
  const sources = new Map(briefing.sources.map((s) => [s.n, s]));
  const hrefs = new Map(briefing.sources.map((s) => [s.n, sourceHref(s)]));
  const cite = (numbers: number[]) => {
    const links = numbers.map((n) => {
      const source = sources.get(n);
      const label = source ? [source.title, source.outlet, source.published].filter(Boolean).join(', ') : '';
      const href = hrefs.get(n) ?? (standalone ? `#source-${n}` : null);
      const attributes = `${source ? ` data-article="${escapeHtml(source.articleId)}"` : ''}${label ? ` title="${escapeHtml(label)}"` : ''}`;
      return href === null ? `<span${attributes}>${n}</span>` : `<a href="${escapeHtml(href)}"${attributes}>${n}</a>`;
    });
    return `<span class="cite">[${links.join(', ')}]</span>`;
  };
  const parts = (list: Part[]) => list.map((part) =>
    'cite' in part ? cite(part.cite) : 'strong' in part ? `<strong>${escapeHtml(part.strong)}</strong>` : escapeHtml(part.text)).join('').trim();
  const out: string[] = [`<h1>${escapeHtml(briefing.title)}</h1>`];
  for (const paragraph of briefing.summary) out.push(`<p>${parts(paragraph)}</p>`);
  for (const section of briefing.sections) {
    out.push(`<section class="${section.key}">`, `<h2>${escapeHtml(section.title)}</h2>`);
    if (section.note) out.push(`<p class="note">${parts(section.note)}</p>`);
    if (section.lines.length > 0) out.push('<ul>', ...section.lines.map((line: Line) => `<li>${parts(line.parts)}</li>`), '</ul>');
    out.push('</section>');
  }
  out.push('<section class="sources">', '<h2>Sources</h2>', '<ol>');
  for (const source of briefing.sources) {
    const href = hrefs.get(source.n);
    const title = escapeHtml(source.title ?? '(untitled)');
    const about = [source.outlet, source.published].filter(Boolean).join(', ');
    const notes = [
      source.sameReportAs !== null ? `the same report as ${source.sameReportAs}` : null,
      source.inPeriod ? null : 'period before',
    ].filter(Boolean).join('; ');
    out.push(`<li id="source-${source.n}" value="${source.n}" data-article="${escapeHtml(source.articleId)}">`
      + `${href ? `<a href="${escapeHtml(href)}">${title}</a>` : title}${about ? `, ${escapeHtml(about)}` : ''}`
      + ` <span class="source-note">(${escapeHtml(source.url ?? source.source)})${notes ? `; ${escapeHtml(notes)}` : ''}</span></li>`);
  }
  out.push('</ol>', '</section>');
  return out.join('\n');
}
