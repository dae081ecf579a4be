// Actors merged across articles: a later bare surname joins the one person known by that surname, and stays apart
// when two people share it. Articles written for this test, run through the real pipeline and a real store of each
// backend.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { articleFromText } from '../src/ingest/index.js';
import { processArticle } from '../src/pipeline.js';
import { openStore } from '../src/kb/index.js';
import { BACKENDS } from './backends.js';

const put = async (store: Awaited<ReturnType<typeof openStore>>, text: string, published: string) =>
  store.put(processArticle(articleFromText(text, { published, outlet: 'Test Wire' })).record);

for (const backend of BACKENDS) {
  describe(backend.name, { skip: backend.skip }, () => {
    test('a bare surname in a later article joins the person named in full before', async () => {
      const store = await openStore(await backend.fresh());
      try {
        await put(store, 'Norwegian Foreign Minister Ingrid Halvorsen met her Icelandic counterpart in Reykjavik on Monday.\n\n"We came to listen," Halvorsen said.', '2026-04-01');
        await put(store, 'Halvorsen said on Friday that Norway would present a new plan to Iceland next week.', '2026-04-04');
        const profile = await store.actor('Ingrid Halvorsen');
        assert.ok(profile, 'the person is found by full name');
        assert.equal(profile.articleCount, 2);
        assert.ok(profile.quotes.length >= 2, JSON.stringify(profile.quotes));
        const listed = (await store.actors({ limit: 50 })).filter((a) => /Halvorsen/.test(a.name));
        assert.equal(listed.length, 1, JSON.stringify(listed));
      } finally {
        await store.close();
      }
    });

    test('a full name arriving after a bare surname adopts it: the same person whichever article comes first', async () => {
      const store = await openStore(await backend.fresh());
      try {
        const bare = 'Halvorsen said on Friday that Norway would present a new plan to Iceland next week.';
        await put(store, bare, '2026-04-04');
        assert.deepEqual((await store.actors({ limit: 50 })).filter((a) => /Halvorsen/.test(a.name)).map((a) => a.name), ['Halvorsen']);
        await put(store, 'Norwegian Foreign Minister Ingrid Halvorsen met her Icelandic counterpart in Reykjavik on Monday.\n\n"We came to listen," Halvorsen said.', '2026-04-01');
        const listed = (await store.actors({ limit: 50 })).filter((a) => /Halvorsen/.test(a.name));
        assert.deepEqual(listed.map((a) => [a.name, a.articleCount]), [['Ingrid Halvorsen', 2]]);
        const profile = await store.actor('Halvorsen');
        assert.equal(profile?.name, 'Ingrid Halvorsen');
        assert.ok(profile!.quotes.some((q) => /new plan/.test(q.content)), 'the earlier article\'s quote is hers now');
        // The earlier article is stored as it was, under its own id.
        const earlierId = processArticle(articleFromText(bare, { published: '2026-04-04', outlet: 'Test Wire' })).record.article.id;
        assert.equal((await store.getRecord(earlierId))?.article.text, bare);
        assert.equal((await store.stats()).articles, 2);
      } finally {
        await store.close();
      }
    });

    test('a full name does not adopt a bare surname another stored person shares', async () => {
      const store = await openStore(await backend.fresh());
      try {
        await put(store, 'Swedish Foreign Minister Anna Berg arrived in Oslo on Monday for talks with Norway.', '2026-04-01');
        await put(store, 'Berg said on Wednesday that the talks had gone well.', '2026-04-03');
        await put(store, 'Danish Defence Minister Erik Berg said on Tuesday that Denmark would send two ships to the Baltic.', '2026-04-02');
        const names = (await store.actors({ limit: 50 })).map((a) => a.name).filter((n) => /Berg/.test(n)).sort();
        assert.deepEqual(names, ['Anna Berg', 'Erik Berg'], 'the bare Berg joined Anna Berg when she was the only one; Erik Berg takes nothing');
      } finally {
        await store.close();
      }
    });

    test('two people who share a surname stay two, and a bare surname between them stays unmerged', async () => {
      const store = await openStore(await backend.fresh());
      try {
        await put(store, 'Swedish Foreign Minister Anna Berg arrived in Oslo on Monday for talks with Norway.', '2026-04-01');
        await put(store, 'Danish Defence Minister Erik Berg said on Tuesday that Denmark would send two ships to the Baltic.', '2026-04-02');
        await put(store, 'Berg said on Wednesday that the talks had gone well.', '2026-04-03');
        const names = (await store.actors({ limit: 50 })).map((a) => a.name).filter((n) => /Berg/.test(n)).sort();
        assert.deepEqual(names, ['Anna Berg', 'Berg', 'Erik Berg']);
      } finally {
        await store.close();
      }
    });
  });
}
