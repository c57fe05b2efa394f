import { readWorkingFile } from '../inventory/source.ts';
import { commitAndPush, proposeOnBranch, type ProposalResult } from '../git/bot-branch.ts';
import { gitText } from '../git/run.ts';
import type { GitHubPort } from '../github/port.ts';
import { mdCode, mdRow, mdText } from '../util/escape/markdown.ts';
import type { PullOutcome } from './pull.ts';

export const USAGE_BRANCH = 'lac/usage';
export const USAGE_KEY = 'usage/snapshots';

export interface PublishResult {
  mode: 'pull-request' | 'push';
  git: ProposalResult;
  pr?: { number: number; url: string; action: string };
}

/** The pull request body: one row per license pulled. Only what the branch holds, so a re-run that changes nothing writes nothing. */
export function usageBody(outcomes: PullOutcome[], today: string, command: string): string {
  const rows = outcomes
    .filter((o) => o.ok)
    .map((o) => mdRow([mdText(o.license), String(o.accounts), String(o.matched), String(o.unmatched.length)]));
  const failed = outcomes.filter((o) => !o.ok).map((o) => `- **${mdText(o.license)}**: ${mdText(o.error ?? '')} (its previous snapshot is kept)`);
  return [
    `Usage snapshots pulled on ${mdText(today)} by ${mdCode(command)}.`,
    '',
    '| License | Accounts | Matched | Unmatched |',
    '|---|---:|---:|---:|',
    ...rows,
    ...(failed.length ? ['', 'Failed:', ...failed] : []),
    '',
    'Merging records these snapshots in the history: reclaim, rightsizing and the report site read them from there.',
  ].join('\n');
}

/** Proposes the written snapshots as one pull request on a fixed branch, or pushes them, as org.yaml says. */
export async function publishSnapshots(root: string, outcomes: PullOutcome[], options: { mode: 'pull-request' | 'push'; today: string; command: string; port: () => GitHubPort; labels?: string[] }): Promise<PublishResult | undefined> {
  const written = outcomes.filter((o) => o.ok && o.changed).map((o) => o.path);
  const message = `Usage snapshots of ${options.today}\n\n${written.map((p) => `- ${p}`).join('\n')}\n`;
  if (options.mode === 'push') {
    if (written.length === 0) return undefined;
    return { mode: 'push', git: await commitAndPush(root, written, message) };
  }
  const base = await gitText(root, ['rev-parse', '--abbrev-ref', 'HEAD']);
  const files: Record<string, string> = {};
  for (const o of outcomes.filter((x) => x.ok)) files[o.path] = await readWorkingFile(root, o.path);
  const git = await proposeOnBranch(root, { branch: USAGE_BRANCH, base: 'HEAD', files, message });
  const port = options.port();
  if (git.action === 'empty') {
    const closed = await port.closePullRequest({ key: USAGE_KEY, head: USAGE_BRANCH }, 'The default branch already has these snapshots.');
    return { mode: 'pull-request', git, ...(closed ? { pr: { number: closed.number, url: closed.url, action: closed.action } } : {}) };
  }
  const pr = await port.ensurePullRequest({
    key: USAGE_KEY,
    head: USAGE_BRANCH,
    base,
    title: `Usage snapshots of ${options.today}`,
    body: usageBody(outcomes, options.today, options.command),
    labels: ['usage', ...(options.labels ?? [])],
  });
  return { mode: 'pull-request', git, pr: { number: pr.number, url: pr.url, action: pr.action } };
}
