// Per-client request budgets for the API: one token bucket per client address, refilled continuously. A bucket holds
// a minute's allowance, so a client may burst up to the limit and then gets the limit per minute.

export type Taken = { ok: true } | { ok: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  updated: number;
}

/** Clients remembered at once; the least recently seen is forgotten first, which only ever refills its bucket. */
const MAX_CLIENTS = 10_000;

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;

  /** `perMinute` requests per client per minute; 0 turns the limit off. */
  constructor(readonly perMinute: number, private readonly now: () => number = () => performance.now()) {
    if (!Number.isInteger(perMinute) || perMinute < 0) throw new RangeError(`a rate limit is a whole number of requests per minute, not ${perMinute}`);
    this.perMs = perMinute / 60_000;
  }

  take(client: string): Taken {
    if (this.perMinute === 0) return { ok: true };
    const now = this.now();
    const key = clientKey(client);
    const bucket = this.buckets.get(key) ?? { tokens: this.perMinute, updated: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.updated) * this.perMs);
    bucket.updated = now;
    // re-inserting keeps the map in least-recently-seen order
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    if (this.buckets.size > MAX_CLIENTS) this.buckets.delete(this.buckets.keys().next().value!);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.perMs / 1000)) };
  }
}

/**
 * The budget's owner: an IPv4 address, or an IPv6 address's /64 network, since one host can use any address in
 * its /64 and would otherwise get a fresh budget per address.
 */
export function clientKey(address: string): string {
  const v4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (v4 || !address.includes(':')) return v4 ?? address;
  const [head = '', tail] = address.replace(/%.*$/, '').toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...new Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return groups.slice(0, 4).map((group) => group.replace(/^0+(?=.)/, '')).join(':') + '::/64';
}
