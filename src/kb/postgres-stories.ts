// Story groups in the PostgreSQL store: the same MinHash signatures, LSH buckets and grouping rule as SQLite's
// (stories.ts, dedup.ts), with the SQL in PostgreSQL's words. Internal: the store calls it.
import { membersRelativeTo, type MemberRow } from './api-rows.js';
import { DUPLICATE_THRESHOLD, bucketKeys, estimatedJaccard, minhash, signatureFromBuffer, signatureToBuffer } from './dedup.js';
import type { Page, PageOptions, StoryGroup, StoryMember, StoryStats } from './index.js';
import { all, one, type Queryable } from './postgres-sql.js';

const EARLIEST_FIRST = 'art.published NULLS LAST, art.ingested_at, art.id';
const MEMBER_COLUMNS = `art.id AS "articleId", art.title AS "articleTitle", art.published, art.outlet, art.url, art.source,
  g.signature, g.story_id AS "storyId"`;

/** What findStory() read before the story lock, for joinStory() to complete under it. */
export interface StoryCandidates {
  signature: Uint32Array;
  bucketKeys: number[];
  /** Signature rows of earlier articles found similar enough, by seq. */
  matched: number[];
  /** The highest signature seq stored when the candidates were read: any row added since has a higher one. */
  seenUpTo: number;
}

/**
 * The costly half of story grouping, run before the story lock: signs the text and compares it with every stored
 * article sharing one of its LSH buckets. Signatures are only added under the story lock, in seq order, so whatever
 * this read missed has a higher seq than `seenUpTo`.
 */
export async function findStory(db: Queryable, text: string): Promise<StoryCandidates> {
  const signature = minhash(text);
  const keys = bucketKeys(signature);
  const seen = await one<{ seq: number | null }>(db, 'SELECT max(seq) AS seq FROM article_signatures');
  const seenUpTo = seen?.seq ?? 0;
  if (keys.length === 0) return { signature, bucketKeys: keys, matched: [], seenUpTo };
  const candidates = await all<{ seq: number; signature: Buffer }>(db, `
    SELECT g.seq, g.signature FROM article_signatures g
    WHERE g.seq IN (SELECT DISTINCT b.signature_seq FROM story_buckets b WHERE b.bucket = ANY(@keys::bigint[]))
      AND g.seq <= @seenUpTo`, { keys, seenUpTo });
  return { signature, bucketKeys: keys, matched: similarSeqs(signature, candidates), seenUpTo };
}

function similarSeqs(signature: Uint32Array, rows: Array<{ seq: number; signature: Buffer }>): number[] {
  return rows.filter((row) => estimatedJaccard(signature, signatureFromBuffer(row.signature)) >= DUPLICATE_THRESHOLD).map((row) => row.seq);
}

/**
 * Puts a just-inserted article in its story group: call inside put()'s transaction holding the story lock, so that
 * two rewrites stored at once by two processes still see each other. Reads what was stored since findStory() and
 * the matched articles' groups as they are now, then writes in one statement. The group is that of every stored
 * article whose estimated similarity reaches DUPLICATE_THRESHOLD (groups it bridges are merged), named after its
 * earliest article.
 */
export async function joinStory(db: Queryable, articleId: string, found: StoryCandidates): Promise<void> {
  const { signature, bucketKeys: keys, seenUpTo } = found;
  const rows = keys.length === 0 ? [] : await all<{ seq: number; signature: Buffer | null; story_id: string }>(db, `
    SELECT g.seq, CASE WHEN g.seq > @seenUpTo THEN g.signature END AS signature, g.story_id FROM article_signatures g
    WHERE g.seq = ANY(@matched::bigint[])
      OR (g.seq > @seenUpTo AND g.seq IN (SELECT DISTINCT b.signature_seq FROM story_buckets b WHERE b.bucket = ANY(@keys::bigint[])))`,
  { keys, seenUpTo, matched: found.matched });
  const newlySimilar = new Set(similarSeqs(signature, rows.filter((row) => row.signature !== null) as Array<{ seq: number; signature: Buffer }>));
  const groups = [...new Set(rows.filter((row) => row.signature === null || newlySimilar.has(row.seq)).map((row) => row.story_id))];
  await all(db, `
    WITH story AS (
      SELECT art.id FROM articles art WHERE art.id = ANY(@ids::text[]) ORDER BY ${EARLIEST_FIRST} LIMIT 1
    ), merged AS (
      UPDATE article_signatures SET story_id = (SELECT id FROM story)
      WHERE story_id = ANY(@groups::text[]) AND story_id <> (SELECT id FROM story)
    ), signed AS (
      INSERT INTO article_signatures (article_id, signature, story_id)
      SELECT @articleId, @signature, id FROM story RETURNING seq
    )
    INSERT INTO story_buckets (bucket, signature_seq)
      SELECT DISTINCT unnest(@keys::bigint[]), signed.seq FROM signed
    ON CONFLICT DO NOTHING`,
  { ids: [...groups, articleId], groups, articleId, signature: signatureToBuffer(signature), keys });
}

