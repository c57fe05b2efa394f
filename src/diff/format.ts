import type { Finding } from '../findings/finding.ts';
import type { Draft } from '../history/events.ts';
import { mdCode, mdRow, mdText } from '../util/escape/markdown.ts';
import { formatMoney, toDecimal } from '../util/money.ts';
import { describeEvent, personName } from './describe.ts';
import type { DiffResult } from './run.ts';
import { DIFF_FORMATS, type DiffFormat } from './formats.ts';
export { DIFF_FORMATS, type DiffFormat };

type Group = 'seat' | 'contract' | 'license' | 'person' | 'vendor' | 'usage' | 'org';
const GROUPS: [Group, string][] = [
  ['seat', 'Seats'],
  ['person', 'People'],
  ['contract', 'Contracts'],
  ['license', 'Licenses'],
  ['vendor', 'Vendors'],
  ['usage', 'Usage snapshots'],
  ['org', 'Org settings'],
];

const groupOf = (e: Draft): Group => e.type.split('.')[0] as Group;
const count = (events: Draft[], type: string) => events.filter((e) => e.type === type).length;
const entitledText = (n: number) => (n === Infinity ? 'unlimited' : String(n));
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function subject(e: Draft, r: DiffResult): string {
  switch (groupOf(e)) {
    case 'seat':
      return `${e.license} · ${e.person ? personName(e.person, r.after, r.before) : `device ${e.device}`}`;
    case 'person':
      return personName(e.person, r.after, r.before);
    case 'contract':
      return e.contract ?? '';
    case 'license':
    case 'usage':
      return e.license ?? '';
    case 'vendor':
      return e.vendor ?? '';
    default:
      return 'org.yaml';
  }
}

/** One summary line: seat moves, cost delta, findings in and out. */
export function headline(r: DiffResult): string {
  const e = r.events;
  const delta = r.effects.costAfter - r.effects.costBefore;
  const parts = [
    `${plural(count(e, 'seat.assigned'), 'seat')} assigned, ${count(e, 'seat.removed')} removed, ${plural(count(e, 'seat.tier-changed'), 'tier change')}`,
    `annual cost ${delta >= 0n ? '+' : ''}${formatMoney(delta, r.effects.currency)}`,
    `${plural(r.effects.introduced.length, 'finding')} introduced, ${r.effects.fixed.length} fixed`,
  ];
  return parts.join(' · ');
}

const findingLine = (f: Finding) => `${f.severity} ${f.rule} ${f.file}:${f.line} ${f.message}`;

/** Markdown for a pull request comment and the job summary. */
export function formatMarkdown(r: DiffResult): string {
  const out = ['### What this change does', '', `**${mdText(headline(r))}**`, ''];
  if (r.events.length === 0) out.push('No change to the inventory.', '');
  for (const [group, title] of GROUPS) {
    const events = r.events.filter((e) => groupOf(e) === group);
    if (events.length === 0) continue;
    out.push(`#### ${title}`, '', '| | Change |', '|---|---|');
    for (const e of events) out.push(mdRow([mdText(subject(e, r)), mdText(describeEvent(e))]));
    out.push('');
  }
  if (r.effects.tiers.length) {
    out.push(`#### Seats against entitlements (contracts in force on ${mdText(r.today)})`, '', '| License | Tier | Seats before | Seats after | Entitled | |', '|---|---|---:|---:|---:|---|');
    for (const t of r.effects.tiers) {
      const over = t.seatsAfter - t.entitled;
      out.push(mdRow([mdText(t.license), mdText(t.tier), String(t.seatsBefore), String(t.seatsAfter), entitledText(t.entitled), over > 0 ? `⚠️ ${over} over` : '']));
    }
    out.push('');
  }
  const { costBefore, costAfter, currency } = r.effects;
  out.push(`Annual cost of the contracts in force: ${mdText(formatMoney(costBefore, currency))} → ${mdText(formatMoney(costAfter, currency))}`, '');
  if (r.effects.introduced.length) out.push('#### Findings this change introduces', '', ...r.effects.introduced.map((f) => `- ${mdCode(f.severity)} ${mdCode(f.rule)} ${mdCode(`${f.file}:${f.line}`)} — ${mdText(f.message)}`), '');
  if (r.effects.fixed.length) out.push('#### Findings this change fixes', '', ...r.effects.fixed.map((f) => `- ${mdCode(f.rule)} ${mdCode(f.file)} — ${mdText(f.message)}`), '');
  out.push(`<sub>lac diff ${mdText(r.base)} → ${mdText(r.head)}</sub>`);
  return `${out.join('\n')}\n`;
}

export function formatText(r: DiffResult): string {
  const out = [`${r.base} → ${r.head}`, headline(r), ''];
  for (const e of r.events) out.push(`${e.type.padEnd(18)} ${subject(e, r)}: ${describeEvent(e)}`);
  for (const t of r.effects.tiers) out.push(`seats ${t.license}/${t.tier}: ${t.seatsBefore} → ${t.seatsAfter} of ${entitledText(t.entitled)} entitled`);
  out.push(`annual cost: ${formatMoney(r.effects.costBefore, r.effects.currency)} → ${formatMoney(r.effects.costAfter, r.effects.currency)}`);
  for (const f of r.effects.introduced) out.push(`introduces: ${findingLine(f)}`);
  for (const f of r.effects.fixed) out.push(`fixes: ${findingLine(f)}`);
  return `${out.join('\n')}\n`;
}

export function formatJson(r: DiffResult): string {
  const c = r.effects.currency;
  return `${JSON.stringify(
    {
      version: 1,
      base: r.base,
      head: r.head,
      today: r.today,
      events: r.events,
      effects: {
        tiers: r.effects.tiers.map((t) => ({ ...t, entitled: t.entitled === Infinity ? 'unlimited' : t.entitled })),
        annual_cost: { currency: c, before: toDecimal(r.effects.costBefore, c), after: toDecimal(r.effects.costAfter, c), delta: toDecimal(r.effects.costAfter - r.effects.costBefore, c) },
        findings_introduced: r.effects.introduced,
        findings_fixed: r.effects.fixed,
      },
    },
    null,
    2,
  )}\n`;
}

export function formatDiff(r: DiffResult, format: DiffFormat): string {
  return format === 'md' ? formatMarkdown(r) : format === 'json' ? formatJson(r) : formatText(r);
}
