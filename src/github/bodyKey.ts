// Hidden, machine-readable markers in PR, issue and comment bodies, so a re-run finds and updates
// its own artifacts instead of duplicating them (as Renovate and release-please do).
import { createHash } from 'node:crypto';

/** GitHub rejects bodies longer than this many characters. */
export const GITHUB_BODY_LIMIT = 65536;

const KEY = /<!--\s*lac:key=([^\s]+?)\s*-->/;
const STATE = /<!--\s*lac:state\s+([\s\S]*?)\s*-->/;
const MARKERS = /\n*<!--\s*lac:(?:key=[^\s]+?|state\s+[\s\S]*?)\s*-->/g;

/** Keys are short paths like `reclaim/figma` or `renewal/zoom/2026-09-30`. */
export function assertKey(key: string): void {
  if (!/^[A-Za-z0-9][A-Za-z0-9._/@:+-]*$/.test(key) || key.includes('--') || key.length > 200) {
    throw new Error(`invalid lac key ${JSON.stringify(key)}: use letters, digits and . _ / @ : + - (no "--", at most 200 characters)`);
  }
}

/** JSON that cannot end an HTML comment: `--` and `>` only occur inside JSON strings, where escapes are legal. */
function commentSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/--/g, '-\\u002d').replace(/>/g, '\\u003e');
}

/** The hidden markers for `key` and optional `state`. */
export function markers(key: string, state?: unknown): string {
  assertKey(key);
  const lines = [`<!-- lac:key=${key} -->`];
  if (state !== undefined) lines.push(`<!-- lac:state ${commentSafeJson(state)} -->`);
  return lines.join('\n');
}

/** The key embedded in a body, if any. */
export function parseKey(body: string | null | undefined): string | undefined {
  return body ? KEY.exec(body)?.[1] : undefined;
}

/** The state embedded in a body; undefined when absent or unreadable (a person may have edited it). */
export function parseState<T = unknown>(body: string | null | undefined): T | undefined {
  const raw = body ? STATE.exec(body)?.[1] : undefined;
  if (raw === undefined) return undefined;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return undefined;
  }
}

/** The body without lac's markers. */
export function stripMarkers(body: string): string {
  return body.replace(MARKERS, '').trimEnd();
}

/** GitHub may hand back `\r\n` and trailing blanks; those do not count as a change. */
export function normalizeBody(body: string | null | undefined): string {
  return (body ?? '').replace(/\r\n?/g, '\n').replace(/\s+$/, '');
}

/** A hash of a body as GitHub stores it, to skip writes that would change nothing. */
export function bodyHash(body: string | null | undefined): string {
  return createHash('sha256').update(normalizeBody(body)).digest('hex');
}

/** Cuts `text` to at most `max` UTF-16 units, at a line break when one is near, never inside a surrogate pair. */
function cut(text: string, max: number): string {
  let end = Math.max(max, 0);
  const lineBreak = text.lastIndexOf('\n', end);
  if (lineBreak > end - 2000 && lineBreak > 0) end = lineBreak;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return text.slice(0, end).trimEnd();
}

/**
 * The full body: visible text, then the hidden key and state. When it would exceed GitHub's limit,
 * the visible text is cut and a note says so; the markers always survive.
 */
export function composeBody(text: string, key: string, state?: unknown, limit = GITHUB_BODY_LIMIT): string {
  const hidden = markers(key, state);
  const visible = stripMarkers(text.replace(/\r\n?/g, '\n'));
  const whole = `${visible}\n\n${hidden}`;
  if (whole.length <= limit) return whole;
  const note = (omitted: number) => `\n\n> [!NOTE]\n> This text was cut to fit GitHub's ${limit.toLocaleString('en-US')}-character limit; ${omitted.toLocaleString('en-US')} characters were left out.`;
  const budget = limit - hidden.length - 2 - note(visible.length).length;
  if (budget < 0) throw new Error(`the hidden state of ${key} alone exceeds GitHub's ${limit}-character body limit`);
  const kept = cut(visible, budget);
  return `${kept}${note(visible.length - kept.length)}\n\n${hidden}`;
}
