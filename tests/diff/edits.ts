// Generated changes to a synthetic org, as pull requests make them: seats added, removed, moved and
// re-tiered; people joining, leaving, changing status, leaving the directory; contract and license
// edits; unknown references and malformed bytes (tests/fuzz/mutations.ts).
import fc from 'fast-check';
import { mutate, mutation, type Mutation } from '../fuzz/mutations.ts';

export type Files = Map<string, string>;

export type Edit =
  | { kind: 'seat-add'; file: number; who: number | 'ghost' | 'typo'; tier: number; since: string }
  | { kind: 'seat-remove'; file: number; at: number }
  | { kind: 'seat-move'; file: number; at: number; to: number }
  | { kind: 'seat-tier'; file: number; at: number; tier: number }
  | { kind: 'person-status'; at: number; to: 'leaver-past' | 'leaver-ahead' | 'leaver-no-end' | 'on-leave' | 'stale' | 'active' }
  | { kind: 'person-join'; like: number; id: 'new.joiner' | 'ghost.person' }
  | { kind: 'person-remove'; at: number }
  | { kind: 'person-swap'; at: number }
  | { kind: 'contract'; at: number; op: 'quantity' | 'end' | 'delete' | 'previous' | 'owner' | 'auto-renew' }
  | { kind: 'license'; at: number; op: 'retire' | 'no-owner' | 'delete' | 'device' | 'site' | 'list-price' }
  | { kind: 'policy'; op: 'forbid-more' | 'delete' }
  | { kind: 'malformed'; file: number; mutation: Mutation };

const nat = fc.nat({ max: 999 });
const LEAVING = ['leaver-past', 'leaver-ahead', 'leaver-no-end', 'on-leave', 'stale', 'active'] as const;

/** One edit; indexes are taken modulo what the files hold when it is applied. */
export const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('seat-add' as const), file: nat, who: fc.oneof({ weight: 6, arbitrary: nat }, fc.constantFrom('ghost' as const, 'typo' as const)), tier: nat, since: fc.constantFrom('2014-01-01', '2026-06-01', '2026-12-01') }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('seat-remove' as const), file: nat, at: nat }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('seat-move' as const), file: nat, at: nat, to: nat }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('seat-tier' as const), file: nat, at: nat, tier: nat }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('person-status' as const), at: nat, to: fc.constantFrom(...LEAVING) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('person-join' as const), like: nat, id: fc.constantFrom('new.joiner' as const, 'ghost.person' as const) }) },
  fc.record({ kind: fc.constant('person-remove' as const), at: nat }),
  fc.record({ kind: fc.constant('person-swap' as const), at: nat }),
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('contract' as const), at: nat, op: fc.constantFrom('quantity' as const, 'end' as const, 'delete' as const, 'previous' as const, 'owner' as const, 'auto-renew' as const) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('license' as const), at: nat, op: fc.constantFrom('retire' as const, 'no-owner' as const, 'delete' as const, 'device' as const, 'site' as const, 'list-price' as const) }) },
  fc.record({ kind: fc.constant('policy' as const), op: fc.constantFrom('forbid-more' as const, 'delete' as const) }),
  fc.record({ kind: fc.constant('malformed' as const), file: nat, mutation }),
);

const pick = <T>(list: readonly T[], i: number): T | undefined => (list.length ? list[i % list.length] : undefined);
const under = (files: Files, dir: string) => [...files.keys()].filter((p) => p.startsWith(`inventory/${dir}/`)).sort();
const SEAT = /^ {2}- \{ (person|device): .*\}$/;
const PERSON = /^ {2}- \{ id: ([^,]+),.*\}$/;

function lines(files: Files, path: string, shape: RegExp): { all: string[]; at: number[] } {
  const all = (files.get(path) ?? '').split('\n');
  return { all, at: all.flatMap((l, i) => (shape.test(l) ? [i] : [])) };
}

const peopleIds = (files: Files) => lines(files, 'inventory/people.yaml', PERSON).all.flatMap((l) => PERSON.exec(l)?.[1] ?? []);
const tiersIn = (files: Files) => [...new Set([...files.values()].flatMap((t) => [...t.matchAll(/tier: ([a-z0-9-]+)/g)].map((m) => m[1]!)))].sort();

function addSeat(files: Files, path: string, line: string): void {
  const text = files.get(path);
  if (text === undefined) return;
  files.set(path, text.includes('seats: []') ? text.replace('seats: []', `seats:\n${line}`) : `${text.replace(/\n*$/, '\n')}${line}\n`);
}

function removeLine(files: Files, path: string, shape: RegExp, at: number): string | undefined {
  const { all, at: idx } = lines(files, path, shape);
  const i = pick(idx, at);
  if (i === undefined) return undefined;
  const [gone] = all.splice(i, 1);
  files.set(path, all.join('\n'));
  return gone;
}

function editLine(files: Files, path: string, shape: RegExp, at: number, change: (line: string) => string): void {
  const { all, at: idx } = lines(files, path, shape);
  const i = pick(idx, at);
  if (i === undefined) return;
  all[i] = change(all[i]!);
  files.set(path, all.join('\n'));
}

