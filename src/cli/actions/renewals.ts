import { renewalPolicy } from '../../analysis/policy.ts';
import { resolveToday } from '../../check/run.ts';
import { gitText } from '../../git/run.ts';
import { createGitHubPort, GitHubConfigError, GitHubError, type GitHubPort } from '../../github/index.ts';
import { loadInventory } from '../../inventory/load.ts';
import { formatIcs } from '../../renewals/calendar.ts';
import { formatJson, formatMarkdown, formatText } from '../../renewals/format.ts';
import { usageHistory } from '../../renewals/history.ts';
import { applyIssues, planIssues, type IssuePlan } from '../../renewals/issues.ts';
import { defaultWithin, licensesOf, orgZone, planRenewals, withinWindow } from '../../renewals/plan.ts';
import { applyRenewalPrs, planRenewalPrs, type PrPlan } from '../../renewals/prs.ts';
import { addDays } from '../../util/dates.ts';
import { sourceAt } from '../at.ts';
import { UserError } from '../errors.ts';
import type { Io } from '../io.ts';
import { parseToday } from '../options.ts';
import type { RenewalsOpts } from '../renewals.ts';

async function hasOrigin(root: string): Promise<boolean> {
  try {
    return (await gitText(root, ['remote'])).split('\n').includes('origin');
  } catch {
    return false;
  }
}

/** GitHub failures become user errors that say what to check; nothing of the request is printed. */
async function onGitHub<T>(what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof GitHubConfigError) throw new UserError(e.message, e.hint);
    if (e instanceof GitHubError) throw new UserError(e.message, `check GITHUB_TOKEN (${what}: write) and GITHUB_REPOSITORY`);
    throw e;
  }
}

function describeIssuePlan(plan: IssuePlan): string {
  const lines = plan.ensure.map((s) => `would ensure issue ${s.spec.key}: ${s.spec.title}${s.comments.length ? ` (comment ${s.comments.map((c) => c.key.split('/').at(-1)).join(', ')})` : ''}`);
  lines.push(...plan.close.map((s) => `would close issue #${s.number} ${s.key}: ${s.why}`));
  return lines.length ? `${lines.join('\n')}\n` : 'no renewal issues to open, update or close\n';
}

function describePrPlan(plan: PrPlan): string {
  const lines = plan.map((p) => `would propose ${p.path} on ${p.branch}: ${p.title}`);
  return lines.length ? `${lines.join('\n')}\n` : 'no renewal pull requests to propose\n';
}

/** `lac renewals`: the renewals in the window, listed or as a calendar; reminder issues and renewal pull requests on GitHub. */
export async function runRenewals(opts: RenewalsOpts, within: number | undefined, io: Io, makePort: () => GitHubPort = () => createGitHubPort({ env: io.env })): Promise<void> {
  const { source, root, at } = await sourceAt(opts.root, opts.at, io.cwd);
  const { inventory } = await loadInventory(source);
  const today = resolveToday(inventory, parseToday(opts.today) ?? at?.day);
  const window = within ?? defaultWithin(inventory);
  // Dates first (cheap), then the usage history of only the licenses renewing in the window.
  const licenses = licensesOf(withinWindow(planRenewals(inventory, today), today, window));
  const history = await usageHistory(root, addDays(today, -renewalPolicy(inventory.org?.data).usage_window_days), orgZone(inventory), licenses);
  const all = planRenewals(inventory, today, { history });
  const renewals = withinWindow(all, today, window);
  if (opts.format === 'ics') io.out(formatIcs(renewals, { orgName: inventory.org?.data.name, timeZone: orgZone(inventory) }));
  else io.out({ text: formatText, json: formatJson, md: formatMarkdown }[opts.format](renewals, { today, within: window }));
  // What was done on GitHub follows the listing, unless the listing is data for a program.
  let first = true;
  const report = (t: string) => {
    if (opts.format !== 'text') return io.err(t);
    io.out(first ? `\n${t}` : t);
    first = false;
  };
  const labels = inventory.org?.data.github?.labels ?? [];
  if (opts.openIssues) {
    await onGitHub('issues', async () => {
      const port = makePort();
      const plan = planIssues({ inWindow: renewals, all, open: await port.listIssuesByLabel(port.botLabel, 'open'), labels });
      if (opts.dryRun) return report(describeIssuePlan(plan));
      for (const o of await applyIssues(port, plan)) {
        report(`issue #${o.number} ${o.key}: ${o.action}${o.comments.length ? `; commented ${o.comments.map((c) => c.split('/').at(-1)).join(', ')}` : ''}\n`);
      }
    });
  }
  if (opts.openPrs) {
    if (!opts.dryRun && !(await hasOrigin(root))) {
      throw new UserError(`--open-prs needs a git checkout of the license repository with an "origin" remote: ${root} has none`, 'run it in the checkout of a workflow (actions/checkout), or use --dry-run to see the proposals');
    }
    const plan = await planRenewalPrs(root, renewals);
    if (opts.dryRun) report(describePrPlan(plan));
    else {
      await onGitHub('contents and pull-requests', async () => {
        for (const o of await applyRenewalPrs(root, plan, makePort, labels)) report(`${o.branch}: ${o.git}${o.pr ? `; pull request #${o.pr.number} ${o.pr.action}` : ''}\n`);
      });
    }
  }
}
