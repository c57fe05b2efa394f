import { readFileSync } from 'node:fs';
import Handlebars from 'handlebars';
import type { Candidate, Kept, LicensePlan } from '../analysis/reclaim/plan.ts';
import { mdCell } from '../report/table.ts';
import { formatMoney } from '../util/money.ts';

const template = Handlebars.compile(readFileSync(new URL('../templates/reclaim/body.hbs', import.meta.url), 'utf8'), { noEscape: true, strict: false });

/** Who a seat belongs to, as a mention where the GitHub login is known. */
export const mention = (c: { person: string; github?: string | undefined }): string => (c.github ? `@${c.github}` : `\`${c.person}\``);

function personCell(c: Candidate): string {
  return `${mdCell(c.name ?? c.person)} (${mention(c)})`;
}

function reasonCell(c: Candidate): string {
  const what = c.action === 'downgrade' ? `downgrade to ${c.to}` : 'remove';
  return mdCell(`${what}: ${c.detail}`);
}

function keptLine(k: Kept): string {
  return mdCell(`\`${k.person}\` (${k.tier}): ${k.why}`);
}

export interface BodyInput {
  plan: LicensePlan;
  currency: string;
  /** Day the pull request was first opened: the grace period counts from it. */
  opened: string;
  graceUntil: string;
  adminUrl?: string | undefined;
  /** Why the bot did (or did not) follow changes people made on the branch. */
  note?: string | undefined;
}

/** The pull request body: the table of proposed seats, the total, mentions and the grace period. */
export function reclaimBody(input: BodyInput): string {
  const { plan, currency } = input;
  const money = (v: bigint) => formatMoney(v, currency);
  // People who left cannot object; everyone else whose seat is proposed is mentioned.
  const mentions = [...new Set(plan.candidates.filter((c) => c.reason !== 'leaver').map((c) => mention(c)))].join(', ');
  const snapshot = plan.snapshot ? `the usage snapshot \`${plan.snapshot.file}\` taken ${plan.snapshot.taken}` : 'no usage snapshot';
  const p = plan.policy;
  return template({
    seats: plan.candidates.length,
    seatWord: plan.candidates.length === 1 ? 'seat' : 'seats',
    name: mdCell(plan.name),
    intro: `These seats of **${mdCell(plan.name)}** look unused or larger than their use needs, per ${snapshot} and the reclaim policy.`,
    rows: plan.candidates.map((c) => ({
      person: personCell(c),
      tier: c.action === 'downgrade' ? `${c.tier} → ${c.to}` : c.tier,
      lastActive: c.evidence.lastActive === null ? 'never' : (c.evidence.lastActive ?? '—'),
      days: c.evidence.daysInactive ?? '—',
      reason: reasonCell(c),
      saving: money(c.annual),
    })),
    monthly: money(plan.monthly),
    annual: money(plan.annual),
    graceUntil: input.graceUntil,
    mentions,
    file: plan.file,
    kept: plan.kept.map(keptLine),
    note: input.note,
    opened: input.opened,
    policy: `inactive after ${p.inactive_days} days, ${p.grace_days} days to object, no reclaim within ${p.min_tenure_days} days of assignment`,
    adminUrl: input.adminUrl,
  }).replace(/\n{3,}/g, '\n\n').trim();
}
