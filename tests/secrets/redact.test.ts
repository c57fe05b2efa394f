import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redactDeep, redactorFor, redactPatterns, REDACTED } from '../../src/secrets/redact.ts';
import { vendorText } from '../../src/secrets/summary.ts';

const SECRET = 'zoom-secret-never-printed';
const redact = redactorFor({ ZOOM_CLIENT_ID: 'client-abc', ZOOM_CLIENT_SECRET: SECRET, OKTA_API_TOKEN: '00abc/DEF+ghi=jkl~mno', PATH: '/usr/bin' });

describe('redactorFor: the values of secret variables in every encoding', () => {
  it('hides the raw, URL-encoded, JSON-escaped and base64 forms, and the Basic id:secret pair', () => {
    const okta = '00abc/DEF+ghi=jkl~mno';
    const texts = [
      `token was ${SECRET}.`,
      `body=client_id=x&secret=${encodeURIComponent(okta)}&y=1`,
      `form ${new URLSearchParams({ s: okta }).toString()}`,
      `json {"k":${JSON.stringify(okta)}}`,
      `b64 ${Buffer.from(okta).toString('base64')} url ${Buffer.from(okta).toString('base64url')}`,
      `auth ${Buffer.from(`client-abc:${SECRET}`).toString('base64')}`,
      `lower-case hex ${encodeURIComponent(okta).replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase())}`,
    ];
    for (const text of texts) {
      const out = redact(text);
      expect(out, text).toContain(REDACTED);
      for (const form of [SECRET, okta, encodeURIComponent(okta), Buffer.from(okta).toString('base64'), Buffer.from(`client-abc:${SECRET}`).toString('base64')]) expect(out).not.toContain(form);
    }
  });

  it('finds a secret base64-encoded inside a longer value at any of the three byte alignments', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.string({ minLength: 12, maxLength: 40 }).filter((s) => s.trim() === s), fc.string({ maxLength: 20 }), (before, secret, after) => {
        const r = redactorFor({ SLACK_TOKEN: secret });
        const encoded = Buffer.from(`${before}${secret}${after}`).toString('base64');
        const out = r(`Basic-ish ${encoded}`);
        expect(out).toContain(REDACTED);
        // What is left cannot be decoded back to the secret.
        const rest = out.split(REDACTED).map((part) => Buffer.from(part.replace(/^Basic-ish /, ''), 'base64').toString());
        expect(rest.some((p) => p.includes(secret))).toBe(false);
      }),
      { numRuns: 300, seed: 12 },
    );
  });

  it('reads the smaller secrets inside a JSON key: the private key, each PEM line, the key id', () => {
    const key = JSON.stringify({ type: 'service_account', private_key_id: 'kid-0123456789', private_key: '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\n-----END PRIVATE KEY-----\n', client_email: 'a@b.example' });
    const r = redactorFor({ GOOGLE_SERVICE_ACCOUNT_KEY: key });
    expect(r('line MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7 and kid-0123456789')).toBe(`line ${REDACTED} and ${REDACTED}`);
    expect(r(`escaped ${JSON.stringify(key)}`)).not.toContain('MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7');
  });

  it('leaves variables that are not secrets, values shorter than 6 characters and ordinary text alone', () => {
    const r = redactorFor({ PATH: '/usr/bin', M365_TENANT_ID: 'contoso-tenant', SLACK_TOKEN: 'abc' });
    const text = 'contoso-tenant /usr/bin abc: the token endpoint answered; 3 Basic users; exit code 2; Bearer of bad news';
    expect(r(text)).toBe(text);
  });
});

describe('redactPatterns: credentials recognised by their shape', () => {
  it.each([
    ['authorization: token ghp_abcdefghijklmnop0123', `authorization: token ${REDACTED}`],
    ['Authorization: SSWS 00abcdEFGHtoken', `Authorization: SSWS ${REDACTED}`],
    ['{"authorization":"Bearer ya29.a0AfH6SMB"}', `{"authorization":"Bearer ${REDACTED}"}`],
    ["{ authorization: 'Basic Y2xpZW50OnNlY3JldA==' }", `{ authorization: 'Basic ${REDACTED}' }`],
    ['proxy-authorization=opaque-value-123', `proxy-authorization=${REDACTED}`],
    ['sent Bearer abc.def-123 twice', `sent Bearer ${REDACTED} twice`],
    ['header was token ghp_16C7e42F292c6912E7710c838347Ae178B4a', `header was token ${REDACTED}`],
    ['the token in GITHUB_TOKEN; token from LAC_GITHUB_USAGE_TOKEN', 'the token in GITHUB_TOKEN; token from LAC_GITHUB_USAGE_TOKEN'],
    ['jwt eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln end', `jwt ${REDACTED} end`],
    ['grant_type=jwt&assertion=abc.def.ghi&scope=x', `grant_type=jwt&assertion=${REDACTED}&scope=x`],
    ['client_secret=s3cr3t&code=4/0Ad&refresh_token=1//0g', `client_secret=${REDACTED}&code=${REDACTED}&refresh_token=${REDACTED}`],
    ["fatal: unable to access 'https://x-access-token:ghs_abc123@github.com/acme/licenses/'", `fatal: unable to access 'https://x-access-token:${REDACTED}@github.com/acme/licenses/'`],
    ['{"access_token": "tok-123", "private_key": "-----BEGIN\\nMII"}', `{"access_token": "${REDACTED}", "private_key": "${REDACTED}"}`],
    // Each pattern is tried only on a text holding its word, in any case.
    ['AUTHORIZATION: BEARER abc.def-123', `AUTHORIZATION: BEARER ${REDACTED}`],
    ['PASSWORD=hunter22&Client_Secret=xyz', `PASSWORD=${REDACTED}&Client_Secret=${REDACTED}`],
    ['{"Client_Assertion": "abc", "PRIVATE_KEY_ID": "k1"}', `{"Client_Assertion": "${REDACTED}", "PRIVATE_KEY_ID": "${REDACTED}"}`],
    ['HTTPS://user:pw@example.com/x', `HTTPS://user:${REDACTED}@example.com/x`],
    ['{"tier": "basic", "seats": 3}', '{"tier": "basic", "seats": 3}'],
    // One pass finds the word of any pattern, far into a long text.
    [`${'{"tier": "basic"},\n'.repeat(20_000)}jwt eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln`, `${'{"tier": "basic"},\n'.repeat(20_000)}jwt ${REDACTED}`],
  ])('%s', (input, expected) => {
    expect(redactPatterns(input)).toBe(expected);
  });
});

describe('vendorText', () => {
  it('keeps one line, redacts before it cuts, and bounds the length', () => {
    const r = redactorFor({ OKTA_API_TOKEN: 'T'.repeat(30) });
    const text = `${'x'.repeat(190)}\n\u001b[2J ${'T'.repeat(30)} tail`;
    const out = vendorText(text, r);
    expect(out).toHaveLength(200);
    expect(out).not.toMatch(/[\n\u001b]|TTTTTT/);
    expect(out.endsWith('…')).toBe(true);
    expect(vendorText('  short\r\nmessage ')).toBe('short message');
  });
});

describe('redactDeep', () => {
  it('redacts every string in nested data and keeps numbers, nulls and keys', () => {
    expect(redactDeep({ a: [SECRET, 1, null], b: { c: `x ${SECRET}` } }, redact)).toEqual({ a: [REDACTED, 1, null], b: { c: `x ${REDACTED}` } });
  });
});
