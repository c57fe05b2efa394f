import type { Person } from '../inventory/schema/index.ts';
import { addDays, daysBetween } from '../util/dates.ts';
import { costCentre, DEPARTMENTS, drawDepartment } from './departments.ts';
import { FIRST_NAMES, LAST_NAMES, slug } from './names.ts';
import type { Random } from './random.ts';

/** The directory, plus the indexes the seat generator draws from. */
export interface SynthPeople {
  list: Person[];
  /** Department index of each person. */
  dept: number[];
  /** Person indexes per department. */
  members: number[][];
  /** People who may hold seats: active and on leave. */
  pool: number[];
  leavers: number[];
  /** Head of each department (a person index), -1 when the department is empty. */
  heads: number[];
}

const EMAIL_DOMAIN = 'synth.example';
const LEAVER_SHARE = 0.08;
const ON_LEAVE_SHARE = 0.02;

interface Draft {
  first: string;
  last: string;
  id: string;
  dept: number;
  start: string;
  status: Person['status'];
  end?: string;
}

/** N people: departments of varied size, a management tree, ~8% leavers, ~2% on leave. */
export function makePeople(rng: Random, count: number, today: string): SynthPeople {
  const drafts = drawDrafts(rng, count, today);
  // Directory order is hire order, as an HR export by employee number gives it.
  drafts.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const members: number[][] = DEPARTMENTS.map(() => []);
  drafts.forEach((d, i) => members[d.dept]!.push(i));
  const heads = members.map((m) => m.find((i) => drafts[i]!.status === 'active') ?? -1);
  const managerOf = assignManagers(rng, drafts, members, heads);
  const githubs = new Set<string>();
  const list = drafts.map((d, i) => toPerson(rng, d, i, heads, managerOf, githubs, drafts));
  const pool: number[] = [];
  const leavers: number[] = [];
  drafts.forEach((d, i) => (d.status === 'leaver' ? leavers : pool).push(i));
  return { list, dept: drafts.map((d) => d.dept), members, pool, leavers, heads };
}

function drawDrafts(rng: Random, count: number, today: string): Draft[] {
  const used = new Map<string, number>();
  const drafts: Draft[] = [];
  for (let i = 0; i < count; i++) {
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    const base = `${slug(first)}.${slug(last)}`;
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    // The first person runs the company, so the executive office is never empty.
    const dept = i === 0 ? DEPARTMENTS.findIndex((d) => d.id === 'executive') : drawDepartment(rng);
    // Recent hires are more common than old ones: the company grew.
    const start = addDays(today, -1 - Math.floor(4380 * rng.next() ** 1.7));
    const r = i === 0 ? 1 : rng.next();
    const status: Person['status'] = r < LEAVER_SHARE ? 'leaver' : r < LEAVER_SHARE + ON_LEAVE_SHARE ? 'on-leave' : 'active';
    const draft: Draft = { first, last, id: n === 1 ? base : `${base}${n}`, dept, start, status };
    if (status === 'leaver') draft.end = addDays(start, rng.int(0, daysBetween(start, today) - 1));
    else if (rng.chance(0.003)) draft.end = addDays(today, rng.int(7, 120)); // a known future leaving date
    drafts.push(draft);
  }
  return drafts;
}

/** Heads report to the CEO; about one in eight becomes a manager reporting to the head; the rest report to a manager. */
function assignManagers(rng: Random, drafts: Draft[], members: number[][], heads: number[]): Map<number, number> {
  const ceo = heads[DEPARTMENTS.findIndex((d) => d.id === 'executive')] ?? -1;
  const out = new Map<number, number>();
  members.forEach((list, d) => {
    const head = heads[d]!;
    if (head === -1) return;
    if (head !== ceo && ceo !== -1) out.set(head, ceo);
    const others = list.filter((i) => i !== head);
    const managers = others.filter((i) => drafts[i]!.status === 'active').slice(0, Math.ceil(others.length / 8));
    const isManager = new Set(managers);
    for (const i of others) out.set(i, isManager.has(i) || managers.length === 0 ? head : rng.pick(managers));
  });
  return out;
}

function toPerson(rng: Random, d: Draft, i: number, heads: number[], managerOf: Map<number, number>, githubs: Set<string>, drafts: Draft[]): Person {
  const spec = DEPARTMENTS[d.dept]!;
  // Keys in the order a person reads them; status follows the title.
  const p = { id: d.id, name: `${d.first} ${d.last}`, email: `${d.id}@${EMAIL_DOMAIN}` } as Person;
  if (rng.chance(0.1)) {
    const aliases = [`${slug(d.first).slice(0, 1)}${slug(d.last, '')}@legacy-${EMAIL_DOMAIN}`];
    if (rng.chance(0.3)) aliases.push(`${slug(d.first, '')}${slug(d.last, '').slice(0, 1)}${rng.int(1, 99)}`);
    p.aliases = aliases;
  }
  if (spec.engineering && rng.chance(0.92)) p.github = githubLogin(rng, d, githubs);
  p.department = spec.id;
  if (rng.chance(0.03)) p.cost_centre = costCentre(rng.int(0, DEPARTMENTS.length - 1));
  const manager = managerOf.get(i);
  if (manager !== undefined) p.manager = drafts[manager]!.id;
  p.title = heads[d.dept] === i ? (spec.id === 'executive' ? 'Chief Executive Officer' : `Head of ${spec.name}`) : managerOf.get(i) === heads[d.dept] && rng.chance(0.5) ? `Manager, ${spec.name}` : rng.pick(spec.titles);
  p.status = d.status;
  p.start = d.start;
  if (d.end) p.end = d.end;
  return p;
}

function githubLogin(rng: Random, d: Draft, used: Set<string>): string {
  let login = `${slug(d.first)}-${slug(d.last)}`.slice(0, 30).replace(/-+$/, '');
  if (rng.chance(0.4)) login = `${slug(d.first, '')}${slug(d.last, '').slice(0, 1)}`;
  let candidate = login;
  for (let n = 2; used.has(candidate); n++) candidate = `${login}${n}`;
  used.add(candidate);
  return candidate;
}
