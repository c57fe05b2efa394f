// `lac provision --open-pr`: the due seat changes proposed on lac/provision as one pull request,
// updated on each run; license owners review the changes their policies ask a review for.
import { proposeOnBranch, type ProposalResult } from '../git/bot-branch.ts';
import { gitText } from '../git/run.ts';
import type { GitHubPort } from '../github/port.ts';
import type { Inventory } from '../inventory/model.ts';
import { mdText } from '../util/escape/markdown.ts';
import type { IsoDate } from '../util/dates.ts';
import { dueNow } from './apply.ts';
import { actionText } from './describe.ts';
import type { ProvisionPlan } from './plan.ts';

export const PROVISION_BRANCH = 'lac/provision';
export const PROVISION_KEY = 'provision/seats';

/** The body: the changes made, the ones scheduled, and what to buy. */
export function provisionBody(plan: ProvisionPlan, today: IsoDate): string {
  const due = new Set(dueNow(plan.actions, today));
  const list = (title: string, lines: string[]) => (lines.length ? [`### ${title} (${lines.length})`, '', ...lines.map((l) => `- ${mdText(l)}`), ''] : []);
  return [
    `Seat changes that people and access policies call for, as of ${mdText(today)} (\`lac provision\`).`,
    '',
    ...list('In this pull request', plan.actions.filter((a) => due.has(a)).map(actionText)),
    ...list('Scheduled or waiting for a purchase', plan.actions.filter((a) => !due.has(a)).map(actionText)),
    ...list('To buy', plan.purchases.map((p) => `${p.count} x ${p.license} ${p.tier}${p.unitPrice ? ` at ${p.unitPrice} each` : ''}`)),
    ...(plan.leaverSaving ? [`Removing leavers' seats saves ${mdText(plan.leaverSaving)} a year.`] : []),
  ].join('\n');
}

/** Proposes the changed assignments files; owners of licenses whose changes need their review are asked. */
export async function publishProvision(root: string, inv: Inventory, plan: ProvisionPlan, files: Map<string, string>, options: { today: IsoDate; port: () => GitHubPort; labels?: string[] }): Promise<{ git: ProposalResult; pr?: { number: number; action: string } }> {
  const base = await gitText(root, ['rev-parse', '--abbrev-ref', 'HEAD']);
  const git = files.size === 0 ? ({ action: 'empty' } as const) : await proposeOnBranch(root, { branch: PROVISION_BRANCH, base: 'HEAD', files: Object.fromEntries(files), message: `Seat changes of ${options.today}\n` });
  const port = options.port();
  if (git.action === 'empty') {
    const closed = await port.closePullRequest({ key: PROVISION_KEY, head: PROVISION_BRANCH }, 'No seat changes are due.');
    return { git, ...(closed ? { pr: { number: closed.number, action: closed.action } } : {}) };
  }
  const owners = dueNow(plan.actions, options.today)
    .filter((a) => a.approval === 'owner-review')
    .map((a) => inv.licenses.get(a.license)?.data.owner)
    .map((id) => (id === undefined ? undefined : inv.people.get(id)?.data.github))
    .filter((login): login is string => login !== undefined);
  const pr = await port.ensurePullRequest({
    key: PROVISION_KEY,
    head: PROVISION_BRANCH,
    base,
    title: `Seat changes from people and access policies (${options.today})`,
    body: provisionBody(plan, options.today),
    labels: ['provision', ...(options.labels ?? [])],
    ...(owners.length ? { reviewers: [...new Set(owners)].sort() } : {}),
  });
  return { git, pr: { number: pr.number, action: pr.action } };
}
