// What `lac diff` computes, apart from where it runs: both trees read, the change judged, and the
// output written as text (diff-thread.ts runs this in a worker thread).
import { changedPaths, defaultBase } from '../../diff/base.ts';
import { formatDiff, formatMarkdown } from '../../diff/format.ts';
import type { DiffFormat } from '../../diff/formats.ts';
import { gitMentions } from '../../diff/mentions.ts';
import { catFilePair } from '../../diff/git-pair.ts';
import { diffTrees, type DiffResult } from '../../diff/run.ts';
import { gitSource, verifyCommit } from '../../inventory/git-source.ts';
import { fsSource } from '../../inventory/source.ts';
import type { IsoDate } from '../../util/dates.ts';
import { asUserError } from '../at.ts';

export interface DiffRequest {
  /** The license repository, resolved. */
  root: string;
  base?: string;
  head?: string;
  today?: IsoDate;
  format: DiffFormat;
  /** Also give the markdown of the pull request comment. */
  markdown: boolean;
}

export interface DiffOutput {
  text: string;
  markdown?: string;
}

/** The diff between two revisions (head absent: the working tree), formatted. */
export async function computeDiff(r: DiffRequest): Promise<DiffOutput> {
  let result;
  try {
    result = await diffOf(r);
  } catch (e) {
    throw asUserError(e);
  }
  return { text: formatDiff(result, r.format), ...(r.markdown ? { markdown: formatMarkdown(result) } : {}) };
}

async function diffOf(r: DiffRequest): Promise<DiffResult> {
  // Two revisions: one git process lists both (diff/git-pair.ts); else, or where it cannot, git command by command.
  const pair = r.base && r.head ? await catFilePair(r.root, r.base, r.head) : undefined;
  if (pair) return diffTrees(pair.base.source, pair.head.source, { base: r.base!, head: r.head! }, r.today, pair.changed, { mentions: gitMentions(r.root, pair.base.commit) });
  // Each git process costs more in a loaded machine: head is verified once, beside the base.
  const verifying = r.head ? verifyCommit(r.root, r.head) : undefined;
  verifying?.catch(() => undefined); // a bad base is reported first
  const from = r.base ? { commit: await verifyCommit(r.root, r.base), label: r.base } : await defaultBase(r.root);
  const headCommit = await verifying;
  const to = r.head && headCommit ? { source: gitSource(r.root, headCommit), label: r.head } : { source: fsSource(r.root), label: 'working tree' };
  const changed = await changedPaths(r.root, from.commit, headCommit);
  return diffTrees(gitSource(r.root, from.commit), to.source, { base: from.label, head: to.label }, r.today, changed, { mentions: gitMentions(r.root, from.commit) });
}
