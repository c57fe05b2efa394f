import { git, GitError } from '../git/run.ts';
import { classify } from '../inventory/layout.ts';
import type { TreeSource } from '../inventory/source.ts';

/** Paths of the assignments files of the base tree whose text holds any of the IDs: a superset of the files with their seats. */
export type Mentions = (ids: readonly string[]) => Promise<string[]>;

const ASSIGNMENTS = 'inventory/assignments/';

/** `git grep` in a commit: one pass of git's fixed-string search over the blobs, no working tree. */
export function gitMentions(root: string, commit: string): Mentions {
  return async (ids) => {
    if (ids.length === 0) return [];
    try {
      // Patterns on stdin: a directory rewrite can name 100,000 people, beyond any command line.
      const out = await git(root, ['grep', '-l', '-z', '-F', '-I', '--no-color', '-f', '-', commit, '--', ASSIGNMENTS], `${ids.join('\n')}\n`);
      return out
        .toString('utf8')
        .split('\0')
        .filter(Boolean)
        .map((p) => p.slice(commit.length + 1));
    } catch (e) {
      if (e instanceof GitError && e.code === 1 && e.stderr.trim() === '') return []; // no file matched
      throw e;
    }
  };
}

/** The same search by reading every assignments file of a source (for sources that are not a commit). */
export function sourceMentions(source: TreeSource): Mentions {
  return async (ids) => {
    if (ids.length === 0) return [];
    const paths = (await source.list()).filter((p) => p.startsWith(ASSIGNMENTS) && classify(p).ok);
    const out: string[] = [];
    for (const path of paths) {
      const text = Buffer.from(await source.read(path).catch(() => new Uint8Array(0))).toString('latin1');
      if (ids.some((id) => text.includes(id))) out.push(path);
    }
    return out;
  };
}

const HOLDER = /\bperson:[ \t]*["']?([^\s,}"'#]+)/g;

/**
 * Assignments files of a source that name a holder `known` does not know (people who joined, left
 * or moved: the seats whose did-you-mean may change; or many changed people). One read of every file.
 */
export async function unknownHolderFiles(source: TreeSource, known: (id: string) => boolean): Promise<string[]> {
  const paths = (await source.list()).filter((p) => p.startsWith(ASSIGNMENTS) && classify(p).ok);
  const texts = await Promise.all(paths.map((p) => source.read(p).then((b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1'), () => '')));
  return paths.filter((_, i) => {
    for (const m of texts[i]!.matchAll(HOLDER)) if (!known(m[1]!)) return true;
    return false;
  });
}
