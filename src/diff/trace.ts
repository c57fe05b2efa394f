// LAC_DIFF_TRACE=1: each step of a diff on stderr, in milliseconds since the process started, in both threads.
import { tracer } from '../util/trace.ts';

/** Writes `what` with the time since the process started, when LAC_DIFF_TRACE is set. */
export const trace = tracer('lac-diff-trace', 'LAC_DIFF_TRACE');
