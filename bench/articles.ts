// Many distinct short articles from the demo corpus, for load and crash tests: article n is two paragraphs of the
// corpus (chosen by n, so the mix varies) under its own dateline, which gives it its own text and so its own id.
// Short on purpose: a crash test needs many articles in flight, not long ones.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Article } from '../src/contract.js';
import { articleFromText } from '../src/ingest/index.js';

const examples = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'examples', 'articles');

const CITIES = ['Oslo', 'Reykjavik', 'Tromso', 'Brussels', 'Murmansk', 'London', 'Bergen', 'Torshavn', 'Helsinki', 'Copenhagen'];

function demoParagraphs(): string[] {
  const paragraphs: string[] = [];
  for (const name of readdirSync(examples).filter((file) => file.endsWith('.txt')).sort()) {
    const body = readFileSync(join(examples, name), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
    for (const paragraph of body.split(/\n\s*\n/)) {
      const text = paragraph.replace(/\s+/g, ' ').trim();
      // Paragraphs that are whole sentences with some substance.
      if (text.split(' ').length >= 20 && /[.!?"”]$/.test(text)) paragraphs.push(text);
    }
  }
  if (paragraphs.length < 2) throw new Error(`too few paragraphs in ${examples}`);
  return paragraphs;
}

export function variantArticles(count: number): Article[] {
  const paragraphs = demoParagraphs();
  const articles: Article[] = [];
  for (let n = 0; n < count; n++) {
    const first = paragraphs[n % paragraphs.length]!;
    const second = paragraphs[(n * 7 + 3) % paragraphs.length]!;
    const day = 1 + (n % 28);
    const published = `2026-04-${String(day).padStart(2, '0')}`;
    const city = CITIES[n % CITIES.length]!;
    const text = `${city.toUpperCase()}, dispatch ${n + 1} — ${first}\n\n${second}\n`;
    articles.push(articleFromText(text, { title: `Dispatch ${n + 1} from ${city}`, published, outlet: 'Parley Load Wire', source: `variant-${n + 1}` }));
  }
  return articles;
}
