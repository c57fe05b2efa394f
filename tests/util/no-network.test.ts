// tests/support/no-network.ts, the set-up every file runs with: the network is off in every file,
// also in a worker that ran other files before (they share its modules, vitest.config.ts).
import dns from 'node:dns';
import net from 'node:net';
import { describe, expect, it } from 'vitest';

describe('the tests\' network guard', () => {
  it('refuses a connection or a name lookup beyond the loopback, and lets the loopback through', async () => {
    // 192.0.2.1 is TEST-NET-1 (RFC 5737): never routed.
    expect(() => net.connect({ host: '192.0.2.1', port: 9 })).toThrow('test tried to reach 192.0.2.1: tests must not touch the network');
    expect(() => net.connect(9, '192.0.2.1')).toThrow('test tried to reach 192.0.2.1');
    expect(() => new net.Socket().connect({ host: '192.0.2.1', port: 9 })).toThrow('test tried to reach 192.0.2.1');
    expect(() => new net.Socket().connect(9, '192.0.2.1')).toThrow('test tried to reach 192.0.2.1');
    // What fetch and the GitHub client send through: http's agent connects with net's normalized arguments.
    await expect(fetch('http://192.0.2.1:8080/')).rejects.toMatchObject({ cause: { message: expect.stringContaining('tests must not touch the network') } });
    expect(() => dns.lookup('example.com', () => undefined)).toThrow('test tried to resolve example.com');
    const server = net.createServer((s) => s.end('ok'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    const answer = await new Promise<string>((resolve, reject) => {
      const c = net.connect({ host: '127.0.0.1', port }, () => c.once('data', (b) => resolve(b.toString())));
      c.on('error', reject);
    });
    server.close();
    expect(answer).toBe('ok');
  });
});
