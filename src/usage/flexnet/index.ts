import type { Connector } from '../types.ts';
import { licenseServerConnector } from '../license-server/connector.ts';
import { parseLmstat } from './lmstat.ts';
import { parseFlexnetLog } from './log.ts';

/** FlexNet Publisher (FlexLM): a debug log of lmgrd and its vendor daemons, or `lmutil lmstat -a` output. */
export function flexnetConnector(): Connector {
  return licenseServerConnector({
    id: 'flexnet',
    formats: { log: parseFlexnetLog, lmstat: parseLmstat },
    detect: (text) => (/^Flexible License Manager status on /m.test(text) || /^Users of [^:]+:\s+\(/m.test(text) ? 'lmstat' : 'log'),
    example: 'swpremium',
  });
}
