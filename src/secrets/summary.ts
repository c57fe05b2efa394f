import { redactPatterns, type Redact } from './redact.ts';

/** How much of a vendor's own error text a message keeps. */
export const VENDOR_TEXT_LIMIT = 200;

/**
 * A vendor's error code or message as it may appear in lac's output: one line (control
 * characters and runs of white space become one space), redacted before it is cut (so no
 * secret is left half shown), and at most `limit` characters. Vendor bodies are never printed whole.
 */
export function vendorText(text: string, redact: Redact = redactPatterns, limit = VENDOR_TEXT_LIMIT): string {
  const line = redact(text.replace(/[\u0000-\u001f\u007f-\u009f\s]+/g, ' ').trim());
  return line.length > limit ? `${line.slice(0, limit - 1)}…` : line;
}

/** "malformed JSON from <host> <path>": what a 2xx answer that does not parse is called; never its body. */
export function malformedJson(url: string): string {
  try {
    const u = new URL(url);
    return `malformed JSON from ${u.host} ${u.pathname}`;
  } catch {
    return 'malformed JSON';
  }
}
