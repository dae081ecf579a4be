// Story groups in the SQLite store: signing articles at put() time, finding their near-duplicates through the LSH
// buckets, and reading the groups back. Internal: the store calls it, callers go through the Store interface.
import type Database from 'better-sqlite3';
import { membersRelativeTo, type MemberRow } from './api-rows.js';
import { bucketKeys, matchingStories, minhash, signatureToBuffer } from './dedup.js';
import type { Page, PageOptions, StoryGroup, StoryMember, StoryStats } from './index.js';

const EARLIEST_FIRST = 'art.published NULLS LAST, art.ingested_at, art.id';

const MEMBER_COLUMNS = `art.id AS articleId, art.title AS articleTitle, art.published, art.outlet, art.url, art.source,
  g.signature, g.story_id AS storyId`;

export class StoryIndex {
  private readonly sql;

  constructor(private readonly db: Database.Database) {
    this.sql = {
      insertSignature: db.prepare('INSERT INTO article_signatures (article_id, signature, story_id) VALUES (?, ?, ?)'),
      insertBucket: db.prepare('INSERT OR IGNORE INTO story_buckets (bucket, signature_seq) VALUES (?, ?)'),
      candidates: db.prepare(`
        SELECT g.seq, g.article_id, g.signature, g.story_id FROM article_signatures g
        WHERE g.seq IN (SELECT DISTINCT b.signature_seq FROM story_buckets b
          WHERE b.bucket IN (SELECT value FROM json_each(?)))`),
      // The earliest of some articles (group names and the new article): the name of the merged group.
      earliest: db.prepare(`
        SELECT art.id FROM articles art WHERE art.id IN (SELECT value FROM json_each(?))
        ORDER BY ${EARLIEST_FIRST} LIMIT 1`).pluck(),
      renameStories: db.prepare(`
        UPDATE article_signatures SET story_id = @story WHERE story_id IN (SELECT value FROM json_each(@from)) AND story_id <> @story`),
      storyOf: db.prepare('SELECT story_id FROM article_signatures WHERE article_id = ?').pluck(),
      members: db.prepare(`
        SELECT ${MEMBER_COLUMNS} FROM article_signatures g JOIN articles art ON art.id = g.article_id
        WHERE g.story_id = ? ORDER BY ${EARLIEST_FIRST}`),
      storyIds: db.prepare(`
        SELECT article_id AS id, story_id AS story FROM article_signatures WHERE article_id IN (SELECT value FROM json_each(?))`),
      unsigned: db.prepare(`
        SELECT art.id, art.text FROM articles art WHERE NOT EXISTS (SELECT 1 FROM article_signatures g WHERE g.article_id = art.id)
        ORDER BY ${EARLIEST_FIRST}`),
      countUnsigned: db.prepare(`
        SELECT count(*) FROM articles art WHERE NOT EXISTS (SELECT 1 FROM article_signatures g WHERE g.article_id = art.id)`).pluck(),
      stats: db.prepare(`
        WITH roots AS (SELECT article_id AS id FROM article_signatures WHERE story_id = article_id)
        SELECT (SELECT count(*) FROM articles) AS articles,
          (SELECT count(DISTINCT name_key) FROM actors) AS actors,
          (SELECT count(*) FROM roots) AS stories,
          (SELECT count(*) FROM quotes WHERE article_id IN roots) AS quotes,
          (SELECT count(*) FROM events WHERE article_id IN roots) AS events,
          (SELECT count(*) FROM stances WHERE article_id IN roots) AS stances`),
      recordBatch: db.prepare(`
        SELECT g.seq, g.article_id AS id, g.story_id AS storyId FROM article_signatures g
        WHERE g.seq > ? ORDER BY g.seq LIMIT ?`),
    };
  }

