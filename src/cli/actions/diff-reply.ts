// What the diff's worker thread (diff-worker.ts) posts back to diff-thread.ts, and the errors it stands for:
// a mistake the user can fix and a file lac refused to read cross the thread as the same errors, so the
// command line reports them as it reports every other command's (program.ts).
import { ReadRefused } from '../../util/fs/read-bounded.ts';
import { UserError } from '../errors.ts';
import type { DiffOutput } from './diff-compute.ts';

/** The output, a mistake the user can fix, a file lac refused to read, or an internal error. */
export type DiffReply =
  | { ok: DiffOutput }
  | { user: { message: string; hint?: string } }
  | { refused: { rule: ReadRefused['rule']; message: string; hint: string; path: string } }
  | { bug: { message: string; stack: string } };

/** An internal error of the worker, with the worker's stack (printed with --debug). */
class WorkerBug extends Error {
  constructor(message: string, stack: string) {
    super(message);
    this.stack = stack;
  }
}

/** The reply for an error thrown in the worker. */
export function failureReply(e: unknown): Exclude<DiffReply, { ok: DiffOutput }> {
  if (e instanceof UserError) return { user: { message: e.message, ...(e.hint ? { hint: e.hint } : {}) } };
  if (e instanceof ReadRefused) return { refused: { rule: e.rule, message: e.message, hint: e.hint, path: e.path } };
  return { bug: { message: (e as Error)?.message ?? String(e), stack: (e as Error)?.stack ?? String(e) } };
}

/** The error a failure reply stands for, in this thread. */
export function replyError(r: Exclude<DiffReply, { ok: DiffOutput }>): Error {
  if ('user' in r) return new UserError(r.user.message, r.user.hint);
  if ('refused' in r) return Object.assign(new ReadRefused(r.refused.rule, r.refused.message, r.refused.hint), { path: r.refused.path });
  return new WorkerBug(r.bug.message, r.bug.stack);
}
