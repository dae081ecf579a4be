import { gunzipSync } from 'node:zlib';
import { describeError, IngestError } from './errors.js';

/** What a decoded input is, judged from its content rather than its name. */
export type ContentKind = 'text' | 'html' | 'feed' | 'json';

export interface DecodedInput {
  kind: ContentKind;
  /** Decoded text, byte order mark removed. */
  content: string;
}

interface Signature {
  name: string;
  bytes: number[];
  offset?: number;
}

const GZIP: Signature = { name: 'gzip', bytes: [0x1f, 0x8b] };
const SIGNATURES: Signature[] = [
  { name: 'PNG image', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { name: 'JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { name: 'GIF image', bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: 'WebP image', bytes: [0x57, 0x45, 0x42, 0x50], offset: 8 },
  { name: 'PDF document', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { name: 'zip archive', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'zip archive', bytes: [0x50, 0x4b, 0x05, 0x06] },
  { name: '7z archive', bytes: [0x37, 0x7a, 0xbc, 0xaf] },
  { name: 'RAR archive', bytes: [0x52, 0x61, 0x72, 0x21] },
  { name: 'xz archive', bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00] },
  { name: 'ELF executable', bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { name: 'SQLite database', bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66] },
  { name: 'MP4 video', bytes: [0x66, 0x74, 0x79, 0x70], offset: 4 },
  { name: 'Ogg media', bytes: [0x4f, 0x67, 0x67, 0x53] },
];
const UTF16_BOMS: Signature[] = [
  { name: 'UTF-16LE', bytes: [0xff, 0xfe] },
  { name: 'UTF-16BE', bytes: [0xfe, 0xff] },
];

/** Share of control characters above which a "text" is really binary data. */
const MAX_CONTROL_RATIO = 0.1;
const SNIFF_CHARS = 4096;

/**
 * Decodes raw input bytes and tells what they hold. Throws IngestError for empty, binary, non-UTF-8 and
 * unrecognised input. A gzip stream is unpacked first (no more than maxBytes of output).
 */
export function decodeInput(bytes: Uint8Array, maxBytes: number, declaredCharset: string | null = null): DecodedInput {
  if (bytes.length === 0) throw new IngestError('empty input');
  if (startsWith(bytes, GZIP)) return decodeInput(gunzip(bytes, maxBytes), maxBytes, declaredCharset);
  const signature = SIGNATURES.find((s) => startsWith(bytes, s));
  if (signature) throw new IngestError(`unknown format (${signature.name})`);
  const utf16 = UTF16_BOMS.find((s) => startsWith(bytes, s));
  if (utf16) throw new IngestError(`not UTF-8 text (${utf16.name}); convert it to UTF-8`);
  if (bytes.includes(0)) throw new IngestError('binary file (contains NUL bytes)');

  const content = decodeText(bytes, declaredCharset).replace(/^\uFEFF/, '');
  if (!content.trim()) throw new IngestError('empty input');
  if (controlRatio(content.slice(0, SNIFF_CHARS * 4)) > MAX_CONTROL_RATIO) throw new IngestError('binary file (mostly non-text)');
  return { kind: contentKind(content), content };
}

function gunzip(bytes: Uint8Array, maxBytes: number): Uint8Array {
  try {
    return gunzipSync(bytes, { maxOutputLength: maxBytes });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new IngestError(`too large (gzip content over the ${maxBytes} byte limit)`);
    }
    throw new IngestError(`corrupt gzip data (${describeError(error)})`);
  }
}

function decodeText(bytes: Uint8Array, declaredCharset: string | null): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Web pages and feeds may declare a legacy charset; plain text must be UTF-8.
    const charset = declaredCharset ?? charsetDeclaredInMarkup(bytes);
    const decoded = charset ? decodeWithCharset(bytes, charset) : null;
    if (decoded !== null) return decoded;
    if (controlRatio(new TextDecoder('latin1').decode(bytes.subarray(0, SNIFF_CHARS * 4))) > MAX_CONTROL_RATIO) {
      throw new IngestError('binary file (mostly non-text)');
    }
    throw new IngestError('not valid UTF-8 text');
  }
}

function charsetDeclaredInMarkup(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, SNIFF_CHARS));
  if (!head.trimStart().startsWith('<')) return null;
  const declared = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head) ?? /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i.exec(head);
  return declared?.[1] ?? null;
}

function decodeWithCharset(bytes: Uint8Array, charset: string): string | null {
  if (/^utf-?8$/i.test(charset)) return null;
  let encoding: string;
  try {
    encoding = new TextDecoder(charset).encoding;
  } catch {
    return null;
  }
  return encoding === 'windows-1252' ? decodeWindows1252(bytes) : new TextDecoder(encoding).decode(bytes);
}

// Bytes 0x80-0x9F in windows-1252 (which the WHATWG spec also uses for "latin1" and "iso-8859-1" labels).
// Node 20's TextDecoder decodes them as C1 controls, losing dashes and curly quotes, hence this table.
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = new TextDecoder('latin1').decode(bytes);
  return latin1.replace(/[\x80-\x9f]/g, (char) => WINDOWS_1252_HIGH[char.charCodeAt(0) - 0x80] ?? char);
}

function contentKind(content: string): ContentKind {
  const head = content.slice(0, SNIFF_CHARS).trimStart();
  if (head.startsWith('{') || head.startsWith('[')) return 'json';
  if (!head.startsWith('<')) return 'text';
  const markup = head.replace(/<\?[\s\S]*?\?>/g, '').replace(/<!--[\s\S]*?(?:-->|$)/g, '').trimStart();
  // No reader here expands declared entities, but a document that declares them is built to be expanded by
  // something ("billion laughs", external entities); HTML never needs an internal subset, so refuse it outright.
  if (/^<!doctype\s[^>[]*\[/i.test(markup)) {
    throw new IngestError('refused: DOCTYPE with an internal DTD subset (entity declarations can expand without bound)');
  }
  if (/^<!doctype\s+html/i.test(markup)) return 'html';
  const root = /^(?:<!doctype[^>]*>\s*)?<([a-z][\w:.-]*)/i.exec(markup)?.[1]?.toLowerCase();
  if (root === 'rss' || root === 'feed' || root === 'rdf:rdf') return 'feed';
  if (root === undefined || root === 'html' || !/^<\?xml/i.test(head)) return 'html';
  throw new IngestError(`unknown format (XML document <${root}> that is not a feed)`);
}

function controlRatio(text: string): number {
  if (text.length === 0) return 0;
  const controls = text.match(/[\x00-\x08\x0e-\x1f\x7f\ufffd]/g)?.length ?? 0;
  return controls / text.length;
}

function startsWith(bytes: Uint8Array, signature: Signature): boolean {
  const offset = signature.offset ?? 0;
  if (bytes.length < offset + signature.bytes.length) return false;
  return signature.bytes.every((byte, i) => bytes[offset + i] === byte);
}
