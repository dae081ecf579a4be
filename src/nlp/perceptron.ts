// Averaged perceptron: a sparse trainer and a compact, read-only weight table for prediction.

import { gunzipSync, gzipSync } from 'node:zlib';
import { readFileSync, writeFileSync } from 'node:fs';

interface Row {
  k: number[];
  w: number[];
  u: number[];
}

/**
 * Multi-class averaged perceptron with sparse rows: one row per feature, holding only the classes whose weight
 * was ever touched. Averaging uses the usual trick: keep w and u = sum(c * delta), average = w - u / c.
 */
export class PerceptronTrainer {
  readonly rows = new Map<number, Row>();
  private c = 1;

  constructor(readonly nClasses: number) {}

  /** Adds current (non-averaged) weights of the given features into scores (which are first zeroed). */
  score(feats: ArrayLike<number>, n: number, scores: Float64Array): void {
    scores.fill(0);
    this.addScores(feats, n, scores);
  }

  /** Adds current (non-averaged) weights of the given features into scores (not zeroed here). */
  addScores(feats: ArrayLike<number>, n: number, scores: Float32Array | Float64Array): void {
    this.addScoresFrom(feats, 0, n, scores);
  }

  /** Adds current (non-averaged) weights of feats[from], ..., feats[n - 1] into scores (not zeroed here). */
  addScoresFrom(feats: ArrayLike<number>, from: number, n: number, scores: Float32Array | Float64Array): void {
    for (let i = from; i < n; i++) {
      const r = this.rows.get(feats[i]!);
      if (r === undefined) continue;
      const k = r.k;
      const w = r.w;
      for (let j = 0; j < k.length; j++) scores[k[j]!]! += w[j]!;
    }
  }

  update(feats: ArrayLike<number>, n: number, cls: number, delta: number): void {
    const cd = this.c * delta;
    for (let i = 0; i < n; i++) {
      const f = feats[i]!;
      let r = this.rows.get(f);
      if (r === undefined) {
        r = { k: [], w: [], u: [] };
        this.rows.set(f, r);
      }
      let j = r.k.indexOf(cls);
      if (j < 0) {
        j = r.k.length;
        r.k.push(cls);
        r.w.push(0);
        r.u.push(0);
      }
      r.w[j]! += delta;
      r.u[j]! += cd;
    }
  }

  /** Call once per training instance (so averaging counts instances, not updates). */
  tick(): void {
    this.c++;
  }

  /** Averaged weights, dropping those with |w| < threshold. */
  finalize(threshold: number): WeightTable {
    const c = this.c;
    const keys: number[] = [];
    for (const key of this.rows.keys()) keys.push(key);
    keys.sort((a, b) => (a >>> 0) - (b >>> 0));
    const outKeys: number[] = [];
    const rowLen: number[] = [];
    const cls: number[] = [];
    const w: number[] = [];
    for (const key of keys) {
      const r = this.rows.get(key)!;
      const order = r.k.map((_, j) => j).sort((a, b) => r.k[a]! - r.k[b]!);
      let n = 0;
      for (const j of order) {
        const avg = r.w[j]! - r.u[j]! / c;
        if (Math.abs(avg) < threshold) continue;
        cls.push(r.k[j]!);
        w.push(avg);
        n++;
      }
      if (n > 0) {
        outKeys.push(key);
        rowLen.push(n);
      }
    }
    return new WeightTable(this.nClasses, Int32Array.from(outKeys), Uint16Array.from(rowLen), Uint16Array.from(cls), Float32Array.from(w));
  }
}

/**
 * Read-only weights: an open-addressing table from feature key to a run of (class, weight) pairs. Laid out for
 * few cache misses per lookup. Keys sit alone in their own array, so probing (most features of a sentence are not
 * in the table, and a miss walks the whole cluster) reads 16 slots per cache line instead of a few; only a hit
 * touches the payload. With at most eight classes the payload is the dense weight vector of the slot; otherwise
 * it is [start, end) into entries, which interleave [class, weight].
 */
