/** Starts the Azure storage emulator (Azurite, Table service) from node_modules on a free loopback port, for benchmarks. */
import { spawn } from 'node:child_process';
import net from 'node:net';
import { repoPath } from '../paths.js';

/** A running emulator. */
export interface BenchAzurite {
  readonly connectionString: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Starts Azurite (in memory) and resolves once it accepts connections. */
export async function startBenchAzurite(): Promise<BenchAzurite> {
  const port = await freePort();
  const bin = repoPath('node_modules', 'azurite', 'dist', 'src', 'table', 'main.js');
  // In memory: nothing written to disk, nothing to clean up.
  const child = spawn(process.execPath, [bin, '--tableHost', '127.0.0.1', '--tablePort', String(port), '--silent', '--skipApiVersionCheck', '--disableTelemetry', '--inMemoryPersistence'], { stdio: 'ignore' });
  let open = false;
  for (let i = 0; i < 200 && !open; i++) {
    open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (!open) await new Promise((r) => setTimeout(r, 100));
  }
  if (!open) {
    child.kill('SIGTERM');
    throw new Error('bench-azurite: Azurite did not start');
  }
  // Azurite's documented, public development key (not a secret).
  const key = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
  return {
    connectionString: `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${key};TableEndpoint=http://127.0.0.1:${port}/devstoreaccount1;`,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}
