// Edits people.yaml line by line: a changed person's line is rewritten, a joiner's line is
// inserted in ID order, every other byte (comments, blank lines, header) stays as it was.
import { parseText } from '../inventory/parse/index.ts';
import type { Person } from '../inventory/schema/index.ts';
import { readRecordLine, writeRecordLine } from './line.ts';
import type { PeoplePlan } from './plan.ts';

export class PeopleEditError extends Error {
  override name = 'PeopleEditError';
}

/** people.yaml's text with the plan applied. Throws PeopleEditError when the file is not one line per person. */
export function editPeople(text: string, plan: Pick<PeoplePlan, 'joiners' | 'changes'>): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(/\r?\n/);
  const patches = new Map(plan.changes.map((c) => [c.id, c.patch]));
  const items: { index: number; id: string }[] = [];
  lines.forEach((line, index) => {
    const read = readRecordLine(line);
    if (read === undefined || typeof read.record.id !== 'string') return;
    items.push({ index, id: read.record.id });
    const patch = patches.get(read.record.id);
    if (patch === undefined) return;
    lines[index] = writeRecordLine(read, patch as Record<string, unknown>);
    patches.delete(read.record.id);
  });
  if (patches.size > 0) throw new PeopleEditError(`people.yaml has no one-line entry for ${[...patches.keys()].join(', ')}; write each person as one line "- { id: ..., ... }"`);
  if (plan.joiners.length > 0) insertJoiners(lines, items, plan.joiners);
  const out = lines.join(eol);
  verify(out, items.length + plan.joiners.length);
  return out;
}

function insertJoiners(lines: string[], items: { index: number; id: string }[], joiners: Person[]): void {
  if (items.length === 0) throw new PeopleEditError('people.yaml has no one-line entries to add joiners beside; add one person by hand first');
  const prefix = readRecordLine(lines[items[0]!.index]!)!.prefix;
  // Insert from the bottom so earlier indexes stay valid.
  const placed = joiners.map((j) => ({ j, before: items.find((it) => it.id > j.id) })).sort((a, b) => (b.before?.index ?? Infinity) - (a.before?.index ?? Infinity) || (a.j.id < b.j.id ? 1 : -1));
  for (const { j, before } of placed) {
    const at = before === undefined ? items[items.length - 1]!.index + 1 : before.index;
    lines.splice(at, 0, writeRecordLine({ prefix, record: {}, suffix: '' }, j as unknown as Record<string, unknown>));
  }
}

/** The edited text must read back, as the loader reads it, with exactly the expected number of people. */
function verify(out: string, expected: number): void {
  const parsed = parseText(out, 'people');
  const people = (parsed.data as { people?: unknown } | null)?.people;
  if (parsed.problems.length > 0 || !Array.isArray(people) || people.length !== expected) {
    throw new PeopleEditError('internal: the edited people.yaml does not read back with the expected people');
  }
}

/** The people.yaml data of a text, read the way the loader reads it (the line scanner first). */
export const readPeopleData = (text: string): unknown => parseText(text, 'people').data;
