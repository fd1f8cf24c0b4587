import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SerializedGraph } from '../../../../common/graph.js';
import type { GraphNews, Job } from '../../../../common/ingest.js';
import {
  applyJobEvent,
  fileWords,
  joiningNode,
  newsWords,
  othersNews,
  progressOf,
  unionGraphs,
  writtenDocuments,
} from '../../../../client/src/upload/model.js';

const queued: Job = {
  id: 'j1',
  state: 'queued',
  by: 'local user',
  createdAt: '2026-12-07T10:00:00.000Z',
  total: 3,
  done: 1,
  files: [
    { name: 'a.txt', status: 'pending' },
    { name: 'a.txt', status: 'pending' },
    {
      name: 'scan.pdf',
      status: 'failed',
      error: { code: 'BAD_INPUT', message: 'scan.pdf skipped: only .txt, .md, .markdown, .html, .htm files are articles.' },
    },
  ],
};

const node = (key: string) => ({ key, attributes: { label: key, labels: ['Person'], kind: 'Person', properties: {} } });
const edge = (key: string, source: string, target: string) => ({ key, source, target, attributes: { relType: 'MET', properties: {} } });
const graph = (nodes: string[], edges: [string, string, string][]): SerializedGraph =>
  ({
    attributes: {},
    options: { type: 'directed', multi: true, allowSelfLoops: true },
    nodes: nodes.map(node),
    edges: edges.map((e) => edge(...e)),
  }) as SerializedGraph;

describe('upload model', () => {
  it('brings a job up to date event by event, each file into the first waiting slot of its name', () => {
    let job = applyJobEvent(null, { type: 'job', job: queued });
    job = applyJobEvent(job, { type: 'state', state: 'running' });
    job = applyJobEvent(job, { type: 'progress', done: 2, total: 3 });
    job = applyJobEvent(job, { type: 'file', file: { name: 'a.txt', status: 'new', document: 'doc:1', entities: 4 } });
    assert.equal(job!.state, 'running');
    assert.equal(job!.done, 2);
    assert.deepEqual(
      job!.files.map((f) => f.status),
      ['new', 'pending', 'failed'],
    );
    job = applyJobEvent(job, { type: 'file', file: { name: 'a.txt', status: 'unchanged', document: 'doc:2' } });
    assert.deepEqual(
      job!.files.map((f) => f.status),
      ['new', 'unchanged', 'failed'],
    );
    assert.equal(queued.files[0]!.status, 'pending', 'the job given is left as it was');
    assert.equal(applyJobEvent(null, { type: 'progress', done: 1, total: 2 }), null, 'nothing to update before the job is known');
  });

  it('says how far a job is, and what became of it and of each file', () => {
    assert.match(progressOf(queued).words, /^Waiting/);
    assert.deepEqual(progressOf({ ...queued, state: 'running' }), { fraction: 1 / 3, words: 'Reading 1 of 3 articles…' });
    const done: Job = {
      ...queued,
      state: 'done',
      done: 3,
      files: [
        { name: 'a.txt', status: 'new', document: 'doc:1', entities: 1 },
        { name: 'a.txt', status: 'replaced', document: 'doc:2', entities: 5 },
        queued.files[2]!,
      ],
    };
    assert.deepEqual(progressOf(done), { fraction: 1, words: 'Done: 1 new, 1 updated, 1 could not be loaded.' });
    assert.equal(
      progressOf({ ...queued, state: 'failed', error: { code: 'NEO4J_UNAVAILABLE', message: 'Neo4j went away' } }).words,
      'Stopped: Neo4j went away',
    );
    assert.deepEqual(done.files.map(fileWords), ['loaded: 1 entity', 'updated: 5 entities', queued.files[2]!.error!.message]);
    assert.deepEqual(writtenDocuments(done), ['doc:1', 'doc:2']);
  });

  it("tells of others' articles only, in words", () => {
    const news: GraphNews = {
      type: 'documents',
      total: 3,
      documents: [
        { id: 'doc:1', title: 'Harbour deal signed', loadedAt: '2026-12-07T10:00:00.000Z', entities: 3 },
        { id: 'doc:2', title: null, loadedAt: '2026-12-07T10:00:00.000Z', entities: 2 },
      ],
    };
    assert.equal(othersNews(news, new Set(['doc:1', 'doc:2'])), null);
    const one = othersNews(news, new Set(['doc:2']))!;
    assert.deepEqual(
      one.documents.map((d) => d.id),
      ['doc:1'],
    );
    assert.equal(one.total, 2);
    assert.equal(newsWords(othersNews({ ...news, total: 1, documents: [news.documents[0]!] }, new Set())!), 'New article: “Harbour deal signed” (3 entities).');
    assert.equal(newsWords(news), '3 new articles (5 entities in the first ones).');
  });

  it('makes several documents’ graphs one, and finds where it joins the canvas', () => {
    const a = graph(['p:1', 'p:2'], [['e1', 'p:1', 'p:2']]);
    const b = graph(
      ['p:2', 'p:3', 'p:4'],
      [
        ['e2', 'p:2', 'p:3'],
        ['e1', 'p:1', 'p:2'],
        ['e3', 'p:3', 'p:4'],
      ],
    );
    const union = unionGraphs([a, b]);
    assert.deepEqual(
      union.nodes.map((n) => n.key),
      ['p:1', 'p:2', 'p:3', 'p:4'],
    );
    assert.deepEqual(
      union.edges.map((e) => e.key),
      ['e1', 'e2', 'e3'],
    );
    assert.equal(
      joiningNode(union, (k) => k === 'p:1' || k === 'p:2'),
      'p:2',
      'the one on the canvas with the most links among them',
    );
    assert.equal(
      joiningNode(union, () => false),
      null,
    );
  });
});