function status(line: string, to: Extract<Edit, { kind: 'person-status' }>['to']): string {
  const bare = line.replace(/, end: [0-9-]+/, '');
  const set = (s: string, end?: string) => bare.replace(/status: [a-z-]+/, `status: ${s}`).replace(/ \}$/, end ? `, end: ${end} }` : ' }');
  return { 'leaver-past': set('leaver', '2026-01-15'), 'leaver-ahead': set('leaver', '2026-12-20'), 'leaver-no-end': set('leaver'), 'on-leave': set('on-leave'), stale: set('active', '2025-05-05'), active: set('active') }[to];
}

function editContract(files: Files, path: string, op: Extract<Edit, { kind: 'contract' }>['op'], other: string | undefined, person: string | undefined): void {
  const text = files.get(path)!;
  if (op === 'delete') return void files.delete(path);
  const next = {
    quantity: () => text.replace(/quantity: \d+/, (m) => `quantity: ${Math.max(0, Number(m.slice(10)) - 2)}`),
    end: () => text.replace(/^end: .*$/m, 'end: 2026-03-31'),
    previous: () => (other ? text.replace(/^currency:/m, `previous: ${other}\ncurrency:`) : text),
    owner: () => text.replace(/^owner: .*$/m, `owner: ${person ?? 'nobody.here'}`),
    'auto-renew': () => text.replace(/^auto_renew: (true|false)$/m, (_, v: string) => `auto_renew: ${v === 'true' ? 'false' : 'true'}`),
  }[op]();
  files.set(path, next);
}

function editLicense(files: Files, path: string, op: Extract<Edit, { kind: 'license' }>['op']): void {
  const text = files.get(path)!;
  if (op === 'delete') return void files.delete(path);
  const next = {
    retire: () => `${text.replace(/\n*$/, '\n')}retired: 2026-01-01\n`,
    'no-owner': () => text.replace(/^owner: .*\n/m, ''),
    device: () => text.replace(/^type: .*$/m, 'type: device'),
    site: () => text.replace(/^type: .*$/m, 'type: site'),
    'list-price': () => text.replace(/(tiers:\n\s+- \{ id: [a-z0-9-]+)/, '$1, list_price: "12.00"'),
  }[op]();
  files.set(path, next);
}

/** Applies one edit to the files (a copy is not made). */
export function apply(files: Files, e: Edit): void {
  const seatFiles = under(files, 'assignments');
  const ids = peopleIds(files);
  switch (e.kind) {
    case 'seat-add': {
      const path = pick(seatFiles, e.file);
      const who = typeof e.who === 'number' ? pick(ids, e.who) : e.who === 'ghost' ? 'ghost.person' : `${pick(ids, e.file)?.slice(0, -1)}`;
      if (path && who) addSeat(files, path, `  - { person: ${who}, tier: ${pick([...tiersIn(files), 'no-such-tier'], e.tier)}, since: ${e.since} }`);
      return;
    }
    case 'seat-remove':
      return void (seatFiles.length && removeLine(files, pick(seatFiles, e.file)!, SEAT, e.at));
    case 'seat-move': {
      const gone = seatFiles.length ? removeLine(files, pick(seatFiles, e.file)!, SEAT, e.at) : undefined;
      if (gone) addSeat(files, pick(seatFiles, e.to)!, gone);
      return;
    }
    case 'seat-tier':
      return void (seatFiles.length && editLine(files, pick(seatFiles, e.file)!, SEAT, e.at, (l) => l.replace(/tier: [a-z0-9-]+/, `tier: ${pick(tiersIn(files), e.tier)}`)));
    case 'person-status':
      return editLine(files, 'inventory/people.yaml', PERSON, e.at, (l) => status(l, e.to));
    case 'person-join': {
      const like = pick(lines(files, 'inventory/people.yaml', PERSON).all.filter((l) => PERSON.test(l)), e.like);
      if (like) files.set('inventory/people.yaml', `${files.get('inventory/people.yaml')!.replace(/\n*$/, '\n')}${like.replace(PERSON.exec(like)![1]!, e.id).replace(/email: [^,]+/, `email: ${e.id}@synth.example`)}\n`);
      return;
    }
    case 'person-remove':
      return void removeLine(files, 'inventory/people.yaml', PERSON, e.at);
    case 'person-swap': {
      const { all, at } = lines(files, 'inventory/people.yaml', PERSON);
      const i = pick(at.slice(0, -1), e.at);
      if (i !== undefined) [all[i], all[i + 1]] = [all[i + 1]!, all[i]!];
      return void files.set('inventory/people.yaml', all.join('\n'));
    }
    case 'contract': {
      const contracts = under(files, 'contracts');
      const path = pick(contracts, e.at);
      if (path) editContract(files, path, e.op, pick(contracts, e.at + 1)?.slice('inventory/contracts/'.length, -5), pick(ids, e.at));
      return;
    }
    case 'license': {
      const path = pick(under(files, 'licenses'), e.at);
      if (path) editLicense(files, path, e.op);
      return;
    }
    case 'policy': {
      const path = pick(under(files, 'policies'), e.op === 'delete' ? 1 : 0);
      if (!path) return;
      if (e.op === 'delete') files.delete(path);
      else files.set(path, `${files.get(path)!.replace(/\n*$/, '\n')}  - { license: ${pick(seatFiles, 1)?.slice('inventory/assignments/'.length, -5)} }\n`);
      return;
    }
    case 'malformed': {
      const path = pick([...files.keys()].sort(), e.file)!;
      files.set(path, Buffer.from(mutate(Buffer.from(files.get(path)!), e.mutation)).toString('latin1'));
    }
  }
}
