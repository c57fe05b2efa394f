import { reclaimPlan } from '../../analysis/reclaim/plan.ts';
import { resolveToday } from '../../check/run.ts';
import { GitError } from '../../git/run.ts';
import { GitHubConfigError } from '../../github/errors.ts';
import { GitHubError } from '../../github/index.ts';
import { RevisionError } from '../../inventory/git-source.ts';
import { loadInventory } from '../../inventory/load.ts';
import { fsSource } from '../../inventory/source.ts';
import { applyToFile } from '../../reclaim/apply.ts';
import { EditError } from '../../reclaim/edit.ts';
import { formatPlan } from '../../reclaim/format.ts';
import { openReclaimPullRequests, type PrOutcome } from '../../reclaim/pr.ts';
import { suggestion } from '../../util/suggest.ts';
import { UserError } from '../errors.ts';
import type { Io } from '../io.ts';
import { parseRoot, parseToday } from '../options.ts';
import type { ReclaimOpts } from '../reclaim.ts';

function outcomeLine(o: PrOutcome): string {
  const seats = `${o.seats} ${o.seats === 1 ? 'seat' : 'seats'}`;
  switch (o.action) {
    case 'opened': return `${o.license}: opened ${o.url} (${seats})`;
    case 'updated': return `${o.license}: updated ${o.url} (${seats})`;
    case 'unchanged': return `${o.license}: ${o.url} is up to date (${seats})`;
    case 'closed': return `${o.license}: nothing left to reclaim; closed ${o.url}`;
    case 'none': return `${o.license}: nothing to reclaim`;
    case 'rejected': return `${o.license}: ${o.url} was closed without merging; not reopening it (delete the branch ${o.branch} to allow a new one)`;
  }
}

/** --open-pr: plans from the inventory as committed on the base branch, then opens, updates or closes the pull requests. */
async function openPrs(io: Io, root: string, opts: ReclaimOpts): Promise<void> {
  let outcomes: PrOutcome[];
  try {
    outcomes = await openReclaimPullRequests({
      root, env: io.env, remote: opts.remote,
      ...(opts.license ? { license: opts.license } : {}), ...(opts.base ? { base: opts.base } : {}), ...(opts.today ? { today: parseToday(opts.today) } : {}),
    });
  } catch (e) {
    if (e instanceof GitHubConfigError) throw new UserError(e.message, e.hint);
    if (e instanceof GitHubError || e instanceof GitError || e instanceof EditError || e instanceof RevisionError) throw new UserError(e.message, 'nothing after the failing step was changed; fix the cause and run again');
    throw e;
  }
  if (opts.license !== undefined && outcomes.length === 0) throw new UserError(`no license "${opts.license}" with an assignments file on the base branch`, 'license IDs are the file names in inventory/licenses/');
  const shown = outcomes.filter((o) => o.action !== 'none' || opts.license !== undefined);
  for (const o of shown) io.out(`${outcomeLine(o)}\n`);
  if (shown.length === 0) io.out('nothing to reclaim\n');
}

/** `lac reclaim`: the plan printed, applied to the assignment files, or (--open-pr) proposed per license. */
export async function runReclaim(opts: ReclaimOpts, io: Io): Promise<void> {
  if (opts.dryRun && opts.openPr) throw new UserError('--dry-run and --open-pr exclude each other', 'run --dry-run first to see the plan, then --open-pr');
  const root = parseRoot(opts.root, io.cwd);
  if (opts.openPr) {
    await openPrs(io, root, opts);
    return;
  }
  const { inventory } = await loadInventory(fsSource(root));
  if (opts.license !== undefined && !inventory.licenses.has(opts.license)) {
    throw new UserError(`no license "${opts.license}"${suggestion(opts.license, inventory.licenses.keys())}`, 'license IDs are the file names in inventory/licenses/');
  }
  const today = resolveToday(inventory, parseToday(opts.today));
  const only = opts.license === undefined ? {} : { license: opts.license };
  const plan = reclaimPlan(inventory, today, only);
  io.out(formatPlan(plan));
  if (opts.dryRun) return;
  for (const p of plan.licenses) {
    try {
      if (await applyToFile(root, p)) io.out(`edited ${p.file}: ${p.candidates.length} ${p.candidates.length === 1 ? 'line' : 'lines'}\n`);
    } catch (e) {
      if (e instanceof EditError) throw new UserError(`${p.file}: ${e.message}`, 'fix the file by hand, or run with --dry-run to see the plan');
      throw e;
    }
  }
}
