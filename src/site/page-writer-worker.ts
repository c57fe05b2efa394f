// The thread of page-writer.ts: writes each page it is sent, in order, and answers each with its size or the
// failure, so that the render thread never waits on the file system.
import { parentPort, workerData } from 'node:worker_threads';
import { writePage } from './write-page.ts';
import type { WriterAnswer, WriterRequest } from './page-writer.ts';

const dir = (workerData as { dir: string }).dir;

parentPort!.on('message', (request: WriterRequest) => {
  let answer: WriterAnswer;
  if (request.op === 'end') answer = { op: 'ended' };
  else {
    try {
      writePage(dir, request.route, request.html);
      answer = { op: 'written', size: request.html.length };
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      answer = { op: 'failed', size: request.html.length, route: request.route, message: err.message, code: err.code };
    }
  }
  parentPort!.postMessage(answer);
});
