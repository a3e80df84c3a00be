// Named (prepared) statements for the typed SQL on a PostgreSQL server. PostgreSQL parses and plans a statement sent
// without a name every time it comes; on the missed-call path planning was about a fifth of the database's time
// (pg_stat_statements, with planning tracked). A named statement is parsed once per connection, and from its sixth
// run PostgreSQL keeps a generic plan when that costs no more than the custom ones (plan_cache_mode auto): the hot
// statements stop being planned at all. node-postgres prepares a statement given a `name` on first use per
// connection, and afterwards only binds and executes it.
//
// Which statements: every statement Kysely sends (lib/db/kysely.ts) that lists its columns. One with `*` goes
// unnamed: a migration that adds a column (a rolling deploy migrates while older instances still serve) would change
// its result, and PostgreSQL refuses a cached plan whose result type changed. Should that happen anyway (a column's
// type changed), the statement is sent unnamed from then on and the failed unit of work runs again. A connection
// keeps at most MAX_NAMED_PER_CONNECTION names, so statements whose text varies without bound (IN lists of any
// length) cannot fill the server's memory. A server that forgets them (a transaction-mode pooler in front of
// PostgreSQL) turns naming off for the process at its first refusal.
//
// The embedded database (PGlite) has one session behind every connection, where two connections' names would
// clash: it gets no names.
import { createHash } from "node:crypto";
import { LRUCache } from "lru-cache";
import type { PostgresPool, PostgresPoolClient } from "kysely";
import type pg from "pg";
import { logger } from "@/lib/log";

const MAX_NAMED_PER_CONNECTION = 400;
/** The longest statement worth a name: the hot ones are a few KB; an odd giant one stays unnamed. */
const MAX_NAMED_LENGTH = 16_000;

/** "cached plan must not change result type" (0A000) and "prepared statement … does not exist" (26000) */
const CHANGED_RESULT = "0A000";
const UNKNOWN_STATEMENT = "26000";

const namesByText = new LRUCache<string, string>({ max: 2_000 });
/** statements that failed as named ones: sent unnamed from then on */
const unnamedTexts = new Set<string>();
let isNamingOff = false;

/** The name of a statement that may be prepared, or undefined to send it unnamed. */
function nameFor(text: string): string | undefined {
  if (isNamingOff || text.length > MAX_NAMED_LENGTH || text.includes("*") || unnamedTexts.has(text)) {
    return undefined;
  }
  let name = namesByText.get(text);
  if (!name) {
    name = `rb_${createHash("sha1").update(text).digest("base64url")}`;
    namesByText.set(text, name);
  }
  return name;
}

/** A failed named statement: which refusals are about the name, and what to do about them. */
function onNamedFailure(error: unknown, text: string): void {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === CHANGED_RESULT && /cached plan/i.test(String((error as Error).message))) {
    unnamedTexts.add(text);
    (error as { isPlanRefusal?: boolean }).isPlanRefusal = true;
  } else if (code === UNKNOWN_STATEMENT) {
    isNamingOff = true;
    (error as { isPlanRefusal?: boolean }).isPlanRefusal = true;
    logger.warn("the database forgets prepared statements (a pooler?): statements are sent unnamed from now on");
  }
}

/** Whether a statement failed because of its name (the unit of work runs again, and the statement goes unnamed). */
export function isPlanRefusal(error: unknown): boolean {
  return Boolean((error as { isPlanRefusal?: boolean } | null)?.isPlanRefusal);
}

const wrappedClients = new WeakMap<pg.PoolClient, PostgresPoolClient>();

function withNamedStatements(client: pg.PoolClient): PostgresPoolClient {
  let wrapped = wrappedClients.get(client);
  if (wrapped) return wrapped;
  const names = new Set<string>();
  const query = (textOrCursor: unknown, parameters?: readonly unknown[]) => {
    if (typeof textOrCursor !== "string") return client.query(textOrCursor as never);
    const name = nameFor(textOrCursor);
    if (!name || (!names.has(name) && names.size >= MAX_NAMED_PER_CONNECTION)) {
      return client.query(textOrCursor, parameters as unknown[]);
    }
    names.add(name);
    return client.query({ name, text: textOrCursor, values: parameters as unknown[] }).catch((error: unknown) => {
      onNamedFailure(error, textOrCursor);
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
