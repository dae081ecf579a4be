/**
 * An expected failure of one input (missing file, bad format, unreachable URL...). readInputs turns it into an
 * error item and moves on; any other exception is a bug and propagates.
 */
export class IngestError extends Error {
  override readonly name = 'IngestError';
}

/** One-line reason text: error items are printed one per line. */
export function oneLine(message: string): string {
  return message.replace(/\s+/g, ' ').trim();
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return oneLine(error.message || error.name);
  return oneLine(String(error));
}
