import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../util/fs/atomic-write.ts';
import type { CommitInfo } from './commits.ts';
import { EVENT_TYPES, type Draft } from './events.ts';
import { isRecord } from '../util/is-record.ts';
import { COMMIT_ID } from '../util/commit-id.ts';

// Bump when the events computed for the same commit change (lac's version is part of the key too).
const FORMAT = 'lac-history-events/v2';

/** A commit's events (before filters and approvals) and its commit record. */
export interface CachedCommit {
  info: CommitInfo;
  drafts: Draft[];
}

const str = (v: unknown): v is string => typeof v === 'string';
const TYPES = new Set<string>(EVENT_TYPES);
const SUBJECTS = ['license', 'person', 'device', 'contract', 'vendor'] as const;

function isInfo(v: unknown, sha: string): v is CommitInfo {
  if (!isRecord(v) || v.sha !== sha) return false;
  const strings = ['author', 'email', 'date', 'subject', 'committer', 'committerEmail', 'message'] as const;
  return strings.every((k) => str(v[k])) && (v.pr === null || Number.isSafeInteger(v.pr)) && typeof v.signed === 'boolean' && Number.isSafeInteger(v.parents);
}

function isDraft(v: unknown): v is Draft {
  return isRecord(v) && TYPES.has(v.type as string) && isRecord(v.details) && str(v.file) && SUBJECTS.every((k) => v[k] === undefined || str(v[k]));
}

/**
 * A pack's entry when it is this format's entry for a commit; anything else (torn, hand-edited,
 * another commit's data under this id) is a miss: the folder may hold anything, and none of it
 * may change the audit trail.
 */
export function eventEntry(value: unknown): (CachedCommit & { commit: string }) | undefined {
  if (!isRecord(value) || !str(value.commit) || !COMMIT_ID.test(value.commit)) return undefined;
  const { commit, info, drafts } = value;
  if (!isInfo(info, commit) || !Array.isArray(drafts) || !drafts.every(isDraft)) return undefined;
  return { commit, info, drafts };
}

/** The entries of a pack file when it is this format's pack by this lac version; else none. */
export function packEntries(value: unknown, version: string): Map<string, CachedCommit> {
  const out = new Map<string, CachedCommit>();
  if (!isRecord(value) || value.format !== FORMAT || value.lac !== version || !Array.isArray(value.commits)) return out;
  for (const v of value.commits) {
    const e = eventEntry(v);
    if (e) out.set(e.commit, { info: e.info, drafts: e.drafts });
  }
  return out;
}

/** Events of a draft per part of the pack's text. */
const DRAFTS_PER_PART = 10_000;

/**
 * The pack's JSON (`{"format", "lac", "commits": [{"commit", "info", "drafts"}]}` and a line break), made part by part:
 * the same text as JSON.stringify, without it being one string. An initial import of 100,000 people is a million
 * events, a 193 MB pack: made whole, it and its bytes were 400 MB beside the events (issue 16).
 */
export function* packText(version: string, entries: readonly (CachedCommit & { commit: string })[]): Generator<string> {
  yield `{"format":${JSON.stringify(FORMAT)},"lac":${JSON.stringify(version)},"commits":[`;
  for (const [i, e] of entries.entries()) {
    yield `${i ? ',' : ''}{"commit":${JSON.stringify(e.commit)},"info":${JSON.stringify(e.info)},"drafts":[`;
    for (let j = 0; j < e.drafts.length; j += DRAFTS_PER_PART) {
      yield `${j ? ',' : ''}${e.drafts.slice(j, j + DRAFTS_PER_PART).map((d) => JSON.stringify(d)).join(',')}`;
    }
    yield ']}';
  }
  yield ']}\n';
}

/**
 * Events by commit under .git/lac-cache/history/<version>/, one pack per walk named by its newest
 * commit (a commit id names its content and its whole past, so an entry never goes stale).
 */
export function eventCache(cacheDir: string | undefined, version: string) {
  const dir = cacheDir && join(cacheDir, 'history', encodeURIComponent(version));
  return {
    /** The packs there are, by the commit that names them. */
    async packs(): Promise<Set<string>> {
      if (!dir) return new Set();
      const names = await readdir(dir).catch(() => [] as string[]);
      return new Set(names.filter((n) => n.endsWith('.json')).map((n) => n.slice(0, -5)).filter((n) => COMMIT_ID.test(n)));
    },
    async read(sha: string): Promise<Map<string, CachedCommit>> {
      if (!dir || !COMMIT_ID.test(sha)) return new Map();
      try {
        return packEntries(JSON.parse(await readFile(join(dir, `${sha}.json`), 'utf8')), version);
      } catch {
        return new Map(); // absent, torn or not JSON: a miss
      }
    },
    async write(sha: string, entries: readonly (CachedCommit & { commit: string })[]): Promise<void> {
      if (!dir || !COMMIT_ID.test(sha) || entries.length === 0) return;
      // Not fsynced: a pack lost to a power cut is only computed again. A read-only .git only loses the cache.
      await writeFileAtomic(join(dir, `${sha}.json`), packText(version, entries), { durable: false, clean: false }).catch(() => {});
    },
  };
}
