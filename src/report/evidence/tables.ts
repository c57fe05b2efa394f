// Each control of a pack as a table of plain cells (the CLI's text, markdown and CSV, and the site's
// pages present the same cells; the site turns the references into links).
import { CONTROL_TEXT, approvalText, NOT_AVAILABLE } from '../../analysis/evidence/words.ts';
import type { ChangeRef, Control, EvidencePack } from '../../analysis/evidence/index.ts';
import { positionTotals } from '../../analysis/position.ts';
import { parseAmount, toDecimal } from '../../util/money.ts';

/** A cell: text, optionally pointing at a commit, a pull request, a file line of the repository, a person or a contract. */
export type EvCell = string | { text: string; commit: string } | { text: string; pr: number } | { text: string; file: string; line: number | null } | { text: string; person: string } | { text: string; contract: string };

export interface ControlTable {
  control: Control;
  title: string;
  description: string;
  columns: { label: string; numeric?: boolean }[];
  rows: EvCell[][];
  /** The totals line under the table. */
  totals: string;
  /** Said when there are no rows. */
  empty: string;
}

export const cellText = (c: EvCell): string => (typeof c === 'string' ? c : c.text);

const commit = (r: ChangeRef | null): EvCell => (r ? { text: r.commit, commit: r.commit } : '');
// The title is the pull request's (untrusted text: each medium escapes it); the link is built from the number, to the repository's own host.
const pr = (r: ChangeRef | null): EvCell => (r?.pr ? { text: `#${r.pr}${r.approval?.prTitle ? ` ${r.approval.prTitle}` : ''}`, pr: r.pr } : r ? '—' : '');
const at = (file: string, line: number | null): EvCell => (file ? { text: `${file}${line ? `:${line}` : ''}`, file, line } : '');
const num = (n: number | 'unlimited' | null) => (n === null ? '' : String(n));
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function access(p: EvidencePack): Pick<ControlTable, 'columns' | 'rows' | 'totals' | 'empty'> {
  const seats = p.access.filter((r) => r.seat);
  const removed = seats.filter((r) => r.removal);
  const within = p.removalDays === null ? null : removed.filter((r) => (r.days ?? 0) <= p.removalDays!).length;
  return {
    columns: [{ label: 'Person' }, { label: 'Name' }, { label: 'Last day' }, { label: 'Seat' }, { label: 'Removed on' }, { label: 'Commit' }, { label: 'Pull request' }, { label: 'Approval' }, { label: 'Days', numeric: true }, { label: 'Status' }, { label: 'Record' }],
    rows: p.access.map((r) => [{ text: r.person, person: r.person }, r.name, r.end, r.seat ? `${r.seat.license} ${r.seat.tier}` : 'none held', r.removal?.on ?? (r.seat ? 'still held' : ''), commit(r.removal), pr(r.removal), r.removal ? approvalText(r.removal.approval) : '', num(r.days), r.status, at(r.file, r.line)]),
    totals: `${plural(new Set(p.access.map((r) => r.person)).size, 'leaver')}, ${plural(seats.length, 'seat')}: ${removed.length} removed${within === null ? '' : ` (${within} within the policy's ${p.removalDays} days)`}, ${seats.length - removed.length} still held.`,
    empty: 'No leaver\'s last day falls in this period.',
  };
}

function position(p: EvidencePack): Pick<ControlTable, 'columns' | 'rows' | 'totals' | 'empty'> {
  const rows = p.position ?? [];
  const short = rows.filter((r) => (r.balance ?? 0) < 0);
  const t = positionTotals(rows.map((r) => ({ balance: r.balance, trueUp: r.trueUp === null ? null : parseAmount(r.trueUp) })));
  const total = toDecimal(t.trueUp, p.currency);
  return {
    columns: [{ label: 'Vendor' }, { label: 'License' }, { label: 'Tier' }, { label: 'Entitled', numeric: true }, { label: 'Deployed', numeric: true }, { label: 'Balance', numeric: true }, { label: `True-up (${p.currency} per year)`, numeric: true }, { label: 'Contract lines in force' }],
    rows: rows.map((r) => [r.vendor, r.license, r.tier, num(r.entitled), num(r.deployed), num(r.balance), r.trueUp ?? 'unknown', r.contracts.length ? r.contracts.map((c) => `${c.contract} (${c.file}${c.line ? `:${c.line}` : ''})`).join('; ') : 'no contract in force']),
    totals: `${plural(new Set(rows.map((r) => r.vendor)).size, 'vendor')}, ${plural(rows.length, 'license tier')}; ${plural(short.length, 'tier')} short by ${plural(t.shortfallSeats, 'seat')}; true-up ${total} ${p.currency} per year${t.trueUpUnknown ? ' plus unknown amounts (no price)' : ''}.`,
    empty: p.position ? 'No licenses in the inventory on that day.' : 'No commit had been made by the end of that day: there is no inventory to take the position from.',
  };
}

function unreviewed(p: EvidencePack): Pick<ControlTable, 'columns' | 'rows' | 'totals' | 'empty'> {
  const c = p.reviews;
  return {
    columns: [{ label: 'Landed on' }, { label: 'Commit' }, { label: 'Pull request' }, { label: 'Author' }, { label: 'Review' }, { label: 'What changed' }, { label: 'Files' }],
    rows: p.unreviewed.map((r) => [r.on, commit(r), pr(r), r.author, approvalText(r.approval), r.summary, r.files.join(' ')]),
    totals: `${plural(c.changes, 'change')} to the inventory landed in the period: ${c.approved} approved, ${c.notApproved} merged without an approving review, ${c.noPullRequest} without a pull request, ${c.unavailable} whose review record is ${NOT_AVAILABLE}.`,
    empty: c.unavailable ? `No change is known to have landed without an approving review; the review record of ${plural(c.unavailable, 'change')} is ${NOT_AVAILABLE}.` : 'No change landed without an approving review in this period.',
  };
}

function renewals(p: EvidencePack): Pick<ControlTable, 'columns' | 'rows' | 'totals' | 'empty'> {
  const count = (d: string) => p.renewals.filter((r) => r.decision === d).length;
  return {
    columns: [{ label: 'Contract' }, { label: 'Decision' }, { label: 'Before' }, { label: 'Decided by' }, { label: 'Decided on' }, { label: 'Landed on' }, { label: 'Commit' }, { label: 'Pull request' }, { label: 'Approval' }, { label: 'File' }],
    rows: p.renewals.map((r) => [{ text: r.contract, contract: r.contract }, r.decision, r.previous ?? '', r.decidedBy ?? `${r.change.author} (commit author)`, r.decidedOn ?? '', r.change.on, commit(r.change), pr(r.change), approvalText(r.change.approval), at(r.file, null)]),
    totals: `${plural(p.renewals.length, 'decision')}: ${count('renew')} renew, ${count('renegotiate')} renegotiate, ${count('cancel')} cancel.`,
    empty: 'No renewal decision landed in this period.',
  };
}

const BUILD: Record<Control, (p: EvidencePack) => Pick<ControlTable, 'columns' | 'rows' | 'totals' | 'empty'>> = {
  'access-removal': access, 'license-position': position, 'unreviewed-changes': unreviewed, 'renewal-decisions': renewals,
};

/** One control of a pack as a table. */
export function controlTable(p: EvidencePack, control: Control): ControlTable {
  const { title, description } = CONTROL_TEXT[control];
  const policy = control === 'access-removal' ? (p.removalDays === null ? ' org.yaml sets no removal deadline (policies.offboarding.removal_days).' : ` Policy: within ${p.removalDays} days of the last day.`) : '';
  const asOf = control === 'license-position' ? ` Position on ${p.asOf}${p.asOfCommit ? `, commit ${p.asOfCommit}` : ''}.` : '';
  return { control, title, description: `${description}${policy}${asOf}`, ...BUILD[control](p) };
}
