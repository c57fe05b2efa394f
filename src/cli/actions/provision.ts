import { resolveToday } from '../../check/run.ts';
import { createGitHubPort, GitHubConfigError, GitHubError } from '../../github/index.ts';
import { loadInventory } from '../../inventory/load.ts';
import { fsSource } from '../../inventory/source.ts';
import { dueNow } from '../../provision/apply.ts';
import { actionLine } from '../../provision/describe.ts';
import type { ProvisionPlan } from '../../provision/plan.ts';
import { publishProvision } from '../../provision/publish.ts';
import { provision } from '../../provision/run.ts';
import { EditError } from '../../reclaim/edit.ts';
import { UserError } from '../errors.ts';
import type { Io } from '../io.ts';
import { parseRoot, parseToday } from '../options.ts';
import type { ProvisionOpts } from '../provision.ts';

/** The printed plan: what is due now, what is scheduled, what to buy. */
export function provisionText(plan: ProvisionPlan, today: string, files: string[], dryRun: boolean): string {
  const due = new Set(dueNow(plan.actions, today));
  const now = plan.actions.filter((a) => due.has(a));
  const later = plan.actions.filter((a) => !due.has(a));
  const lines = [
    ...(now.length ? [`due by ${today} (${now.length}):`, ...now.map((a) => `  ${actionLine(a)}`)] : []),
    ...(later.length ? [`scheduled or waiting (${later.length}):`, ...later.map((a) => `  ${actionLine(a)}`)] : []),
    ...(plan.leaverSaving ? [`leavers' seats removed save ${plan.leaverSaving} a year`] : []),
    ...(plan.purchases.length ? [`to buy (${plan.purchases.length}):`, ...plan.purchases.map((p) => `  ${p.count} x ${p.license} ${p.tier}${p.unitPrice ? ` at ${p.unitPrice} each` : ' (no price in a contract in force)'}`)] : []),
  ];
  if (lines.length === 0) return 'nothing to provision: every seat matches people and policies\n';
  const what = files.length === 0 ? 'no file changes now' : `${dryRun ? 'would write' : 'wrote'} ${files.join(', ')}`;
  return `${lines.join('\n')}\n${what}\n`;
}

/** `lac provision`: plans seat changes from people and policies, writes the due ones; with --open-pr, proposes them. */
export async function runProvision(opts: ProvisionOpts, io: Io): Promise<void> {
  const root = parseRoot(opts.root, io.cwd);
  const { inventory } = await loadInventory(fsSource(root));
  const today = resolveToday(inventory, parseToday(opts.today));
  try {
    const result = await provision(inventory, root, today, Boolean(opts.dryRun));
    io.out(provisionText(result.plan, today, result.files, Boolean(opts.dryRun)));
    if (opts.openPr && !opts.dryRun) {
      const published = await publishProvision(root, inventory, result.plan, result.texts, { today, port: () => createGitHubPort({ env: io.env }), labels: inventory.org?.data.github?.labels ?? [] });
      io.out(`branch lac/provision: ${published.git.action}${published.pr ? `; pull request #${published.pr.number} ${published.pr.action}` : ''}\n`);
    }
  } catch (e) {
    if (e instanceof EditError) throw new UserError(e.message, 'run lac check, fix the assignments file, and run again; nothing was written');
    if (e instanceof GitHubConfigError) throw new UserError(e.message, e.hint);
    if (e instanceof GitHubError) throw new UserError(e.message, 'check GITHUB_TOKEN (contents and pull-requests: write) and GITHUB_REPOSITORY');
    throw e;
  }
}
