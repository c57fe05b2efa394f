import type { Command } from 'commander';
import { CONTROLS } from '../analysis/evidence/types.ts';
import { EVIDENCE_FORMATS } from '../report/formats.ts';
import { UserError } from './errors.ts';
import type { Io } from './io.ts';

export interface EvidenceOpts {
  root?: string;
  control?: string;
  format: string;
  today?: string;
}

/** `lac evidence <period>`: the evidence pack of a fiscal year or quarter (src/analysis/evidence), as the site's /evidence/ pages show it. */
export function registerEvidence(program: Command, io: Io): void {
  program
    .command('evidence')
    .description('the evidence pack of a fiscal year or quarter: access removal for leavers, the license position at the period end, changes without an approving review, renewal decisions; each row on its commit')
    .argument('<period>', 'a fiscal year (2026: the one starting in 2026, per fiscal_year_start in org.yaml) or fiscal quarter (2026-Q2)')
    .option('--control <id>', `only one control: ${CONTROLS.join(', ')}`)
    .option('--format <format>', `output format: ${EVIDENCE_FORMATS.join(', ')} (csv: one control's table, with --control)`, 'text')
    .option('--today <date>', 'the day the pack is as of (default: today in the org time zone)')
    .option('--root <dir>', 'the license repository (default: the current folder)')
    .action(async (periodText: string, opts: EvidenceOpts) => {
      if (!(EVIDENCE_FORMATS as readonly string[]).includes(opts.format)) throw new UserError(`--format ${opts.format} is not one of ${EVIDENCE_FORMATS.join(', ')}`, 'e.g. --format md');
      if (opts.control !== undefined && !(CONTROLS as readonly string[]).includes(opts.control)) throw new UserError(`--control ${opts.control} is not one of ${CONTROLS.join(', ')}`, 'e.g. --control access-removal');
      if (opts.format === 'csv' && opts.control === undefined) throw new UserError('--format csv is one control\'s table', `add --control, one of ${CONTROLS.join(', ')}`);
      await (await import('./actions/evidence.ts')).runEvidence(periodText, opts, io);
    });
}
