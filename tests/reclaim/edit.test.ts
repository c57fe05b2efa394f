import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { editAssignments, EditError } from '../../src/reclaim/edit.ts';
import { cleanup, lac, tempRepo } from '../support/cli.ts';
import { FIGMA_USAGE, modelFiles, TODAY } from './fixtures.ts';

// Written by hand, the way people write: comments, blank lines, odd quoting, a block mapping, CRLF-free.
const HAND = `# yaml-language-server: $schema=../../schemas/assignments.schema.json
# Figma seats. Ask #design-ops before adding a full seat.
license: figma   # keep this in sync with licenses/figma.yaml

seats:
  # design team
  - { person: ada, tier: 'full', since: 2026-01-05 }   # lead designer
  - {person: "cy",tier: full,since: 2025-01-05}

  # engineering, reviewed quarterly
  - person: dee
    tier: "full"        # needs dev mode
    since: 2025-06-01
  - { person: bob, tier: viewer, since: 2026-01-05 }
# end of list
`;

/** A line diff by longest common subsequence: removed lines as `-`, added as `+`, in file order. */
function lineDiff(before: string, after: string): string[] {
  const a = before.split('\n');
  const b = after.split('\n');
  const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const out: string[] = [];
  let [i, j] = [0, 0];
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) { i++; j++; }
    else if (j < b.length && (i === a.length || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) out.push(`+${b[j++]}`);
    else out.push(`-${a[i++]}`);
  }
  return out;
}

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach(cleanup));

describe('comment- and format-preserving edits', () => {
  it('removes exactly the reclaimed lines and keeps everything else byte for byte', () => {
    const out = editAssignments(HAND, [{ index: 1, action: 'remove', expect: { person: 'cy', tier: 'full' } }, { index: 2, action: 'remove' }]);
    expect(lineDiff(HAND, out)).toEqual([
      '-  - {person: "cy",tier: full,since: 2025-01-05}',
      '-  - person: dee',
      '-    tier: "full"        # needs dev mode',
      '-    since: 2025-06-01',
    ]);
  });

  it('changes only the tier of a downgraded seat, in the quoting it was written in', () => {
    const out = editAssignments(HAND, [{ index: 0, action: 'downgrade', to: 'viewer' }, { index: 2, action: 'downgrade', to: 'viewer' }]);
    expect(lineDiff(HAND, out)).toEqual([
      "+  - { person: ada, tier: 'viewer', since: 2026-01-05 }   # lead designer",
      "-  - { person: ada, tier: 'full', since: 2026-01-05 }   # lead designer",
      '+    tier: "viewer"        # needs dev mode',
      '-    tier: "full"        # needs dev mode',
    ]);
  });

  it('keeps CRLF line ends', () => {
    const crlf = HAND.replace(/\n/g, '\r\n');
    const out = editAssignments(crlf, [{ index: 3, action: 'remove' }]);
    expect(out).toBe(crlf.replace('  - { person: bob, tier: viewer, since: 2026-01-05 }\r\n', ''));
  });

  it('refuses a file where the seat is not where the plan saw it', () => {
    expect(() => editAssignments(HAND, [{ index: 1, action: 'remove', expect: { person: 'dee', tier: 'full' } }])).toThrow(EditError);
    expect(() => editAssignments('license: figma\nseats: [{ person: ada, tier: full, since: 2026-01-05 }]\n', [{ index: 0, action: 'remove' }])).toThrow(/one per line/);
  });

  it('lac reclaim edits the hand-written file in place; --dry-run changes nothing', async () => {
    const dir = tempRepo(modelFiles({ 'inventory/assignments/figma.yaml': HAND, 'inventory/usage/figma.yaml': FIGMA_USAGE }));
    dirs.push(dir);
    const file = join(dir, 'inventory/assignments/figma.yaml');
    const dry = await lac(['reclaim', '--dry-run', '--today', TODAY], { cwd: dir });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('inventory/assignments/figma.yaml:8   cy ');
    expect(readFileSync(file, 'utf8')).toBe(HAND);
    const run = await lac(['reclaim', '--today', TODAY, '--license', 'figma'], { cwd: dir });
    expect(run.stdout).toMatch(/edited inventory\/assignments\/figma.yaml: 2 lines\n$/);
    expect(lineDiff(HAND, readFileSync(file, 'utf8'))).toEqual([
      '-  - {person: "cy",tier: full,since: 2025-01-05}',
      '-  - person: dee',
      '-    tier: "full"        # needs dev mode',
      '-    since: 2025-06-01',
    ]);
  });
});
