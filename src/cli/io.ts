import { forTerminal } from '../util/escape/terminal.ts';

/** Where commands write: real streams in the CLI, buffers in tests. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  env: Record<string, string | undefined>;
  cwd: string;
  /** True when stderr is a terminal (progress lines are drawn in place). */
  isTTY: boolean;
  /** Writes terminal control sequences lac means to send (a progress line redrawn in place) to stderr; never data. */
  control?(sequence: string): void;
}

/** Output formats written for programs, as they are: JSON escapes control characters itself, CSV and iCalendar carry data verbatim. */
const MACHINE_FORMATS = new Set(['json', 'csv', 'ics']);

/** Whether a command's `--format` is for programs rather than people. */
export const isMachineFormat = (format: unknown): boolean => typeof format === 'string' && MACHINE_FORMATS.has(format);

/**
 * The Io commands write to: everything for people (stderr, and stdout unless `machine()` says
 * the format is for programs) passes through forTerminal, so data cannot drive the terminal.
 */
export function terminalIo(io: Io, machine: () => boolean): Io {
  return {
    ...io,
    out: (t) => io.out(machine() ? t : forTerminal(t)),
    err: (t) => io.err(forTerminal(t)),
    control: (sequence) => io.err(sequence),
  };
}

export function processIo(): Io {
  return {
    out: (t) => void process.stdout.write(t),
    err: (t) => void process.stderr.write(t),
    env: process.env,
    cwd: process.cwd(),
    isTTY: Boolean(process.stderr.isTTY),
  };
}
