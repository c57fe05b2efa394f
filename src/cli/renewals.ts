import { Option, type Command } from 'commander';
import { renewalPolicy } from '../analysis/policy.ts';
import { resolveToday } from '../check/run.ts';
import { gitText } from '../git/run.ts';
import { createGitHubPort, GitHubConfigError, GitHubError, type GitHubPort } from '../github/index.ts';
import { loadInventory } from '../inventory/load.ts';
import { formatIcs } from '../renewals/calendar.ts';
import { formatJson, formatMarkdown, formatText } from '../renewals/format.ts';
import { usageHistory } from '../renewals/history.ts';
import { applyIssues, planIssues, type IssuePlan } from '../renewals/issues.ts';
import { defaultWithin, licensesOf, orgZone, planRenewals, withinWindow } from '../renewals/plan.ts';
import { applyRenewalPrs, planRenewalPrs, type PrPlan } from '../renewals/prs.ts';
import { addDays } from '../util/dates.ts';
import { AT_HELP, sourceAt } from './at.ts';
import { UserError } from './errors.ts';
import type { Io } from './io.ts';
import { parseToday } from './options.ts';

export const RENEWAL_FORMATS = ['text', 'json', 'md', 'ics'] as const;
type RenewalFormat = (typeof RENEWAL_FORMATS)[number];

interface RenewalsOpts {
  root?: string;
  within?: string;
  format: RenewalFormat;
  today?: string;
  openIssues?: boolean;
  openPrs?: boolean;
  dryRun?: boolean;
  at?: string;
}

/** --within: a whole number of days. */
export function parseWithin(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,5}$/.test(value)) throw new UserError(`--within ${value} is not a number of days`, 'e.g. --within 90');
  return Number(value);
}

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

export function registerRenewals(program: Command, io: Io, makePort: () => GitHubPort = () => createGitHubPort({ env: io.env })): void {
  program
    .command('renewals')
    .description('list contract renewals by cancel-by date with recommended quantities; a calendar; reminder issues and renewal pull requests')
    .option('--within <days>', 'only renewals whose cancel-by date is at most this many days away (default: the largest reminder threshold or decision window in org.yaml)')
    .addOption(new Option('--format <format>', 'output format').choices(RENEWAL_FORMATS).default('text'))
    .option('--today <date>', 'evaluate as of this date (YYYY-MM-DD; default: today in the org time zone)')
    .option('--root <dir>', 'the license repository (default: the current folder)')
    .option('--at <date|revision>', AT_HELP)
    .option('--open-issues', 'open, update and close one GitHub issue per contract term (GITHUB_REPOSITORY, GITHUB_TOKEN, GITHUB_API_URL)')
    .option('--open-prs', 'propose the next term of each renewal as a pull request on lac/renewal/<contract>')
    .option('--dry-run', 'with --open-issues / --open-prs: print what would change on GitHub; change nothing')
    .action(async (opts: RenewalsOpts) => {
      const within = parseWithin(opts.within);
      if (opts.at && (opts.openIssues || opts.openPrs)) throw new UserError('--at reads a past state: it cannot open issues or pull requests', 'drop --open-issues / --open-prs, or drop --at');
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
    });
}
