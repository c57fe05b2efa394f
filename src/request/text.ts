// What lac writes for a request: the answer on the issue, the pull request's title and body, the
// commit message. Values from the issue pass through the markdown escaping; names from the
// inventory too.
import { mdCode, mdText, mdTitle } from '../util/escape/markdown.ts';
import type { RequestedSeat } from './check.ts';
import { supplyText } from './supply.ts';

const who = (s: RequestedSeat) => `${mdText(s.person.name)} (${mdCode(s.person.id)})`;
const what = (s: RequestedSeat) => `a ${mdCode(s.tier.id)} seat of **${mdText(s.license.name)}**`;

/** The answer to a request that cannot be granted as it stands. */
export function problemsComment(problems: string[]): string {
  return [
    'lac cannot propose this license request yet:',
    '',
    ...problems.map((p) => `- ${p}`),
    '',
    'Edit the issue to fix it: lac checks the request again after each edit. No pull request was opened.',
  ].join('\n');
}

/** The answer to a valid request, once its pull request is open. */
export function openedComment(s: RequestedSeat, pr: number, reviewer: string | undefined): string {
  return [
    `lac opened #${pr} to add ${what(s)} for ${who(s)} from ${s.since}.`,
    '',
    `- ${supplyText(s.supply)}`,
    `- Next: ${reviewer ? `the license owner, ${mdText(reviewer)}, is asked to review it` : 'the license has no owner in the inventory to ask: someone who may approve seats reviews it'}. Merging it adds the seat to the inventory and closes this issue.`,
    `- Then an administrator of ${mdText(s.license.name)} gives ${mdText(s.person.name)} the account.`,
  ].join('\n');
}

/** The answer when a person closed the request's pull request without merging it. */
export const rejectedComment = (pr: number): string => `The pull request #${pr} for this request was closed without merging. Reopen it, or ask the license owner why; lac does not open it again.`;

/** The comment on the issue once the pull request is merged. */
export const grantedComment = (pr: number, s: { person: string; license: string; tier: string }): string =>
  `Granted in #${pr}: the inventory now lists a ${mdCode(s.tier)} seat of ${mdCode(s.license)} for ${mdCode(s.person)}.`;

export const prTitle = (issue: number, s: RequestedSeat): string => mdTitle(`License request #${issue}: ${s.license.name} ${s.tier.id} for ${s.person.name}`);

/** The pull request's body; `Closes #N` makes GitHub close the issue when it is merged. */
export function prBody(issue: number, s: RequestedSeat, file: string, cut: boolean): string {
  return [
    `Adds ${what(s)} for ${who(s)} from ${s.since}, as requested in #${issue}.`,
    '',
    `Closes #${issue}`,
    '',
    '| | |',
    '| --- | --- |',
    `| Person | ${who(s)}${s.person.department ? `, ${mdText(s.person.department)}` : ''} |`,
    `| License | ${mdText(s.license.name)} (${mdCode(s.license.id)}), tier ${mdCode(s.tier.id)} |`,
    `| Why | ${mdText(s.reason)}${cut ? ' (cut)' : ''} |`,
    `| File | ${mdCode(file)} |`,
    '',
    supplyText(s.supply),
    '',
    '<sub>Opened by `lac request`. Merging adds the seat to the inventory; give the account at the vendor too.</sub>',
  ].join('\n');
}

export const commitMessage = (issue: number, s: RequestedSeat): string => `Add a ${s.tier.id} seat of ${s.license.id} for ${s.person.id}\n\nRequested in #${issue}.\n`;
