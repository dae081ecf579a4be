// Near-duplicate articles: the same report rewritten by several outlets. Each article gets a MinHash signature of
// its word 5-shingles; signatures are bucketed by LSH banding so that finding the candidates for a new article reads
// a few index entries instead of every stored signature, and a candidate joins the story group when the estimated
// Jaccard similarity of the two shingle sets reaches DUPLICATE_THRESHOLD.
//
// Everything here is deterministic: fixed seeds, no randomness at run time, little-endian storage.

/** Words per shingle. */
export const SHINGLE_SIZE = 5;
/** Hash functions per signature. */
export const SIGNATURE_SIZE = 128;
/** LSH bands and rows per band (BANDS * ROWS = SIGNATURE_SIZE). */
export const LSH_BANDS = 64;
export const LSH_ROWS = SIGNATURE_SIZE / LSH_BANDS;
/**
 * Estimated Jaccard similarity of two articles' shingle sets at or above which they are one story.
 *
 * Measured on the demo corpus (examples/articles: 14 articles, 91 pairs, test/dedup.test.ts checks it): the rewrite
 * pair 08/09 estimates 0.266 (exact Jaccard 0.293); the highest other pair estimates 0.031 (03/13, exact 0.014;
 * the highest exact is 04/11 at 0.018), and 8 pairs share no shingle at all. 0.15 lies between them with room on
 * both sides: the standard error of a 128-hash estimate is sqrt(J(1-J)/128), about 0.04 at J = 0.27 (so 0.15 is
 * three errors below the demo rewrite) and 0.015 at J = 0.03 (eight errors above the unrelated pairs). Rewrites
 * lighter than 08/09 and re-publications with small edits estimate higher still (0.8 and more).
 *
 * Banding: with 64 bands of 2 rows a pair becomes a candidate with probability 1 - (1 - J^2)^64: 0.99 at J = 0.27,
 * 0.93 at 0.2, 0.77 at 0.15, 0.06 at 0.03; candidates are then checked against the full signature.
 */
export const DUPLICATE_THRESHOLD = 0.15;

const EMPTY = 0xffffffff;

// splitmix32 from a fixed seed: the per-function XOR masks.
const SEEDS: Uint32Array = (() => {
  const seeds = new Uint32Array(SIGNATURE_SIZE);
  let state = 0x9e3779b9;
  for (let i = 0; i < SIGNATURE_SIZE; i++) {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    seeds[i] = (z ^ (z >>> 16)) >>> 0;
  }
  return seeds;
})();

/** MurmurHash3's finaliser: a bijection on 32-bit integers that mixes every input bit into every output bit. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a over UTF-16 code units, then mixed. */
function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h >>> 0);
}

// Letters that NFKD does not split into a base letter and an accent (as in names.ts).
const UNDECOMPOSABLE: Record<string, string> = {
  ø: 'o', ł: 'l', đ: 'd', ħ: 'h', ı: 'i', æ: 'ae', œ: 'oe', ß: 'ss', þ: 'th', ð: 'd',
};

/**
 * The words of a text as compared: Unicode-compatibility folded, accents and case dropped, apostrophes removed
 * inside words (Russia's = Russia’s = russias), everything else that is not a letter or digit a separator.
 */
export function normalisedWords(text: string): string[] {
  const folded = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[øłđħıæœßþð]/g, (letter) => UNDECOMPOSABLE[letter] ?? letter)
    .replace(/(\p{L})['’‘ʼ](?=\p{L})/gu, '$1');
  return folded.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The distinct hashes of the word shingles of a text (one shingle of all words when there are fewer than SHINGLE_SIZE). */
export function shingleHashes(text: string, size = SHINGLE_SIZE): Set<number> {
  const words = normalisedWords(text);
  const hashes = new Set<number>();
  if (words.length === 0) return hashes;
  if (words.length < size) {
    hashes.add(hashString(words.join(' ')));
    return hashes;
  }
  for (let i = 0; i + size <= words.length; i++) hashes.add(hashString(words.slice(i, i + size).join(' ')));
  return hashes;
}

/** The MinHash signature: for each of SIGNATURE_SIZE permutations (x ^ seed, then fmix32) the least shingle hash. */
export function minhash(text: string): Uint32Array {
  return signatureOf(shingleHashes(text));
}

export function signatureOf(hashes: Iterable<number>): Uint32Array {
  const signature = new Uint32Array(SIGNATURE_SIZE).fill(EMPTY);
  for (const h of hashes) {
    for (let i = 0; i < SIGNATURE_SIZE; i++) {
      const v = fmix32((h ^ SEEDS[i]!) >>> 0);
      if (v < signature[i]!) signature[i] = v;
    }
  }
  return signature;
}

/** A text with no words has the empty signature; it is never anyone's duplicate. */
export function isEmptySignature(signature: Uint32Array): boolean {
  return signature.every((v) => v === EMPTY);
}

/** The share of positions where two signatures agree: an unbiased estimate of the Jaccard similarity. */
export function estimatedJaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length !== b.length) throw new Error('signatures of different sizes');
  if (isEmptySignature(a) || isEmptySignature(b)) return 0;
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

/** Exact Jaccard similarity of two shingle sets (for measuring; the store uses the estimate). */
export function exactJaccard(a: Set<number>, b: Set<number>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let both = 0;
  for (const h of a) if (b.has(h)) both++;
  return both / (a.size + b.size - both);
}

/** The LSH bucket of each band: a 32-bit hash of the band's rows, salted with the band number. */
export function bandKeys(signature: Uint32Array): number[] {
  const keys: number[] = [];
  for (let band = 0; band < LSH_BANDS; band++) {
    let h = fmix32((band + 1) * 0x27d4eb2f >>> 0);
    for (let row = 0; row < LSH_ROWS; row++) {
      h = fmix32((h ^ signature[band * LSH_ROWS + row]!) >>> 0);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    keys.push(fmix32(h));
  }
  return keys;
}

/** Little-endian bytes, so a store file reads the same on any machine. */
export function signatureToBuffer(signature: Uint32Array): Buffer {
  const buffer = Buffer.alloc(signature.length * 4);
  signature.forEach((v, i) => buffer.writeUInt32LE(v, i * 4));
  return buffer;
}

export function signatureFromBuffer(buffer: Uint8Array): Uint32Array {
  const view = Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  const signature = new Uint32Array(view.length / 4);
  for (let i = 0; i < signature.length; i++) signature[i] = view.readUInt32LE(i * 4);
  return signature;
}

const BAND_SPAN = 2 ** 32;

/**
 * The LSH buckets a signature is filed under, as stored: band * 2^32 + the band's key, so that one integer column
 * holds every band's buckets apart. None for the empty signature, which is nobody's duplicate.
 */
export function bucketKeys(signature: Uint32Array): number[] {
  return isEmptySignature(signature) ? [] : bandKeys(signature).map((key, band) => band * BAND_SPAN + key);
}

/** The story groups a new signature joins: those of the candidates whose estimated similarity reaches the threshold. */
export function matchingStories(signature: Uint32Array, candidates: Array<{ signature: Uint8Array; story_id: string }>): Set<string> {
  const groups = new Set<string>();
  for (const candidate of candidates) {
    if (estimatedJaccard(signature, signatureFromBuffer(candidate.signature)) >= DUPLICATE_THRESHOLD) groups.add(candidate.story_id);
  }
  return groups;
}
