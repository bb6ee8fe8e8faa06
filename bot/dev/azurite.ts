/**
 * Starts the real Azure storage emulator (Azurite, Table service) from node_modules on a free
 * loopback port: for the tests (a temporary folder) and the benchmarks (in memory).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { repoPath } from '../paths.js';

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

/** Options of {@link startAzurite}. */
export interface AzuriteOptions {
  /** Keep the tables in memory (nothing written to disk). Default false: a temporary folder. */
  readonly inMemory?: boolean;
}

/** Starts Azurite and resolves once it accepts connections (about 20 s at most). */
export async function startAzurite(options: AzuriteOptions = {}): Promise<Azurite> {
  const port = await freePort();
  const bin = repoPath('node_modules', 'azurite', 'dist', 'src', 'table', 'main.js');
  const storage = options.inMemory ? ['--inMemoryPersistence'] : ['--location', mkdtempSync(path.join(os.tmpdir(), 'balise-azurite-'))];
  const child = spawn(process.execPath, [bin, '--tableHost', '127.0.0.1', '--tablePort', String(port), ...storage, '--silent', '--skipApiVersionCheck', '--disableTelemetry'], { stdio: 'ignore' });
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
    throw new Error('azurite: the emulator did not start');
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
