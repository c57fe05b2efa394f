// The encodings in which a secret can travel, so each can be recognised in a message.

/** Shorter values are not searched for: redacting a 3-letter value would shred ordinary text. */
export const MIN_SECRET_LENGTH = 6;
/** Base64 fragments shorter than this are too likely to occur by chance. */
const MIN_FRAGMENT = 8;

/**
 * The base64 (and base64url) text that any encoding of a longer byte stream holding `value`
 * must contain, for each of the three alignments the value can start at. This catches a secret
 * inside `base64(id:secret)` (HTTP Basic) or inside an encoded JSON key, not only on its own.
 */
export function base64Fragments(value: string): string[] {
  const bytes = Buffer.from(value, 'utf8');
  const out: string[] = [];
  for (let k = 0; k < 3; k++) {
    const encoded = Buffer.concat([Buffer.alloc(k), bytes]).toString('base64');
    const whole = Math.floor((k + bytes.length) / 3) * 4;
    const fragment = encoded.slice(k === 0 ? 0 : 4, whole);
    if (fragment.length >= MIN_FRAGMENT) out.push(fragment, fragment.replaceAll('+', '-').replaceAll('/', '_'));
  }
  return out;
}

/** The value raw, JSON-escaped, URL-encoded (upper- and lower-case hex, `+` for spaces) and in base64. */
export function secretForms(value: string): string[] {
  const url = encodeURIComponent(value);
  const forms = [
    value,
    JSON.stringify(value).slice(1, -1),
    url,
    url.replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase()),
    new URLSearchParams({ v: value }).toString().slice(2),
    Buffer.from(value).toString('base64'),
    Buffer.from(value).toString('base64url'),
    ...base64Fragments(value),
  ];
  return forms.filter((f) => f.length >= MIN_SECRET_LENGTH);
}

const KEY_FIELDS = ['private_key', 'private_key_id', 'client_secret', 'refresh_token'];

/**
 * A secret that is a JSON key file (GOOGLE_SERVICE_ACCOUNT_KEY) holds smaller secrets that can
 * be printed on their own: its private key, each line of the key's PEM body, its key id.
 */
export function nestedSecrets(value: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return [];
  }
  if (typeof parsed !== 'object' || parsed === null) return [];
  const out: string[] = [];
  for (const field of KEY_FIELDS) {
    const v = (parsed as Record<string, unknown>)[field];
    if (typeof v !== 'string') continue;
    out.push(v, ...v.split(/\r?\n/).filter((line) => line.length >= 16 && !line.startsWith('-----')));
  }
  return out;
}
