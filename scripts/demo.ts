// The main job: `npm run demo` builds a demo license repository with 18 months of history (the
// bundled example organization at its end), runs check, report, renewals and history in it, then
// builds the report site and serves it on 127.0.0.1 until Ctrl+C. No token, no network.
//
//   npm run demo                    build, run, serve
//   npm run demo -- --no-serve      stop after building the site (tests, CI)
//   npm run demo -- --port 8080     serve on another port
//   npm run demo -- --dir DIR       build the demo repository in DIR (default .demo/northwind-licenses)
import { parseArgs } from 'node:util';
import { runDemo } from '../src/demo/run.ts';

const { values } = parseArgs({
  options: {
    'no-serve': { type: 'boolean', default: false },
    port: { type: 'string', default: '4321' },
    dir: { type: 'string' },
    'site-dir': { type: 'string' },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`demo: --port ${values.port} is not a port number\n`);
  process.exit(2);
}

process.exitCode = await runDemo({
  ...(values.dir ? { dir: values.dir } : {}),
  ...(values['site-dir'] ? { siteDir: values['site-dir'] } : {}),
  serve: !values['no-serve'],
  port,
  out: (t) => void process.stdout.write(t),
  err: (t) => void process.stderr.write(t),
  env: process.env,
});
