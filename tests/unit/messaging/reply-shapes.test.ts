import { beforeAll, expect, test } from 'vitest';
import { PaperLensDatabase } from '../../../src/db/database';
import { createStore } from '../../../src/db/open';
import { handleMessage, type HandlerDeps } from '../../../src/messaging/handler';
import { RefusalSchema, ResponseSchemas, type PagePaper, type Request, type RequestType } from '../../../src/schema';
import { buildSeedAsset } from '../../../scripts/seed-build';

let deps: HandlerDeps;

const arxivPage: PagePaper = {
  id: '2411.12345',
  title: 'Sparse Mixtures of Tiny Experts',
  abstract: 'We route tokens to tiny experts. They are 2x faster than dense layers.',
  authors: ['Ada Lovelace'],
  published: '2024-11-18',
  primaryCategory: 'cs.LG',
  doi: null,
  journalRef: null,
  pdfUrl: null,
  codeLinks: [],
};

beforeAll(async () => {
  const asset = await buildSeedAsset();
  const store = createStore({ db: new PaperLensDatabase('reply-shapes-test'), loadSeed: async () => asset, onError: () => undefined, onRecovered: () => undefined });
  deps = {
    ready: store.ready,
    health: store.health,
    now: () => 1_700_000_000_000,
    relatedForPage: store.related.forPage,
    seenEnabled: async () => true,
    refreshFeed: async () => ({ lastSuccessAt: null, lastAttemptAt: 1_700_000_000_000, consecutiveFailures: 0, lastFailure: null, nextAttemptAt: 1_700_003_600_000 }),
    arxivPage: async () => arxivPage,
  };
});

// The pages and the popup read the background's answers by these schemas' types (the content
// scripts, Zod-free, without parsing them): each answer must be what its schema says.
test('every request type is answered in the shape its ResponseSchemas entry gives', async () => {
  const seedId = '2310.01779';
  const answered = new Set<RequestType>();
  const ask = async <R extends Request>(request: R): Promise<unknown> => {
    const reply = await handleMessage(request, deps);
    if (!reply.ok) throw new Error(`${request.type}: ${reply.error}`);
    const parsed = ResponseSchemas[request.type].safeParse(reply.result);
    expect(parsed.success ? null : { type: request.type, issues: parsed.error.issues }).toBeNull();
    answered.add(request.type);
    return reply.result;
  };

  await ask({ type: 'health' });
  await ask({ type: 'lookup', queries: [{ id: seedId }, { title: 'A paper the store does not hold', abstract: 'We do a thing. It works 3% better.' }] });
  await ask({ type: 'badges', ids: [seedId, 'not an id'] });
  await ask({ type: 'related', paper: { id: '2411.54321', title: 'Speculative decoding', abstract: 'We draft tokens and verify them.' } });
  await ask({ type: 'save', paper: { id: seedId, title: 'x' } });
  await ask({ type: 'save', paper: { id: '2411.12345', title: 'Sparse Mixtures of Tiny Experts' } });
  await ask({ type: 'completeSaved', paper: { id: seedId, title: 'x', authors: ['A. Author'] } });
  await ask({ type: 'setStatus', id: seedId, status: 'reading' });
  await ask({ type: 'setTags', id: seedId, tags: ['decoding'] });
  await ask({ type: 'addTags', ids: [seedId, '2411.12345'], tags: ['to cite'] });
  await ask({ type: 'removeTags', ids: [seedId], tags: ['to cite'] });
  await ask({ type: 'setNotes', id: seedId, notes: 'read §3\ncompare with SpecDec++' });
  const edit = await ask({ type: 'setStatusMany', ids: [seedId, '2411.12345'], status: 'read' });
  const { before, after } = ResponseSchemas.setStatusMany.parse(edit);
  await ask({ type: 'restoreSaved', items: before, expected: after });
  // A damaged row (the pages leave it out of the list) is left out of the answer too: it made the whole answer unreadable (review).
  await (await deps.ready()).saved.put({ id: '2402.00001', title: 'Damaged', status: 'to-read', tags: [''], notes: '', addedAt: 1, updatedAt: 1 } as never);
  expect(((await ask({ type: 'listSaved' })) as { id: string }[]).map((item) => item.id)).not.toContain('2402.00001');
  await ask({ type: 'citation', paper: { id: seedId, title: 'x' } });
  await ask({ type: 'arxivPage', id: '2411.12345' });
  await ask({ type: 'paperTitle', id: '2411.12345' });
  const removed = ResponseSchemas.removeSaved.parse(await ask({ type: 'removeSaved', ids: ['2411.12345'] }));
  await ask({ type: 'keptRemoved', ids: ['2411.12345'] });
  await ask({ type: 'undoRemoval', removals: removed.map(({ id, removedAt }) => ({ id, removedAt })) });
  const again = ResponseSchemas.removeSaved.parse(await ask({ type: 'removeSaved', ids: ['2411.12345'] }));
  await ask({ type: 'restoreRemoved', removedAt: again[0]!.removedAt });
  await ask({ type: 'importApply', items: [{ id: '2401.00001', title: 'An imported paper', tags: ['imported'] }] });
  await ask({ type: 'refreshFeed' });
  await ask({ type: 'clearReadingData' });

  expect([...answered].sort()).toEqual(Object.keys(ResponseSchemas).sort());
});

test("answers in their other shapes: a page's removal (without the reader's words), no arXiv page, no title", async () => {
  const page: HandlerDeps = { ...deps, fromPage: true, senderUrl: 'https://arxiv.org/abs/2310.01779', arxivPage: async () => null };
  const answer = async <R extends Request>(request: R): Promise<unknown> => {
    const reply = await handleMessage(request, page);
    if (!reply.ok) throw new Error(`${request.type}: ${reply.error}`);
    return ResponseSchemas[request.type].parse(reply.result);
  };
  await answer({ type: 'save', paper: { id: '2310.01779', title: 'x' } });
  expect(await answer({ type: 'removeSaved', ids: ['2310.01779'] })).toMatchObject([{ id: '2310.01779', notes: '', tags: [] }]);
  expect(await answer({ type: 'keptRemoved', ids: ['2310.01779'] })).toMatchObject([{ id: '2310.01779' }]);
  expect(await answer({ type: 'arxivPage', id: '2411.99999' })).toBeNull();
  expect(await answer({ type: 'paperTitle', id: '2411.99999' })).toBeNull();
});

test('a refusal is answered in the shape RefusalSchema gives, with why', async () => {
  const malformed = await handleMessage({ type: 'setStatus', id: '2310.01779', status: 'done' }, deps);
  expect(RefusalSchema.parse(malformed).error).toMatch(/status/);
  const unreachable = await handleMessage({ type: 'arxivPage', id: '2411.12345' }, { ...deps, arxivPage: () => Promise.reject(new Error('arXiv answered 503')) });
  expect(RefusalSchema.parse(unreachable).error).toMatch(/503/);
});
