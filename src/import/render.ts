import { isMap, isSeq, parseDocument } from 'yaml';
import { scalar } from '../directory/line.ts';
import type { Contract, License, Person, Seat, Vendor } from '../inventory/schema/index.ts';

const header = (schema: string, depth = '../../') => `# yaml-language-server: $schema=${depth}schemas/${schema}.schema.json\n`;
/** A value as YAML writes it: numbers and booleans bare, text through the people.yaml line writer's quoting. */
const value = (v: unknown) => (typeof v === 'number' || typeof v === 'boolean' ? String(v) : scalar(v));
const flow = (record: Record<string, unknown>) => `{ ${Object.entries(record).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}: ${value(v)}`).join(', ')} }`;
const field = (k: string, v: unknown) => (v === undefined ? '' : `${k}: ${value(v)}\n`);

export const vendorText = (v: Vendor) => `${header('vendor')}${field('id', v.id)}${field('name', v.name)}`;

export const licenseText = (l: License) =>
  `${header('license')}${field('id', l.id)}${field('name', l.name)}${field('vendor', l.vendor)}${field('type', l.type)}tiers:\n${l.tiers.map((t) => `  - ${flow(t)}\n`).join('')}`;

export function contractText(c: Contract): string {
  const head = ['id', 'vendor', 'title', 'currency', 'start', 'end', 'order_number'] as const;
  return `${header('contract')}${head.map((k) => field(k, c[k])).join('')}lines:\n${c.lines.map((l) => `  - ${flow(l)}\n`).join('')}`;
}

export const seatLine = (s: Seat) => `  - ${flow(s)}`;

export const assignmentsText = (license: string, seats: Seat[]) => `${header('assignments')}license: ${license}\nseats:\n${seats.map((s) => `${seatLine(s)}\n`).join('')}`;

export const peopleText = (people: Person[]) => `${header('people', '../')}people:\n${people.map((p) => `  - ${flow(p as unknown as Record<string, unknown>)}\n`).join('')}`;

/** A record file's text with the given fields set through the YAML Document API: comments and untouched keys stay as people wrote them. */
export function updateText(text: string, fields: Record<string, unknown>): string {
  const doc = parseDocument(text);
  for (const [k, v] of Object.entries(fields)) {
    if (JSON.stringify((doc.toJS() as Record<string, unknown>)[k]) === JSON.stringify(v)) continue;
    const node = doc.createNode(v);
    // Lists keep one record per line ("- { license: ..., quantity: 2 }"), as lac writes them.
    if (isSeq(node)) for (const item of node.items) if (isMap(item)) item.flow = true;
    if (isMap(node)) node.flow = true;
    doc.set(k, node);
  }
  return doc.toString();
}

/** An assignments file's text with seats added after its last seat line (or after `seats:`). */
export function addSeats(text: string, seats: Seat[]): string {
  const lines = text.split('\n');
  let at = lines.findLastIndex((l) => /^ *- +\{/.test(l));
  if (at === -1) {
    at = lines.findIndex((l) => /^seats:/.test(l));
    lines[at] = 'seats:';
  }
  lines.splice(at + 1, 0, ...seats.map(seatLine));
  return lines.join('\n');
}
