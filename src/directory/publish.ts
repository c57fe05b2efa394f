// `lac people pull --open-pr`: people.yaml proposed on a fixed branch as one pull request that a
// re-run updates (or closes, once the default branch has the change), like the usage PR.
import { proposeOnBranch, type ProposalResult } from '../git/bot-branch.ts';
import { gitText } from '../git/run.ts';
import type { GitHubPort } from '../github/port.ts';
import { mdCode, mdText } from '../util/escape/markdown.ts';
import { changeText, joinerText, leaverText, ofKind } from './describe.ts';
import type { PeoplePlan } from './plan.ts';
import { PEOPLE_PATH } from './pull.ts';

export const PEOPLE_BRANCH = 'lac/people';
export const PEOPLE_KEY = 'people/directory';

/** The pull request body: joiners, movers and leavers by name, the seat changes that follow, and what was left alone. */
export function peopleBody(plan: PeoplePlan, source: string, today: string, seatLines: string[] = []): string {
  const section = (title: string, lines: string[]) => (lines.length ? [`### ${title} (${lines.length})`, '', ...lines, ''] : []);
  const leavers = ofKind(plan, 'leaver', 'leaving');
  return [
    `The directory as ${mdCode(source)} had it on ${mdText(today)}, pulled by \`lac people pull\`.`,
    '',
    ...section('Joiners', plan.joiners.map((p) => `- **${mdText(p.name)}** (${mdCode(p.id)}): ${mdText(joinerText(p))}`)),
    ...section('Movers', ofKind(plan, 'mover').map((c) => `- **${mdText(c.name)}** (${mdCode(c.id)}): ${mdText(changeText(c))}`)),
    ...section('Leavers', leavers.map((c) => `- **${mdText(c.name)}** (${mdCode(c.id)}): ${mdText(leaverText(c))}`)),
    ...section('Other updates', ofKind(plan, 'returner', 'update').map((c) => `- **${mdText(c.name)}** (${mdCode(c.id)}): ${mdText(changeText(c))}`)),
    ...section('Seat changes that follow (access policies)', seatLines.map((l) => `- ${mdText(l)}`)),
    ...section('Not in the directory (left alone)', plan.unknown.map((id) => `- ${mdCode(id)}`)),
    ...section('Conflicts (not applied)', plan.conflicts.map((c) => `- ${mdText(c)}`)),
    'Leavers stay in people.yaml with their end date; their seats are removed by the offboarding that follows.',
  ].join('\n');
}

export interface PeoplePublishResult {
  git: ProposalResult;
  pr?: { number: number; url: string; action: string };
}

/** Proposes people.yaml's new text on lac/people; closes the PR when the default branch already has it. */
export async function publishPeople(
  root: string,
  text: string | undefined,
  plan: PeoplePlan,
  options: { source: string; today: string; port: () => GitHubPort; labels?: string[]; seats?: { files: Map<string, string>; lines: string[] } },
): Promise<PeoplePublishResult> {
  const base = await gitText(root, ['rev-parse', '--abbrev-ref', 'HEAD']);
  const files = { ...(text === undefined ? {} : { [PEOPLE_PATH]: text }), ...Object.fromEntries(options.seats?.files ?? []) };
  const git = Object.keys(files).length === 0 ? ({ action: 'empty' } as const) : await proposeOnBranch(root, { branch: PEOPLE_BRANCH, base: 'HEAD', files, message: `People from the directory on ${options.today}\n` });
  const port = options.port();
  if (git.action === 'empty') {
    const closed = await port.closePullRequest({ key: PEOPLE_KEY, head: PEOPLE_BRANCH }, 'The default branch already has the directory as the source has it.');
    return { git, ...(closed ? { pr: { number: closed.number, url: closed.url, action: closed.action } } : {}) };
  }
  const pr = await port.ensurePullRequest({
    key: PEOPLE_KEY,
    head: PEOPLE_BRANCH,
    base,
    title: `People from the directory: ${plan.joiners.length} joiners, ${ofKind(plan, 'mover').length} movers, ${ofKind(plan, 'leaver', 'leaving').length} leavers`,
    body: peopleBody(plan, options.source, options.today, options.seats?.lines),
    labels: ['people', ...(options.labels ?? [])],
  });
  return { git, pr: { number: pr.number, url: pr.url, action: pr.action } };
}
