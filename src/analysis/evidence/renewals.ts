import type { HistoryEvent } from '../../history/history.ts';
import type { Period } from '../period/range.ts';
import { changeRef, oldestFirst } from './changes.ts';
import type { RenewalRow } from './types.ts';

interface RenewalState {
  decision: string | null;
  decided_by: string | null;
  decided_on: string | null;
}

const FIELDS = ['decision', 'decided_by', 'decided_on'] as const;
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** Applies one contract.changed event to a contract's renewal fields (`renewal` whole, or `renewal.<field>`). */
function apply(state: RenewalState, field: string, to: unknown): void {
  if (field === 'renewal') {
    const o = (to ?? {}) as Record<string, unknown>;
    for (const f of FIELDS) state[f] = str(o[f]);
  } else {
    const f = field.slice('renewal.'.length) as (typeof FIELDS)[number];
    if (FIELDS.includes(f)) state[f] = str(to);
  }
}

/**
 * Control (d): the renewal decisions that landed in the period: a commit on the main line that set a
 * contract's `renewal.decision` to renew, renegotiate or cancel. Who decided is `renewal.decided_by` as
 * that commit left it. A contract created with its decision already made has no such change: its
 * decision shows in the audit trail as the contract's creation.
 */
export function renewalDecisions(events: readonly HistoryEvent[], period: Period, timeZone: string): RenewalRow[] {
  const states = new Map<string, RenewalState>();
  const rows: RenewalRow[] = [];
  for (const list of oldestFirst(events)) {
    const before = new Map<string, string | null>();
    for (const e of list) {
      if (e.contract === undefined) continue;
      if (e.type === 'contract.created' || e.type === 'contract.removed') states.delete(e.contract);
      if (e.type !== 'contract.changed') continue;
      const field = String(e.details.field ?? '');
      if (field !== 'renewal' && !field.startsWith('renewal.')) continue;
      const state = states.get(e.contract) ?? { decision: null, decided_by: null, decided_on: null };
      if (!before.has(e.contract)) before.set(e.contract, state.decision);
      // The event's `from` is the decision before, also for a contract whose creation recorded none.
      const from = field === 'renewal' ? (e.details.from as Record<string, unknown> | null)?.decision : field === 'renewal.decision' ? e.details.from : undefined;
      if (from !== undefined) before.set(e.contract, str(from));
      apply(state, field, e.details.to);
      states.set(e.contract, state);
    }
    const ref = changeRef(list[0]!, timeZone);
    if (ref.on < period.from || ref.on > period.to) continue;
    for (const [contract, previous] of before) {
      const s = states.get(contract)!;
      if (s.decision === null || s.decision === 'undecided' || s.decision === previous) continue;
      const e = list.find((x) => x.contract === contract)!;
      rows.push({ contract, file: e.file, decision: s.decision, previous, decidedBy: s.decided_by, decidedOn: s.decided_on, change: ref });
    }
  }
  return rows;
}
