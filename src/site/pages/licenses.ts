import type { Finding } from '../../findings/finding.ts';
import { routes } from '../routes.ts';
import { lineChart } from '../svg/lines.ts';
import type { LicenseFigures } from '../model/types.ts';
import type { Page, Section, Table } from '../types.ts';
import type { HistoryEvent } from '../../history/history.ts';
import { bulkCommits, summedBulk } from './audit.ts';
import { amount, bought, round2, eventsTable, groupBy, idle, num, pct, percent, wholly, withUnknownColumn, type Ctx } from './context.ts';
import { licenseSeats, seatsByLicense } from './seats.ts';

export function licensesPage(ctx: Ctx): Page {
  return {
    route: routes.licenses, title: 'Licenses', nav: 'licenses', crumbs: [{ text: 'Overview', href: routes.overview }],
    sections: [ctx.table(licenseTable(ctx, 'licenses', 'Licenses', ctx.m.licenses))],
  };
}

/** The license summary table; also used by the point-in-time pages. */
export function licenseTable(ctx: Ctx, id: string, title: string, licenses: LicenseFigures[]): Table {
  return withUnknownColumn({
    id, title,
    columns: [{ label: 'License' }, { label: 'Vendor' }, { label: 'Type' }, { label: 'Bought', numeric: true, kind: 'count' }, { label: 'Assigned', numeric: true }, { label: 'Active', numeric: true }, { label: 'Idle', numeric: true }, { label: 'Cancelling', numeric: true }, { label: 'Assigned of bought (counted tiers)', numeric: true, kind: 'percent' }, { label: ctx.money('Annual cost'), numeric: true }, { label: ctx.money('Waste'), numeric: true }],
    rows: licenses.map((l) => [
      ctx.license(l.id), ctx.vendor(l.vendor), l.type + (l.retired ? ` (retired ${l.retired})` : ''),
      bought(l), String(l.assigned), num(l.active), idle(l), String(l.cancelling), l.assignedShare === null ? '' : { text: `${l.countedAssigned} / ${l.entitled} (${pct(l.assignedShare)})`, value: round2(l.assignedShare * 100) }, amount(l.annualCost, l.annualCostUnknown), amount(l.waste, l.annualCostUnknown),
    ]),
    empty: 'No licenses.',
  }, licenses.map((l) => l.annualCostUnknown));
}

/** Findings whose file belongs to a license: its own files and the contracts that name it. */
export function licenseFindings(ctx: Ctx, id: string): Finding[] {
  const own = new Set([`inventory/licenses/${id}.yaml`, `inventory/assignments/${id}.yaml`, `inventory/usage/${id}.yaml`]);
  for (const c of ctx.m.contracts) if (c.licenses.includes(id)) own.add(c.file);
  return ctx.m.findings.filter((f) => own.has(f.file));
}

export function findingsTable(ctx: Ctx, id: string, title: string, findings: Finding[]): Table {
  return {
    id, title,
    columns: [{ label: 'Severity' }, { label: 'Rule' }, { label: 'Where' }, { label: 'Message' }, { label: 'What to do' }],
    rows: findings.map((f) => [f.severity, f.rule, { text: `${f.file}:${f.line}:${f.column}`, href: ctx.links.blob(f.file, f.line) }, f.message, f.hint ?? '']),
    empty: 'No findings.',
  };
}

