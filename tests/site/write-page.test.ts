// The site's pages are written by lac, not Astro (src/site/astro.ts writePage): each where Astro's build.format
// "directory" would put it (node_modules/astro/dist/core/build/common.js getOutFolder: the route, as a URL, under the
// output folder's file URL).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { writePage } from '../../src/site/astro.ts';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('a page goes to <route>/index.html, folders made as needed; a percent-encoded route names its decoded folder', () => {
  dir = mkdtempSync(join(tmpdir(), 'lac-write-page-'));
  writePage(dir, '/', '<p>home</p>');
  writePage(dir, '/people/ada.lovelace/', '<p>Ada</p>');
  writePage(dir, '/source/inventory/people.yaml/', '<p>source</p>');
  writePage(dir, '/discovered/caf%C3%A9%20app/', '<p>café</p>');
  expect(readFileSync(join(dir, 'index.html'), 'utf8')).toBe('<p>home</p>');
  expect(readFileSync(join(dir, 'people', 'ada.lovelace', 'index.html'), 'utf8')).toBe('<p>Ada</p>');
  expect(readFileSync(join(dir, 'source', 'inventory', 'people.yaml', 'index.html'), 'utf8')).toBe('<p>source</p>');
  expect(readFileSync(join(dir, 'discovered', 'café app', 'index.html'), 'utf8')).toBe('<p>café</p>');
});

test('a route that is not a folder is refused, nothing written', () => {
  dir = mkdtempSync(join(tmpdir(), 'lac-write-page-'));
  expect(() => writePage(dir, '/people/ada', 'x')).toThrow('a page\'s route starts and ends with "/": /people/ada');
  expect(() => writePage(dir, 'people/ada/', 'x')).toThrow('starts and ends with "/"');
});
