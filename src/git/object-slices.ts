// Objects read from git by ID and left where git wrote them: one `git cat-file --batch` per tick,
// its output spooled (spool.ts), and each object a slice of that file, read when and into what the
// caller chooses. lac diff's other thread reads the two large unchanged files (17 and 20 MB at XL) one
// after the other into one buffer, and later only the lines it needs: fresh memory costs a page fault
// a page, about 12-15 us on a virtual machine that hands idle memory back.
import { closeSync } from 'node:fs';
import { gitSpooled, readAt, type Spooled } from './spool.ts';
import { perTick } from '../util/per-tick.ts';

/** One object in a spooled cat-file output. */
export interface ObjectSlice {
  /** Its size in bytes. */
  size: number;
  /** Reads the whole object into `into` (at least `size` bytes). */
  readInto(into: Uint8Array): void;
  /** Bytes [from, to) of the object, in a buffer of their own. */
  range(from: number, to: number): Buffer;
}

/** The longest header cat-file writes for an object ID: "<oid> <type> <size>" or "<name> missing". */
const HEADER_MAX = 256;

/** The objects of a spooled cat-file --batch output, by the ID asked (the n-th answer is the n-th ID); missing ones left out. */
function slices(out: Spooled, oids: readonly string[]): Map<string, ObjectSlice> {
  const found = new Map<string, { start: number; size: number }>();
  const head = Buffer.alloc(HEADER_MAX);
  for (let i = 0, pos = 0; i < oids.length && pos < out.size; i++) {
    const n = Math.min(HEADER_MAX, out.size - pos);
    readAt(out.fd, head, 0, n, pos);
    const nl = head.subarray(0, n).indexOf(10);
    if (nl < 0) throw new Error(`git cat-file wrote a header longer than ${HEADER_MAX} bytes at byte ${pos}`);
    const fields = head.toString('latin1', 0, nl).split(' ');
    pos += nl + 1;
    if (fields.length !== 3) continue; // "<name> missing" or "ambiguous"
    const size = Number(fields[2]);
    found.set(oids[i]!, { start: pos, size });
    pos += size + 1;
  }
  const { fd } = out;
  return new Map(
    [...found].map(([oid, { start, size }]) => [
      oid,
      {
        size,
        readInto: (into: Uint8Array) => readAt(fd, into, 0, size, start),
        range(from: number, to: number) {
          const b = Buffer.allocUnsafe(to - from);
          readAt(fd, b, 0, to - from, start + from);
          return b;
        },
      },
    ]),
  );
}

/**
 * Reads objects by ID as slices of git's spooled output: those asked for in the same tick go to one git
 * process (in the next check phase); a missing object rejects. `close` closes every file read so far
 * (a slice is not read after).
 */
export function objectSlices(cwd: string): { read: (oid: string) => Promise<ObjectSlice>; close: () => void } {
  const open: number[] = [];
  const read = perTick(
    async (oids) => {
      const out = await gitSpooled(cwd, ['cat-file', '--batch'], `${oids.join('\n')}\n`);
      open.push(out.fd);
      return slices(out, oids);
    },
    (oid) => new Error(`git object ${oid} is missing in ${cwd}`),
  );
  return {
    read,
    close() {
      for (const fd of open.splice(0)) closeSync(fd);
    },
  };
}
