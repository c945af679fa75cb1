// The second ceiling of the catalog benchmark: the very statements the API sends for each scenario
// (built by the API's own code, apps/api/dist/catalog/catalog.repository.js), through `pg` directly
// as named prepared statements, in closed loops at the API run's concurrency, on a pool of the API's
// size. What is left between this and the API is the API's own work: HTTP, routing, validation,
// JSON. A child process of the bench, so that it does not share an event loop with it; settings
// come over IPC, the figures go back the same way.
import pg from 'pg';
import { closedLoops } from './bench-support.mjs';

process.on('disconnect', () => process.exit(0));
process.on('SIGTERM', () => process.exit(0));

process.once('message', async ({ databaseUrl, scenarios, connections, poolSize, warmupSeconds, seconds }) => {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize, application_name: 'bench-catalog-ceiling' });
  try {
    const results = [];
    for (const { statements } of scenarios) {
      // As the API runs them: a statement planned for its values (a search) goes unnamed, every other one named.
      const queries = statements.map(({ text, values, planEachTime }, i) => ({
        name: planEachTime ? undefined : `ceiling_${results.length}_${i}`,
        text,
        values,
      }));
      const result = await closedLoops({
        loops: connections,
        warmupSeconds,
        seconds,
        iteration: async () => {
          const started = performance.now();
          for (const query of queries) {
            const { rowCount } = await pool.query(query);
            if (!rowCount) return { problem: 'a statement answered no rows' };
          }
          return { timings: { answer: performance.now() - started } };
        },
      });
      results.push(result);
    }
    process.send({ results });
  } catch (error) {
    process.send({ error: error instanceof Error ? error.message : String(error) });
  } finally {
    await pool.end().catch(() => undefined);
  }
});
