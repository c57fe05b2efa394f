import { FILE_CHECKS, RULES } from '../../rules/index.ts';
import type { Io } from '../io.ts';

/** `lac rules`: the rules `check` applies and the fixed file checks, one line each. */
export function runRules(io: Io): void {
  const rows = RULES.map((r) => `${r.id.padEnd(28)} ${r.severity.padEnd(8)} ${r.doc}`);
  const fixed = FILE_CHECKS.map((c) => `${c.id.padEnd(28)} ${(c.severity ?? 'error').padEnd(8)} ${c.doc} (fixed)`);
  io.out(`${['rule                         severity description', ...rows, ...fixed].join('\n')}\n`);
}
