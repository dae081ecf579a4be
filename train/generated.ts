// Writing a generated source file, or with --check only comparing it with what is committed.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/** Writes `text` to `out`, or when `check` is set reports (and sets exit code 1) if the committed file differs. */
export function writeGenerated(out: string, text: string, check: boolean): void {
  if (check) {
    const current = existsSync(out) ? readFileSync(out, 'utf8') : '';
    if (current !== text) {
      console.error(`${out} differs from a fresh build`);
      process.exitCode = 1;
    } else console.log(`${out} is up to date`);
    return;
  }
  writeFileSync(out, text);
  console.log(`wrote ${out} (${(Buffer.byteLength(text) / 1024).toFixed(0)} KB)`);
}
