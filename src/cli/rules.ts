import type { Command } from 'commander';
import type { Io } from './io.ts';

export function registerRules(program: Command, io: Io): void {
  program
    .command('rules')
    .description('list the rules `check` applies, with their default severity')
    .action(async () => (await import('./actions/rules.ts')).runRules(io));
}
