/** Starts the real Azure storage emulator (Azurite, Table service) on a free loopback port for a test file. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** A running Azurite Table service and its connection string. */
export interface Azurite {
  readonly connectionString: string;
  stop(): Promise<void>;
}

/** Starts `azurite-table` from node_modules; resolves once it accepts connections. */
export async function startAzurite(): Promise<Azurite> {
  const port = await freePort();
  const location = mkdtempSync(path.join(os.tmpdir(), 'balise-azurite-'));
  const bin = path.join(import.meta.dirname, '../../node_modules/azurite/dist/src/table/main.js');
  const child: ChildProcess = spawn(process.execPath, [bin, '--tableHost', '127.0.0.1', '--tablePort', String(port), '--location', location, '--silent', '--skipApiVersionCheck', '--disableTelemetry'], { stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const account = 'devstoreaccount1';
  // Azurite's documented, public development key (not a secret).
  const key = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
  return {
    connectionString: `DefaultEndpointsProtocol=http;AccountName=${account};AccountKey=${key};TableEndpoint=http://127.0.0.1:${port}/${account};`,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}
