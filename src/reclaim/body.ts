import { readFileSync } from 'node:fs';
import type { Candidate, Kept, LicensePlan } from '../analysis/reclaim/plan.ts';
import { md, mdCode, mdText, mention, type Markdown } from '../util/escape/markdown.ts';
import { compileMarkdown } from '../util/escape/template.ts';
import { formatMoney } from '../util/money.ts';

const template = compileMarkdown(readFileSync(new URL('../templates/reclaim/body.hbs', import.meta.url), 'utf8'), { strict: false });

/** Who a seat belongs to, as a mention where the GitHub login is known. */
export const holder = (c: { person: string; github?: string | undefined }): string => (c.github ? mention(c.github) : mdCode(c.person));

const personCell = (c: Candidate) => md(`${mdText(c.name ?? c.person)} (${holder(c)})`);

const reason = (c: Candidate) => `${c.action === 'downgrade' ? `downgrade to ${c.to}` : 'remove'}: ${c.detail}`;

const keptLine = (k: Kept) => md(`${mdCode(k.person)} (${mdText(k.tier)}): ${mdText(k.why)}`);

export interface BodyInput {
  plan: LicensePlan;
  currency: string;
  /** Day the pull request was first opened: the grace period counts from it. */
  opened: string;
  graceUntil: string;
  adminUrl?: string | undefined;
  /** Why the bot did (or did not) follow changes people made on the branch. */
  note?: Markdown | undefined;
}

/** The pull request body: the table of proposed seats, the total, mentions and the grace period. */
export function reclaimBody(input: BodyInput): string {
  const { plan, currency } = input;
  const money = (v: bigint) => formatMoney(v, currency);
  // People who left cannot object; everyone else whose seat is proposed is mentioned.
  const mentions = [...new Set(plan.candidates.filter((c) => c.reason !== 'leaver').map(holder))].join(', ');
  const snapshot = plan.snapshot ? `the usage snapshot ${mdCode(plan.snapshot.file)} taken ${mdText(plan.snapshot.taken)}` : 'no usage snapshot';
  const p = plan.policy;
  return template({
    seats: plan.candidates.length,
    seatWord: plan.candidates.length === 1 ? 'seat' : 'seats',
    name: plan.name,
    intro: md(`These seats of **${mdText(plan.name)}** look unused or larger than their use needs, per ${snapshot} and the reclaim policy.`),
    rows: plan.candidates.map((c) => ({
      person: personCell(c),
      tier: c.action === 'downgrade' ? `${c.tier} → ${c.to}` : c.tier,
      lastActive: c.evidence.lastActive === null ? 'never' : (c.evidence.lastActive ?? '—'),
      days: c.evidence.daysInactive ?? '—',
      reason: reason(c),
      saving: money(c.annual),
    })),
    monthly: money(plan.monthly),
    annual: money(plan.annual),
    graceUntil: input.graceUntil,
    mentions: md(mentions),
    file: md(mdCode(plan.file)),
    kept: plan.kept.map(keptLine),
    note: input.note,
    opened: input.opened,
    policy: `inactive after ${p.inactive_days} days, ${p.grace_days} days to object, no reclaim within ${p.min_tenure_days} days of assignment`,
    adminUrl: input.adminUrl === undefined ? undefined : md(mdCode(input.adminUrl)),
  }).replace(/\n{3,}/g, '\n\n').trim();
}