  /**
   * Signs a just-inserted article and puts it in its story group; call inside put()'s transaction. The group is
   * that of every stored article whose estimated similarity reaches DUPLICATE_THRESHOLD (groups it bridges are
   * merged), named after its earliest article.
   */
  sign(articleId: string, text: string): string {
    const signature = minhash(text);
    let story = articleId;
    const keys = bucketKeys(signature);
    if (keys.length > 0) {
      const groups = matchingStories(signature, this.sql.candidates.all(JSON.stringify(keys)) as Array<{ signature: Uint8Array; story_id: string }>);
      if (groups.size > 0) {
        story = this.sql.earliest.get(JSON.stringify([...groups, articleId])) as string;
        this.sql.renameStories.run({ story, from: JSON.stringify([...groups]) });
      }
    }
    const { lastInsertRowid } = this.sql.insertSignature.run(articleId, signatureToBuffer(signature), story);
    for (const key of keys) this.sql.insertBucket.run(key, lastInsertRowid);
    return story;
  }

  /** Signs the articles stored before story groups existed (oldest first, as if put in that order). */
  backfill(): number {
    if ((this.sql.countUnsigned.get() as number) === 0) return 0;
    return this.db.transaction(() => {
      const rows = this.sql.unsigned.all() as Array<{ id: string; text: string }>;
      for (const row of rows) this.sign(row.id, row.text);
      return rows.length;
    }).immediate();
  }

  storyId(articleId: string): string | null {
    return (this.sql.storyOf.get(articleId) as string | undefined) ?? null;
  }

  story(articleId: string): StoryGroup | null {
    const storyId = this.storyId(articleId);
    if (storyId === null) return null;
    const rows = this.sql.members.all(storyId) as MemberRow[];
    const root = rows.find((row) => row.articleId === storyId) ?? rows[0];
    return { storyId, articles: membersRelativeTo(rows, root) };
  }

  duplicates(articleId: string): StoryMember[] {
    const storyId = this.storyId(articleId);
    if (storyId === null) return [];
    const rows = this.sql.members.all(storyId) as MemberRow[];
    const self = rows.find((row) => row.articleId === articleId);
    return membersRelativeTo(rows, self).filter((member) => member.articleId !== articleId);
  }

  storyIds(articleIds: string[]): Record<string, string> {
    const result: Record<string, string> = {};
    for (let i = 0; i < articleIds.length; i += 500) {
      const rows = this.sql.storyIds.all(JSON.stringify(articleIds.slice(i, i + 500))) as Array<{ id: string; story: string }>;
      for (const row of rows) result[row.id] = row.story;
    }
    return result;
  }

  stories(opts: PageOptions & { minArticles?: number }, limit: number, offset: number): Page<StoryGroup> {
    const minArticles = Math.max(1, Math.trunc(opts.minArticles ?? 1));
    // Newest first by the group's earliest article, as the article list orders articles.
    const groups = this.db.prepare(`
      SELECT g.story_id AS storyId FROM article_signatures g JOIN articles art ON art.id = g.story_id
      WHERE g.story_id = g.article_id
        ${minArticles > 1 ? 'AND (SELECT count(*) FROM article_signatures m WHERE m.story_id = g.story_id) >= @minArticles' : ''}
      ORDER BY art.published DESC NULLS LAST, art.ingested_at DESC, art.id LIMIT @limit OFFSET @offset`)
      .pluck().all({ ...(minArticles > 1 ? { minArticles } : {}), limit: limit + 1, offset }) as string[];
    const total = this.db.prepare(`
      SELECT count(*) FROM article_signatures g WHERE g.story_id = g.article_id
        ${minArticles > 1 ? 'AND (SELECT count(*) FROM article_signatures m WHERE m.story_id = g.story_id) >= @minArticles' : ''}`)
      .pluck().get(minArticles > 1 ? { minArticles } : {}) as number;
    const items = groups.slice(0, limit).map((storyId) => {
      const rows = this.sql.members.all(storyId) as MemberRow[];
      return { storyId, articles: membersRelativeTo(rows, rows.find((row) => row.articleId === storyId) ?? rows[0]) };
    });
    return { items, limit, offset, hasMore: groups.length > limit, total };
  }

  stats(): StoryStats {
    const row = this.sql.stats.get() as Omit<StoryStats, 'duplicates'>;
    return { ...row, duplicates: row.articles - row.stories };
  }

  /** One batch of (signature seq, article id, story id) after a seq, in ingestion order. */
  batchAfter(seq: number, size: number): Array<{ seq: number; id: string; storyId: string }> {
    return this.sql.recordBatch.all(seq, size) as Array<{ seq: number; id: string; storyId: string }>;
  }
}
