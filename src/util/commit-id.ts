/** A full git object id, as lac's caches name commits by: SHA-1 (40 hex digits) or SHA-256 (64). */
export const COMMIT_ID = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;
