// On a PostgreSQL server the typed SQL is prepared once per connection: every statement gets a name and, after a few
// runs, PostgreSQL's generic plan. A prepared statement PostgreSQL refuses after a table changed under it runs again
// unnamed: at once outside a transaction, through the unit of work's retry inside one.
import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { describe, expect, inject, it } from "vitest";
import { sqlDb } from "@/lib/db/kysely";
import { isRetryableTransactionError, runTransaction } from "@/lib/db/run-transaction";
import { createTestBusiness } from "@/test/helpers/business";

type Prepared = { name: string; statement: string; generic_plans: string };

/** A scratch table with one row, dropped after `body`. */
async function withProbeTable(body: (table: ReturnType<typeof sql.table>) => Promise<void>) {
  const table = sql.table(`prepared_probe_${randomBytes(4).toString("hex")}`);
  await sql`CREATE TABLE ${table} (a int)`.execute(sqlDb());
  await sql`INSERT INTO ${table} VALUES (7)`.execute(sqlDb());
  try {
    await body(table);
  } finally {
    await sql`DROP TABLE ${table}`.execute(sqlDb());
  }
}

// The embedded database gets no names (one PGlite session behind every connection): nothing to see there.
describe.skipIf(inject("databaseKind") !== "server")("prepared statements", () => {
  it("names each statement, `*` included, and the named ones stop being planned", async () => {
    const { business } = await createTestBusiness();
    const prepared = await sqlDb()
      .connection()
      .execute(async (connection) => {
        for (let run = 0; run < 8; run++) {
          await connection.selectFrom("Business").select(["id", "name"]).where("id", "=", business.id).execute();
          await connection.selectFrom("Business").selectAll().where("id", "=", business.id).execute();
        }
        const { rows } = await sql<Prepared>`
          SELECT name, statement, generic_plans::text FROM pg_prepared_statements`.execute(connection);
        return rows;
      });
    for (const text of [`select "id", "name" from "Business"`, `select * from "Business"`]) {
      const listed = prepared.filter((row) => row.statement.includes(text));
      expect(listed, text).toHaveLength(1);
      expect(listed[0]!.name).toMatch(/^rb_/);
      expect(Number(listed[0]!.generic_plans)).toBeGreaterThan(0);
    }
  });

  it("outside a transaction, a statement refused after its table changed runs again unnamed at once", async () => {
    await withProbeTable(async (table) => {
      const rows = await sqlDb()
        .connection()
        .execute(async (connection) => {
          const read = () => sql<{ a: unknown }>`SELECT a FROM ${table}`.execute(connection);
          await read();
          await sql`ALTER TABLE ${table} ALTER COLUMN a TYPE text`.execute(connection);
          return (await read()).rows;
        });
      expect(rows).toEqual([{ a: "7" }]);
    });
  });

  it("inside a transaction, the refusal is retryable and the unit of work's next attempt runs it unnamed", async () => {
    await withProbeTable(async (table) => {
      const read = sql<{ a: unknown }>`SELECT a FROM ${table} WHERE a IS NOT NULL`;
      const refusals: unknown[] = [];
      let attempts = 0;
      const rows = await runTransaction(async (tx) => {
        attempts++;
        await read.execute(tx); // prepared on this connection (the first attempt), or unnamed (the second)
        await sql`ALTER TABLE ${table} ALTER COLUMN a TYPE text`.execute(tx);
        try {
          return (await read.execute(tx)).rows;
        } catch (error) {
          refusals.push(error);
          throw error;
        }
      });
      expect(rows).toEqual([{ a: "7" }]);
      expect(attempts).toBe(2);
      expect(refusals).toHaveLength(1);
      expect(String(refusals[0])).toMatch(/cached plan must not change result type/);
      expect(isRetryableTransactionError(refusals[0])).toBe(true);
    });
  });
});
