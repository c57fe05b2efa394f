// The search index built while Astro renders (issue 16): pages fill Pagefind bundles one at a time, with
// backpressure, and Pagefind's service is stopped also when the render fails. The first tests run the real
// Pagefind (the `pagefind` package's Node API) on small pages; the others a fake of that API, whose shapes are
// Pagefind's own declarations (node_modules/pagefind/types/index.d.ts: createIndex, PagefindIndex, close).
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { PagefindIndex } from 'pagefind';
import { afterEach, describe, expect, test } from 'vitest';
import { BUNDLES_FILE, indexWhile, type AddPage, type PagefindApi, type SearchOptions } from '../../src/site/search-index.ts';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));
const fresh = () => (dir = mkdtempSync(join(tmpdir(), 'lac-search-index-')));

const page = (title: string, body = true) => `<!doctype html><html lang="en"><body><nav>Menu</nav><main${body ? ' data-pagefind-body data-pagefind-filter="kind:person"' : ''}><h1>${title}</h1><p>Holds a seat of zyzzyva.</p></main></body></html>`;
/** A bundle's pages as Pagefind wrote them: the URLs of its fragments (gzip, after Pagefind's "pagefind_dcd" signature). */
const urls = (bundle: string) => readdirSync(join(dir, bundle, 'fragment')).map((f) => (JSON.parse(gunzipSync(readFileSync(join(dir, bundle, 'fragment', f))).subarray('pagefind_dcd'.length).toString('utf8')) as { url: string }).url).sort();
const pageCount = (bundle: string) => (JSON.parse(readFileSync(join(dir, bundle, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> }).languages.en!.page_count;

describe('the search index with Pagefind', () => {
  test('pages fill bundles of the batch size in the order they come, under their routes; a page without data-pagefind-body is counted, not indexed', async () => {
    fresh();
    const routes = Array.from({ length: 8 }, (_, i) => `/people/p${i}/`);
    const r = await indexWhile(dir, async (add) => {
      for (const [i, route] of routes.entries()) {
        await add(route, page(`Person ${i}`));
        if (i === 4) await add('/search/', page('Search', false));
      }
    }, { batch: 3 });
    expect(r).toEqual({ pages: 9, indexed: 8, bundles: ['pagefind', 'pagefind-2', 'pagefind-3'] });
    expect(JSON.parse(readFileSync(join(dir, 'pagefind', BUNDLES_FILE), 'utf8'))).toEqual(['pagefind-2', 'pagefind-3']);
    expect(r.bundles.map(pageCount)).toEqual([3, 3, 2]);
    expect(r.bundles.map(urls)).toEqual([routes.slice(0, 3), routes.slice(3, 6), routes.slice(6)]);
    // Pagefind's script comes with every bundle (the search page loads it from pagefind/).
    expect(readdirSync(join(dir, 'pagefind'))).toContain('pagefind.js');
  }, 60_000);

  test('pages that fill their last bundle exactly leave no empty bundle after it', async () => {
    fresh();
    const routes = Array.from({ length: 6 }, (_, i) => `/people/p${i}/`);
    const r = await indexWhile(dir, async (add) => {
      for (const [i, route] of routes.entries()) await add(route, page(`Person ${i}`));
    }, { batch: 3 });
    expect(r).toEqual({ pages: 6, indexed: 6, bundles: ['pagefind', 'pagefind-2'] });
    expect(readdirSync(dir).sort()).toEqual(['pagefind', 'pagefind-2']);
    expect(r.bundles.map(urls)).toEqual([routes.slice(0, 3), routes.slice(3)]);
  }, 60_000);

  test('a site without a page to index still gets pagefind/, empty', async () => {
    fresh();
    const r = await indexWhile(dir, async (add) => add('/search/', page('Search', false)));
    expect(r).toEqual({ pages: 1, indexed: 0, bundles: ['pagefind'] });
    expect(JSON.parse(readFileSync(join(dir, 'pagefind', BUNDLES_FILE), 'utf8'))).toEqual([]);
  }, 60_000);
});

/**
 * A controllable fake of Pagefind's Node API: each page's parse and each bundle's write waits until the test settles
 * it. As in Pagefind's service, which answers one message at a time (pagefind/src/service/mod.rs), an index asked for
 * while a bundle is being written comes when that write is done.
 */
function fakePagefind() {
  const parses: { url: string; settle: (errors?: string[]) => void }[] = [];
  const writes: { path: string; settle: () => void; done: Promise<void> }[] = [];
  const calls = { created: 0, closed: 0, deleted: 0 };
  const api: PagefindApi = {
    createIndex: async () => {
      await Promise.all(writes.map((w) => w.done));
      calls.created++;
      let pages = 0;
      const index: Partial<PagefindIndex> = {
        addHTMLFile: (file) => new Promise((resolve) => parses.push({ url: file.url!, settle: (errors = []) => resolve({ errors, file: { uniqueWords: 1, url: file.url!, meta: {} } }) })).then((r) => (pages++, r)) as ReturnType<PagefindIndex['addHTMLFile']>,
        writeFiles: (o) => {
          let written!: () => void;
          const done = new Promise<void>((resolve) => (written = resolve));
          return new Promise((resolve) => writes.push({
            path: o!.outputPath,
            done,
            settle: () => {
              mkdirSync(o!.outputPath, { recursive: true });
              writeFileSync(join(o!.outputPath, 'pagefind-entry.json'), JSON.stringify({ version: '1.6.0', languages: { en: { hash: 'en_0', wasm: 'en', page_count: pages } } }));
              written();
              resolve({ errors: [], outputPath: o!.outputPath });
            },
          }));
        },
        deleteIndex: async () => (calls.deleted++, null),
      };
      return { errors: [], index: index as PagefindIndex };
    },
    close: async () => (calls.closed++, null),
  };
  return { api, parses, writes, calls };
}

/** An index whose render goes on until the test calls renderDone; the test adds the pages with add. */
function openRender(o: SearchOptions) {
  let add!: AddPage;
  let done!: () => void;
  const built = indexWhile(dir, (a) => ((add = a), new Promise<void>((resolve) => (done = resolve))), o);
  return { built, add: (route: string, html: string) => add(route, html), renderDone: () => done() };
}

/** Lets every pending promise callback and I/O callback run. */
const settled = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Waits until cond holds (bounded by the test's timeout): steps that read or write files take more than one turn. */
async function until(cond: () => boolean): Promise<void> {
  while (!cond()) await settled();
}

/** Whether the promise has resolved once every pending callback has run. */
async function isDone(p: Promise<unknown>): Promise<boolean> {
  let done = false;
  void p.then(() => (done = true), () => (done = true));
  await settled();
  return done;
}

describe('the search index: backpressure and failures (a fake of Pagefind)', () => {
  test('at most the queue\'s characters of HTML wait to be parsed: the next page waits until one is parsed; a page larger than the queue goes alone', async () => {
    fresh();
    const fake = fakePagefind();
    const size = page('P0').length;
    const { built, add, renderDone } = openRender({ apis: [fake.api], queued: 3 * size });
    for (const i of [0, 1, 2]) expect(await isDone(add(`/p${i}/`, page(`P${i}`)))).toBe(true);
    const fourth = add('/p3/', page('P3'));
    expect(await isDone(fourth)).toBe(false);
    expect(fake.parses).toHaveLength(3);
    fake.parses[0]!.settle();
    expect(await isDone(fourth)).toBe(true);
    fake.parses.forEach((p) => p.settle());
    await settled();
    const large = page(`P4 ${'x'.repeat(4 * size)}`);
    expect(await isDone(add('/p4/', large))).toBe(true);
    const sixth = add('/p5/', page('P5'));
    expect(await isDone(sixth)).toBe(false);
    fake.parses[4]!.settle();
    expect(await isDone(sixth)).toBe(true);
    fake.parses.forEach((p) => p.settle());
    renderDone();
    await settled();
    fake.writes.forEach((w) => w.settle());
    expect(await built).toEqual({ pages: 6, indexed: 6, bundles: ['pagefind'] });
    expect(fake.calls.closed).toBe(1);
  });

  test('pages go to Pagefind in the order they come, also when a later, smaller one would fit the queue first', async () => {
    fresh();
    const fake = fakePagefind();
    const size = page('P0').length;
    const large = page(`L ${'x'.repeat(size)}`);
    let sends!: Promise<void>[];
    const built = indexWhile(dir, async (add) => {
      sends = [add('/p0/', page('P0')), add('/p1/', page('P1')), add('/large/', large), add('/p3/', page('P3'))];
      await settled();
      expect(fake.parses.map((p) => p.url)).toEqual(['/p0/', '/p1/']);
      fake.parses[0]!.settle();
      await Promise.all(sends.slice(0, 3));
      await settled();
      expect(fake.parses.map((p) => p.url)).toEqual(['/p0/', '/p1/', '/large/']);
      fake.parses.forEach((p) => p.settle());
      await sends[3];
      fake.parses.forEach((p) => p.settle());
      void until(() => fake.writes.length === 1).then(() => fake.writes[0]!.settle());
    }, { apis: [fake.api], queued: 3 * size });
    await built;
    expect(fake.parses.map((p) => p.url)).toEqual(['/p0/', '/p1/', '/large/', '/p3/']);
  });

  test('while a bundle is written, the next one fills; a third waits until the first is written', async () => {
    fresh();
    const fake = fakePagefind();
    const { built, add, renderDone } = openRender({ apis: [fake.api], batch: 2 });
    const parseAll = async () => { fake.parses.forEach((p) => p.settle()); await settled(); };
    for (const i of [1, 2, 3, 4]) expect(await isDone(add(`/p${i}/`, page(`P${i}`)))).toBe(true);
    await parseAll();
    // The first bundle is being written; the second is full and waits for its turn.
    expect(fake.writes.map((w) => w.path)).toEqual([join(dir, 'pagefind')]);
    const fifth = add('/p5/', page('P5'));
    expect(await isDone(fifth)).toBe(false);
    fake.writes[0]!.settle();
    await fifth;
    await until(() => fake.writes.length === 2);
    expect(fake.writes.map((w) => w.path)).toEqual([join(dir, 'pagefind'), join(dir, 'pagefind-2')]);
    await parseAll();
    renderDone();
    await settled();
    fake.writes[1]!.settle();
    await until(() => fake.writes.length === 3);
    fake.writes[2]!.settle();
    expect(await built).toEqual({ pages: 5, indexed: 5, bundles: ['pagefind', 'pagefind-2', 'pagefind-3'] });
  });

  test('while a bundle is written, the pages of the next one go to Pagefind: its index was asked for before the write', async () => {
    fresh();
    const fake = fakePagefind();
    const { built, add, renderDone } = openRender({ apis: [fake.api], batch: 2 });
    for (const i of [1, 2]) await add(`/p${i}/`, page(`P${i}`));
    fake.parses.forEach((p) => p.settle());
    await until(() => fake.writes.length === 1);
    // The first bundle is being written and stays so while the next pages come.
    expect(await isDone(add('/p3/', page('P3')))).toBe(true);
    expect(fake.parses.map((p) => p.url)).toEqual(['/p1/', '/p2/', '/p3/']);
    fake.parses.forEach((p) => p.settle());
    renderDone();
    await settled();
    fake.writes[0]!.settle();
    await until(() => fake.writes.length === 2);
    fake.writes[1]!.settle();
    expect(await built).toEqual({ pages: 3, indexed: 3, bundles: ['pagefind', 'pagefind-2'] });
  });

  test('when the last page fills a bundle, the index opened for the next is deleted and no empty bundle is written', async () => {
    fresh();
    const fake = fakePagefind();
    const built = indexWhile(dir, async (add) => {
      for (const i of [1, 2, 3, 4]) await add(`/p${i}/`, page(`P${i}`));
      fake.parses.forEach((p) => p.settle());
      void until(() => fake.writes.length === 1).then(() => fake.writes[0]!.settle());
      void until(() => fake.writes.length === 2).then(() => fake.writes[1]!.settle());
    }, { apis: [fake.api], batch: 2 });
    expect(await built).toEqual({ pages: 4, indexed: 4, bundles: ['pagefind', 'pagefind-2'] });
    expect(fake.writes.map((w) => w.path)).toEqual([join(dir, 'pagefind'), join(dir, 'pagefind-2')]);
    expect(readdirSync(dir).sort()).toEqual(['pagefind', 'pagefind-2']);
    expect(JSON.parse(readFileSync(join(dir, 'pagefind', BUNDLES_FILE), 'utf8'))).toEqual(['pagefind-2']);
    // Three indexes asked for, three deleted: two after their writes, the third unused.
    expect({ created: fake.calls.created, deleted: fake.calls.deleted }).toEqual({ created: 3, deleted: 3 });
  });

  test('end: the last bundle is written while the render goes on with other work; a page after end fails', async () => {
    fresh();
    const fake = fakePagefind();
    const built = indexWhile(dir, async (add, end) => {
      for (const i of [1, 2, 3]) await add(`/p${i}/`, page(`P${i}`));
      fake.parses.forEach((p) => p.settle());
      end();
      // The render has not returned, and the last bundle (the third page) is written once the first is.
      await until(() => fake.writes.length === 1);
      fake.writes[0]!.settle();
      await until(() => fake.writes.length === 2);
      expect(fake.writes.map((w) => w.path)).toEqual([join(dir, 'pagefind'), join(dir, 'pagefind-2')]);
      await expect(add('/late/', page('Late'))).rejects.toThrow('a page (/late/) came after the last one');
      fake.writes.forEach((w) => w.settle());
    }, { apis: [fake.api], batch: 2 });
    expect(await built).toEqual({ pages: 3, indexed: 3, bundles: ['pagefind', 'pagefind-2'] });
  });

  test('bundles take turns on the services: one writes a bundle while the other parses the next; every service is stopped', async () => {
    fresh();
    const one = fakePagefind();
    const two = fakePagefind();
    const built = indexWhile(dir, async (add) => {
      for (const i of [1, 2, 3, 4]) await add(`/p${i}/`, page(`P${i}`));
      for (const fake of [one, two]) fake.parses.forEach((p) => p.settle());
      await until(() => one.writes.length === 1);
      // The first service writes; the second has parsed its bundle, which waits for its turn to be written.
      expect(two.writes).toHaveLength(0);
      one.writes[0]!.settle();
      await add('/p5/', page('P5'));
      one.parses.forEach((p) => p.settle());
      void until(() => two.writes.length === 1).then(() => two.writes[0]!.settle());
      void until(() => one.writes.length === 2).then(() => one.writes[1]!.settle());
    }, { apis: [one.api, two.api], batch: 2 });
    expect(await built).toEqual({ pages: 5, indexed: 5, bundles: ['pagefind', 'pagefind-2', 'pagefind-3'] });
    expect(one.parses.map((p) => p.url)).toEqual(['/p1/', '/p2/', '/p5/']);
    expect(two.parses.map((p) => p.url)).toEqual(['/p3/', '/p4/']);
    expect([one.writes.map((w) => w.path), two.writes.map((w) => w.path)]).toEqual([[join(dir, 'pagefind'), join(dir, 'pagefind-3')], [join(dir, 'pagefind-2')]]);
    expect([one.calls.closed, two.calls.closed]).toEqual([1, 1]);
  });

  test('when the render fails, Pagefind is stopped and a page rendered after that is not sent to it', async () => {
    fresh();
    const fake = fakePagefind();
    let add!: AddPage;
    const built = indexWhile(dir, async (a) => {
      add = a;
      await a('/p1/', page('P1'));
      throw new Error('Astro failed');
    }, { apis: [fake.api] });
    await expect(built).rejects.toThrow('Astro failed');
    expect(fake.calls.closed).toBe(1);
    await add('/p2/', page('P2'));
    expect({ created: fake.calls.created, parses: fake.parses.length }).toEqual({ created: 1, parses: 1 });
  });

  test('a page Pagefind reports an error for fails the build with its message', async () => {
    fresh();
    const fake = fakePagefind();
    const built = indexWhile(dir, async (add) => {
      await add('/p1/', page('P1'));
      fake.parses[0]!.settle(['could not parse /p1/']);
      await settled();
      await add('/p2/', page('P2'));
    }, { apis: [fake.api] });
    await expect(built).rejects.toThrow('the search index (Pagefind) could not be built: could not parse /p1/');
    expect(fake.calls.closed).toBe(1);
  });
});
