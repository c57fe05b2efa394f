// LAC_SITE_TRACE=1: each step of `lac site build` on stderr, with its time and the process's memory.
import { tracer } from '../util/trace.ts';

/** Writes `what` with the time since the process started and the memory in use, when LAC_SITE_TRACE is set. */
export const trace = tracer('lac-site-trace', 'LAC_SITE_TRACE');
