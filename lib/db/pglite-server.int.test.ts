import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "@/lib/db/embedded";

let embedded: EmbeddedDatabase;
beforeAll(async () => {
  embedded = await startEmbeddedDatabase({ dataDir: null });
});
afterAll(async () => embedded.stop());

describe("embedded PostgreSQL server", () => {
  it("keeps many connections' extended-protocol queries and transactions apart", async () => {
    const pools = Array.from({ length: 4 }, () => new pg.Pool({ connectionString: embedded.url, max: 4 }));
    await pools[0]!.query("CREATE TABLE counter (id int PRIMARY KEY, value int NOT NULL)");
    await pools[0]!.query("INSERT INTO counter VALUES (1, 0)");
    const work = [];
    for (let i = 0; i < 80; i++) {
      const pool = pools[i % pools.length]!;
      if (i % 2 === 0) {
        // parameter counts differ between statements: interleaved Parse/Bind would fail loudly
        work.push(
          pool
            .query("SELECT $1::int + $2::int + $3::int AS sum", [i, 1, 2])
            .then((r) => expect(r.rows[0].sum).toBe(i + 3)),
        );
      } else {
        work.push(
          (async () => {
            const client = await pool.connect();
            try {
              await client.query("BEGIN");
              const { rows } = await client.query("SELECT value FROM counter WHERE id = $1", [1]);
              await client.query("UPDATE counter SET value = $1 WHERE id = $2", [rows[0].value + 1, 1]);
              await client.query("COMMIT");
            } finally {
              client.release();
            }
          })(),
        );
      }
    }
    await Promise.all(work);
    const { rows } = await pools[0]!.query("SELECT value FROM counter WHERE id = 1");
    expect(rows[0].value).toBe(40); // no lost update: transactions did not interleave
    await Promise.all(pools.map((pool) => pool.end()));
  });

  it("rolls back the transaction of a client that disconnects inside it", async () => {
    const a = new pg.Client({ connectionString: embedded.url });
    const b = new pg.Client({ connectionString: embedded.url });
    a.on("error", () => undefined); // its connection is cut on purpose below
    await a.connect();
    await b.connect();
    await a.query("CREATE TABLE dropped (id int)");
    await a.query("BEGIN");
    await a.query("INSERT INTO dropped VALUES (1)");
    const waiting = b.query("SELECT count(*)::int AS n FROM dropped");
    a.connection.stream.destroy();
    const { rows } = await waiting;
    expect(rows[0].n).toBe(0);
    await b.end();
  });
});
