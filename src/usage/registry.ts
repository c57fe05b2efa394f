import type { Connector } from './types.ts';
import { csvConnector } from './csv/index.ts';
import { googleWorkspaceConnector } from './google-workspace/index.ts';
import { jsonConnector } from './json/index.ts';
import { microsoft365Connector } from './microsoft-365/index.ts';
import { oktaConnector } from './okta/index.ts';
import { slackConnector } from './slack/index.ts';
import { zoomConnector } from './zoom/index.ts';
import { githubCopilotConnector } from './github-copilot/index.ts';
import { githubEnterpriseConnector } from './github-enterprise/index.ts';
import { flexnetConnector } from './flexnet/index.ts';
import { rlmConnector } from './rlm/index.ts';

/** Every connector by its `usage.source` id, with the default retry policy. */
export function createRegistry(): ReadonlyMap<string, Connector> {
  const list: Connector[] = [
    oktaConnector(),
    googleWorkspaceConnector(),
    microsoft365Connector(),
    slackConnector(),
    zoomConnector(),
    csvConnector(),
    jsonConnector(),
    githubCopilotConnector(),
    githubEnterpriseConnector(),
    flexnetConnector(),
    rlmConnector(),
  ];
  return new Map(list.map((c) => [c.id, c]));
}

export const registry: ReadonlyMap<string, Connector> = createRegistry();

/** The connector for a `usage.source` id, or undefined (the caller lists `knownSources()`). */
export function connectorFor(id: string): Connector | undefined {
  return registry.get(id);
}

export function knownSources(): string[] {
  return [...registry.keys()].sort();
}
