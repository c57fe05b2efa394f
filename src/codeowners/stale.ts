import type { Finding } from '../findings/finding.ts';
import type { Inventory } from '../inventory/model.ts';
import { CODEOWNERS_PATH, defaultOwnersOf, generateCodeowners } from './generate.ts';

/** A warning when an existing CODEOWNERS file differs from what `lac codeowners` would write. */
export function codeownersFindings(inv: Inventory, current: string | undefined): Finding[] {
  if (current === undefined) return [];
  const expected = generateCodeowners(inv, defaultOwnersOf(current));
  if (expected === current) return [];
  const want = expected.split('\n');
  const have = current.split('\n');
  let i = 0;
  while (i < want.length && want[i] === have[i]) i++;
  const message = want[i] !== undefined && want[i] !== '' ? `CODEOWNERS is out of date: line ${i + 1} should be "${want[i]}"` : `CODEOWNERS is out of date at line ${i + 1}`;
  return [{ rule: 'codeowners-stale', severity: 'warning', file: CODEOWNERS_PATH, line: i + 1, column: 1, message, hint: 'run `lac codeowners` and commit the result' }];
}
