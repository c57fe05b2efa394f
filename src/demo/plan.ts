// The demo's history as a list of steps (the import, then pull requests), worked backwards from the
// example inventory: whatever the example holds at the end is what the last step leaves behind.
import { addDays, addMonths, daysBetween, maxDate, minDate, monthsBetween, type IsoDate } from '../util/dates.ts';
import { activeLine, joinRecorded, leaveRecorded, leaveStarted, leftInWindow, offboardDay, toPerson, type Person, type Window } from './people.ts';
import { commonest, dropField, field, insertLine, onOrAfter, parseList, pick, seatLine, unit, workday, type ListFile } from './text.ts';
import { parseSnapshot, snapshotAt, takenDay, type SeatSpan, type UsageModel } from './usage.ts';
import { earlierTerm, shiftYear, undecided, withRenewal } from './contract-text.ts';
import { lateRemoval } from './late-removal.ts';

export interface Who {
  name: string;
  email: string;
}

/** One file's new text, or one record line of a list file (null: removed). */
export interface Change {
  path: string;
  key?: string;
  text: string | null;
}

export interface Step {
  /** When it landed on main (ISO instant, UTC). */
  at: string;
  kind: 'import' | 'merge' | 'squash';
  title: string;
  body: string;
  /** The pull request's branch (merge and squash). */
  branch?: string;
  /** Who wrote the change. */
  author: Who;
  /** Who merged the pull request. */
  merger?: Who;
  /** The branch commit's message when it is not the title and body (the reclaim's trailer). */
  commitMessage?: string;
  changes: Change[];
  /** Pull request number, given once the steps are in order. */
  pr?: number;
  /** Orders steps that land at the same instant. */
  order: number;
}

export type FileModel =
  | { kind: 'text'; initial: string | null }
  | { kind: 'list'; header: string[]; order: string[]; initial: Map<string, string> };

export interface Plan {
  files: Map<string, FileModel>;
  steps: Step[];
  window: Window;
}

export const BOT: Who = { name: 'lac[bot]', email: 'lac-bot@northwind.example' };

const RECLAIM_LICENSE = 'github-copilot';
const RECLAIM_DAY = '2026-09-15';
const RECLAIMED = 4;
const ORG_RATES_DAY = '2026-01-12';

/**
 * Plans the history. `inventory` maps paths under inventory/ (e.g. `licenses/figma.yaml`) to the
 * example's text; `extra` are other files of the first commit (README, schemas).
 */
