// Every title, body and comment lac sends to GitHub passes the redaction layer first (issue 12).
import type { Redact } from '../secrets/redact.ts';
import type { GitHubPort } from './port.ts';

/** `port` with the visible text of every PR, issue and comment it writes redacted. Keys and hidden state are kept. */
export function redactingPort(port: GitHubPort, redact: Redact): GitHubPort {
  const maybe = (text: string | undefined) => (text === undefined ? undefined : redact(text));
  return {
    ...port,
    ensurePullRequest: (spec) => port.ensurePullRequest({ ...spec, title: redact(spec.title), body: redact(spec.body) }),
    closePullRequest: (target, comment) => port.closePullRequest(target, maybe(comment)),
    ensureIssue: (spec) => port.ensureIssue({ ...spec, title: redact(spec.title), body: redact(spec.body) }),
    closeIssue: (key, comment, reason) => port.closeIssue(key, maybe(comment), reason),
    ensureComment: (issueNumber, key, body) => port.ensureComment(issueNumber, key, redact(body)),
  };
}