export class WeightTable {
  private readonly slotKeys: Int32Array;
  private readonly slotRange: Uint32Array;
  private readonly entries: Float32Array;
  /** Quantised sparse rows: per slot [start << 8 | length, scale bits]; see the constructor. */
  private readonly slotPacked: Uint32Array;
  private readonly slotScale: Float32Array;
  private readonly packed: Int32Array;
  private readonly dense: Float32Array | null;
  private readonly mask: number;
  private readonly rowStart: Uint32Array;

  constructor(
    readonly nClasses: number,
    readonly keys: Int32Array,
    readonly rowLen: Uint16Array | Uint8Array,
    readonly cls: Uint16Array | Uint8Array,
    readonly w: Float32Array,
    quantised?: { q: Int16Array; rowScale: Float32Array },
  ) {
    const n = keys.length;
    this.rowStart = new Uint32Array(n + 1);
    for (let i = 0; i < n; i++) this.rowStart[i + 1] = this.rowStart[i]! + rowLen[i]!;
    let cap = 16;
    while (cap < n * 1.3) cap *= 2;
    this.mask = cap - 1;
    this.slotKeys = new Int32Array(cap);
    const slotOf = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const key = keys[i]!;
      let s = key & this.mask;
      while (this.slotKeys[s] !== 0) s = (s + 1) & this.mask;
      this.slotKeys[s] = key;
      slotOf[i] = s;
    }
    this.slotPacked = new Uint32Array(0);
    this.slotScale = new Float32Array(0);
    this.packed = new Int32Array(0);
    const packable = quantised !== undefined && nClasses <= 256 && w.length < 1 << 24 && rowLen.every((len) => len < 256);
    if (nClasses <= 8) {
      this.dense = new Float32Array(cap * nClasses);
      this.slotRange = new Uint32Array(0);
      this.entries = new Float32Array(0);
      for (let i = 0; i < n; i++) {
        const base = slotOf[i]! * nClasses;
        for (let j = this.rowStart[i]!; j < this.rowStart[i + 1]!; j++) this.dense[base + cls[j]!] = w[j]!;
      }
    } else if (packable) {
      // Weights read from a file are int16 times a float32 scale per row, so Math.fround(q * scale) gives back
      // exactly the float32 weight. Keeping q and the class in one int32 halves the entries, and the scale
      // shares the slot's 8 bytes with start and length: the table (tagger, labeller, recogniser) takes less
      // cache, which all three models compete for when a sentence goes through all of them.
      this.dense = null;
      this.slotRange = new Uint32Array(0);
      this.entries = new Float32Array(0);
      const buf = new ArrayBuffer(cap * 8);
      this.slotPacked = new Uint32Array(buf);
      this.slotScale = new Float32Array(buf);
      this.packed = new Int32Array(w.length);
      const q = quantised.q;
      for (let j = 0; j < w.length; j++) this.packed[j] = (q[j]! << 8) | cls[j]!;
      for (let i = 0; i < n; i++) {
        const s = slotOf[i]!;
        this.slotPacked[2 * s] = ((this.rowStart[i]! << 8) | rowLen[i]!) >>> 0;
        this.slotScale[2 * s + 1] = quantised.rowScale[i]!;
      }
    } else {
      this.dense = null;
      this.slotRange = new Uint32Array(cap * 2);
      this.entries = new Float32Array(w.length * 2);
      for (let j = 0; j < w.length; j++) {
        this.entries[2 * j] = cls[j]!;
        this.entries[2 * j + 1] = w[j]!;
      }
      for (let i = 0; i < n; i++) {
        const s = slotOf[i]!;
        this.slotRange[2 * s] = this.rowStart[i]!;
        this.slotRange[2 * s + 1] = this.rowStart[i + 1]!;
      }
    }
  }

  /** Slot holding key f, or -1 when f has no weights. */
  private find(f: number): number {
    const slotKeys = this.slotKeys;
    const mask = this.mask;
    let s = f & mask;
    let k = slotKeys[s]!;
    while (k !== f) {
      if (k === 0) return -1;
      s = (s + 1) & mask;
      k = slotKeys[s]!;
    }
    return s;
  }

  /** Adds the weights of the features into scores (not zeroed here). */
  addScores(feats: ArrayLike<number>, n: number, scores: Float32Array | Float64Array): void {
    this.addScoresFrom(feats, 0, n, scores);
  }

  /**
   * Adds the weights of feats[from], ..., feats[n - 1] into scores, in that order (not zeroed here). Scores built
   * from a saved prefix sum continue exactly as if the first features had just been added.
   */
  addScoresFrom(feats: ArrayLike<number>, from: number, n: number, scores: Float32Array | Float64Array): void {
    if (this.dense !== null) {
      const dense = this.dense;
      const nc = this.nClasses;
      for (let i = from; i < n; i++) {
        const s = this.find(feats[i]!);
        if (s < 0) continue;
        const base = s * nc;
        for (let c = 0; c < nc; c++) scores[c]! += dense[base + c]!;
      }
      return;
    }
    if (this.packed.length > 0) {
      const slotPacked = this.slotPacked;
      const slotScale = this.slotScale;
      const packed = this.packed;
      for (let i = from; i < n; i++) {
        const s = this.find(feats[i]!);
        if (s < 0) continue;
        const startLen = slotPacked[2 * s]!;
        const scale = slotScale[2 * s + 1]!;
        const end = (startLen >>> 8) + (startLen & 255);
        for (let j = startLen >>> 8; j < end; j++) {
          const v = packed[j]!;
          scores[v & 255]! += Math.fround((v >> 8) * scale);
        }
      }
      return;
    }
    const range = this.slotRange;
    const e = this.entries;
    for (let i = from; i < n; i++) {
      const s = this.find(feats[i]!);
      if (s < 0) continue;
      const end = 2 * range[2 * s + 1]!;
      for (let j = 2 * range[2 * s]!; j < end; j += 2) scores[e[j]!]! += e[j + 1]!;
    }
  }

  get size(): number {
    return this.keys.length;
  }

  /** Compact arrays for storage: weights quantised to int16 with one scale per row (float32). */
  toArrays(prefix: string): { arrays: Record<string, StoredArray>; meta: { nClasses: number; scale: number } } {
    const nRows = this.keys.length;
    const scales = new Float32Array(nRows);
    const q = new Int16Array(this.w.length);
    for (let r = 0; r < nRows; r++) {
      const a = this.rowStart[r]!;
      const b = this.rowStart[r + 1]!;
      let max = 0;
      for (let j = a; j < b; j++) max = Math.max(max, Math.abs(this.w[j]!));
      const scale = Math.fround(max > 0 ? max / 32767 : 1);
      scales[r] = scale;
      for (let j = a; j < b; j++) q[j] = Math.round(this.w[j]! / scale);
    }
    // Delta-code the sorted keys (as unsigned) so they compress well.
    const dk = new Uint32Array(nRows);
    let prev = 0;
    for (let i = 0; i < dk.length; i++) {
      const k = this.keys[i]! >>> 0;
      dk[i] = (k - prev) >>> 0;
      prev = k;
    }
    const small = this.nClasses < 256;
    return {
      arrays: {
        [prefix + '.keys']: dk,
        [prefix + '.rowLen']: small ? Uint8Array.from(this.rowLen) : Uint16Array.from(this.rowLen),
        [prefix + '.cls']: small ? Uint8Array.from(this.cls) : Uint16Array.from(this.cls),
        [prefix + '.w']: q,
        [prefix + '.scale']: scales,
      },
      meta: { nClasses: this.nClasses, scale: 0 },
    };
  }

  static fromArrays(prefix: string, arrays: Record<string, StoredArray>, meta: { nClasses: number; scale: number }): WeightTable {
    const dk = arrays[prefix + '.keys'] as Uint32Array;
    const keys = new Int32Array(dk.length);
    let acc = 0;
    for (let i = 0; i < dk.length; i++) {
      acc = (acc + dk[i]!) >>> 0;
      keys[i] = acc | 0;
    }
    const rowLen = arrays[prefix + '.rowLen'] as Uint16Array | Uint8Array;
    const q = arrays[prefix + '.w'] as Int16Array;
    const scales = arrays[prefix + '.scale'] as Float32Array | undefined;
    const w = new Float32Array(q.length);
    if (scales) {
      let j = 0;
      for (let r = 0; r < rowLen.length; r++) {
        const sc = scales[r]!;
        for (let e = j + rowLen[r]!; j < e; j++) w[j] = q[j]! * sc;
      }
    } else for (let i = 0; i < q.length; i++) w[i] = q[i]! * meta.scale;
    // The scoring side recomputes q * scale from a float32 scale: exact for per-row scales (stored as float32),
    // and for a legacy single scale only when float32 holds it; otherwise the table keeps float weights.
    let quantised: { q: Int16Array; rowScale: Float32Array } | undefined;
    if (scales) quantised = { q, rowScale: scales };
    else if (Math.fround(meta.scale) === meta.scale) quantised = { q, rowScale: new Float32Array(rowLen.length).fill(meta.scale) };
    return new WeightTable(meta.nClasses, keys, rowLen, arrays[prefix + '.cls'] as Uint16Array | Uint8Array, w, quantised);
  }
}

