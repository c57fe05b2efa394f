// `lac reclaim --open-pr`: one branch and one pull request per license, kept in step with the plan.
import { reclaimPlan, seatKey, type LicensePlan } from '../analysis/reclaim/plan.ts';
import { createGitHubPort, type GitHubPort } from '../github/index.ts';
import { resolveToday } from '../check/run.ts';
import { gitSource } from '../inventory/git-source.ts';
import { loadInventory } from '../inventory/load.ts';
import type { Inventory } from '../inventory/model.ts';
import { addDays, type IsoDate } from '../util/dates.ts';
import { md, mdCode, mdText, mdTitle } from '../util/escape/markdown.ts';
import { formatMoney } from '../util/money.ts';
import { applyToText } from './apply.ts';
import { reclaimBody } from './body.ts';
import { BRANCH_PREFIX, branchName, reclaimGit, type ReclaimGit } from './branch.ts';
import { seatChanges, seatLines } from './seats-diff.ts';
import { readState, type ReclaimState } from './state.ts';
import { RECLAIM_TRAILER } from './trailer.ts';

export interface PrOutcome {
  license: string;
  action: 'opened' | 'updated' | 'unchanged' | 'closed' | 'none' | 'rejected';
  branch: string;
  seats: number;
  url?: string;
  number?: number;
  /** The commit pushed by this run, if any. */
  pushed?: string;
}

export interface PrOptions {
  root: string;
  /** The inventory to plan from; default: as committed on the base branch (uncommitted edits do not leak into pull requests). */
  inventory?: Inventory;
  /** The date to judge activity on; default: today in the org time zone. */
  today?: IsoDate;
  env: Record<string, string | undefined>;
  license?: string;
  /** Target branch of the pull requests (default: the checked-out branch). */
  base?: string;
  remote?: string;
  port?: GitHubPort;
}

export const RECLAIM_LABEL = { name: 'reclaim', color: '0e8a16', description: 'Seats lac proposes to reclaim or downgrade' };

const keyOf = (license: string) => `reclaim/${license}`;

function commitMessage(plan: LicensePlan): string {
  const n = plan.candidates.length;
  const lines = plan.candidates.map((c) => `- ${c.person} (${c.tier}): ${c.action === 'downgrade' ? `downgrade to ${c.to}` : 'remove'}: ${c.detail}`);
  return `Reclaim ${n} ${plan.license} ${n === 1 ? 'seat' : 'seats'}\n\n${lines.join('\n')}\n\n${RECLAIM_TRAILER}: ${plan.license}\n`;
}

/** Seats the bot proposed that a person put back on the branch after the bot's last commit. */
async function restoredSeats(git: ReclaimGit, head: string, file: string, state: ReclaimState): Promise<string[]> {
  // What the bot proposed is its own commit's change to the file: read from git, not kept in the
  // body, so the hidden state stays small however many seats a license has.
  const proposed = seatChanges(seatLines(await git.show(state.base, file)), seatLines(await git.show(state.commit, file)));
  const seats = new Set(seatLines(await git.show(head, file)).map((s) => seatKey(s.holder, s.tier)));
  return proposed.map((p) => seatKey(p.holder, p.tier)).filter((k) => seats.has(k));
}

/** Opens, updates or closes the reclaim pull request of every license (or one). */
export async function openReclaimPullRequests(options: PrOptions): Promise<PrOutcome[]> {
  const remote = options.remote ?? 'origin';
  const git = reclaimGit(options.root);
  const base = options.base ?? (await git.currentBranch());
  const baseSha = await git.revParse(base);
  if (!baseSha) throw new Error(`the base branch ${base} has no commit`);
  const inv = options.inventory ?? (await loadInventory(gitSource(options.root, baseSha))).inventory;
  const today = resolveToday(inv, options.today);
  const port = options.port ?? createGitHubPort({ env: options.env });
  const ids = [...inv.assignments.keys()].filter((id) => inv.licenses.has(id) && (options.license === undefined || id === options.license)).sort();
  const labelsReady = { done: false };
  const branches = await git.fetchRemoteBranches(remote, BRANCH_PREFIX);
  const out: PrOutcome[] = [];
  for (const id of ids) out.push(await licensePr(id, { ...options, inventory: inv, today, remote, git, base, baseSha, port, labelsReady, branches }));
  return out;
}

interface Ctx extends PrOptions {
  inventory: Inventory;
  today: IsoDate;
  remote: string;
  git: ReclaimGit;
  base: string;
  baseSha: string;
  port: GitHubPort;
  labelsReady: { done: boolean };
  branches: Map<string, string>;
}

