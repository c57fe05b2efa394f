// The page frame's navigation, breadcrumb and footer, as site/src/layouts/Layout.astro wrote them inline before.
import { describe, expect, test } from 'vitest';
import { crumbItemsHtml, navItemsHtml, provenanceHtml } from '../../../src/site/html/frame.ts';
import type { Provenance } from '../../../src/site/model/types.ts';
import { NAV } from '../../../src/site/types.ts';

const href = (route: string) => (route.startsWith('/') ? `/base${route}` : route);
const p: Provenance = {
  commit: '9892091e312629d04b9510b792f6359f30db6d84',
  commitDate: '2026-12-03T17:31:51Z',
  dirty: false,
  builtAt: '2025-11-24T16:00:00Z',
  version: '0.1.0',
  today: '2026-11-23',
  repoUrl: null,
  prefix: '',
};
const tail = '; figures as of <time>2026-11-23</time>; built <time>2025-11-24T16:00:00Z</time> by lac 0.1.0. <a href="/base/download/data.json.gz">All data (JSON, gzip)</a> · <a href="/base/downloads/">Downloads and CSV columns</a>';

describe('page frame', () => {
  test('the navigation lists every section under the base and marks the current one only', () => {
    const html = navItemsHtml('people', href);
    expect(html.match(/<li>/g)).toHaveLength(NAV.length);
    expect(html).toContain('<li><a href="/base/">Overview</a></li><li><a href="/base/licenses/">Licenses</a></li>');
    expect(html).toContain('<li><a href="/base/people/" aria-current="page">People</a></li>');
    expect(html.match(/aria-current/g)).toHaveLength(1);
    expect(navItemsHtml('source', href)).not.toContain('aria-current');
  });

  test('the breadcrumb links each step, the overview where a step has no route', () => {
    expect(crumbItemsHtml([{ text: 'Overview' }, { text: 'A & B', href: '/people/' }], href)).toBe('<li><a href="/base/">Overview</a></li><li><a href="/base/people/">A &amp; B</a></li>');
  });

  test('the footer names the commit, its date and the build; the commit links to the repository where its address is known', () => {
    expect(provenanceHtml(p, href, null)).toBe(`Built from commit <code>9892091e3126</code> of <time>2026-12-03T17:31:51Z</time>${tail}`);
    const hosted = { ...p, repoUrl: 'https://github.com/o/r' };
    expect(provenanceHtml(hosted, href, hosted.repoUrl)).toBe(
      `Built from commit <a href="https://github.com/o/r/commit/${p.commit}"><code>9892091e3126</code></a> of <time>2026-12-03T17:31:51Z</time>${tail} · <a href="https://github.com/o/r">Repository</a>`,
    );
  });

  test('outside git: no commit; uncommitted changes are said', () => {
    expect(provenanceHtml({ ...p, commit: null, commitDate: null, dirty: true }, href, null)).toBe(
      `Built from commit none (not a git repository) (uncommitted changes to inventory/ are not included)${tail}`,
    );
  });
});