export type StoredArray = Int32Array | Uint32Array | Int16Array | Uint16Array | Uint8Array | Float32Array;

const ARRAY_TYPES = {
  Int32Array,
  Uint32Array,
  Int16Array,
  Uint16Array,
  Uint8Array,
  Float32Array,
} as const;
type ArrayTypeName = keyof typeof ARRAY_TYPES;

const MAGIC = 'PRLYMDL1';

/** Writes a gzip'd binary file: magic, JSON header, then the arrays (8-byte aligned). Deterministic. */
export function encodeModel(header: object, arrays: Record<string, StoredArray>): Buffer {
  const names = Object.keys(arrays).sort();
  const descr = names.map((name) => {
    const a = arrays[name]!;
    return { name, type: a.constructor.name as ArrayTypeName, length: a.length };
  });
  const json = Buffer.from(JSON.stringify({ header, arrays: descr }), 'utf8');
  const parts: Buffer[] = [Buffer.from(MAGIC, 'latin1')];
  const len = Buffer.alloc(4);
  len.writeUInt32LE(json.length);
  parts.push(len, json);
  let size = 12 + json.length;
  const pad = (): void => {
    const p = (8 - (size % 8)) % 8;
    if (p) {
      parts.push(Buffer.alloc(p));
      size += p;
    }
  };
  pad();
  for (const name of names) {
    const a = arrays[name]!;
    const b = Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    parts.push(Buffer.from(b));
    size += b.length;
    pad();
  }
  return gzipSync(Buffer.concat(parts), { level: 9 });
}

export function writeModel(path: string, header: object, arrays: Record<string, StoredArray>): void {
  writeFileSync(path, encodeModel(header, arrays));
}

export function readModel<H>(path: string): { header: H; arrays: Record<string, StoredArray> } {
  const buf = gunzipSync(readFileSync(path));
  if (buf.toString('latin1', 0, 8) !== MAGIC) throw new Error(`${path}: not a Parley model file`);
  const jlen = buf.readUInt32LE(8);
  const meta = JSON.parse(buf.toString('utf8', 12, 12 + jlen)) as {
    header: H;
    arrays: Array<{ name: string; type: ArrayTypeName; length: number }>;
  };
  let off = 12 + jlen;
  off += (8 - (off % 8)) % 8;
  const arrays: Record<string, StoredArray> = {};
  for (const d of meta.arrays) {
    const T = ARRAY_TYPES[d.type];
    const bytes = d.length * T.BYTES_PER_ELEMENT;
    const copy = buf.buffer.slice(buf.byteOffset + off, buf.byteOffset + off + bytes);
    arrays[d.name] = new T(copy);
    off += bytes;
    off += (8 - (off % 8)) % 8;
  }
  return { header: meta.header, arrays };
}
