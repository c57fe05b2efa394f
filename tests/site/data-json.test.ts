// data.json.gz names each change's commit and holds the commit's fields once, under `commits` (issue 16: a bulk
// commit of 200,000 seat lines repeated its author, dates and review 200,000 times, 160 MB at 20,000 people).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { downloads } from '../../src/site/downloads.ts';
import type { SiteData } from '../../src/site/types.ts';
import { builtSite } from './built.ts';

let site: SiteData;
let cleanup: () => void;

beforeAll(async () => ({ site, cleanup } = await builtSite()));
afterAll(() => cleanup());

const dataJson = () => JSON.parse([...(downloads(site).find((d) => d.path === 'data.json.gz')!.body() as Iterable<string>)].join('')) as Record<string, unknown> & {
  events: Record<string, unknown>[];
  commits: Record<string, Record<string, unknown>>;
};

describe('data.json', () => {
  test('each change with its commit\'s fields put back equals the site\'s change, field for field', () => {
    const data = dataJson();
    expect(data.events).toHaveLength(site.model.events.length);
    expect(site.model.events.length).toBeGreaterThan(10);
    const whole = data.events.map((e) => {
      const c = data.commits[e.commit as string]!;
      const back: Record<string, unknown> = { ...e, date: c.date, author: c.author, email: c.email, pr: c.pr, signed: c.signed };
      for (const k of ['committer', 'committerEmail', 'approval'] as const) if (c[k] !== undefined) back[k] = c[k];
      return back;
    });
    expect(whole).toEqual(JSON.parse(JSON.stringify(site.model.events)));
  });

  test('a change holds no field of its commit; a commit holds its message and pull request once', () => {
    const data = dataJson();
    for (const e of data.events) for (const k of ['date', 'author', 'email', 'pr', 'signed', 'committer', 'committerEmail', 'approval']) expect(e, k).not.toHaveProperty(k);
    const withPr = site.model.events.find((e) => e.pr !== null)!;
    expect(data.commits[withPr.commit]).toMatchObject({ pr: withPr.pr, author: withPr.author, message: site.model.commits![withPr.commit]!.message });
    // Every commit of the site's history is there, also those without a change of their own.
    expect(Object.keys(data.commits)).toEqual(expect.arrayContaining(Object.keys(site.model.commits!)));
  });

  test('the rest of the model is written as it is', () => {
    const data = dataJson();
    const { events: _e, commits: _c, ...rest } = data;
    const { events: _me, commits: _mc, ...model } = site.model;
    expect(rest).toEqual(JSON.parse(JSON.stringify(model)));
  });
});
