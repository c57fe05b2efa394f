import type { Connector } from '../types.ts';
import { licenseServerConnector } from '../license-server/connector.ts';
import { parseReportLog } from './reportlog.ts';
import { parseRlmstat } from './rlmstat.ts';

/** Reprise License Manager: an ISV server's report log, or `rlmutil rlmstat -a` output. */
export function rlmConnector(): Connector {
  return licenseServerConnector({
    id: 'rlm',
    formats: { reportlog: parseReportLog, rlmstat: parseRlmstat },
    detect: (text) => (/^\s*rlm status on \S+ \(port \d+\)/m.test(text) ? 'rlmstat' : 'reportlog'),
    example: 'cadpro',
  });
}
