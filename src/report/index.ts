// Briefings written from stored facts: the parties, where each stands, what happened in date order, key quotes and
// shifts in position, who objects to being left out and (with a since date) what changed. Every line cites the
// articles it comes from, as numbered sources linked to the articles; a report carried by several outlets (a story
// group of the store) is counted once and cites each of them. And exports of the store in other formats.
import type { Store } from '../kb/index.js';
import { buildBriefing, type BriefingOptions } from './model.js';
import { renderHtml, renderMarkdown } from './render.js';

export { buildBriefing, EXCLUSION_PATTERN } from './model.js';
export type { Briefing, BriefingOptions, Line, Part, Section, SectionKey, Source } from './model.js';
export { escapeHtml, escapeMarkdown, renderHtml, renderMarkdown, sourceHref, type HtmlOptions } from './render.js';
export { EXPORT_FORMATS, EXPORT_KINDS, exportStore, streamSink, type ExportFormat, type ExportKind, type ExportOptions } from './export.js';

/** The briefing as Markdown (default) or, with `format: 'html'`, as a standalone HTML document. */
export async function briefing(store: Store, options: BriefingOptions = {}): Promise<string> {
  const model = await buildBriefing(store, options);
  return options.format === 'html' ? renderHtml(model) : renderMarkdown(model);
}
