import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../util/fs/atomic-write.ts';
import type { CommitInfo } from './commits.ts';
import { EVENT_TYPES, type Draft } from './events.ts';

// Bump when the events computed for the same commit change (lac's version is part of the key too).
const FORMAT = 'lac-history-events/v1';

/** A commit's events (before filters and approvals) and its commit record. */
export interface CachedCommit {
  info: CommitInfo;
  drafts: Draft[];
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): v is string => typeof v === 'string';
const TYPES = new Set<string>(EVENT_TYPES);
const SUBJECTS = ['license', 'person', 'device', 'contract', 'vendor'] as const;
const SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;

function isInfo(v: unknown, sha: string): v is CommitInfo {
  if (!isObj(v) || v.sha !== sha) return false;
  const strings = ['author', 'email', 'date', 'subject', 'committer', 'committerEmail', 'message'] as const;
  return strings.every((k) => str(v[k])) && (v.pr === null || Number.isSafeInteger(v.pr)) && typeof v.signed === 'boolean' && Number.isSafeInteger(v.parents);
}

function isDraft(v: unknown): v is Draft {
  return isObj(v) && TYPES.has(v.type as string) && isObj(v.details) && str(v.file) && SUBJECTS.every((k) => v[k] === undefined || str(v[k]));
}

/**
 * The cached entry for `sha` when it is this format's entry, by this lac version, for this commit;
 * anything else (another version's, another commit's, torn, hand-edited) is a miss: the folder may
 * hold anything, and none of it may change the audit trail.
 */
export function eventEntry(value: unknown, sha: string, version: string): CachedCommit | undefined {
  if (!isObj(value) || value.format !== FORMAT || value.lac !== version || value.commit !== sha) return undefined;
  const { info, drafts } = value;
  if (!isInfo(info, sha) || !Array.isArray(drafts) || !drafts.every(isDraft)) return undefined;
  return { info, drafts };
}

/** Events by commit under .git/lac-cache/history/<version>/ (a commit id names its content and its whole past). */
export function eventCache(cacheDir: string | undefined, version: string) {
  const fileOf = (sha: string) => join(cacheDir!, 'history', encodeURIComponent(version), sha.slice(0, 2), `${sha.slice(2)}.json`);
  return {
    async read(sha: string): Promise<CachedCommit | undefined> {
      if (!cacheDir || !SHA.test(sha)) return undefined;
      try {
        return eventEntry(JSON.parse(await readFile(fileOf(sha), 'utf8')), sha, version);
      } catch {
        return undefined; // absent, torn or not JSON: a miss
      }
    },
    async write(sha: string, entry: CachedCommit): Promise<void> {
      if (!cacheDir || !SHA.test(sha)) return;
      const text = `${JSON.stringify({ format: FORMAT, lac: version, commit: sha, ...entry })}\n`;
      // Not fsynced: an entry lost to a power cut is only computed again. A read-only .git only loses the cache.
      await writeFileAtomic(fileOf(sha), text, { durable: false, clean: false }).catch(() => {});
    },
  };
}
