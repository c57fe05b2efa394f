import { routes } from '../routes.ts';
import type { Page } from '../types.ts';
import { eventsTable, groupBy, leaverText, type Ctx } from './context.ts';
import { personSections } from './offboarding.ts';
import { leaversHolding } from './overview.ts';

export function peoplePage(ctx: Ctx): Page {
  const { m } = ctx;
  const dept = new Map(m.departments.map((d) => [d.id, d.name]));
  return {
    route: routes.people, title: 'People', nav: 'people', crumbs: [{ text: 'Overview', href: routes.overview }],
    sections: [
      ctx.table({
        id: 'leavers-with-seats', title: 'Leavers holding seats (left, or leaving)',
        columns: [{ label: 'Person' }, { label: 'Status' }, { label: 'License' }, { label: 'Tier' }, { label: 'Since', kind: 'date' }, { label: 'Line' }],
        rows: leaversHolding(ctx).map((s) => [ctx.person(s.person), leaverText(s.leaver, s.end), ctx.license(s.license), s.tier, s.since, { text: `${s.file}:${s.line}`, href: ctx.links.blob(s.file, s.line) }]),
        empty: 'No leaver holds a seat, and nobody leaving does.',
      }),
      ctx.table({
        id: 'people', title: 'Everyone',
        columns: [{ label: 'Name', kind: 'person' }, { label: 'ID' }, { label: 'Department' }, { label: 'Cost centre' }, { label: 'Status' }, { label: 'Seats', numeric: true }],
        rows: m.people.map((p) => [ctx.person(p.id), p.id, p.department ? dept.get(p.department) ?? p.department : '', p.costCentre ?? '', p.status, String(p.seats)]),
        empty: 'No people.',
      }),
    ],
  };
}

export function personPages(ctx: Ctx): Page[] {
  const { m } = ctx;
  const dept = new Map(m.departments.map((d) => [d.id, d.name]));
  const seatsBy = groupBy(m.seats, (s) => s.person);
  const eventsBy = groupBy(m.events, (e) => e.person);
  return m.people.map((p): Page => ({
    route: routes.person(p.id), title: p.name, nav: 'people',
    crumbs: [{ text: 'Overview', href: routes.overview }, { text: 'People', href: routes.people }],
    sections: [
      { type: 'facts', items: [
        { label: 'ID', value: p.id, key: true }, { label: 'Email', value: p.email, key: true }, { label: 'Title', value: p.title ?? '—' },
        { label: 'Department', value: p.department ? dept.get(p.department) ?? p.department : '—' }, { label: 'Cost centre', value: p.costCentre ?? '—' },
        { label: 'Manager', value: ctx.person(p.manager) || '—' }, { label: 'Status', value: p.status },
        { label: 'Started', value: p.start ?? '—' }, { label: p.leaver === 'leaving' ? 'Leaves on' : p.end && p.end >= m.provenance.today ? 'Ends on' : 'Left on', value: p.end ?? '—' },
      ] },
      ctx.table({
        id: `person-${p.id}-seats`, title: 'Seats held',
        columns: [{ label: 'License' }, { label: 'Tier' }, { label: 'Since', kind: 'date' }, { label: 'Activity' }, { label: 'Last active', kind: 'date' }, { label: 'Line' }],
        rows: (seatsBy.get(p.id) ?? []).map((s) => [ctx.license(s.license), s.tier, s.since, s.state, s.lastActive ?? '', { text: `${s.file}:${s.line}`, href: ctx.links.blob(s.file, s.line) }]),
        empty: 'Holds no seats.',
      }),
      ...personSections(ctx, p.id),
      ctx.table({
        id: `person-${p.id}-owns`, title: 'Owns',
        columns: [{ label: 'What', kind: 'ref' }, { label: 'Kind' }],
        rows: [...m.licenses.filter((l) => l.owner === p.id).map((l) => [ctx.license(l.id), 'license']), ...m.contracts.filter((c) => c.owner === p.id).map((c) => [ctx.contract(c.id), 'contract'])],
        empty: 'Owns no license or contract.',
      }),
      ctx.table(eventsTable(ctx, `person-${p.id}-history`, 'Change history', eventsBy.get(p.id) ?? [])),
    ],
  }));
}
