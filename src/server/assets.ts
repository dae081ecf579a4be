// The web app's static files, served straight from src/server/public (no build step): found relative to the
// package root so that the same path works from dist/src/server/, from src/server/ and from an installed package.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Asset {
  body: Uint8Array;
  type: string;
  etag: string;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
};

/** The package root: the nearest directory above this module whose package.json is parley's. */
export function packageRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'parley') return dir;
      } catch {
        // not ours; keep looking
      }
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find parley's package.json above ${from}`);
    dir = parent;
  }
}

export function publicDir(): string {
  const dir = join(packageRoot(), 'src', 'server', 'public');
  if (!existsSync(join(dir, 'index.html'))) throw new Error(`the web app's files are missing (${dir})`);
  return dir;
}

/** Reads every servable file under the public folder once, keyed by URL path ("/", "/app.css", "/js/app.js"). */
export function loadAssets(dir: string = publicDir()): Map<string, Asset> {
  const assets = new Map<string, Asset>();
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else {
        const type = TYPES[extname(name)];
        if (type === undefined) continue;
        const body = readFileSync(path);
        const url = '/' + relative(dir, path).split(sep).join('/');
        const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
        assets.set(url, { body, type, etag });
      }
    }
  };
  walk(dir);
  const index = assets.get('/index.html');
  if (index) assets.set('/', index);
  return assets;
}
