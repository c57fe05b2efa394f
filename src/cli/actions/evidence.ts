import type { Control } from '../../analysis/evidence/index.ts';
import { parsePeriod } from '../../analysis/period/range.ts';
import { resolveToday } from '../../check/run.ts';
import { gitText } from '../../git/run.ts';
import { attachApprovals } from '../../history/approvals.ts';
import { history } from '../../history/history.ts';
import { gitSource, verifyCommit } from '../../inventory/git-source.ts';
import { loadInventory } from '../../inventory/load.ts';
import { formatEvidence, type EvidenceFormat } from '../../report/evidence/format.ts';
import { evidencePacks } from '../../report/evidence/run.ts';
import { repoWebUrl } from '../../site/model/repo.ts';
import { isTimeZone } from '../../util/dates.ts';
import { asUserError } from '../at.ts';
import { UserError } from '../errors.ts';
import type { EvidenceOpts } from '../evidence.ts';
import type { Io } from '../io.ts';
import { parseRoot, parseToday } from '../options.ts';

/** `lac evidence <period>`: the pack of the period from the inventory and history at HEAD. */
export async function runEvidence(periodText: string, opts: EvidenceOpts, io: Io): Promise<void> {
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
}
