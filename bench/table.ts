import type { SynthStats } from '../src/synth/index.ts';
import type { Measured } from './measure.ts';

export interface Row {
  org: SynthStats;
  check: Measured;
  /** Milliseconds per phase from bench/phases.ts. */
  phases: Record<string, number>;
  findings: Record<string, number>;
}

const s = (ms: number) => (ms / 1000).toFixed(2);
const n = (x: number) => x.toLocaleString('en-US');

/** A Markdown table: sizes, the whole check, the floor, and the phases. */
export function formatTable(rows: Row[]): string {
  const head = ['people', 'licenses', 'seats', 'files', 'check s', 'check CPU s', 'check MB', 'floor s', 'read', 'parse', 'compile', 'validate', 'build', 'rules', 'findings'];
  const lines = [head, head.map(() => '---')];
  for (const r of rows) {
    const p = r.phases;
    lines.push([
      n(r.org.people), n(r.org.licenses), n(r.org.seats), n(r.org.files),
      r.check.seconds.toFixed(2), r.check.cpuSeconds.toFixed(2), String(Math.round(r.check.maxRssMb)),
      s(p.read! + p.parse!), s(p.read!), s(p.parse!), s(p.compile!), s(p.validate!), s(p.build!), s(p.rules!),
      `${r.findings.error ?? 0} E / ${r.findings.warning ?? 0} W`,
    ]);
  }
  const note = [
    '',
    'check s: wall time of the whole `lac check` process (best of the runs); check CPU s: its user + system CPU time; check MB: its peak RSS.',
    'floor s = read + parse (decode, line scan or yaml) of the same files, in one process, no validation or rules.',
    'read ... rules: wall time of each phase in one process (bench/phases.ts); compile = building the ajv validators.',
    '',
  ].join('\n');
  return `${lines.map((l) => `| ${l.join(' | ')} |`).join('\n')}\n${note}`;
}
