// `parley analyze --conllu FILE`: gold tokens in, predicted UPOS, XPOS, HEAD and DEPREL out (the UDPipe convention),
// so that any CoNLL-U scorer can grade the tagger and parser.
import { readFileSync } from 'node:fs';
import { loadModels } from '../nlp/index.js';

export async function conlluCommand(path: string): Promise<number> {
  let content: string;
  try {
    content = readFileSync(path, 'utf8');
  } catch (error) {
    process.stderr.write(`parley: ${path}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})\n`);
    return 1;
  }
  const models = loadModels();
  const out: string[] = [];
  for (const block of content.split(/\n\s*\n/)) {
    if (!block.trim()) continue;
    const lines = block.split('\n');
    const wordLines = lines.filter((l) => /^\d+\t/.test(l));
    if (wordLines.length === 0) {
      process.stderr.write(`parley: ${path}: a sentence block has no word lines\n`);
      return 1;
    }
    const words = wordLines.map((l) => l.split('\t')[1]!);
    const tags = models.tag(words);
    const arcs = models.parse(words, tags);
    let w = 0;
    for (const line of lines) {
      if (!/^\d+\t/.test(line)) {
        out.push(line);
        continue;
      }
      const cols = line.split('\t');
      while (cols.length < 10) cols.push('_');
      cols[3] = tags[w]!.upos;
      cols[4] = tags[w]!.xpos;
      cols[6] = String(arcs[w]!.head + 1);
      cols[7] = arcs[w]!.deprel;
      cols[8] = '_';
      out.push(cols.join('\t'));
      w++;
    }
    out.push('');
  }
  process.stdout.write(out.join('\n') + '\n');
  return 0;
}
