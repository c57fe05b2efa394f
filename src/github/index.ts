// lac's GitHub layer: the only module that talks to octokit.
export { createGitHubClient, repositoryFromEnv, timingsFromEnv, DEFAULT_TIMINGS, type GitHubClient, type GitHubClientOptions, type GitHubTimings } from './client.ts';
export { GitHubConfigError, GitHubError } from './errors.ts';
export { bodyHash, composeBody, GITHUB_BODY_LIMIT, markers, parseKey, parseState, stripMarkers } from './bodyKey.ts';
export type * from './port.ts';
export { createGitHubPort } from './rest.ts';
export { createMemoryGitHub, type MemoryGitHub, type MemoryWrite } from './memory.ts';
export { listConsumedLicenses, listCopilotSeats, type ConsumedLicenseUser, type ConsumedLicenses, type CopilotSeat, type CopilotSeats } from './usage-api.ts';
export { restReviewSource, type PullFacts, type ReviewFacts, type ReviewSource, type VerificationFacts } from './reviews.ts';
