import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRepoRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json')) || dir.endsWith('dist')) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('package.json not found above ' + from);
    dir = parent;
  }
  return dir;
}

export const repoRoot = findRepoRoot(dirname(fileURLToPath(import.meta.url)));
export const sharedDir = resolve(repoRoot, '..', 'shared');
export const seedPath = join(sharedDir, 'seed', '000_7a06f59f9f720265.txt');
export const seedGoldPath = join(sharedDir, 'seed', '000_7a06f59f9f720265.gold.json');
export const examplesDir = join(repoRoot, 'examples', 'articles');
export const cliPath = join(repoRoot, 'bin', 'parley.js');
/** How many articles the demo corpus holds (one file each). */
export const demoArticleCount = readdirSync(examplesDir).filter((name) => /\.(txt|html)$/.test(name)).length;
