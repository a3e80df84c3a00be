// Named (prepared) statements for the typed SQL on a PostgreSQL server. PostgreSQL parses and plans a statement sent
// without a name every time it comes. On the missed-call path that planning was about a quarter of the database's
// CPU (pg_stat_statements with track_planning): the Dial action's one commit statement alone took 2 ms to plan and 4
// to run. A named statement is parsed once per connection, and from its sixth run PostgreSQL keeps a generic plan
// when that costs no more than the custom ones (plan_cache_mode auto), so the hot statements stop being planned.
// node-postgres prepares a statement given a `name` on first use per connection, then only binds and executes it.
//
// Every statement Kysely sends (lib/db/kysely.ts) gets a name, except an odd giant one. PostgreSQL refuses a cached
// plan whose result type changed: a migration added a column to a table read with `*` (a rolling deploy migrates
// while older instances still serve), or changed a column's type. Such a statement is sent unnamed from then on:
// - outside a transaction, it runs again unnamed at once, and the caller never sees the refusal;
// - inside one, the transaction is aborted: the error is marked retryable, and the unit of work runs again
//   (lib/db/run-transaction.ts).
// A connection keeps at most MAX_NAMED_PER_CONNECTION names, so statements whose text varies without bound (IN lists
// of any length) cannot fill the server's memory. A server that forgets them (a transaction-mode pooler in front of
// PostgreSQL) turns naming off for the process at its first refusal.
//
// The embedded database (PGlite) has one session behind every connection, where two connections' names would
// clash: it gets no names.
import { createHash } from "node:crypto";
import { LRUCache } from "lru-cache";
import type { PostgresPool, PostgresPoolClient } from "kysely";
import type pg from "pg";
import { logger } from "@/lib/log";

const MAX_NAMED_PER_CONNECTION = 200;
/** The longest statement worth a name: the hot ones are up to about 12 KB; an odd giant one stays unnamed. */
const MAX_NAMED_LENGTH = 32_000;

/** "cached plan must not change result type" (0A000) and "prepared statement … does not exist" (26000) */
const CHANGED_RESULT = "0A000";
const UNKNOWN_STATEMENT = "26000";

/**
 * Names already given, found by a short key (length, head and tail of the text) and then by the whole text: Kysely
 * builds each statement's text afresh, and looking a 12 KB text up by itself would hash all of it on every run.
 */
const namesByShape = new LRUCache<string, { text: string; name: string }[]>({ max: 2_000 });
/** statements that failed as named ones: sent unnamed from then on */
const unnamedTexts = new Set<string>();
let isNamingOff = false;

const SHAPE_EDGE = 48;
/** texts kept under one short key (the oldest goes): statements alike at both ends are few, but never unbounded */
const MAX_TEXTS_PER_SHAPE = 8;

/** The name of a statement that may be prepared, or undefined to send it unnamed. */
export function nameFor(text: string): string | undefined {
  if (isNamingOff || text.length > MAX_NAMED_LENGTH || (unnamedTexts.size > 0 && unnamedTexts.has(text)))
    return undefined;
  const shape = `${text.length}:${text.slice(0, SHAPE_EDGE)}:${text.slice(-SHAPE_EDGE)}`;
  const known = namesByShape.get(shape);
  const found = known?.find((entry) => entry.text === text);
  if (found) return found.name;
  const name = `rb_${createHash("sha1").update(text).digest("base64url")}`;
  if (!known) namesByShape.set(shape, [{ text, name }]);
  else if (known.push({ text, name }) > MAX_TEXTS_PER_SHAPE) known.shift();
  return name;
}

/** A failed named statement: whether PostgreSQL refused it for its name (then it goes unnamed from now on). */
function isRefusedName(error: unknown, text: string): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === CHANGED_RESULT && /cached plan/i.test(String((error as Error).message))) {
    unnamedTexts.add(text);
    return true;
  }
  if (code === UNKNOWN_STATEMENT) {
    if (!isNamingOff) {
      logger.warn("the database forgets prepared statements (a pooler?): statements are sent unnamed from now on");
    }
    isNamingOff = true;
    return true;
  }
  return false;
}

/** Whether a statement failed because of its name inside a transaction (the unit of work runs again, unnamed). */
export function isPlanRefusal(error: unknown): boolean {
  return Boolean((error as { isPlanRefusal?: boolean } | null)?.isPlanRefusal);
}

/**
 * Whether the connection is outside a transaction (node-postgres keeps the status of PostgreSQL's last
 * ReadyForQuery: I idle, T in a transaction, E in a failed one). Unknown counts as inside: the safe answer.
 */
function isOutsideTransaction(client: pg.PoolClient): boolean {
  return (client as unknown as { _txStatus?: unknown })._txStatus === "I";
}

const wrappedClients = new WeakMap<pg.PoolClient, PostgresPoolClient>();

function withNamedStatements(client: pg.PoolClient): PostgresPoolClient {
  let wrapped = wrappedClients.get(client);
  if (wrapped) return wrapped;
  const names = new Set<string>();
  const query = (textOrCursor: unknown, parameters?: readonly unknown[]) => {
    if (typeof textOrCursor !== "string") return client.query(textOrCursor as never);
    const text = textOrCursor;
    const values = parameters as unknown[] | undefined;
    const name = nameFor(text);
    if (!name || (!names.has(name) && names.size >= MAX_NAMED_PER_CONNECTION)) return client.query(text, values);
    names.add(name);
    return client.query({ name, text, values }).catch((error: unknown) => {
      if (!isRefusedName(error, text)) throw error;
      if (isOutsideTransaction(client)) return client.query(text, values);
      (error as { isPlanRefusal?: boolean }).isPlanRefusal = true;
      throw error;
    });
  };
  // Kysely keeps one connection object per client, found by identity: the same wrapper for every checkout.
  wrapped = new Proxy(client, {
    get(target, property) {
      if (property === "query") return query;
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === "function" ? value.bind(target) : value;
    },
  }) as unknown as PostgresPoolClient;
  wrappedClients.set(client, wrapped);
  return wrapped;
}

/** The pool as Kysely sees it: the same connections, whose statements are named (see above). */
export function poolWithNamedStatements(pool: pg.Pool): PostgresPool {
  return {
    options: pool.options,
    connect: async () => withNamedStatements(await pool.connect()),
    end: () => pool.end(),
  };
}
