// Issue 12: every ID the schema accepts names a git branch (lac/reclaim/<license>,
// lac/renewal/<contract>, beside lac/usage) and a file (<id>.yaml) safely. git itself judges
// the branch names (`git check-ref-format --branch`, as git-check-ref-format(1) describes).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, posix, win32 } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { classify } from '../../src/inventory/layout.ts';
import { createValidators, validateData } from '../../src/inventory/validate.ts';
import { branchName } from '../../src/reclaim/branch.ts';
import { renewalBranch } from '../../src/renewals/issue-body.ts';
import { USAGE_BRANCH } from '../../src/usage/publish.ts';

const validators = createValidators();
const vendor = parse(readFileSync(join(import.meta.dirname, 'valid', 'vendor.yaml'), 'utf8')) as Record<string, unknown>;
/** Whether the schema takes `id` as a vendor's ID (every ID field shares one definition). */
const accepted = (id: string) => validateData(validators, 'vendor', { ...vendor, id }).length === 0;

/** Whether git takes `name` as a branch name. */
const gitBranchOk = (name: string) => spawnSync('git', ['check-ref-format', '--branch', name], { cwd: tmpdir(), encoding: 'utf8' }).status === 0;

// Pieces that git or file systems treat specially, among ordinary ones, so that generated text
// often comes near the edge of the pattern.
const PIECES = ['a', 'z', '0', '7', 'figma', 'lock', '.', '-', '_', '.lock', '..', '@', '@{', '{', '/', '\\', ' ', '~', '^', ':', '?', '*', '[', 'A', '\u001b', '\u007f', '\0', 'é'];
const nearIds = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 12 }).map((p) => p.join(''));
const slugs = fc.stringMatching(/^[a-z0-9]{1,8}(?:[._-][a-z0-9]{1,8}){0,6}(?:\.lock)?$/);
const ids = fc.oneof(nearIds, slugs, fc.string({ maxLength: 70 })).filter(accepted);

describe('IDs as branch and file names', () => {
  it('every ID the schema accepts makes branch names git accepts and a single safe file name', () => {
    fc.assert(
      fc.property(ids, (id) => {
        for (const branch of [branchName(id), renewalBranch(id), USAGE_BRANCH]) expect(gitBranchOk(branch), branch).toBe(true);
        expect(basename(id)).toBe(id);
        expect(win32.basename(id)).toBe(id);
        expect(posix.normalize(id)).toBe(id);
        expect(['.', '..'].includes(id) || id.startsWith('-') || id.endsWith('.') || /[\0-\x1f\x7f\s/\\]/.test(id)).toBe(false);
        // The file named after the ID is read back as that ID's record.
        expect(classify(`inventory/licenses/${id}.yaml`)).toEqual({ ok: true, kind: 'license', expectedId: id });
      }),
      { numRuns: 100 },
    );
  });

  it('refuses an ID ending in ".lock", which git refuses as the last part of a branch name', () => {
    fc.assert(
      fc.property(ids, (id) => {
        expect(accepted(`${id}.lock`)).toBe(false);
        expect(gitBranchOk(branchName(`${id}.lock`))).toBe(false);
      }),
      { numRuns: 30 },
    );
  });

  it('refuses the names Windows reserves for devices, alone or before a dot, and keeps IDs that only start with them', () => {
    for (const id of ['con', 'prn', 'aux', 'nul', 'com1', 'lpt9', 'com0', 'nul.tools', 'con.2026']) {
      expect(accepted(id), id).toBe(false);
      expect(classify(`inventory/licenses/${id}.yaml`).ok, id).toBe(false);
    }
    for (const id of ['console', 'auxiliary', 'null', 'com10', 'con-tools', 'lpt1x', 'acon', 'figma.con']) {
      expect(accepted(id), id).toBe(true);
    }
  });
});
