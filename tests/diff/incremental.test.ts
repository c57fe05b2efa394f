import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changedPaths } from '../../src/diff/base.ts';
import { formatDiff } from '../../src/diff/format.ts';
import { gitMentions } from '../../src/diff/mentions.ts';
import { diffTrees, type DiffResult } from '../../src/diff/run.ts';
import { gitSource, verifyCommit } from '../../src/inventory/git-source.ts';
import { fsSource } from '../../src/inventory/source.ts';
import { synthesize } from '../../src/synth/index.ts';
import { ADA, tempRepo, type TestRepo } from '../support/git.ts';
import { apply, edit, type Files } from './edits.ts';

const TODAY = '2026-11-23';

/** A small synthetic org with access policies (policy rules read every seat of a person) and a removal deadline. */
function baseOrg(): Files {
  const files = new Map(synthesize({ people: 36, seed: 7, today: TODAY, usageAccounts: 80 }).files);
  const licenses = [...files.keys()].filter((p) => p.startsWith('inventory/assignments/')).map((p) => p.slice('inventory/assignments/'.length, -5)).sort();
  const tierOf = (license: string) => /tier: ([a-z0-9-]+)/.exec(files.get(`inventory/assignments/${license}.yaml`)!)?.[1] ?? 'standard';
  files.set(
    'inventory/policies/engineering-tools.yaml',
    [
      'id: engineering-tools',
      'name: Engineers never hold the first tier of the fourth license',
      'match: { departments: [engineering, it] }',
      'forbid:',
      `  - { license: ${licenses[3]}, tier: ${tierOf(licenses[3]!)} }`,
      '',
    ].join('\n'),
  );
  files.set('inventory/policies/everyone.yaml', ['id: everyone', 'name: Everyone holds the core tools', 'match: {}', 'grant:', ...licenses.slice(0, 3).map((l) => `  - { license: ${l}, tier: ${tierOf(l)} }`), ''].join('\n'));
  files.set('inventory/org.yaml', files.get('inventory/org.yaml')!.replace(/\n*$/, '\n'));
  return files;
}

const formats = (r: DiffResult) => ({ json: formatDiff(r, 'json'), text: formatDiff(r, 'text'), md: formatDiff(r, 'md') });

describe('lac diff: incremental findings', () => {
  let repo: TestRepo;
  let base: string;
  let original: Files;
  const outcome = { incremental: 0, full: 0, findings: 0 };
  beforeAll(() => {
    repo = tempRepo();
    original = baseOrg();
    repo.commit(Object.fromEntries(original), { message: 'Synthetic org', date: '2026-11-01T09:00:00Z', author: ADA });
  });
  afterAll(() => repo.cleanup());

  it('equal the whole-tree comparison (events, seats, cost, findings introduced and fixed) on generated changes', async () => {
    base = await verifyCommit(repo.dir, 'main');
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 4 }), fc.boolean(), async (edits, committed) => {
        repo.git(['checkout', '-q', '-f', 'main']);
        repo.git(['clean', '-fdq']);
        const files = new Map(original);
        for (const e of edits) apply(files, e);
        const writes = Object.fromEntries([...original.keys()].filter((p) => !files.has(p)).map((p): [string, string | null] => [p, null]));
        for (const [p, text] of files) if (original.get(p) !== text) writes[p] = text;
        let head: string | undefined;
        if (committed) {
          repo.git(['checkout', '-q', '-B', 'change']);
          head = repo.commit(writes, { message: 'Change', date: '2026-11-20T09:00:00Z', author: ADA });
        } else repo.write(writes);
        const source = () => (head ? gitSource(repo.dir, head) : fsSource(repo.dir));
        const changed = await changedPaths(repo.dir, base, head);
        const labels = { base: 'main', head: head ? 'change' : 'working tree' };
        const whole = await diffTrees(gitSource(repo.dir, base), source(), labels, TODAY, changed, { full: true });
        const part = await diffTrees(gitSource(repo.dir, base), source(), labels, TODAY, changed, { mentions: gitMentions(repo.dir, base) });
        expect(formats(part)).toEqual(formats(whole));
        outcome[part.full === undefined ? 'incremental' : 'full']++;
        outcome.findings += whole.effects.introduced.length + whole.effects.fixed.length;
      }),
      {
        numRuns: 30,
        examples: [
          // The assignments file names another license: every seat moves, though no seat line changed.
          [[{ kind: 'malformed', file: 3, mutation: { kind: 'value', at: 513353841, value: '2026-02-30' } }, { kind: 'person-join', like: 0, id: 'new.joiner' }], false],
        ],
      },
    );
    // The comparison is not vacuous: most changes take the incremental path, and they move findings.
    expect(outcome.incremental).toBeGreaterThan(outcome.full);
    expect(outcome.findings).toBeGreaterThan(20);
  }, 240_000);

  it('finds a second seat of one person fixed and another introduced in seat files whose holders the parser counted (record-twice.ts)', async () => {
    const dup = tempRepo();
    try {
      const files = baseOrg();
      const seatFiles = [...files.keys()].filter((p) => p.startsWith('inventory/assignments/') && /^ {2}- \{ person: /m.test(files.get(p)!)).sort();
      const seatLine = (path: string) => /^ {2}- \{ person: .*\}$/m.exec(files.get(path)!)![0];
      const [fixedIn, introducedIn] = seatFiles as [string, string];
      // The base: someone holds two seats of the first license, on lines with other keys too.
      const twin = seatLine(fixedIn).replace(/ \}$/, ', note: kept by mistake }');
      files.set(fixedIn, `${files.get(fixedIn)!.replace(/\n*$/, '\n')}${twin}\n`);
      dup.commit(Object.fromEntries(files), { message: 'Synthetic org', date: '2026-11-01T09:00:00Z', author: ADA });
      const baseCommit = await verifyCommit(dup.dir, 'main');
      // The change: that line goes, and someone gets a second seat of another license.
      dup.git(['checkout', '-q', '-B', 'change']);
      const head = dup.commit(
        { [fixedIn]: files.get(fixedIn)!.replace(`${twin}\n`, ''), [introducedIn]: `${files.get(introducedIn)!.replace(/\n*$/, '\n')}${seatLine(introducedIn).replace(/ \}$/, ', note: again }')}\n` },
        { message: 'Change', date: '2026-11-20T09:00:00Z', author: ADA },
      );
      const changed = await changedPaths(dup.dir, baseCommit, head);
      const labels = { base: 'main', head: 'change' };
      const whole = await diffTrees(gitSource(dup.dir, baseCommit), gitSource(dup.dir, head), labels, TODAY, changed, { full: true });
      const part = await diffTrees(gitSource(dup.dir, baseCommit), gitSource(dup.dir, head), labels, TODAY, changed, { mentions: gitMentions(dup.dir, baseCommit) });
      expect(part.full).toBeUndefined();
      expect(formats(part)).toEqual(formats(whole));
      const rules = (list: { rule: string; file?: string }[]) => list.filter((f) => f.rule === 'duplicate-assignment').map((f) => f.file);
      expect(rules(part.effects.fixed)).toEqual([fixedIn]);
      expect(rules(part.effects.introduced)).toEqual([introducedIn]);
    } finally {
      dup.cleanup();
    }
  }, 60_000);
});
