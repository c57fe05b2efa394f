// A directory source reads people from the organization's source of truth (an identity
// provider or an HR export); `lac people pull` matches them to people.yaml.

/** One person as the directory knows them, normalized. */
export interface DirectoryEntry {
  /** The source's stable ID for this person (Okta user id, Google user id, Entra object id, HR employee id). */
  directoryId: string;
  email: string;
  name?: string;
  /** Other addresses the directory lists for this person. */
  aliases?: string[];
  /** The department as the source names it (mapped to an org.yaml department ID later). */
  department?: string;
  title?: string;
  costCentre?: string;
  /** Office or country, and employee/contractor..., for access policies. */
  location?: string;
  employmentType?: string;
  /** The manager's directory ID or email. */
  manager?: string;
  /** active, on-leave, or leaver (deprovisioned, terminated). */
  status: 'active' | 'on-leave' | 'leaver';
  /** The source records leave (an HR status column): its "active" ends a leave. An identity provider's active account does not. */
  knowsLeave?: boolean;
  start?: string;
  /** Last working day; may lie in the future. */
  end?: string;
  /** Where the entry came from, for messages (e.g. "hr.csv:12"). */
  where?: string;
}

export interface DirectoryResult {
  entries: DirectoryEntry[];
  warnings: string[];
}

/** Everything a directory source may touch. Secrets only ever come from `env`. */
export interface DirectoryContext {
  /** The `directory.config` block of org.yaml; a `path` is already resolved inside the repository. */
  config: Record<string, unknown>;
  env: Record<string, string | undefined>;
  fetch: typeof globalThis.fetch;
  today: string;
  signal?: AbortSignal;
  maxPages?: number;
}

export interface DirectorySourceImpl {
  /** The value of `directory.source` in org.yaml. */
  id: string;
  /** Environment variables it reads. */
  env: string[];
  pull(ctx: DirectoryContext): Promise<DirectoryResult>;
}
