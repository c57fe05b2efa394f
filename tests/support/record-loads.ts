// Preloaded (`node --import`) into a child lac by the start-up test: records the URL of every module
// the main thread loads, by import or require, in order, and writes the list to LAC_TEST_LOADS when it
// exits. (Worker threads run this preload too; they record nothing.)
import { writeFileSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { isMainThread } from 'node:worker_threads';

if (isMainThread) {
  const loaded: string[] = [];
  registerHooks({
    load(url, context, next) {
      loaded.push(url);
      return next(url, context);
    },
  });
  process.on('exit', () => writeFileSync(process.env.LAC_TEST_LOADS!, `${loaded.join('\n')}\n`));
}
