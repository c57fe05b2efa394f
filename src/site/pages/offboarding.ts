// Offboarding evidence on the site: quarterly timeliness (compliance), the late and open leavers,
// and each leaver's seat removals (person pages). Figures from src/analysis/offboarding, as `lac report`.
import type { LeaverEvidence, Offboarding } from '../../analysis/offboarding/index.ts';
import { SEAT_STATUS_TEXT, shareText, VERDICT_TEXT } from '../../analysis/offboarding/words.ts';
import { routes } from '../routes.ts';
import type { Page, Section, Table } from '../types.ts';
import { link, type Ctx } from './context.ts';

const NEEDS_HISTORY = 'Offboarding evidence needs the git history: this site was built outside a git repository.';

const policyText = (o: Offboarding) => (o.removalDays === null
  ? 'org.yaml sets no removal deadline (policies.offboarding.removal_days): days are listed without verdicts.'
  : `A leaver is on time when every seat they held went within ${o.removalDays.value} days of their last day (policies.offboarding.removal_days); one who held none counts as on time.`);

/** The quarterly timeliness table (the same figures as `lac report --format json`). */
export function quarterTable(o: Offboarding): Table {
  return {
    id: 'offboarding-quarters', title: 'Access removal of leavers, by fiscal quarter of the last day',
    columns: [{ label: 'Quarter' }, { label: 'Leavers', numeric: true }, { label: 'On time', numeric: true }, { label: 'Of which no seats', numeric: true }, { label: 'Late', numeric: true }, { label: 'Overdue (still held)', numeric: true }, { label: 'Pending', numeric: true }, { label: 'Share on time', kind: 'percent' }],
    rows: o.quarters.map((q) => [q.quarter, String(q.leavers.value), o.removalDays ? String(q.onTime.value) : '', String(q.noSeats.value), String(q.late.value), String(q.overdue.value), String(q.pending.value), { text: shareText(q.share?.value), value: q.share?.value?.percent ?? null }]),
    empty: 'No leaver whose last day has passed.',
  };
}

/** The sections of the compliance page about offboarding. */
export function complianceSections(ctx: Ctx): Section[] {
  const o = ctx.m.offboarding;
  if (!o) return [{ type: 'text', title: 'Offboarding', text: NEEDS_HISTORY }];
  return [
    { type: 'text', title: 'Offboarding', text: `${policyText(o)} Removals are the commits that took each seat out of the inventory; the share counts the leavers whose outcome is decided (pending ones wait for their deadline).` },
    ctx.table(quarterTable(o)),
    { type: 'links', title: 'Offboarding evidence', links: [{ text: 'Late and open leavers, and every leaver\'s seat removals', href: routes.offboarding }] },
  ];
}

/** One leaver's seats: removal day, commit and PR links, days, status. */
function seatsTable(ctx: Ctx, id: string, title: string, leavers: LeaverEvidence[]): Table {
  return {
    id, title,
    columns: [{ label: 'Person' }, { label: 'Seat' }, { label: 'Last day', kind: 'date' }, { label: 'Removed on', kind: 'date' }, { label: 'Commit' }, { label: 'Pull request' }, { label: 'Days', numeric: true }, { label: 'Status' }],
    rows: leavers.flatMap((l) => (l.seats.length === 0 ? [[ctx.person(l.person), 'none held', l.end, '', '', '', '', VERDICT_TEXT[l.verdict]]] : l.seats.map((s) => {
      const r = s.removal?.value;
      return [
        ctx.person(l.person), `${s.license} ${s.tier}`, l.end, r?.on ?? 'still held',
        r ? { text: r.commit.slice(0, 10), href: ctx.links.commit(r.commit), id: r.commit } : '',
        r?.pr ? link(`#${r.pr}`, ctx.links.pull(r.pr)) : '',
        String(s.days.value), SEAT_STATUS_TEXT[s.status],
      ];
    }))),
    empty: 'No leaver.',
  };
}

const names = (ls: Offboarding['leaving']) => (ls.length ? ls.map((l) => `${l.name} (${l.end})`).join(', ') : 'nobody');

const OPEN = new Set(['late', 'overdue', 'pending', 'held']);

/** The list the compliance page links to: leavers who were late or still hold seats, then everyone's evidence. */
export function offboardingPage(ctx: Ctx): Page {
  const o = ctx.m.offboarding;
  return {
    route: routes.offboarding, title: 'Offboarding evidence', nav: 'compliance',
    crumbs: [{ text: 'Overview', href: routes.overview }, { text: 'Compliance', href: routes.compliance }],
    sections: !o ? [{ type: 'text', text: NEEDS_HISTORY }] : [
      { type: 'text', text: policyText(o) },
      ctx.table({
        id: 'offboarding-open', title: 'Late and open leavers',
        columns: [{ label: 'Person' }, { label: 'Last day', kind: 'date' }, { label: 'Quarter' }, { label: 'Verdict' }, { label: 'Most days', numeric: true }, { label: 'Seats still held', numeric: true }],
        rows: o.leavers.filter((l) => OPEN.has(l.verdict)).map((l) => [ctx.person(l.person), l.end, l.quarter, VERDICT_TEXT[l.verdict], String(l.worstDays?.value ?? ''), String(l.seats.filter((s) => s.removal === null).length)]),
        empty: 'Every leaver\'s seats went on time.',
      }),
      ctx.table(seatsTable(ctx, 'offboarding-seats', 'Every leaver\'s seats', o.leavers)),
      { type: 'text', title: 'Not counted', text: `Leaving on a day ahead: ${names(o.leaving)}. Left before the history begins (their seats then are not recorded): ${names(o.beforeHistory)}.` },
    ],
  };
}

const indexes = new WeakMap<Offboarding, { leaving: Map<string, Offboarding['leaving'][number]>; leavers: Map<string, Offboarding['leavers'][number]> }>();

/** The leavers and those leaving by person, made once per model (every person's page looks itself up). */
function byPerson(o: Offboarding) {
  let by = indexes.get(o);
  if (!by) {
    // The first of a person's entries, as a search from the start finds it.
    const first = <T extends { person: string }>(list: readonly T[]) => { const m = new Map<string, T>(); for (const x of list) if (!m.has(x.person)) m.set(x.person, x); return m; };
    by = { leaving: first(o.leaving), leavers: first(o.leavers) };
    indexes.set(o, by);
  }
  return by;
}

/** The offboarding part of a person's page: their seats' removals, or the day they leave. */
export function personSections(ctx: Ctx, person: string): Section[] {
  const o = ctx.m.offboarding;
  if (!o) return [];
  const by = byPerson(o);
  const leaving = by.leaving.get(person);
  if (leaving) return [{ type: 'text', title: 'Offboarding', text: `Leaves on ${leaving.end}: not counted until that day has passed.` }];
  const l = by.leavers.get(person);
  if (!l) return [];
  const verdict = `${VERDICT_TEXT[l.verdict]}${l.allRemovedOn ? `; the last seat went on ${l.allRemovedOn}` : ''}${l.worstDays ? `; most days ${l.worstDays.value}` : ''}`;
  return [
    { type: 'text', title: 'Offboarding', text: `Last day ${l.end} (${l.quarter}). Verdict: ${verdict}. ${policyText(o)}` },
    ctx.table(seatsTable(ctx, `person-${person}-offboarding`, 'Seat removals', [l])),
  ];
}
