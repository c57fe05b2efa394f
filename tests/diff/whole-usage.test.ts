import { execFileSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../../src/inventory/parse/decode.ts';
import { parse, stringify } from 'yaml';
import { changedPaths } from '../../src/diff/base.ts';
import { formatDiff } from '../../src/diff/format.ts';
import { gitMentions } from '../../src/diff/mentions.ts';
import { diffTrees } from '../../src/diff/run.ts';
import { keptPeople, indexPeople } from '../../src/diff/people-index.ts';
import { holdUsage, sparseHeld, sparseUsage, usageLines } from '../../src/diff/whole-usage.ts';
import { readWorker } from '../../src/diff/worker-client.ts';
import { answerer } from '../../src/diff/read-server.ts';
import { gitSource } from '../../src/inventory/git-source.ts';
import { readInventoryFile } from '../../src/inventory/read-file.ts';
import { createValidators } from '../../src/inventory/validate.ts';
import { synthesize } from '../../src/synth/index.ts';
import { ADA, tempRepo, type TestRepo } from '../support/git.ts';

const TODAY = '2026-11-23';
const USAGE = 'inventory/usage/slack.yaml';
const SEATS = 'inventory/assignments/slack.yaml';
const org = () => new Map(synthesize({ people: 36, seed: 7, today: TODAY, usageAccounts: 80 }).files);
const bytes = (text: string) => new TextEncoder().encode(text);
const damaged = (text: string) => text.replace(/(person: tiago\.robinson,.*)status: active/, '$1status: bogus');
const blockStyle = (text: string) => `# written by hand\n${stringify(parse(text))}`;

describe('usage snapshots read whole in a worker, parsed in part (lac diff)', () => {
  const validators = createValidators();
  const reader = readWorker();
  const repos: TestRepo[] = [];
  afterAll(() => {
    reader.close();
    for (const r of repos) r.cleanup();
  });

  it('keeps the accounts of the people asked for on their lines, with the records and positions of the whole file', async () => {
    const text = org().get(USAGE)!;
    const lines = usageLines(USAGE, bytes(text), validators);
    expect(lines).toBeDefined();
    const keep = new Set(['aisha.weber', 'mia.ivanov']);
    const sparse = sparseUsage(bytes(text), lines!, keep);
    // The worker thread gives the same copy.
    expect(await reader.readUsage({ path: USAGE, bytes: bytes(text) })).toBe(true);
    const there = await reader.keepUsage(USAGE, [...keep]);
    expect({ ...there, bytes: Buffer.from(there!.bytes).toString() }).toEqual({ ...sparse, bytes: Buffer.from(sparse.bytes).toString() });
    expect(Buffer.from(sparse.bytes).toString().split('\n')).toHaveLength(text.split('\n').length);
    const accounts = (b: Uint8Array) => {
      const f = readInventoryFile(USAGE, b, validators).file!;
      expect(f.problems).toEqual([]);
      return (f.data.accounts as { person: string }[]).map((a, i) => ({ a, at: f.map.locate(['accounts', i, 'tier']) }));
    };
    const whole = accounts(bytes(text));
    // The first account is kept too, so that the list is never empty.
    expect(accounts(sparse.bytes)).toEqual(whole.filter(({ a }, i) => i === 0 || keep.has(a.person)));
    expect(sparse.kept).toBe(3);
  });

  it('copies the snapshot from its lines as the text has them: each account not kept blank, everything else as it was', () => {
    // A comment and a blank line among the accounts, a comment after the list's key; the reference works on lines of text.
    const text = org()
      .get(USAGE)!
      .replace(/\n(  - \{ account: [^\n]*aisha[^\n]*)\n/, '\n  # reviewed by hand\n\n$1\n')
      .replace(/\naccounts:\n/, '\naccounts: # all of them\n');
    const lines = usageLines(USAGE, bytes(text), validators)!;
    expect(lines).toBeDefined();
    const persons = [...new Set(lines.persons)];
    const held = holdUsage(bytes(text), lines);
    // The skeleton holds none of the accounts' text.
    expect(Buffer.from(held.skeleton).toString()).not.toContain('account:');
    for (const keep of [[], persons.slice(0, 1), persons.slice(3, 9), persons.filter((_, i) => i % 2 === 1), persons]) {
      const kept = new Set(keep);
      let first = true;
      const expected = text
        .split('\n')
        .map((line) => {
          const person = / person: ([^,]+),/.exec(line)?.[1];
          if (!line.startsWith('  - { account:')) return line;
          const stays = first || kept.has(person!);
          first = false;
          return stays ? line : '';
        })
        .join('\n');
      const fromHeld = sparseHeld(held, kept, (from, to) => bytes(text).subarray(from, to));
      expect(Buffer.from(fromHeld.bytes).toString(), keep.join()).toBe(expected);
      expect(fromHeld.kept).toBe(expected.split('\n').filter((l) => l.startsWith('  - { account:')).length);
      expect(Buffer.from(sparseUsage(bytes(text), lines, kept).bytes).toString()).toBe(expected);
    }
  });

  it('reads an unchanged snapshot and people.yaml from git into one buffer, one after the other, and keeps the same copies', async () => {
    const repo = tempRepo();
    repos.push(repo);
    const files = org();
    repo.commit(Object.fromEntries(files), { message: 'Synthetic org', date: '2026-11-01T09:00:00Z', author: ADA });
    const oid = (path: string) => repo.git(['rev-parse', `HEAD:${path}`]).trim();
    const git = (path: string) => ({ path, git: { repo: repo.dir, oid: oid(path) } });
    const server = readWorker();
    try {
      // Asked in one tick, as lac diff asks (people.yaml first here): git writes both in one file; the snapshot is judged
      // before people.yaml is read into the same memory.
      const [people, usage] = await Promise.all([server.readPeople(git('inventory/people.yaml')), server.readUsage(git(USAGE))]);
      expect([usage, people]).toEqual([true, true]);
      const keep = new Set(['aisha.weber', 'mia.ivanov']);
      const text = files.get(USAGE)!;
      const there = await server.keepUsage(USAGE, [...keep]);
      expect(Buffer.from(there!.bytes).toString()).toBe(Buffer.from(sparseUsage(bytes(text), usageLines(USAGE, bytes(text), validators)!, keep).bytes).toString());
      const wanted = ['aisha.weber', 'mia.ivanov'];
      const kept = await server.keepPeople(wanted);
      const here = keptPeople(indexPeople(bytes(files.get('inventory/people.yaml')!)), wanted);
      expect(Buffer.from(kept!.sparse!).toString()).toBe(Buffer.from(here.sparse!).toString());
    } finally {
      server.close();
    }
  });

  it('judges the snapshot asked first before people.yaml takes the memory, however git answers, and both use one buffer', async () => {
    const files = org();
    const text = { usage: bytes(files.get(USAGE)!), people: bytes(files.get('inventory/people.yaml')!) };
    // git as objectSlices gives it (git/object-slices.ts), people.yaml's answer first and the snapshot's a while later.
    const into: [string, ArrayBufferLike][] = [];
    const slice = (name: 'usage' | 'people') => ({
      size: text[name].length,
      readInto: (b: Uint8Array) => (b.set(text[name]), into.push([name, b.buffer])),
      range: (from: number, to: number) => Buffer.from(text[name].subarray(from, to)),
    });
    const slicesOf = () => ({ read: (oid: string) => new Promise<ReturnType<typeof slice>>((done) => setTimeout(() => done(slice(oid as 'usage' | 'people')), oid === 'usage' ? 50 : 0)), close: () => {} });
    const { answer, close } = answerer(slicesOf as unknown as Parameters<typeof answerer>[0]);
    try {
      const usage = answer({ id: 0, op: 'usage', path: USAGE, git: { repo: '/r', oid: 'usage' } });
      const people = answer({ id: 1, op: 'people', path: 'inventory/people.yaml', git: { repo: '/r', oid: 'people' } });
      expect(await Promise.all([usage, people])).toEqual([true, true]);
      expect(into.map(([name]) => name)).toEqual(['usage', 'people']);
      expect(into[0]![1]).toBe(into[1]![1]);
      // The copies kept are those of the files' own bytes.
      const keep = ['aisha.weber', 'mia.ivanov'];
      const kept = (await answer({ id: 2, op: 'keep-usage', path: USAGE, persons: keep })) as { bytes: Uint8Array };
      expect(Buffer.from(kept.bytes).toString()).toBe(Buffer.from(sparseUsage(text.usage, usageLines(USAGE, text.usage, validators)!, new Set(keep)).bytes).toString());
      const sparse = (await answer({ id: 3, op: 'keep-people', wanted: keep })) as { sparse: Uint8Array };
      expect(Buffer.from(sparse.sparse).toString()).toBe(Buffer.from(keptPeople(indexPeople(text.people), keep).sparse!).toString());
    } finally {
      close();
    }
  });

  it('leaves a file larger than the loader reads to the diff, which refuses it as a whole check does', async () => {
    const repo = tempRepo();
    repos.push(repo);
    // people.yaml of the simple shape, one byte over MAX_FILE_BYTES (32 MB): indexed, the diff would read a part of a
    // file the whole check refuses; and one well under it, which is indexed.
    const line = (i: number) => `  - { id: p${String(i).padStart(7, '0')}, name: N${String(i).padStart(7, '0')} }\n`;
    const body = (n: number) => `people:\n${Array.from({ length: n }, (_, i) => line(i)).join('')}`;
    const big = body(Math.floor((MAX_FILE_BYTES - 200) / line(0).length));
    const over = `${big}#${'-'.repeat(MAX_FILE_BYTES - Buffer.byteLength(big) - 1)}\n`;
    expect(Buffer.byteLength(over)).toBe(MAX_FILE_BYTES + 1);
    const write = (text: string) => execFileSync('git', ['hash-object', '-w', '--stdin'], { cwd: repo.dir, input: text, maxBuffer: 64 << 20 }).toString().trim();
    const [overOid, smallOid] = [write(over), write(body(2_000))];
    for (const [oid, indexed] of [[overOid, false], [smallOid, true]] as const) {
      const server = readWorker();
      try {
        expect(await server.readPeople({ path: 'inventory/people.yaml', git: { repo: repo.dir, oid } })).toBe(indexed);
        expect(await server.readUsage({ path: USAGE, git: { repo: repo.dir, oid } })).toBe(false);
      } finally {
        server.close();
      }
    }
  });

  it('declines a snapshot with a damaged account or accounts over several lines, so that it is read whole', async () => {
    const text = org().get(USAGE)!;
    expect(usageLines(USAGE, bytes(damaged(text)), validators)).toBeUndefined();
    expect(usageLines(USAGE, bytes(blockStyle(text)), validators)).toBeUndefined();
    expect(await reader.readUsage({ path: USAGE, bytes: bytes(damaged(text)) })).toBe(false);
    expect(await reader.keepUsage(USAGE, ['mia.ivanov'])).toBeUndefined();
  });

  // A seat removed (its account becomes unassigned), one re-tiered (the vendor says otherwise), one added without an account.
  const change = (seats: string) =>
    `${seats
      .replace(/^ {2}- \{ person: ada\.chavez,.*\n/m, '')
      .replace(/(person: aisha\.davis, tier: )full/, '$1guest')
      .replace(/\n*$/, '\n')}  - { person: nobody.here, tier: full, since: 2026-11-20 }\n`;

  // people.yaml padded past MAX_FILE_BYTES with a comment: the loader refuses it whole, so the diff must too.
  const oversize = (text: string) => `${text}#${'-'.repeat(MAX_FILE_BYTES - Buffer.byteLength(text))}\n`;
  for (const [name, shape, people] of [['clean', (t: string) => t], ['damaged', damaged], ['block-style', blockStyle], ['clean, and people.yaml over the size lac reads', (t: string) => t, oversize]] as const) {
    it(`gives the findings of the whole-tree comparison when the unchanged snapshot is ${name}`, async () => {
      const repo = tempRepo();
      repos.push(repo);
      const files = org();
      files.set(USAGE, shape(files.get(USAGE)!));
      if (people) files.set('inventory/people.yaml', people(files.get('inventory/people.yaml')!));
      const base = repo.commit(Object.fromEntries(files), { message: 'Synthetic org', date: '2026-11-01T09:00:00Z', author: ADA });
      const head = repo.commit({ [SEATS]: change(files.get(SEATS)!) }, { message: 'Seats', date: '2026-11-20T09:00:00Z', author: ADA });
      const changed = await changedPaths(repo.dir, base, head);
      const run = (full: boolean) => diffTrees(gitSource(repo.dir, base), gitSource(repo.dir, head), { base: 'main', head: 'change' }, TODAY, changed, full ? { full } : { mentions: gitMentions(repo.dir, base) });
      const [whole, part] = [await run(true), await run(false)];
      // A broken people.yaml reaches every finding: the diff then compares the whole trees itself.
      if (people) expect(part.full).toMatch(/people\.yaml is broken/);
      else expect(part.full).toBeUndefined();
      for (const format of ['json', 'text'] as const) expect(formatDiff(part, format)).toEqual(formatDiff(whole, format));
      if (people) return;
      const usageRules = [...whole.effects.introduced, ...whole.effects.fixed].map((f) => f.rule).filter((r) => ['unassigned-account', 'tier-mismatch', 'assigned-without-account'].includes(r));
      // A damaged snapshot is left out whole: no finding reads it.
      expect(usageRules.sort()).toEqual(name === 'damaged' ? [] : ['assigned-without-account', 'tier-mismatch', 'unassigned-account']);
    });
  }
});
