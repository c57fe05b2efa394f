import type { Command } from 'commander';
import { FILE_CHECKS, RULES } from '../rules/index.ts';
import type { Io } from './io.ts';

export function registerRules(program: Command, io: Io): void {
  program
    .command('rules')
    .description('list the rules `check` applies, with their default severity')
    .action(() => {
      const rows = RULES.map((r) => `${r.id.padEnd(28)} ${r.severity.padEnd(8)} ${r.doc}`);
      const fixed = FILE_CHECKS.map((c) => `${c.id.padEnd(28)} ${(c.severity ?? 'error').padEnd(8)} ${c.doc} (fixed)`);
      io.out(`${['rule                         severity description', ...rows, ...fixed].join('\n')}\n`);
    });
}
