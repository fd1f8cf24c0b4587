/** The extraction pool: worker threads give what the extractor gives in this thread, in the caller's order. */
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';
import { defaultExtractor } from '../../../../server/extract/index.js';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { toContractDocument } from '../../../../server/extract/contract.js';
import { extractFile } from '../../../../server/extract/file-job.js';
import { createExtractionPool, inOrder, MIN_ARTICLES_FOR_WORKERS } from '../../../../server/extract/pool.js';

const texts = [
  'Secretary Antony Blinken met Wang Yi in Beijing on Friday.',
  'Prosecutors charged Tobias Brandt, the former chief executive of Vireo Bank, with fraud. He denied the charges.',
  'Maria Lopez, a spokeswoman for the Atlantic Federal Police, said two men were arrested in Lisbon.',
];

describe('the extraction pool', () => {
  it('extracts on worker threads exactly what the extractor gives in this thread', async () => {
    const pool = await createExtractionPool({ workers: 2, articles: 100 });
    try {
      assert.equal(pool.workers, 2);
      const pooled = await Promise.all(texts.map((t) => pool.extract(t)));
      assert.deepEqual(
        pooled,
        texts.map((t) => defaultExtractor.extract(t)),
      );
    } finally {
      await pool.close();
    }
  });

  it('reads, extracts and serialises whole files on the workers, as in this thread', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pool-'));
    const files = texts.map((t, i) => {
      const file = path.join(dir, `${i}.txt`);
      writeFileSync(file, `title: Article ${i}\n\n${t}\n`);
      return file;
    });
    const missing = path.join(dir, 'missing.txt');
    for (const workers of [2, 0]) {
      const pool = await createExtractionPool({ workers, articles: 100 });
      try {
        const done = await Promise.all([...files, missing].map((f) => pool.extractFile(f)));
        done.slice(0, -1).forEach((d, i) => {
          assert.ok(d.ok, JSON.stringify(d));
          const expected = toContractDocument(files[i]!, `Article ${i}`, defaultExtractor.extract(readFileSync(files[i]!, 'utf8')));
          assert.deepEqual(JSON.parse(d.json), JSON.parse(JSON.stringify(expected)));
        });
        const last = done.at(-1)!;
        assert.ok(!last.ok && last.error.code === 'NOT_FOUND' && last.error.message.includes(missing), JSON.stringify(last));
      } finally {
        await pool.close();
      }
    }
  });

  it("reports an article the extractor fails on as that file's error, not a crash of the run", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pool-'));
    const file = path.join(dir, 'a.txt');
    writeFileSync(file, texts[0]!);
    const failing = {
      name: 'failing',
      extract: () => {
        throw new Error('no verb here');
      },
    };
    const done = await extractFile(file, failing);
    assert.ok(
      !done.ok && done.error.code === 'INTERNAL' && done.error.message.includes(file) && done.error.message.includes('no verb here'),
      JSON.stringify(done),
    );
  });

  it('stays in this thread for a few articles or when no workers are wanted', async () => {
    for (const options of [{ workers: 4, articles: MIN_ARTICLES_FOR_WORKERS - 1 }, { workers: 0, articles: 1000 }, { workers: 1 }]) {
      const pool = await createExtractionPool(options);
      assert.equal(pool.workers, 0, JSON.stringify(options));
      assert.deepEqual(await pool.extract(texts[0]!), defaultExtractor.extract(texts[0]!));
      await pool.close();
    }
  });

  it('hands results back in input order with at most `window` in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const seen: number[] = [];
    // Later items finish first: order must come from inOrder, not from completion.
    await inOrder(
      [5, 4, 3, 2, 1, 0],
      3,
      async (n) => {
        most = Math.max(most, ++inFlight);
        await sleep(n * 5);
        inFlight--;
        return n * 10;
      },
      (r, n) => seen.push(r + n),
    );
    assert.deepEqual(seen, [55, 44, 33, 22, 11, 0]);
    assert.ok(most <= 3, `at most 3 in flight, saw ${most}`);
  });

  it('passes a failure of the work on to the caller', async () => {
    await assert.rejects(
      inOrder(
        [1, 2],
        2,
        async (n) => {
          if (n === 2) throw new Error('bad item 2');
          return n;
        },
        () => {},
      ),
      /bad item 2/,
    );
  });
});
