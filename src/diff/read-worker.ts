// The worker thread of worker-client.ts, where no other thread serves its requests (read-server.ts).
import { trace } from './trace.ts';
import { parentPort } from 'node:worker_threads';
import { serveReads } from './read-server.ts';

trace('worker loaded');
serveReads(parentPort!);
