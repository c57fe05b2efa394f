// Issue 16: the -U0 patch reader and a list file followed by its patches (src/history/patch.ts,
// src/history/list-file.ts): what is applied record by record, and what is left to a whole compare.
import { describe, expect, it } from 'vitest';
import { listFile, planPatch } from '../../src/history/list-file.ts';
import { createPatchReader, type CommitPatch, type FilePatch } from '../../src/history/patch.ts';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const PATH = 'inventory/assignments/figma.yaml';

function read(text: string): CommitPatch[] {
  const reader = createPatchReader();
  const out: CommitPatch[] = [];
  for (const line of text.split('\n')) {
    const done = reader.line(line);
    if (done) out.push(done);
  }
  const last = reader.end();
  return last ? [...out, last] : out;
}

const patchText = (hunks: string) => `\x01${'c'.repeat(40)}\n\ndiff --git a/${PATH} b/${PATH}\nindex ${A}..${B} 100644\n--- a/${PATH}\n+++ b/${PATH}\n${hunks}`;
const SEATS = 'license: figma\nseats:\n  - { person: ada, tier: full, since: 2026-01-05 }\n  - { person: bob, tier: viewer, since: 2026-01-05 }\n  - { device: kiosk, tier: viewer, since: 2026-01-05 }\n';
const file = () => listFile('assignments', PATH, A, Buffer.from(SEATS))!;
const patch = (hunks: FilePatch['hunks'], opaque = false): FilePatch => ({ before: A, after: B, hunks, opaque });

describe('the -U0 patch reader', () => {
  it('reads hunks as the old line index and the lines removed and added, with the blobs of the index line', () => {
    const [c] = read(patchText('@@ -4 +4 @@ seats:\n-  - { person: bob, tier: viewer, since: 2026-01-05 }\n+  - { person: bob, tier: full, since: 2026-01-05 }\n@@ -5,0 +6,1 @@\n+  - { person: cy, tier: full, since: 2026-02-01 }'));
    expect(c!.files.get(PATH)).toEqual({
      before: A, after: B, opaque: false,
      hunks: [
        { at: 3, removed: ['  - { person: bob, tier: viewer, since: 2026-01-05 }'], added: ['  - { person: bob, tier: full, since: 2026-01-05 }'] },
        { at: 5, removed: [], added: ['  - { person: cy, tier: full, since: 2026-02-01 }'] },
      ],
    });
  });

  it('marks a missing final newline and context lines as not applicable line by line', () => {
    expect(read(patchText('@@ -4 +4 @@\n-x\n+y\n\\ No newline at end of file'))[0]!.files.get(PATH)!.opaque).toBe(true);
    expect(read(patchText('@@ -4,3 +4,3 @@\n-x\n same\n-z'))[0]!.files.get(PATH)!.opaque).toBe(true);
  });
});

describe('a list file followed by its patches', () => {
  it('gives the records a patch removed and added, and moves to the next version', () => {
    const f = file();
    const before = [...f.lines];
    const done = planPatch(f, patch([{ at: 3, removed: ['  - { person: bob, tier: viewer, since: 2026-01-05 }'], added: ['  - { person: bob, tier: full, since: 2026-01-05 }', '  # a comment'] }]));
    expect(done!.removed.map((t) => [t.key, t.rec.data.tier])).toEqual([['seat:figma|p:bob', 'viewer']]);
    expect(done!.added.map((t) => [t.key, t.rec.data.tier])).toEqual([['seat:figma|p:bob', 'full']]);
    // Planned, not applied: a walk can still compare the file whole (walk-batched.ts).
    expect([f.oid, f.lines]).toEqual([A, before]);
    done!.apply();
    expect([f.oid, f.items, f.lines[3], f.lines[4]]).toEqual([B, 3, '  - { person: bob, tier: full, since: 2026-01-05 }', '  # a comment']);
  });

  it.each([
    ['a top-level key', [{ at: 1, removed: [], added: ['owner: ada'] }]],
    ['a removed line that is not the one there', [{ at: 3, removed: ['  - { person: zed, tier: full }'], added: [] }]],
    ['a line the line scanner would not read', [{ at: 5, removed: [], added: ['  - { person: broken'] }]],
    ['an item indented otherwise', [{ at: 5, removed: [], added: ['    - { person: cy, tier: full }'] }]],
    ['a key then held twice', [{ at: 5, removed: [], added: ['  - { person: ada, tier: viewer }'] }]],
    ['every record removed', [{ at: 2, removed: SEATS.split('\n').slice(2, 5), added: [] }]],
  ])('leaves the file as it was for %s', (_, hunks) => {
    const f = file();
    const before = [...f.lines];
    expect(planPatch(f, patch(hunks))).toBeUndefined();
    expect([f.oid, f.lines]).toEqual([A, before]);
  });

  it('refuses a patch from another version or marked opaque', () => {
    expect(planPatch(file(), { ...patch([]), before: B })).toBeUndefined();
    expect(planPatch(file(), patch([], true))).toBeUndefined();
  });

  it('is not made for files the line scanner does not read', () => {
    expect(listFile('assignments', PATH, A, Buffer.from('license: figma\nseats:\n  - person: ada\n    tier: full\n'))).toBeUndefined();
    expect(listFile('assignments', PATH, A, Buffer.from('license: figma\nseats: []\n'))).toBeUndefined();
  });
});
