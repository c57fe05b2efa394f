// No process of lac outlives the command (issue 16). Astro starts esbuild's service and Pagefind its binary as
// child processes; both libraries stop them with a signal and do not wait, so they could still run after lac
// exited. The build ends the children it started and waits until they are gone. Linux: read from /proc; where
// there is no /proc this finds none.
import { readdirSync, readFileSync } from 'node:fs';

/** The processes whose parent is this one, still present (running, or exited and not yet reaped). */
export function liveChildren(): Set<number> {
  const out = new Set<number>();
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return out;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const ppid = parentOf(entry);
    if (ppid === process.pid) out.add(Number(entry));
  }
  return out;
}

/** The parent's pid from /proc/<pid>/stat (after the command name, which can hold spaces and parentheses). */
function parentOf(pid: string): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined; // gone meanwhile
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Waits, bounded, until the children that were not there before are gone (their libraries have been told to
 * stop them); those still there after graceMs are killed and waited for in turn.
 */
export async function endChildren(before: Set<number>, graceMs = 3000): Promise<void> {
  const started = () => [...liveChildren()].filter((pid) => !before.has(pid));
  // Node reaps a child it spawned when its event loop turns: give it the turns.
  const waitGone = async () => {
    for (let waited = 0; waited < graceMs && started().length > 0; waited += 20) await sleep(20);
  };
  await waitGone();
  for (const pid of started()) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already exited: only waiting to be reaped
    }
  }
  await waitGone();
}
