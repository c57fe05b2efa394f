import type { Candidate } from '../analysis/reclaim/plan.ts';

/** What the bot remembers in the pull request body (a hidden `lac:state` comment). */
export interface ReclaimState {
  v: 1;
  /** The bot's last commit on the branch: commits after it were pushed by people. */
  commit: string;
  /** The base commit the bot's commit was built on. */
  base: string;
  /** Day the pull request was opened; the grace period counts from it. */
  opened: string;
  /** Seats proposed in the bot's last commit: `person tier` for a removal, `person tier>to` for a downgrade. */
  proposed: string[];
  /** Seats (`person tier`) people kept by restoring them on the branch: never proposed again on this pull request. */
  kept: string[];
  /** The head of the branch, pushed by people, that the bot's last rebuild replaced. */
  replaced?: string;
}

export const proposalKey = (c: Pick<Candidate, 'person' | 'tier' | 'to'>): string => `${c.person} ${c.tier}${c.to ? `>${c.to}` : ''}`;

/** Splits a proposal key into the seat (`person tier`) and the target tier of a downgrade. */
export function parseProposal(key: string): { person: string; tier: string; to?: string } | undefined {
  const m = /^(\S+) ([^\s>]+)(?:>(\S+))?$/.exec(key);
  if (!m) return undefined;
  return m[3] ? { person: m[1]!, tier: m[2]!, to: m[3] } : { person: m[1]!, tier: m[2]! };
}

const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

/** The state parsed back from a body; undefined when absent or edited out of shape. */
export function readState(value: unknown): ReclaimState | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const s = value as Record<string, unknown>;
  if (s.v !== 1 || typeof s.commit !== 'string' || typeof s.base !== 'string' || typeof s.opened !== 'string' || !strings(s.proposed) || !strings(s.kept)) return undefined;
  const state: ReclaimState = { v: 1, commit: s.commit, base: s.base, opened: s.opened, proposed: s.proposed, kept: s.kept };
  if (typeof s.replaced === 'string') state.replaced = s.replaced;
  return state;
}
