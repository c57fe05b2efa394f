// The one redaction layer: every message, log line, error, PR or issue body and snapshot passes
// through a redactor before lac prints or writes it (issue 12).
import { BASIC_PAIRS, SECRET_NAMES } from './env.ts';
import { MIN_SECRET_LENGTH, nestedSecrets, secretForms } from './forms.ts';

export const REDACTED = '[redacted]';

export type Redact = (text: string) => string;

const TOKEN = String.raw`[A-Za-z0-9_.~+/=:-]`;

/**
 * Credentials recognised by their shape, whatever their value. Each keeps its label and hides the value.
 * The third regex is a word every match contains: a text without it skips the (slower) pattern.
 */
const PATTERNS: readonly [RegExp, string | ((...groups: string[]) => string), RegExp][] = [
  // An Authorization header, as a header line, JSON or a dumped object: the whole value goes.
  [/\b((?:proxy-)?authorization\\?["']?\s*[:=]\s*\\?["']?)(?:(bearer|basic|ssws|token|bot)\s+)?[^\s"'\\,;}]+/gi, (_, label: string, scheme?: string) => `${label}${scheme ? `${scheme} ` : ''}${REDACTED}`, /authorization/i],
  // A scheme followed by something token-shaped (a digit or punctuation in it, so prose and variable names survive).
  [new RegExp(String.raw`\b(Bearer|Basic|SSWS|token)(\s+|%20|\+)(?=${TOKEN}*[0-9._~+/=:-])${TOKEN}{8,}`, 'gi'), `$1$2${REDACTED}`, /bearer|basic|ssws|token/i],
  // JSON Web Tokens (Google's signed assertion, OAuth access tokens): header.payload.signature.
  [/\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g, REDACTED, /eyJ/],
  // Form and query parameters that carry credentials.
  [/\b(assertion|client_assertion|client_secret|code|refresh_token|access_token|id_token|password)=[^&\s"'\\]+/gi, `$1=${REDACTED}`, /(?:assertion|secret|code|token|password)=/i],
  // A password in a URL's user info: https://x-access-token:TOKEN@github.com/...
  [/\b([a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:)[^@\s/]+@/gi, `$1${REDACTED}@`, /:\/\//],
  // The same fields in JSON.
  [/(\\?"(?:assertion|client_assertion|client_secret|refresh_token|access_token|id_token|private_key|private_key_id|password)\\?"\s*:\s*\\?")(?:[^"\\]|\\[^"])*/gi, `$1${REDACTED}`, /assertion|client_secret|token|private_key|password/i],
];

/**
 * Any of the patterns' words, in one pass: most text holds none of them and is then read once,
 * not once a pattern (a 40 MB `lac history --format json` spent 0.3 s in the six tests).
 * Case-blind for all of them, so it finds a superset of what each word finds.
 */
const ANY_WORD = new RegExp(PATTERNS.map(([, , word]) => `(?:${word.source})`).join('|'), 'i');

/** Hides credentials recognised by their shape; for text built where the environment is not at hand. */
export function redactPatterns(text: string): string {
  if (!ANY_WORD.test(text)) return text;
  let out = text;
  for (const [pattern, replacement, word] of PATTERNS) {
    if (!word.test(out)) continue;
    out = typeof replacement === 'string' ? out.replace(pattern, replacement) : out.replace(pattern, replacement);
  }
  return out;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every form of every secret variable set in `env`, longest first. */
export function secretNeedles(env: Record<string, string | undefined>, extra: readonly string[] = []): string[] {
  const values = [...SECRET_NAMES.map((n) => env[n]?.trim()), ...extra].filter((v): v is string => v !== undefined && v.length >= MIN_SECRET_LENGTH);
  const pairs = BASIC_PAIRS.map(([id, secret]) => [env[id]?.trim(), env[secret]?.trim()]).filter(([id, secret]) => id && secret && secret.length >= MIN_SECRET_LENGTH);
  const basic = pairs.map(([id, secret]) => Buffer.from(`${id}:${secret}`).toString('base64'));
  const all = [...values, ...values.flatMap(nestedSecrets)].flatMap(secretForms);
  return [...new Set([...all, ...basic])].sort((a, b) => b.length - a.length);
}

/**
 * The redactor for one run: hides the values of the secrets set in `env` in every encoding
 * (raw, JSON-escaped, URL-encoded, base64, inside Basic `id:secret`), then credentials
 * recognised by shape (authorization headers, JWTs, `assertion=` and like parameters).
 * `extra` adds secrets that do not come from a variable of their own (a token passed in code).
 */
export function redactorFor(env: Record<string, string | undefined>, extra: readonly string[] = []): Redact {
  const needles = secretNeedles(env, extra);
  const values = needles.length > 0 ? new RegExp(needles.map(escapeRegExp).join('|'), 'g') : undefined;
  return (text) => redactPatterns(values ? text.replace(values, REDACTED) : text);
}

/** Applies `redact` to every string inside a JSON-like value (snapshot accounts, warnings); other values are kept. */
export function redactDeep<T>(value: T, redact: Redact): T {
  if (typeof value === 'string') return redact(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => redactDeep(v, redact)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactDeep(v, redact)])) as T;
  }
  return value;
}