async function licensePr(id: string, ctx: Ctx): Promise<PrOutcome> {
  const { git, port, inventory: inv, today } = ctx;
  const branch = branchName(id);
  const key = keyOf(id);
  const file = inv.assignments.get(id)!.file;
  const remoteHead = ctx.branches.get(branch);
  // GitHub closes a pull request whose head branch is deleted: without the branch there is none open.
  const open = remoteHead ? await port.findPullRequest({ head: branch, key, state: 'open' }) : undefined;
  if (!open && remoteHead) {
    const closed = await port.findPullRequest({ head: branch, key, state: 'closed' });
    // A person closed it without merging and left the branch: they said no; do not ask again.
    if (closed && !closed.merged) return { license: id, action: 'rejected', branch, seats: 0, url: closed.url, number: closed.number };
  }
  const prev = open ? readState(open.hiddenState) : undefined;
  const kept = new Set(prev?.kept ?? []);
  if (prev && remoteHead && remoteHead !== prev.commit) for (const k of await restoredSeats(git, remoteHead, file, prev)) kept.add(k);
  const plan = reclaimPlan(inv, today, { license: id, keep: new Map([[id, kept]]) }).licenses[0]!;
  const seats = plan.candidates.length;

  if (seats === 0) {
    if (!open) return { license: id, action: 'none', branch, seats };
    const note = `Nothing is left to reclaim for ${mdText(plan.name)} on ${today}: the proposed seats were removed, kept, or are in use again. Closing.`;
    const closed = await port.closePullRequest({ head: branch, key }, note);
    if (remoteHead) await git.deleteRemoteBranch(ctx.remote, branch, remoteHead);
    return { license: id, action: 'closed', branch, seats, url: closed?.url ?? open.url, number: open.number };
  }

  const text = await git.show(ctx.baseSha, file);
  if (text === undefined) throw new Error(`${file} is not committed on ${ctx.base}; commit it before opening reclaim pull requests`);
  const desired = applyToText(text, plan);
  const desiredTree = await git.treeWithFile(ctx.baseSha, file, desired);
  let commit: string;
  let pushed: string | undefined;
  if (remoteHead && (await git.treeOf(remoteHead)) === desiredTree && (await git.isAncestor(ctx.baseSha, remoteHead))) {
    // The branch already holds exactly this change (the bot's commit, or a person's edit that agrees with the plan).
    commit = prev?.commit ?? remoteHead;
  } else {
    commit = await git.commitFile(ctx.baseSha, file, desired, commitMessage(plan));
    await git.push(ctx.remote, commit, branch, remoteHead);
    pushed = commit;
  }

  const opened = prev?.opened ?? today;
  // Commits people pushed after the bot's own were replaced by this rebuild: say so for as long as the PR is open.
  const replaced = pushed && prev && remoteHead && remoteHead !== prev.commit ? remoteHead : prev?.replaced;
  const state: ReclaimState = {
    v: 1, commit, base: pushed ? ctx.baseSha : (prev?.base ?? ctx.baseSha), opened, kept: [...kept].sort(),
    ...(replaced ? { replaced } : {}),
  };
  const note = replaced
    ? md(`lac rebuilt this branch on ${mdCode(ctx.base)} and replaced commits people had pushed after its own (up to ${replaced.slice(0, 7)}). Seats restored in them are kept (see above); make other changes in a pull request of their own.`)
    : undefined;
  const license = inv.licenses.get(id)!.data;
  const currency = inv.org?.data.currency ?? 'EUR';
  const body = reclaimBody({ plan, currency, opened, graceUntil: addDays(opened, plan.policy.grace_days), adminUrl: license.admin_url, note });
  const owner = license.owner ? inv.people.get(license.owner)?.data.github : undefined;
  const team = license.owner_team ? /^@[^/]+\/(.+)$/.exec(license.owner_team)?.[1] : undefined;
  if (!ctx.labelsReady.done) {
    await port.ensureLabels([RECLAIM_LABEL]);
    ctx.labelsReady.done = true;
  }
  const result = await port.ensurePullRequest({
    key,
    head: branch,
    base: ctx.base,
    title: mdTitle(`Reclaim ${seats} ${plan.name} ${seats === 1 ? 'seat' : 'seats'}: save ${formatMoney(plan.annual, currency)} a year`),
    body,
    labels: [RECLAIM_LABEL.name, `license:${id}`, ...(inv.org?.data.github?.labels ?? [])],
    ...(owner ? { reviewers: [owner] } : {}),
    ...(team ? { teamReviewers: [team] } : {}),
    state,
    ifClosed: 'create',
  });
  const action = result.action === 'created' ? 'opened' : result.action;
  return { license: id, action, branch, seats, url: result.url, number: result.number, ...(pushed ? { pushed } : {}) };
}
