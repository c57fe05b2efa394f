// The site's pages are written on a thread of their own (src/site/page-writer.ts) while Astro renders the next:
// every page lands where writePage puts it, the render waits when too much is queued, a failed write fails the
// build with the page's route, and the thread ends with the writer.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { pageWriter } from '../../src/site/page-writer.ts';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));
const fresh = () => (dir = mkdtempSync(join(tmpdir(), 'lac-page-writer-')));
const workers = () => process.getActiveResourcesInfo().filter((r) => r === 'Worker' || r === 'MessagePort').length;

test('every page sent is written under its route by the time close resolves, in a queue smaller than the pages', async () => {
  fresh();
  const writer = pageWriter(dir, { queued: 64 });
  for (let i = 0; i < 300; i++) await writer.write(`/people/p${i}/`, `<p>person ${i}</p>`);
  await writer.write('/', '<p>home</p>');
  await writer.close();
  for (let i = 0; i < 300; i++) expect(readFileSync(join(dir, 'people', `p${i}`, 'index.html'), 'utf8')).toBe(`<p>person ${i}</p>`);
  expect(readFileSync(join(dir, 'index.html'), 'utf8')).toBe('<p>home</p>');
});

test('a page that does not fit the queue waits until the pages before it are written', async () => {
  fresh();
  const writer = pageWriter(dir, { queued: 100 });
  await writer.write('/a/', 'x'.repeat(80));
  // 80 + 80 characters exceed the queue: this write resolves only once /a/ is on disk.
  await writer.write('/b/', 'y'.repeat(80));
  expect(existsSync(join(dir, 'a', 'index.html'))).toBe(true);
  await writer.close();
  expect(readFileSync(join(dir, 'b', 'index.html'), 'utf8')).toBe('y'.repeat(80));
});

test('pages rendered at once all get room in turn (Astro renders a few pages together)', async () => {
  fresh();
  const writer = pageWriter(dir, { queued: 20 });
  await Promise.all(Array.from({ length: 40 }, (_, i) => writer.write(`/p${i}/`, `<p>page ${i}</p>`)));
  await writer.close();
  for (let i = 0; i < 40; i++) expect(readFileSync(join(dir, `p${i}`, 'index.html'), 'utf8')).toBe(`<p>page ${i}</p>`);
});

test('a write that fails fails the next write and close, naming the page and the cause', async () => {
  fresh();
  // A file where the page's folder would go: its mkdir fails.
  writeFileSync(join(dir, 'people'), 'not a folder');
  const writer = pageWriter(dir, { queued: 10 });
  await writer.write('/people/ada/', '<p>Ada</p>');
  const next = writer.write('/people/bob/', '<p>Bob</p>');
  await expect(next).rejects.toThrow(/^could not write the page \/people\/ada\/: .*(EEXIST|ENOTDIR)/);
  await expect(writer.close()).rejects.toThrow('could not write the page /people/ada/');
});

test('a failure found only at the end rejects close', async () => {
  fresh();
  const writer = pageWriter(dir);
  await writer.write('people/ada/', '<p>Ada</p>');
  await expect(writer.close()).rejects.toThrow('could not write the page people/ada/: a page\'s route starts and ends with "/"');
});

test('the thread ends with close, and with stop after a failed render', async () => {
  fresh();
  const before = workers();
  const closed = pageWriter(dir);
  await closed.write('/', '<p>home</p>');
  expect(workers()).toBeGreaterThan(before);
  await closed.close();
  expect(workers()).toBe(before);
  const stopped = pageWriter(dir);
  await stopped.write('/x/', '<p>x</p>');
  await stopped.stop();
  expect(workers()).toBe(before);
});
