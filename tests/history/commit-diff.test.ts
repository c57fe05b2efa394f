import { describe, expect, it } from 'vitest';
import { parseDiff, recentDiffs } from '../../src/history/commit-diff.ts';
import { tempRepo } from '../support/git.ts';
import { buildFixture } from './fixture.ts';

const DIFF = `diff --git a/inventory/a.yaml b/inventory/a.yaml
index 1..2 100644
--- a/inventory/a.yaml
+++ b/inventory/a.yaml
@@ -3,3 +3,3 @@ x
 keep
-old
+new
\\ No newline at end of file
diff --git a/inventory/b.yaml b/inventory/b.yaml
deleted file mode 100644
--- a/inventory/b.yaml
+++ /dev/null
@@ -1 +0,0 @@
-gone
`;

describe('commit diffs', () => {
  it('numbers the lines of each hunk in the old and new file, and keeps the deleted file\'s name', () => {
    expect(parseDiff(DIFF).lines).toEqual([
      { file: 'inventory/a.yaml', kind: '@', old: 3, new: 3, text: '@@ -3,3 +3,3 @@ x' },
      { file: 'inventory/a.yaml', kind: ' ', old: 3, new: 3, text: 'keep' },
      { file: 'inventory/a.yaml', kind: '-', old: 4, new: null, text: 'old' },
      { file: 'inventory/a.yaml', kind: '+', old: null, new: 4, text: 'new' },
      { file: 'inventory/b.yaml', kind: '@', old: 1, new: 0, text: '@@ -1 +0,0 @@' },
      { file: 'inventory/b.yaml', kind: '-', old: 1, new: null, text: 'gone' },
    ]);
    expect(parseDiff(DIFF, 3)).toEqual({ lines: parseDiff(DIFF).lines.slice(0, 3), truncated: true });
  });

  it('reads only the kept lines of a large import: the same diffs as parsing the whole output, non-ASCII text and a stray \\x01 included', async () => {
    const repo = tempRepo();
    try {
      const people = Array.from({ length: 3000 }, (_, i) => `  - { id: p${i}, name: Zoë Ñúñez ${i}, email: p${i}@test.example }`).join('\n');
      const a = repo.commit({ 'inventory/people.yaml': `people:\n${people}\n`, 'inventory/vendors/zz.yaml': 'a: "x\u0001y"\n' }, { message: 'Import', date: '2026-01-02T09:00:00Z' });
      const b = repo.commit({ 'inventory/people.yaml': `people:\n${people.replace('Zoë Ñúñez 7,', 'Zoé 7,')}\n` }, { message: 'Rename', date: '2026-01-03T09:00:00Z' });
      const text = repo.git(['log', '--first-parent', '--diff-merges=first-parent', '-p', '--no-color', '--no-renames', '-U2', '--relative', '--format=%x01%H', 'HEAD', '--', 'inventory/']);
      const whole = new Map<string, ReturnType<typeof parseDiff>>();
      for (const chunk of text.split('\x01')) {
        const nl = chunk.indexOf('\n');
        if (nl === 40 || nl === 64) whole.set(chunk.slice(0, nl), parseDiff(chunk.slice(nl + 1)));
      }
      const diffs = await recentDiffs(repo.dir, 'HEAD', 10);
      expect([...diffs.keys()]).toEqual([b, a]);
      expect(diffs).toEqual(whole);
      expect(diffs.get(a)!.truncated).toBe(true);
      expect(diffs.get(b)!.lines.filter((l) => l.kind === '+').map((l) => l.text)).toEqual(['  - { id: p7, name: Zoé 7, email: p7@test.example }']);
    } finally {
      repo.cleanup();
    }
  });

  it('reads a merge commit against its first parent: what the pull request brought in', async () => {
    const f = buildFixture();
    try {
      const diffs = await recentDiffs(f.repo.dir, 'HEAD', 100);
      // The README-only commit changed nothing under inventory/.
      expect([...diffs.keys()].sort()).toEqual(Object.entries(f.shas).filter(([k]) => k !== 'readme').map(([, v]) => v).sort());
      const { lines } = diffs.get(f.shas.dee)!;
      expect([...new Set(lines.map((l) => l.file))]).toEqual(['inventory/assignments/figma.yaml', 'inventory/people.yaml']);
      expect(lines.filter((l) => l.kind === '+').map((l) => l.text)).toEqual([
        '  - { person: dee, tier: full, since: 2026-01-12 }',
        '  - { id: dee, name: Dee Dev, email: dee@test.example, department: eng, status: active, start: 2026-01-12 }',
      ]);
      expect(diffs.get(f.shas.initial)!.lines[0]).toMatchObject({ kind: '@', old: 0, new: 1 });
      expect([...(await recentDiffs(f.repo.dir, 'HEAD', 2)).keys()]).toEqual([f.shas.usage, f.shas.renewal]);
    } finally {
      f.repo.cleanup();
    }
  });
});
