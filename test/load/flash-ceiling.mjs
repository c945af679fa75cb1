// The ceiling of the flash-sale benchmark: the same race as raw SQL, each buyer one conditional
// UPDATE of the hot variant's stock on a pool of the size of both API processes' pools together,
// all at once. A child process of the bench, so that it does not share an event loop with it.
import pg from 'pg';
import { percentile } from './bench-support.mjs';

process.on('disconnect', () => process.exit(0));
process.on('SIGTERM', () => process.exit(0));

process.once('message', async ({ databaseUrl, variantId, buyers, poolSize }) => {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize, application_name: 'bench-flash-ceiling' });
  try {
    // Connections opened before the start, as the API's pools are warm when the race begins.
    await Promise.all(Array.from({ length: poolSize }, () => pool.connect())).then((clients) => clients.forEach((c) => c.release()));
    const started = performance.now();
    const answers = await Promise.all(
      Array.from({ length: buyers }, async () => {
        const { rowCount } = await pool.query(`UPDATE product_variant SET stock = stock - 1 WHERE id = $1 AND stock >= 1`, [variantId]);
        return { sold: rowCount === 1, ms: performance.now() - started };
      }),
    );
    const elapsedMs = performance.now() - started;
    const latencies = Float64Array.from(answers.map((a) => a.ms)).sort();
    process.send({
      result: {
        sold: answers.filter((a) => a.sold).length,
        refused: answers.filter((a) => !a.sold).length,
        elapsedMs,
        p50: percentile(latencies, 50),
        p99: percentile(latencies, 99),
      },
    });
  } catch (error) {
    process.send({ error: error instanceof Error ? error.message : String(error) });
  } finally {
    await pool.end().catch(() => undefined);
  }
});
