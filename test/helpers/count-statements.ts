// Counts the database round trips made on behalf of one piece of work: every query on every pg connection of this
// process (the app's pool shared by Prisma and Kysely, pg-boss's pool, the live-event publisher), as long as it is
// issued from inside `work` (AsyncLocalStorage follows the async calls). Timers of pg-boss's own (maintenance,
// polling) run outside it and are not counted. BEGIN and COMMIT are round trips and count.
import { AsyncLocalStorage } from "node:async_hooks";
import pg from "pg";

type Counter = { statements: string[] };

const storage = new AsyncLocalStorage<Counter>();
let isPatched = false;

function patchClient() {
  if (isPatched) return;
  isPatched = true;
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function patchedQuery(this: pg.Client, ...args: unknown[]) {
    const counter = storage.getStore();
    if (counter) {
      const first = args[0] as string | { text?: string };
      counter.statements.push(typeof first === "string" ? first : (first?.text ?? "?"));
    }
    return (original as (...params: unknown[]) => unknown).apply(this, args);
  } as typeof original;
}

/** Runs `work` and returns its result with the SQL text of every round trip it made, in order. */
export async function countStatements<T>(work: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  patchClient();
  const counter: Counter = { statements: [] };
  const result = await storage.run(counter, work);
  return { result, statements: counter.statements };
}
