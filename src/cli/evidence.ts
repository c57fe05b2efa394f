import { attachApprovals } from '../history/approvals.ts';
import { repoWebUrl } from '../site/model/repo.ts';
import { gitText } from '../git/run.ts';
import type { Command } from 'commander';
import { CONTROLS, type Control } from '../analysis/evidence/index.ts';
import { parsePeriod } from '../analysis/period/range.ts';
import { resolveToday } from '../check/run.ts';
import { history } from '../history/history.ts';
import { gitSource, verifyCommit } from '../inventory/git-source.ts';
import { loadInventory } from '../inventory/load.ts';
import { EVIDENCE_FORMATS, formatEvidence, type EvidenceFormat } from '../report/evidence/format.ts';
import { evidencePacks } from '../report/evidence/run.ts';
import { isTimeZone } from '../util/dates.ts';
import { asUserError } from './at.ts';
import { UserError } from './errors.ts';
import type { Io } from './io.ts';
import { parseRoot, parseToday } from './options.ts';

interface EvidenceOpts {
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
      const root = parseRoot(opts.root, io.cwd);
      const head = await verifyCommit(root, 'HEAD').catch((e: unknown) => { throw asUserError(e); });
      // As the site: the inventory of the commit, not the working tree.
      const { inventory } = await loadInventory(gitSource(root, head));
      const period = parsePeriod(periodText, inventory.org?.data.fiscal_year_start);
      if (typeof period === 'string' || /^\d{4}-\d{2}$/.test(periodText)) throw new UserError(`${periodText} is not a fiscal year (2026) or a fiscal quarter (2026-Q2)`, 'e.g. lac evidence 2026-Q2');
      const tz = inventory.org?.data.timezone;
      const timeZone = tz && isTimeZone(tz) ? tz : 'UTC';
      const today = resolveToday(inventory, parseToday(opts.today));
      if (period.from > today) throw new UserError(`${period.label} starts on ${period.from}, after today (${today}): there is no evidence yet`, 'pass a period that has begun, or --today');
      const { events, commits } = await history(root, { ref: head, timeZone });
      // Who approved each change, as the site shows it: GitHub with a token, else the history cache, else "not available".
      const origin = await gitText(root, ['remote', 'get-url', 'origin']).catch(() => '');
      await attachApprovals(root, events, commits, { env: io.env, repoUrl: repoWebUrl(io.env, origin), warn: (m) => io.err(`${m}\n`) });
      const [pack] = await evidencePacks({ root, head, inventory, events, today, timeZone }, [period]);
      io.out(formatEvidence(pack!, opts.format as EvidenceFormat, { head, generated: today }, opts.control as Control | undefined));
    });
}
