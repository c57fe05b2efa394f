/** What the bot remembers in the pull request body (a hidden `lac:state` comment). */
export interface ReclaimState {
  v: 1;
  /** The bot's last commit on the branch: commits after it were pushed by people. */
  commit: string;
  /** The base commit the bot's commit was built on. */
  base: string;
  /** Day the pull request was opened; the grace period counts from it. */
  opened: string;
  /** Seats (`person tier`) people kept by restoring them on the branch: never proposed again on this pull request. */
  kept: string[];
  /** The head of the branch, pushed by people, that the bot's last rebuild replaced. */
  replaced?: string;
}

const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

/** The state parsed back from a body; undefined when absent or edited out of shape. */
export function readState(value: unknown): ReclaimState | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const s = value as Record<string, unknown>;
  if (s.v !== 1 || typeof s.commit !== 'string' || typeof s.base !== 'string' || typeof s.opened !== 'string' || !strings(s.kept)) return undefined;
  const state: ReclaimState = { v: 1, commit: s.commit, base: s.base, opened: s.opened, kept: s.kept };
  if (typeof s.replaced === 'string') state.replaced = s.replaced;
  return state;
}
