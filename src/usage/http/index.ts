export { makeHttp, send, readJson, failFor, requestJson, sameOrigin, checkPageLimit, where, type Http } from './client.ts';
export { retryPolicy, defaultRetryPolicy, requestedWaitMs, type RetryPolicy } from './retry.ts';
export { parseLinkHeader } from './link.ts';
export { parseCsv, parseCsvRows, rowRecord, CsvSyntaxError, type CsvRow, type CsvTable } from './csv.ts';