export function licensePages(ctx: Ctx): Page[] {
  const { m } = ctx;
  const seatsBy = seatsByLicense(ctx);
  const eventsBy = groupBy(m.events, (e) => e.license);
  const bulk = bulkCommits(m.events);
  return m.licenses.flatMap((l): Page[] => {
    const seats = licenseSeats(ctx, l, seatsBy.get(l.id) ?? []);
    const contracts = m.contracts.filter((c) => c.licenses.includes(l.id));
    const points = m.snapshots.map((s) => ({ date: s.date, l: s.licenses.find((x) => x.id === l.id) }));
    const now = { date: m.provenance.today, l };
    const series = (name: string, pick: (x: LicenseFigures) => number | null) => ({
      name, points: [...points, now].flatMap((p) => (p.l && pick(p.l) !== null ? [{ date: p.date, value: pick(p.l)! }] : [])),
    });
    // With an unlimited tier, bought counts the other tiers only: so does assigned beside it.
    const chart = l.unlimited
      ? [series('Bought (counted tiers)', (x) => x.entitled), series('Assigned (counted tiers)', (x) => x.countedAssigned), series('Assigned (all tiers)', (x) => x.assigned), series('Active', (x) => x.active)]
      : [series('Bought', (x) => x.entitled), series('Assigned', (x) => x.assigned), series('Active', (x) => x.active)];
    const shown = chart.filter((s) => s.points.length);
    return [{
      route: routes.license(l.id), title: l.name, nav: 'licenses',
      crumbs: [{ text: 'Overview', href: routes.overview }, { text: 'Licenses', href: routes.licenses }],
      sections: [
        { type: 'facts', items: [
          { label: 'ID', value: l.id, key: true }, { label: 'Vendor', value: ctx.vendor(l.vendor) }, { label: 'Type', value: l.type },
          { label: 'Owner', value: ctx.person(l.owner) || 'none' }, { label: 'Retired', value: l.retired ?? 'no' },
          { label: 'Usage snapshot', value: l.usageFile ? { text: `${l.usageTaken ?? ''} (${l.usageFile})`, href: ctx.links.blob(l.usageFile, 1) } : l.usageTaken ?? 'none' },
          { label: 'Defined in', value: { text: `inventory/licenses/${l.id}.yaml`, href: ctx.links.blob(`inventory/licenses/${l.id}.yaml`, 1) } },
        ] },
        ctx.table(withUnknownColumn({
          id: `license-${l.id}-tiers`, title: 'Tiers',
          columns: [{ label: 'Tier' }, { label: 'Name' }, { label: 'Bought', numeric: true, kind: 'count' }, { label: 'Assigned', numeric: true }, { label: 'Unassigned', numeric: true, kind: 'count' }, { label: 'Active', numeric: true }, { label: 'Idle', numeric: true }, { label: 'Cancelling', numeric: true }, { label: 'Utilization (active)', numeric: true, kind: 'percent' }, { label: ctx.money('Annual cost'), numeric: true }, { label: ctx.money('Per active user'), numeric: true }, { label: ctx.money('Waste'), numeric: true }],
          rows: l.tiers.map((t) => [t.id, t.name, num(t.entitled) || 'none', String(t.assigned), num(t.unassigned), num(t.active), idle(t), String(t.cancelling), percent(t.utilization), amount(t.annualCost, wholly(t.costUnknown)), amount(t.costPerActive, wholly(t.costUnknown)), amount(t.waste, wholly(t.costUnknown))]),
        }, l.tiers.map((t) => wholly(t.costUnknown)))),
        { type: 'chart', title: 'Seats over time', svg: lineChart(`${l.name}: seats bought, assigned and active over time`, shown), table: `license-${l.id}-over-time` },
        ctx.table({
          id: `license-${l.id}-over-time`, title: 'At each month end',
          columns: [{ label: 'Date', kind: 'date' }, { label: 'Bought', numeric: true, kind: 'count' }, { label: 'Assigned', numeric: true }, { label: 'Active', numeric: true }, { label: ctx.money('Annual cost'), numeric: true }],
          rows: [...points, now].flatMap((p) => (p.l ? [[p.date === m.provenance.today ? `${p.date} (today)` : { text: p.date, href: routes.at(p.date) }, bought(p.l), String(p.l.assigned), num(p.l.active), p.l.annualCost]] : [])),
        }),
        ...seats.sections,
        ctx.table({
          id: `license-${l.id}-contracts`, title: 'Contracts',
          columns: [{ label: 'Contract' }, { label: 'Renewal' }, { label: 'Term', kind: 'period' }, { label: 'Cancel by', kind: 'date' }, { label: 'Decision' }, { label: ctx.money('Annual cost'), numeric: true }],
          rows: contracts.map((c) => [ctx.contract(c.id), c.status, c.termStart ? `${c.termStart} – ${c.termEnd}` : c.start, c.cancelBy ?? '', c.decision, c.annualCost]),
          empty: 'No contract names this license.',
        }),
        ctx.table({
          id: `license-${l.id}-sources`, title: 'Where the figures come from',
          columns: [{ label: 'Tier' }, { label: 'Figure' }, { label: 'Source' }, { label: 'What' }],
          rows: [
            ...l.sources.map((s) => [s.tier, s.figure, { text: s.line ? `${s.file}:${s.line}` : s.file, href: ctx.links.blob(s.file, s.line ?? undefined) }, s.what]),
            // Active and idle come from the usage snapshot (issue 15: the page cites the file its figures come from).
            ...(l.usageFile ? [['all tiers', 'active, idle, last active', { text: l.usageFile, href: ctx.links.blob(l.usageFile) }, `usage snapshot taken ${l.usageTaken ?? 'at an unknown time'}`]] : []),
          ],
          empty: 'No contract line or price is behind these figures.',
        }),
        ctx.table(findingsTable(ctx, `license-${l.id}-findings`, 'Findings', licenseFindings(ctx, l.id))),
        historyTable(ctx, l.id, eventsBy.get(l.id) ?? [], bulk),
      ],
    }, ...seats.pages];
  });
}

/** A license's change history; with bulk commits summed on the page, every change one by one in its CSV (license-<license>-changes.csv). */
function historyTable(ctx: Ctx, id: string, events: HistoryEvent[], bulk: Set<string>): Section {
  const shown = summedBulk(events, bulk);
  if (shown.length === events.length) return ctx.table(eventsTable(ctx, `license-${id}-history`, 'Change history', events, { license: false }));
  ctx.table(eventsTable(ctx, `license-${id}-changes`, 'Every change', events, { license: false }));
  return ctx.table(eventsTable(ctx, `license-${id}-history`, 'Change history', shown, { each: "each is in this table's CSV", license: false, csv: `license-${id}-changes` }));
}
