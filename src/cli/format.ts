// Readable terminal output for people; machines get --json.
import type { Extraction } from '../contract.js';
import type { ActorProfile, ActorSummary, SearchHit } from '../kb/index.js';

const clip = (text: string, max = 160) => (text.length > max ? text.slice(0, max - 1).trimEnd() + '…' : text);
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

export function formatExtraction(record: Extraction): string {
  const { article } = record;
  const nameOf = (id: string | null) => record.actors.find((a) => a.id === id)?.name ?? 'unknown';
  const meta = [article.outlet, article.published].filter(Boolean).join(', ');
  const lines = [`== ${article.title ?? '(untitled)'}${meta ? ` (${meta})` : ''}`, `   ${article.source}`, ''];
  lines.push(`Actors (${record.actors.length})`);
  for (const actor of record.actors) {
    const details = [actor.type, actor.roles.join(', '), actor.country].filter(Boolean).join(' · ');
    lines.push(`  ${actor.name} — ${details} (${actor.mentions.length} mention${actor.mentions.length === 1 ? '' : 's'})`);
  }
  lines.push('', `Quotes (${record.quotes.length})`);
  for (const quote of record.quotes) {
    const text = oneLine(quote.content.text);
    lines.push(`  ${nameOf(quote.speaker)} [${quote.kind}${quote.cue ? `, ${quote.cue.text}` : ''}]: ${quote.kind === 'direct' ? `“${clip(text)}”` : clip(text)}`);
  }
  lines.push('', `Events (${record.events.length})`);
  for (const event of record.events) {
    const who = `${event.source.map(nameOf).join(', ') || '?'} → ${event.target.map(nameOf).join(', ') || '?'}`;
    const where = [event.location && `in ${event.location}`, event.date, event.modality !== 'asserted' && event.modality, event.negated && 'negated'].filter(Boolean).join(', ');
    lines.push(`  ${event.type}${event.mode ? `/${event.mode}` : ''} ${who}${where ? ` (${where})` : ''}: ${clip(oneLine(event.evidence.text), 110)}`);
  }
  lines.push('', `Stances (${record.stances.length})`);
  for (const stance of record.stances) {
    lines.push(`  ${nameOf(stance.holder)} ${stance.polarity === 'support' ? 'supports' : 'opposes'} “${stance.issue}”: ${clip(oneLine(stance.evidence.text), 110)}`);
  }
  return lines.join('\n') + '\n';
}

export function formatSearchHits(hits: SearchHit[]): string {
  if (hits.length === 0) return 'no matches';
  return hits
    .map((hit, i) => {
      const where = [hit.articleTitle ?? hit.articleId.slice(0, 12), hit.published].filter(Boolean).join(', ');
      const who = hit.kind === 'quote' ? `${hit.speaker ?? 'unattributed'}: ` : '';
      return `${String(i + 1).padStart(2)}. [${hit.kind}] ${who}${oneLine(hit.snippet)}\n    ${where}`;
    })
    .join('\n');
}

export function formatActors(actors: ActorSummary[]): string {
  if (actors.length === 0) return 'no actors in the store yet; try parley ingest <files>';
  const width = Math.min(32, Math.max(...actors.map((a) => a.name.length)));
  return actors
    .map((a) => {
      const details = [a.type, a.country, a.roles.slice(0, 3).join(', ')].filter(Boolean).join(' · ');
      return `${a.name.padEnd(width)}  ${String(a.articleCount).padStart(3)} art. ${String(a.quoteCount).padStart(3)} quotes  ${details}`;
    })
    .join('\n');
}

export function formatActorProfile(profile: ActorProfile): string {
  const lines = [`${profile.name} — ${[profile.type, profile.country].filter(Boolean).join(', ')} (${profile.articleCount} article${profile.articleCount === 1 ? '' : 's'})`];
  if (profile.roles.length) {
    lines.push('', 'Roles');
    for (const role of profile.roles) lines.push(`  ${role.role}${role.dates.length ? ` (${role.dates.join(', ')})` : ''}`);
  }
  if (profile.quotes.length) {
    lines.push('', `Quotes (${profile.quotes.length})`);
    for (const q of profile.quotes) lines.push(`  ${q.published ?? '          '} [${q.kind}] ${clip(oneLine(q.content))}`);
  }
  if (profile.stances.length) {
    lines.push('', 'Stances');
    for (const s of profile.stances) lines.push(`  ${s.published ?? '          '} ${s.polarity} “${s.issue}”: ${clip(oneLine(s.evidence), 110)}`);
  }
  if (profile.events.length) {
    lines.push('', 'Events');
    for (const e of profile.events) {
      lines.push(`  ${e.date ?? e.published ?? '          '} ${e.type} ${e.sources.join(', ')} → ${e.targets.join(', ')}${e.location ? ` in ${e.location}` : ''}`);
    }
  }
  return lines.join('\n');
}