export function planDemo(inventory: Map<string, string>, extra: Map<string, string>, window: Window): Plan {
  const w = window;
  const files = new Map<string, FileModel>();
  const lists = new Map<string, ListFile & { order: string[]; initial: Map<string, string> }>();
  const steps = new Map<string, Step>();
  let order = 0;

  const text = (path: string) => inventory.get(path)!;
  for (const [path, t] of extra) files.set(path, { kind: 'text', initial: t });
  for (const [path, t] of inventory) {
    const full = `inventory/${path}`;
    if (path === 'people.yaml' || path.startsWith('assignments/')) {
      const list = parseList(t);
      const entry = { ...list, order: list.lines.map((l) => l.key), initial: new Map(list.lines.map((l) => [l.key, l.text])) };
      lists.set(full, entry);
      files.set(full, { kind: 'list', header: list.header, order: entry.order, initial: entry.initial });
    } else if (path.startsWith('usage/')) files.set(full, { kind: 'text', initial: null });
    else files.set(full, { kind: 'text', initial: t });
  }

  const step = (id: string, make: () => Omit<Step, 'changes' | 'order'>): Step => {
    let s = steps.get(id);
    if (!s) {
      s = { ...make(), changes: [], order: order++ };
      steps.set(id, s);
    }
    return s;
  };

  // People.
  const peopleList = lists.get('inventory/people.yaml')!;
  const people = new Map<string, Person>(peopleList.lines.map((l) => [String(l.data.id), toPerson(l)]));
  // Authors are people of the directory; should the example lose one, a made-up colleague stands in.
  const who = (id: string): Who => {
    const p = people.get(id);
    return p ? { name: p.name, email: p.email } : { name: id.split('.').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' '), email: `${id}@northwind.example` };
  };
  const itAdmins = ['aditya.kulkarni', 'theo.martin', 'burak.celik', 'ingrid.holm', 'lina.haddad'].filter((id) => people.has(id));
  const itOn = (day: IsoDate, key: string): Who => {
    const here = itAdmins.filter((id) => {
      const p = people.get(id);
      return p && (!p.start || p.start <= day) && (!p.end || p.end > day);
    });
    return who(here[Math.floor(unit(key) * here.length)] ?? 'lina.haddad');
  };
  const reviewer = (author: Who, day: IsoDate): Who => (author.email === who('lina.haddad').email ? itOn(day, `review:${day}`) : who('lina.haddad'));
  const at = (day: IsoDate, hour: number, key: string) => `${day}T${String(hour).padStart(2, '0')}:${String(pick(key, 0, 59)).padStart(2, '0')}:00Z`;

  const directory = (day: IsoDate): Step => step(`people:${day}`, () => {
    const author = who(unit(`hr:${day}`) < 0.5 ? 'kaveh.hosseini' : 'gustavo.carvalho');
    return { at: at(day, 8, `people:${day}`), kind: 'merge', title: `Directory export of ${day}`, body: '', branch: `people/export-${day}`, author, merger: who('elif.yilmaz') };
  });
  const peopleNotes = new Map<Step, string[]>();
  const note = (s: Step, line: string) => peopleNotes.set(s, [...(peopleNotes.get(s) ?? []), line]);

  const leaveStart = new Map<string, IsoDate>();
  // Seats (final lines) by person, to time leave starts after the last seat was given.
  const lastSince = new Map<string, IsoDate>();
  for (const [path, list] of lists) {
    if (!path.startsWith('inventory/assignments/')) continue;
    for (const l of list.lines) {
      const p = l.data.person;
      if (typeof p === 'string' && typeof l.data.since === 'string') lastSince.set(p, maxDate(lastSince.get(p) ?? '0000-01-01', l.data.since));
    }
  }

  for (const p of people.values()) {
    const joined = joinRecorded(p, w);
    const leaves = leftInWindow(p, w);
    const onLeave = p.status === 'on-leave';
    const earlier = leaves || onLeave ? activeLine(p) : p.line.text;
    if (joined) {
      peopleList.initial.delete(p.line.key);
      const s = directory(joined);
      s.changes.push({ path: 'inventory/people.yaml', key: p.line.key, text: earlier });
      note(s, `- joins: ${p.name} (${p.department ?? 'no department'}, starts ${p.start})`);
    } else peopleList.initial.set(p.line.key, earlier);
    if (leaves) {
      const s = directory(maxDate(leaveRecorded(p, w), joined ?? w.from));
      s.changes.push({ path: 'inventory/people.yaml', key: p.line.key, text: p.line.text });
      note(s, `- leaves: ${p.name} (last day ${p.end})`);
    } else if (onLeave) {
      const started = leaveStarted(p, w, lastSince.get(p.id) ?? w.from);
      leaveStart.set(p.id, started);
      const s = directory(minDate(onOrAfter(addDays(started, 1), 1), w.to));
      s.changes.push({ path: 'inventory/people.yaml', key: p.line.key, text: p.line.text });
      note(s, `- on leave: ${p.name} (from ${started})`);
    }
  }
  for (const [s, lines] of peopleNotes) {
    const joins = lines.filter((l) => l.startsWith('- joins')).length;
    const leaves = lines.filter((l) => l.startsWith('- leaves')).length;
    const parts = [joins ? `${joins} ${joins === 1 ? 'joiner' : 'joiners'}` : '', leaves ? `${leaves} ${leaves === 1 ? 'leaver' : 'leavers'}` : '', lines.length - joins - leaves ? 'leave changes' : ''].filter(Boolean);
    s.title = `${s.title}: ${parts.join(', ')}`;
    s.body = `Nightly export from the HR system, reviewed by People.\n\n${lines.join('\n')}\n`;
  }

  // Seats of the example that were given inside the window, in one pull request a week.
  const seatGroups = new Map<string, { changes: Change[]; last: IsoDate; names: Set<string> }>();
  for (const [path, list] of lists) {
    if (!path.startsWith('inventory/assignments/')) continue;
    for (const l of list.lines) {
      const since = typeof l.data.since === 'string' ? l.data.since : undefined;
      const person = typeof l.data.person === 'string' ? people.get(l.data.person) : undefined;
      const withoutNote = person && person.status === 'on-leave' && typeof l.data.note === 'string' && /leave|sabbatical/.test(l.data.note) ? dropField(l.text, 'note') : l.text;
      if (since && since > w.from) {
        list.initial.delete(l.key);
        const week = onOrAfter(addDays(since, -6), 1);
        const g = seatGroups.get(week) ?? { changes: [], last: since, names: new Set<string>() };
        g.changes.push({ path, key: l.key, text: withoutNote });
        g.last = maxDate(g.last, since);
        g.names.add(person ? person.name : String(l.data.device));
        seatGroups.set(week, g);
      } else list.initial.set(l.key, withoutNote);
      if (withoutNote !== l.text && person) {
        const day = leaveStart.get(person.id)!;
        const s = step(`leave-seats:${person.id}`, () => {
          const author = itOn(day, `leave:${person.id}`);
          return { at: at(day, 14, `leave:${person.id}`), kind: 'squash', title: `Keep ${person.name}'s seats during leave`, body: `${person.name} is on leave from ${day}. The paid seats stay until the reclaim review; the notes say why.\n`, branch: `it/leave-${person.id}`, author, merger: reviewer(author, day) };
        });
        s.changes.push({ path, key: l.key, text: l.text });
      }
    }
  }
  for (const [week, g] of seatGroups) {
    const day = minDate(workday(g.last), w.to);
    const names = [...g.names].filter((n) => !n.startsWith('nw-'));
    const devices = [...g.names].length - names.length;
    const shownPeople = names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', ');
    const shownDevices = devices === 0 ? '' : `Sophos on ${devices} ${devices === 1 ? 'device' : 'devices'}`;
    const shown = [shownPeople ? `Seats for ${shownPeople}` : '', shownDevices].filter(Boolean).join('; ');
    const s = step(`seats:${week}`, () => {
      const author = itOn(day, `seats:${week}`);
      const squash = unit(`squash:${week}`) < 0.3;
      return { at: at(day, 14, `seats:${week}`), kind: squash ? 'squash' : 'merge', title: shown, body: `Onboarding tickets of the week of ${week}.\n`, branch: `it/seats-${week}`, author, merger: reviewer(author, day) };
    });
    s.changes.push(...g.changes);
  }

  // Leavers of the window held the seats their colleagues hold; IT removes them on the last day.
  const removed = new Map<string, Map<string, SeatSpan[]>>();
  const removedSpan = (license: string, person: string, span: SeatSpan) => {
    const m = removed.get(license) ?? new Map<string, SeatSpan[]>();
    m.set(person, [...(m.get(person) ?? []), span]);
    removed.set(license, m);
  };
  const activeIds = [...people.values()].filter((p) => p.status !== 'leaver');
  const seatLists = [...lists].filter(([path]) => path.startsWith('inventory/assignments/'));
  const late = lateRemoval(people.values(), w);
  let lateDone = false;
  for (const p of people.values()) {
    const day = offboardDay(p, w);
    if (!leftInWindow(p, w) || !day) continue;
    const seats: string[] = [];
    for (const [path, list] of seatLists) {
      const holders = list.lines.filter((l) => typeof l.data.person === 'string');
      if (holders.length === 0) continue;
      const held = new Set(holders.map((l) => l.data.person as string));
      const colleagues = activeIds.filter((q) => q.department === p.department);
      const everyone = held.size >= activeIds.length * 0.8;
      const department = colleagues.length > 0 && colleagues.filter((q) => held.has(q.id)).length >= colleagues.length * 0.5;
      if (!everyone && !department) continue;
      const pool = holders.filter((l) => colleagues.some((q) => q.id === l.data.person));
      const tier = commonest((pool.length ? pool : holders).map((l) => String(l.data.tier)));
      const license = path.slice('inventory/assignments/'.length, -'.yaml'.length);
      const since = p.start && p.start > '2018-01-01' ? p.start : '2018-01-02';
      const key = `${p.id}`;
      insertLine(list, key, tier, seatLine({ person: p.id, tier, since }));
      if (since > w.from) throw new Error(`demo: leaver ${p.id} joined inside the window`);
      // The first seat of one leaver is missed on the day and removed later, in a pull request of its own.
      const missed: boolean = late?.person === p.id && !lateDone;
      const gone = missed ? late!.day : day;
      const s = missed
        ? step(`offboard-late:${p.id}`, () => {
          const author = itOn(gone, `offboard-late:${p.id}`);
          return { at: at(gone, 10, `offboard-late:${p.id}`), kind: 'squash', title: `Remove ${p.name}'s ${license} seat, missed at offboarding`, body: `Last day ${p.end}; the seat was still assigned.\n`, branch: `it/offboard-late-${p.id}`, author, merger: reviewer(author, gone) };
        })
        : step(`offboard:${p.id}`, () => {
          const author = itOn(day, `offboard:${p.id}`);
          return { at: at(day, 15, `offboard:${p.id}`), kind: 'merge', title: `Offboard ${p.name}`, body: '', branch: `it/offboard-${p.id}`, author, merger: reviewer(author, day) };
        });
      lateDone ||= missed;
      s.changes.push({ path, key, text: null });
      if (!missed) seats.push(`- ${license} (${tier})`);
      removedSpan(license, p.id, { tier, from: since, to: gone });
    }
    const s = steps.get(`offboard:${p.id}`);
    if (s) {
      s.title = `Offboard ${p.name}: remove ${seats.length} ${seats.length === 1 ? 'seat' : 'seats'}`;
      s.body = `Last day ${p.end}. Accounts are deactivated by the offboarding checklist; these seats go back to the pool.\n\n${seats.join('\n')}\n`;
    }
  }

  // The reclaim: Copilot seats of engineers who stopped using it in the summer.
  const fades = new Map<string, IsoDate>();
  const copilot = lists.get(`inventory/assignments/${RECLAIM_LICENSE}.yaml`);
  let reclaimStep: Step | undefined;
  if (copilot) {
    const holders = new Set(copilot.lines.map((l) => l.data.person));
    const copilotText = inventory.get(`licenses/${RECLAIM_LICENSE}.yaml`) ?? '';
    const candidates = [...people.values()]
      .filter((p) => p.status === 'active' && p.department === 'engineering' && p.github && p.start && p.start < '2025-01-01' && !holders.has(p.id) && !copilotText.includes(`owner: ${p.id}\n`))
      .sort((a, b) => unit(`reclaim:${a.id}`) - unit(`reclaim:${b.id}`))
      .slice(0, RECLAIMED)
      .sort((a, b) => (a.id < b.id ? -1 : 1));
    const lines: string[] = [];
    for (const p of candidates) {
      const since = addDays(maxDate(p.start!, '2024-02-01'), pick(`copilot:${p.id}`, 0, 200));
      const key = p.id;
      insertLine(copilot, key, 'business', seatLine({ person: p.id, tier: 'business', since: minDate(since, addDays(w.from, -20)) }));
      const fade = addDays('2026-06-12', pick(`fade:${p.id}`, 0, 35));
      fades.set(p.id, fade);
      removedSpan(RECLAIM_LICENSE, p.id, { tier: 'business', from: minDate(since, addDays(w.from, -20)), to: RECLAIM_DAY });
      lines.push(`- ${p.id} (business): remove: last active ${fade} (${daysBetween(fade, RECLAIM_DAY)} days ago)`);
    }
    if (candidates.length > 0) {
      const n = candidates.length;
      const title = `Reclaim ${n} unused GitHub Copilot seats`;
      reclaimStep = step('reclaim', () => ({
        at: at(RECLAIM_DAY, 10, 'reclaim'), kind: 'merge', title,
        body: `No Copilot activity for more than 30 days (policy: inactive_days 30, grace 7 days). Copilot bills monthly: removing the seats saves from the next invoice.\n`,
        branch: `lac/reclaim/${RECLAIM_LICENSE}`, author: BOT, merger: who('priya.raman'),
        commitMessage: `Reclaim ${n} ${RECLAIM_LICENSE} seats\n\n${lines.join('\n')}\n\nLac-Reclaim: ${RECLAIM_LICENSE}\n`,
      }));
      for (const p of candidates) reclaimStep.changes.push({ path: `inventory/assignments/${RECLAIM_LICENSE}.yaml`, key: p.id, text: null });
    }
  }

  // Contracts: terms that started inside the window were renewals of the same record (its dates
  // moved on), except a new term in its own file (`previous:`) and short extra contracts.
  for (const [path] of inventory) {
    if (!path.startsWith('contracts/')) continue;
    const full = `inventory/${path}`;
    const finalText = text(path);
    const start = field(finalText, 'start');
    const end = field(finalText, 'end');
    const id = field(finalText, 'id')!;
    const title = field(finalText, 'title') ?? id;
    const decidedOn = /\n {2}decided_on: (\d{4}-\d{2}-\d{2})|decided_on: (\d{4}-\d{2}-\d{2})/.exec(finalText);
    const decided = decidedOn ? (decidedOn[1] ?? decidedOn[2])! : undefined;
    const decidedBy = /decided_by: ([a-z0-9._-]+)/.exec(finalText)?.[1];
    const signed = field(finalText, 'signed');
    const isNew = Boolean(field(finalText, 'previous')) || (end !== undefined && start !== undefined && monthsBetween(start, addDays(end, 1)) < 12);
    const procurement = who('dariusz.nowak');
    const finance = who('marit.solberg');
    let renewedOn: IsoDate | undefined;
    if (start && start > w.from) {
      // A new contract is recorded when its order form is signed; a renewal in place on the day the new term starts.
      const day = isNew ? workday(maxDate(signed && signed < start ? signed : addDays(start, -10), addDays(w.from, 3))) : start;
      if (isNew) {
        files.set(full, { kind: 'text', initial: null });
        const s = step(`contract:${id}`, () => ({ at: at(day, 11, `contract:${id}`), kind: 'merge', title: `${title}: new contract`, body: `Order form signed${signed ? ` on ${signed}` : ''}. Lines, prices and term as on the order form.\n`, branch: `procurement/${id}`, author: procurement, merger: finance }));
        s.changes.push({ path: full, text: finalText });
      } else if (end) {
        // Step back whole terms until one was in force when the window opens; each later term is a renewal.
        const months = monthsBetween(start, addDays(end, 1));
        let terms = 1;
        while (addMonths(start, -months * terms) > w.from) terms++;
        files.set(full, { kind: 'text', initial: withRenewal(earlierTerm(finalText, months * terms), '{ decision: renew }') });
        for (let k = terms - 1; k >= 0; k--) {
          const termStart = addMonths(start, -months * k);
          const termEnd = addDays(addMonths(addDays(end, 1), -months * k), -1);
          const text = k === 0 ? (decided && decided > termStart ? undecided(finalText) : finalText) : withRenewal(earlierTerm(finalText, months * k), '{ decision: renew }');
          renewedOn = termStart;
          const s = step(`renew:${id}:${k}`, () => ({ at: at(termStart, 11, `renew:${id}:${k}`), kind: 'merge', title: `Renew ${shiftYear(title, Math.round((months * k) / 12))}: ${termStart} to ${termEnd}`, body: `${shiftYear(title, Math.round((months * k) / 12))} renewed for ${months} months from ${termStart}.\n`, branch: `procurement/${id}-renewal-${termStart.slice(0, 4)}`, author: procurement, merger: finance }));
          s.changes.push({ path: full, text });
        }
      }
    } else if (decided && decided > w.from) files.set(full, { kind: 'text', initial: undecided(finalText) });
    if (decided && decided > w.from && decided <= w.to && (!renewedOn || decided > renewedOn) && !(start && start > w.from && isNew)) {
      const day = workday(decided);
      const author = decidedBy && people.has(decidedBy) ? who(decidedBy) : procurement;
      const decision = /decision: ([a-z-]+)/.exec(finalText.slice(finalText.indexOf('\nrenewal:')))?.[1] ?? 'decided';
      const s = step(`decide:${id}`, () => ({ at: at(day, 12, `decide:${id}`), kind: 'squash', title: `${title}: renewal decision ${decision}`, body: '', branch: `procurement/${id}-decision`, author, merger: procurement.email === author.email ? finance : procurement }));
      s.changes.push({ path: full, text: finalText });
    }
  }

  // Finance's planning rates for the new fiscal year.
  const org = inventory.get('org.yaml');
  if (org && org.includes('FY2026')) {
    const before = org.replace('FY2026', 'FY2025').replace(/USD: "[0-9.]+"/, 'USD: "0.92"').replace(/GBP: "[0-9.]+"/, 'GBP: "1.17"');
    if (before !== org) {
      files.set('inventory/org.yaml', { kind: 'text', initial: before });
      const author = who('marit.solberg');
      step('org:rates', () => ({ at: at(ORG_RATES_DAY, 13, 'org'), kind: 'squash', title: 'Planning exchange rates for FY2026', body: 'USD 0.92 -> 0.86 and GBP 1.17 -> 1.16, as approved in the budget round.\n', branch: 'finance/fy2026-rates', author, merger: who('lina.haddad') })).changes.push({ path: 'inventory/org.yaml', text: org });
    }
  }

  // Weekly usage snapshots, one pull request by the bot each Friday morning.
  const usageFiles = [...inventory.keys()].filter((p) => p.startsWith('usage/') && p.endsWith('.yaml')).sort();
  const models: UsageModel[] = [];
  let lastDay = w.to;
  for (const path of usageFiles) {
    const finalText = text(path);
    const final = parseSnapshot(finalText);
    lastDay = takenDay(final);
    const spans = new Map<string, SeatSpan[]>();
    const seatList = lists.get(`inventory/assignments/${final.license}.yaml`);
    for (const l of seatList?.lines ?? []) {
      if (typeof l.data.person !== 'string') continue;
      spans.set(l.data.person, [...(spans.get(l.data.person) ?? []), { tier: String(l.data.tier), from: String(l.data.since), to: null }]);
    }
    for (const [person, extra] of removed.get(final.license) ?? []) spans.set(person, [...(spans.get(person) ?? []), ...extra]);
    models.push({ license: final.license, finalText, final, spans, people, fades: final.license === RECLAIM_LICENSE ? fades : new Map() });
  }
  if (models.length > 0) {
    for (let day = onOrAfter(addDays(w.from, 1), 5); day <= lastDay; day = addDays(day, 7)) {
      const merger = itOn(day, `usage:${day}`);
      const s = step(`usage:${day}`, () => ({ at: at(day, 7, `usage:${day}`), kind: 'squash', title: `Usage snapshots of ${day}`, body: usageFiles.map((p) => `- inventory/${p}`).join('\n') + '\n', branch: 'lac/usage', author: BOT, merger }));
      for (const m of models) s.changes.push({ path: `inventory/usage/${m.license}.yaml`, text: snapshotAt(m, day) });
    }
  }

  // The import: the IT spreadsheet moved into the repository the Monday the window opens.
  const importStep: Step = {
    at: `${w.from}T09:12:00Z`, kind: 'import', title: 'Import the license inventory from the IT spreadsheet',
    body: 'People from the HR export, licenses, contracts and vendors from the procurement files, seats from the admin consoles.\nFrom now on every change is a pull request.\n',
    author: who('lina.haddad'), changes: [], order: -1,
  };
  const all = [importStep, ...steps.values()].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.order - b.order));
  let pr = 1;
  for (const s of all) {
    if (s.kind === 'import') continue;
    pr += unit(`pr:${s.at}:${s.title}`) < 0.25 ? 2 : 1; // issues share the numbering
    s.pr = pr;
  }
  return { files, steps: all, window: w };
}
