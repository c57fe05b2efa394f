import { proposeOnBranch, type ProposalResult } from '../git/bot-branch.ts';
import { gitText } from '../git/run.ts';
import type { GitHubPort } from '../github/port.ts';
import { readWorkingFile } from '../inventory/source.ts';
import { mdCode, mdRow } from '../util/escape/markdown.ts';
import type { SourceOutcome } from './run.ts';

export const DISCOVER_BRANCH = 'lac/discover';
export const DISCOVER_KEY = 'discover/snapshots';

/** The pull request body: one row per source read; counts only, never an account. */
export function discoverBody(outcomes: readonly SourceOutcome[], today: string): string {
  return [
    `Discovery snapshots of ${today} by ${mdCode('lac discover --publish')}.`,
    '',
    '| Snapshot | Apps | Grants outside the work domains |',
    '|---|---:|---:|',
    ...outcomes.map((o) => mdRow([mdCode(o.path), String(o.apps), o.outsideWorkDomains === undefined ? '' : String(o.outsideWorkDomains)])),
    '',
    'Merging records them in the history; `lac check` then reports the undeclared apps (rule `undeclared-app`).',
  ].join('\n');
}

/** Proposes the snapshots as one pull request on lac/discover; closes it when the default branch already has them. */
export async function publishDiscovery(root: string, outcomes: readonly SourceOutcome[], today: string, port: () => GitHubPort, labels: readonly string[]): Promise<{ git: ProposalResult; pr?: { number: number; action: string } }> {
  const files: Record<string, string> = {};
  for (const o of outcomes) files[o.path] = await readWorkingFile(root, o.path);
  const base = await gitText(root, ['rev-parse', '--abbrev-ref', 'HEAD']);
  const git = await proposeOnBranch(root, { branch: DISCOVER_BRANCH, base: 'HEAD', files, message: `Discovery snapshots of ${today}\n\n${outcomes.map((o) => `- ${o.path}`).join('\n')}\n` });
  if (git.action === 'empty') {
    const closed = await port().closePullRequest({ key: DISCOVER_KEY, head: DISCOVER_BRANCH }, 'The default branch already has these snapshots.');
    return { git, ...(closed ? { pr: { number: closed.number, action: closed.action } } : {}) };
  }
  const pr = await port().ensurePullRequest({ key: DISCOVER_KEY, head: DISCOVER_BRANCH, base, title: `Discovery snapshots of ${today}`, body: discoverBody(outcomes, today), labels: ['discovery', ...labels] });
  return { git, pr: { number: pr.number, action: pr.action } };
}