async function storyIdOf(db: Queryable, articleId: string): Promise<string | null> {
  return (await one<{ story_id: string }>(db, 'SELECT story_id FROM article_signatures WHERE article_id = @articleId', { articleId }))?.story_id ?? null;
}

function members(db: Queryable, storyId: string): Promise<MemberRow[]> {
  return all<MemberRow>(db, `
    SELECT ${MEMBER_COLUMNS} FROM article_signatures g JOIN articles art ON art.id = g.article_id
    WHERE g.story_id = @storyId ORDER BY ${EARLIEST_FIRST}`, { storyId });
}

export async function story(db: Queryable, articleId: string): Promise<StoryGroup | null> {
  const storyId = await storyIdOf(db, articleId);
  if (storyId === null) return null;
  const rows = await members(db, storyId);
  return { storyId, articles: membersRelativeTo(rows, rows.find((row) => row.articleId === storyId) ?? rows[0]) };
}

export async function duplicates(db: Queryable, articleId: string): Promise<StoryMember[]> {
  const storyId = await storyIdOf(db, articleId);
  if (storyId === null) return [];
  const rows = await members(db, storyId);
  return membersRelativeTo(rows, rows.find((row) => row.articleId === articleId)).filter((member) => member.articleId !== articleId);
}

export async function storyIds(db: Queryable, articleIds: string[]): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (let i = 0; i < articleIds.length; i += 500) {
    const rows = await all<{ id: string; story: string }>(db, `
      SELECT article_id AS id, story_id AS story FROM article_signatures WHERE article_id = ANY(@ids::text[])`,
      { ids: articleIds.slice(i, i + 500) });
    for (const row of rows) result[row.id] = row.story;
  }
  return result;
}

export async function stories(
  db: Queryable, opts: PageOptions & { minArticles?: number }, limit: number, offset: number,
): Promise<Page<StoryGroup>> {
  const minArticles = Math.max(1, Math.trunc(opts.minArticles ?? 1));
  const bigEnough = minArticles > 1 ? 'AND (SELECT count(*) FROM article_signatures m WHERE m.story_id = g.story_id) >= @minArticles' : '';
  const params = minArticles > 1 ? { minArticles } : {};
  // Newest first by the group's earliest article, as the article list orders articles.
  const groups = await all<{ storyId: string }>(db, `
    SELECT g.story_id AS "storyId" FROM article_signatures g JOIN articles art ON art.id = g.story_id
    WHERE g.story_id = g.article_id ${bigEnough}
    ORDER BY art.published DESC NULLS LAST, art.ingested_at DESC, art.id LIMIT @limit OFFSET @offset`,
    { ...params, limit: limit + 1, offset });
  const total = (await one<{ n: number }>(db, `
    SELECT count(*) AS n FROM article_signatures g WHERE g.story_id = g.article_id ${bigEnough}`, params))!.n;
  const items: StoryGroup[] = [];
  for (const { storyId } of groups.slice(0, limit)) {
    const rows = await members(db, storyId);
    items.push({ storyId, articles: membersRelativeTo(rows, rows.find((row) => row.articleId === storyId) ?? rows[0]) });
  }
  return { items, limit, offset, hasMore: groups.length > limit, total };
}

export async function storyStats(db: Queryable): Promise<StoryStats> {
  const row = (await one<Omit<StoryStats, 'duplicates'>>(db, `
    WITH roots AS (SELECT article_id AS id FROM article_signatures WHERE story_id = article_id)
    SELECT (SELECT count(*) FROM articles) AS articles,
      (SELECT count(DISTINCT name_key) FROM actors) AS actors,
      (SELECT count(*) FROM roots) AS stories,
      (SELECT count(*) FROM quotes WHERE article_id IN (SELECT id FROM roots)) AS quotes,
      (SELECT count(*) FROM events WHERE article_id IN (SELECT id FROM roots)) AS events,
      (SELECT count(*) FROM stances WHERE article_id IN (SELECT id FROM roots)) AS stances`))!;
  return { ...row, duplicates: row.articles - row.stories };
}

/** One batch of (signature seq, article id, story id) after a seq, in ingestion order. */
export function batchAfter(db: Queryable, seq: number, size: number): Promise<Array<{ seq: number; id: string; storyId: string }>> {
  return all(db, `
    SELECT g.seq, g.article_id AS id, g.story_id AS "storyId" FROM article_signatures g
    WHERE g.seq > @seq ORDER BY g.seq LIMIT @size`, { seq, size });
}
