// Every test runs with the network off: a connection to anything but the loopback fails the test.
import net from 'node:net';
import dns from 'node:dns';

const loopback = (host: string | undefined) =>
  host === undefined || host === 'localhost' || host === '::1' || /^127\./.test(host) || host === '';

// Files share a worker's modules (vitest.config.ts) and this set-up runs before each: patch once.
const PATCHED = Symbol.for('lac.tests.no-network');
const patched = globalThis as { [PATCHED]?: true };

if (!patched[PATCHED]) {
  const originalConnect = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function patchedConnect(this: net.Socket, ...args: unknown[]) {
    // net.connect and http's agents pass one array of normalized arguments; a caller of socket.connect passes them apart.
    const given = Array.isArray(args[0]) ? (args[0] as unknown[]) : args;
    const first = given[0] as { host?: string; path?: string } | number | string;
    const host = typeof first === 'object' && first !== null ? (first.path ? 'localhost' : first.host) : typeof given[1] === 'string' ? given[1] : undefined;
    if (!loopback(host)) throw new Error(`test tried to reach ${String(host)}: tests must not touch the network`);
    return (originalConnect as (...a: unknown[]) => net.Socket).apply(this, args);
  } as typeof net.Socket.prototype.connect;

  const originalLookup = dns.lookup;
  (dns as { lookup: unknown }).lookup = ((hostname: string, ...rest: unknown[]) => {
    if (!loopback(hostname)) throw new Error(`test tried to resolve ${hostname}: tests must not touch the network`);
    return (originalLookup as (...a: unknown[]) => unknown)(hostname, ...rest);
  }) as typeof dns.lookup;
  patched[PATCHED] = true;
}
