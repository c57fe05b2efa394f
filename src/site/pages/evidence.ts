// Evidence packs (issue 15): per fiscal year and quarter, one printable document per control, and
// the whole pack on one page. The rows and words are src/report/evidence's, as `lac evidence` prints them.
import { CONTROLS, periodKey, type Control, type EvidencePack } from '../../analysis/evidence/index.ts';
import { CONTROL_TEXT } from '../../analysis/evidence/words.ts';
import { controlTable, type ControlTable, type EvCell } from '../../report/evidence/tables.ts';
import { routes } from '../routes.ts';
import type { CellValue, Page, Section } from '../types.ts';
import type { Ctx } from './context.ts';

const NEEDS_HISTORY = 'Evidence packs need the git history: this site was built outside a git repository.';

/** The id of a control's table in a pack (its CSV is /download/csv/<id>.csv). */
export const evidenceTableId = (p: EvidencePack, c: Control) => `evidence-${periodKey(p.period)}-${c}`;

/** Without a repository web address, commit links go to the site's commit pages: those of commits that changed the inventory, or that a point in time names. */
function commitLink(ctx: Ctx): (text: string, sha: string) => CellValue {
  const paged = ctx.links.local ? new Set([...ctx.m.events.map((e) => e.commit), ...ctx.m.snapshots.map((s) => s.commit), ...ctx.m.savings.items.map((i) => i.commit)]) : undefined;
  return (text, sha) => (!paged || paged.has(sha) ? { text, href: ctx.links.commit(sha) } : text);
}

/** A pack's cell as a site cell: references become links where the site has the page. */
function cells(ctx: Ctx, commit: ReturnType<typeof commitLink>): (c: EvCell) => CellValue {
  // People and contracts since taken out of the inventory have no page: the row names them.
  const people = new Set(ctx.m.people.map((p) => p.id));
  const contracts = new Set(ctx.m.contracts.map((c) => c.id));
  const files = new Set(ctx.m.files);
  return (c) => {
    if (typeof c === 'string') return c;
    if ('commit' in c) {
      const linked = commit(c.text, c.commit);
      return typeof linked === 'string' ? { text: linked, id: c.commit } : { ...linked, id: c.commit };
    }
    if ('person' in c) return { text: c.text, id: c.person, ...(people.has(c.person) ? { href: routes.person(c.person) } : {}) };
    if ('contract' in c) return { text: c.text, id: c.contract, ...(contracts.has(c.contract) ? { href: routes.contract(c.contract) } : {}) };
    if ('pr' in c) {
      const href = ctx.links.pull(c.pr);
      return href ? { text: c.text, href } : c.text;
    }
    // Only files at the site's commit have a page to link to; the row still names the file.
    return files.has(c.file) ? { text: c.text, href: ctx.links.blob(c.file, c.line ?? undefined) } : c.text;
  };
}

function facts(ctx: Ctx, p: EvidencePack, link: ReturnType<typeof commitLink>, t?: ControlTable): Section {
  const { m } = ctx;
  const commit = (sha: string | null): CellValue => (sha ? link(sha, sha) : 'not a git repository');
  return { type: 'facts', items: [
    ...(t ? [{ label: 'Control', value: t.title }] : []),
    { label: 'Period', value: `${p.period.label}: ${p.period.from} to ${p.period.to}` },
    { label: 'Built from commit', value: commit(m.provenance.commit) },
    { label: 'Position as of (day, commit)', value: p.asOfCommit ? [p.asOf, commit(p.asOfCommit)] : `${p.asOf}: no commit by then` },
    { label: 'Generated', value: `${m.provenance.builtAt} (figures as of ${m.provenance.today})` },
    { label: 'Organization', value: m.org.name },
  ] };
}

const crumbs = (p?: EvidencePack) => [
  { text: 'Overview', href: routes.overview }, { text: 'Compliance', href: routes.compliance }, { text: 'Evidence packs', href: routes.evidence },
  ...(p ? [{ text: p.period.label, href: routes.evidencePeriod(periodKey(p.period)) }] : []),
];

const controlSections = (t: ControlTable, id: string, titled: boolean): Section[] => [
  { type: 'text', ...(titled ? { title: t.title } : {}), text: t.description },
  { type: 'table', table: id },
  { type: 'text', text: `Totals: ${t.totals}` },
];

/** The index of packs, each period's whole pack, and each control's document. */
export function evidencePages(ctx: Ctx): Page[] {
  const packs = ctx.m.evidence;
  const index: Page = { route: routes.evidence, title: 'Evidence packs', nav: 'compliance', crumbs: crumbs(), sections: [] };
  if (!packs) return [{ ...index, sections: [{ type: 'text', text: NEEDS_HISTORY }] }];
  const pages: Page[] = [];
  const link = commitLink(ctx);
  const cell = cells(ctx, link);
  const counts: CellValue[][] = [];
  for (const p of packs) {
    const key = periodKey(p.period);
    const tables = CONTROLS.map((c) => controlTable(p, c));
    for (const t of tables) {
      const id = evidenceTableId(p, t.control);
      ctx.table({ id, title: `${t.title}, ${p.period.label}`, columns: t.columns, rows: t.rows.map((r) => r.map(cell)), empty: t.empty });
      pages.push({
        route: routes.evidenceControl(key, t.control), title: `${t.title}: ${p.period.label}`, nav: 'compliance', crumbs: crumbs(p),
        sections: [facts(ctx, p, link, t), ...controlSections(t, id, false), { type: 'links', title: 'Downloads and related', links: [
          { text: `This table as CSV (${id}.csv)`, href: routes.csv(id) }, { text: `The whole ${p.period.label} pack on one page`, href: routes.evidencePeriod(key) },
        ] }],
      });
    }
    pages.push({
      route: routes.evidencePeriod(key), title: `Evidence pack ${p.period.label}`, nav: 'compliance', crumbs: crumbs(),
      sections: [facts(ctx, p, link), ...tables.flatMap((t) => controlSections(t, evidenceTableId(p, t.control), true))],
    });
    counts.push([{ text: p.period.label, href: routes.evidencePeriod(key) }, p.period.from, p.period.to, ...tables.map((t) => ({ text: String(t.rows.length), href: routes.evidenceControl(key, t.control) }))]);
  }
  index.sections = [
    { type: 'text', text: 'For each fiscal year and quarter that has history, one printable document per control an auditor samples, each row on the commit it rests on; the period\'s page holds all four. `lac evidence <period>` prints the same rows; each table downloads as CSV.' },
    ctx.table({
      id: 'evidence-periods', title: 'Periods and controls (rows per document)',
      columns: [{ label: 'Period' }, { label: 'From' }, { label: 'To' }, ...CONTROLS.map((c) => ({ label: CONTROL_TEXT[c].title, numeric: true }))],
      rows: counts, empty: 'The history does not reach into a fiscal quarter yet.',
    }),
  ];
  return [index, ...pages];
}

