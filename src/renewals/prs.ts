import { readWorkingFile } from '../inventory/source.ts';
import { proposeOnBranch } from '../git/bot-branch.ts';
import { gitText } from '../git/run.ts';
import type { EnsureAction, GitHubPort } from '../github/index.ts';
import { PR_BODY } from '../templates/renewal/pull-request.ts';
import type { IsoDate } from '../util/dates.ts';
import { md, mdCode, mdTitle } from '../util/escape/markdown.ts';
import { compileMarkdown } from '../util/escape/template.ts';
import { formatMoney } from '../util/money.ts';
import { relativeDays } from './format.ts';
import { renewalBranch } from './issue-body.ts';
import { RENEWAL_LABEL } from './issues.ts';
import { proposedTerm, proposeNextTerm } from './next-term.ts';
import type { Renewal } from './plan.ts';

const body = compileMarkdown(PR_BODY);

export interface PrStep {
  renewal: Renewal;
  key: string;
  branch: string;
  path: string;
  text: string;
  title: string;
  body: string;
  reviewers: string[];
}

export type PrPlan = PrStep[];

/** The hidden key of the pull request proposing the term after the one ending `termEnd`. */
export const prKey = (contract: string, termEnd: IsoDate) => `renewal-pr/${contract}/${termEnd}`;

/** Renewals that get a pull request: the term has not ended, and nobody decided to cancel. */
export const wantsPr = (r: Renewal) => r.dates.decision !== 'cancel' && ['upcoming', 'notice-window', 'past-cancel-by'].includes(r.dates.status);

export function prBody(r: Renewal): string {
  const term = proposedTerm(r);
  const money = (m: bigint | undefined) => (m === undefined ? (r.costProblem ?? 'n/a') : formatMoney(m, r.currency));
  return body({
    title: r.title,
    file: md(mdCode(r.contract.src.file)),
    start: term.start,
    end: term.end,
    termStart: r.dates.term.start,
    termEnd: r.dates.term.end,
    cancelBy: r.dates.cancelBy,
    cancelByWhen: relativeDays(r.dates.daysToCancelBy),
    decision: r.dates.decision,
    costNow: money(r.cost?.current),
    costRecommended: money(r.cost?.recommended),
    branch: md(mdCode(renewalBranch(r.id))),
    lines: r.lines.map((l) => ({ license: l.license, tier: l.tier, line: md(mdCode(`${l.license}/${l.tier}`)), current: String(l.current), recommended: String(l.recommended), why: l.reasoning.join('; ') })),
  });
}

/** The pull requests to propose: the contract file rewritten for the next term, per renewal in the window. */
export async function planRenewalPrs(root: string, renewals: readonly Renewal[]): Promise<PrPlan> {
  const out: PrPlan = [];
  for (const r of renewals.filter(wantsPr)) {
    const path = r.contract.src.file;
    const text = proposeNextTerm(await readWorkingFile(root, path), r);
    if (text === undefined) continue;
    const term = proposedTerm(r);
    out.push({
      renewal: r,
      key: prKey(r.id, r.dates.term.end),
      branch: renewalBranch(r.id),
      path,
      text,
      title: mdTitle(`Renew ${r.title}: ${term.start} to ${term.end}`),
      body: prBody(r),
      reviewers: r.owner?.github ? [r.owner.github] : [],
    });
  }
  return out;
}

export interface PrOutcome {
  branch: string;
  git: 'pushed' | 'unchanged' | 'empty' | 'rejected';
  pr?: { number: number; url: string; action: EnsureAction };
}

/** Pushes each proposal to its branch (no push when the branch already holds it) and ensures its pull request. */
export async function applyRenewalPrs(root: string, plan: PrPlan, makePort: () => GitHubPort, labels: readonly string[]): Promise<PrOutcome[]> {
  if (plan.length === 0) return [];
  const port = makePort();
  const base = await gitText(root, ['rev-parse', '--abbrev-ref', 'HEAD']);
  const out: PrOutcome[] = [];
  for (const step of plan) {
    // Someone closed this term's proposal without merging it: do not push it back.
    const rejected = await port.findPullRequest({ head: step.branch, key: step.key, state: 'closed' });
    if (rejected && !rejected.merged) {
      out.push({ branch: step.branch, git: 'rejected', pr: { number: rejected.number, url: rejected.url, action: 'unchanged' } });
      continue;
    }
    const message = `${step.title}\n\nProposed by lac renewals --open-prs from ${step.path}.\n`;
    const git = await proposeOnBranch(root, { branch: step.branch, base: 'HEAD', files: { [step.path]: step.text }, message });
    if (git.action === 'empty') {
      out.push({ branch: step.branch, git: 'empty' });
      continue;
    }
    const pr = await port.ensurePullRequest({
      key: step.key,
      head: step.branch,
      base,
      title: step.title,
      body: step.body,
      labels: [RENEWAL_LABEL.name, ...labels],
      reviewers: step.reviewers,
    });
    out.push({ branch: step.branch, git: git.action, pr: { number: pr.number, url: pr.url, action: pr.action } });
  }
  return out;
}
