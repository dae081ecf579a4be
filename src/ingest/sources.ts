import { createReadStream, type Stats } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { IngestError } from './errors.js';
import { readCapped, tooLarge } from './fetch.js';

/** Stats a path; a missing or unreadable path becomes an IngestError. */
export async function statInput(path: string): Promise<Stats> {
  try {
    return await stat(path);
  } catch (error) {
    throw new IngestError(fileErrorReason(error));
  }
}

export interface ListedFile {
  path: string;
  /** Set when a subdirectory could not be listed; the walk goes on without it. */
  error?: string;
}

/** Files under a directory, depth first, each directory's entries sorted by name; hidden entries skipped. */
export async function listFiles(directory: string): Promise<ListedFile[]> {
  const files: ListedFile[] = [];
  let entries;
  try {
    entries = await readdir(directory, { withFileTypes: true });
  } catch (error) {
    return [{ path: directory, error: fileErrorReason(error) }];
  }
  const visible = entries.filter((entry) => !entry.name.startsWith('.')).sort((a, b) => compare(a.name, b.name));
  for (const entry of visible) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) files.push(...(await listFiles(path)));
    // Symbolic links are listed as files; reading one that points at a directory reports it, which also
    // keeps link cycles out of the walk.
    else if (entry.isFile() || entry.isSymbolicLink()) files.push({ path });
  }
  return files;
}

/** Reads a file, checking its size before reading so an oversized file costs nothing. */
export async function readFileCapped(path: string, stats: Stats, maxBytes: number): Promise<Uint8Array> {
  if (stats.isDirectory()) throw new IngestError('is a directory (symbolic links to directories are not followed)');
  try {
    if (stats.isFile()) {
      if (stats.size > maxBytes) throw new IngestError(tooLarge(stats.size, maxBytes));
      return await readFile(path);
    }
    // Pipes and devices (/dev/stdin, process substitution) have no size up front.
    return await readCapped(createReadStream(path), maxBytes);
  } catch (error) {
    if (error instanceof IngestError) throw error;
    throw new IngestError(fileErrorReason(error));
  }
}

function fileErrorReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'ENOTDIR':
      return 'not a directory in the path';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    default:
      return `cannot read (${code ?? (error as Error).message})`;
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
