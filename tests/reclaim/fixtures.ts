export * from '../report/model.ts';
import { ORG } from '../support/inventory.ts';

/** The test org.yaml with more settings appended. */
export const ORG_WITH = (extra: string): string => `${ORG}${extra}\n`;
