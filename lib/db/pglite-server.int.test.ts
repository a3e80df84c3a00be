import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "@/lib/db/embedded";
import { waitFor } from "@/test/helpers/wait";

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

describe("embedded PostgreSQL: who may connect", () => {
  const withPassword = (url: string, password: string | null) => {
    const parsed = new URL(url);
    parsed.password = password ?? "";
    return parsed.toString();
  };

  it("refuses a wrong or missing password (28P01) and serves the per-boot one", async () => {
    expect(new URL(embedded.url).password.length).toBeGreaterThanOrEqual(24);
    for (const password of ["postgres", "x".repeat(32)]) {
      const client = new pg.Client({ connectionString: withPassword(embedded.url, password), password });
      client.on("error", () => undefined);
      await expect(client.connect(), `password ${JSON.stringify(password)}`).rejects.toMatchObject({
        code: "28P01",
      });
    }
    const client = new pg.Client({ connectionString: embedded.url });
    await client.connect();
    expect((await client.query("SELECT 1 AS one")).rows[0].one).toBe(1);
    await client.end();
  });

  it("a client that skips authentication gets nothing from PGlite", async () => {
    const { port } = new URL(embedded.url);
    const socket = net.connect(Number(port), "127.0.0.1");
    const received: Buffer[] = [];
    socket.on("data", (chunk: Buffer) => received.push(chunk));
    await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
    // A start-up packet (protocol 3.0, user postgres), then a simple Query without any password message.
    const params = Buffer.from("user\0postgres\0database\0postgres\0\0");
    const startup = Buffer.alloc(8);
    startup.writeInt32BE(8 + params.length, 0);
    startup.writeInt32BE(196608, 4);
    const sql = Buffer.from("SELECT 'leaked' AS secret\0");
    const query = Buffer.alloc(5);
    query.write("Q", 0);
    query.writeInt32BE(4 + sql.length, 1);
    socket.write(Buffer.concat([startup, params, query, sql]));
    let isClosed = false;
    socket.once("close", () => (isClosed = true));
    const text = () => Buffer.concat(received).toString("latin1");
    // Either the server hangs up, or (without the check) PGlite answers the query.
    await waitFor(() => isClosed || text().includes("leaked"));
    socket.destroy();
    const answer = text();
    expect(answer).toContain("SCRAM-SHA-256"); // asked for a password…
    expect(answer).toContain("28P01"); // …and refused the query in its place
    expect(answer).not.toContain("leaked");
  });
});

describe("embedded PostgreSQL: DATA_DIR", () => {
  it("is created 0700 (pgdata too), and an existing 0755 one is tightened", async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "ringback-datadir-"));
    const fresh = path.join(root, "fresh");
    const old = path.join(root, "old");
    fs.mkdirSync(old, { mode: 0o755 });
    fs.chmodSync(old, 0o755);
    for (const dataDir of [fresh, old]) {
      const started = await startEmbeddedDatabase({ dataDir });
      await started.stop();
      expect((fs.statSync(dataDir).mode & 0o777).toString(8), dataDir).toBe("700");
      expect((fs.statSync(path.join(dataDir, "pgdata")).mode & 0o777).toString(8)).toBe("700");
    }
    fs.rmSync(root, { recursive: true, force: true });
  }, 120_000); // two on-disk databases are created (initdb each): slow on a busy machine
});
