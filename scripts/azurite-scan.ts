/**
 * `npx tsx scripts/azurite-scan.ts [--rows 0,0,20000]` (the first 0 warms up): does the Azure Storage emulator (Azurite)
 * answer a key-range query in time that grows with the table? Uses the Azure SDK directly, not
 * Balise's store: one small partition `p` (10 rows) and N filler rows in *other* partitions; times
 * (median of 30) a query `PartitionKey eq 'p' and RowKey ge 'k05' and RowKey lt 'k06'` (1 row), a
 * point read of one row of `p`, and the same two with the N rows inside `p` itself. Azure indexes
 * (PartitionKey, RowKey), so on Azure none of these grow with N; on Azurite they do if it scans.
 */
import { TableClient } from '@azure/data-tables';
import { parseArgs } from 'node:util';
import { startAzurite } from '../bot/dev/azurite.js';

const { values } = parseArgs({ options: { rows: { type: 'string' } } });
const sizes = (values.rows ?? '0,0,20000').split(',').map(Number);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
async function timed(run: () => Promise<unknown>): Promise<number> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < 30; i++) {
    const t = performance.now();
    await run();
    times.push(performance.now() - t);
  }
  return median(times);
}

/** Writes `count` filler rows, ten transactions of 100 at a time. */
async function fill(client: TableClient, partitionOf: (i: number) => string, count: number) {
  const transactions: Array<() => Promise<unknown>> = [];
  for (let i = 0; i < count; i += 100) {
    const pk = partitionOf(i / 100);
    const ns = Array.from({ length: Math.min(100, count - i) }, (_, j) => i + j);
    transactions.push(() => client.submitTransaction(ns.map((n) => ['upsert', { partitionKey: pk, rowKey: `filler-${String(n).padStart(7, '0')}`, json: '{"x":1}' }])));
  }
  for (let i = 0; i < transactions.length; i += 10) await Promise.all(transactions.slice(i, i + 10).map((t) => t()));
}

const azurite = await startAzurite({ inMemory: true });
try {
  console.log('filler rows | query other-partition filler | get other-partition filler | query same-partition filler | get same-partition filler   (ms, median of 30)');
  for (const n of sizes) {
    const row: string[] = [];
    for (const where of ['other', 'same'] as const) {
      const client = TableClient.fromConnectionString(azurite.connectionString, `scan${where}${n}t${Date.now() % 100000}`, { allowInsecureConnection: true });
      await client.createTable();
      await client.submitTransaction(Array.from({ length: 10 }, (_, i) => ['upsert', { partitionKey: 'p', rowKey: `k${String(i).padStart(2, '0')}`, json: '{}' }]));
      await fill(client, (i) => (where === 'same' ? 'p' : `q${i % 50}`), n);
      const query = async () => {
        const found = [];
        for await (const e of client.listEntities({ queryOptions: { filter: "PartitionKey eq 'p' and RowKey ge 'k05' and RowKey lt 'k06'" } })) found.push(e);
        if (found.length !== 1) throw new Error(`azurite-scan: expected 1 row, got ${found.length}`);
      };
      row.push((await timed(query)).toFixed(2), (await timed(() => client.getEntity('p', 'k05'))).toFixed(2));
    }
    console.log(`${String(n).padStart(11)} | ${row.map((c) => c.padStart(10)).join(' | ')}`);
  }
} finally {
  await azurite.stop();
}
