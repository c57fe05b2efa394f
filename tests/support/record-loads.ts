// Preloaded (`node --import`) into a child lac by the start-up test: records the URL of every module
// the process loads, by import or require, and writes the list to LAC_TEST_LOADS when it exits.
import { writeFileSync } from 'node:fs';
import { registerHooks } from 'node:module';

const loaded: string[] = [];
registerHooks({
  load(url, context, next) {
    loaded.push(url);
    return next(url, context);
  },
});
process.on('exit', () => writeFileSync(process.env.LAC_TEST_LOADS!, `${loaded.join('\n')}\n`));
