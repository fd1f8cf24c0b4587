/**
 * Deterministic synthetic article corpora for benchmarks and load tests: the seed articles'
 * sentences reshuffled, so the prose is real news prose in any amount, the same on every run.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { toArticle } from '../server/article/article.js';
import { SEEDS_DIR } from '../server/paths.js';

export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A function that returns a new article on each call, from the seed articles' sentences. */
export function articleMaker(seed = 42): () => string {
  const sentences = readdirSync(SEEDS_DIR)
    .flatMap((f) => toArticle(f, readFileSync(path.join(SEEDS_DIR, f), 'utf8')).text.split(/(?<=[.!?])\s+/))
    .map((s) => s.trim())
    .filter((s) => s.length > 20);
  const random = rng(seed);
  return () => {
    const n = 15 + Math.floor(random() * 20);
    const paragraphs: string[] = [];
    for (let i = 0; i < n; i += 3) {
      paragraphs.push(Array.from({ length: 3 }, () => sentences[Math.floor(random() * sentences.length)]).join(' '));
    }
    return paragraphs.join('\n\n');
  };
}

/** Writes `count` articles as .txt files under `dir` (1,000 per sub-folder); returns their bytes. */
export function writeCorpus(dir: string, count: number, seed = 42): number {
  const make = articleMaker(seed);
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const sub = path.join(dir, String(Math.floor(i / 1000)).padStart(3, '0'));
    if (i % 1000 === 0) mkdirSync(sub, { recursive: true });
    const text = make();
    writeFileSync(path.join(sub, `${String(i).padStart(6, '0')}.txt`), text);
    bytes += Buffer.byteLength(text);
  }
  return bytes;
}
