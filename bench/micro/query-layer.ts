// npm run bench:query-layer [-- --n=2000]
// What the query layer costs per query, on the PostgreSQL server: Prisma 6 (driver adapter, query compiler),
// Kysely and raw `pg`, all three on ONE pg.Pool as the app runs them. Two shapes: a primary-key read, and a
// transaction of 5 statements (lock the lead, read the thread, insert a message, update the thread, insert an
// event). It reports the CPU time of this process per operation (what the Node thread pays, the limit under load)
// and the wall time, each as the median of 5 rounds after a warm-up. The rule the write path follows: the chosen
// layer costs within 2x of raw pg.
import { randomUUID } from "node:crypto";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { DB } from "../../lib/db/generated/kysely-types";
import { migrateDatabase } from "../../lib/db/migrate";
import { createPool } from "../../lib/db/pool";

const serverUrl = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const n = Number(process.argv.find((arg) => arg.startsWith("--n="))?.split("=")[1] ?? 2000);
const rounds = 5;

type Fixture = { businessId: string; leadId: string; threadId: string };
type Layer = { name: string; read: (f: Fixture) => Promise<unknown>; transaction: (f: Fixture) => Promise<unknown> };

async function createDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `ringback_micro_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await migrateDatabase({ databaseUrl: url.toString(), migrationsDir: path.resolve("prisma/migrations") });
  return {
    url: url.toString(),
    drop: async () => {
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

async function seed(pool: pg.Pool): Promise<Fixture> {
  const businessId = randomUUID();
  const leadId = randomUUID();
  const threadId = randomUUID();
  await pool.query(
    `INSERT INTO "Business" (id, name, "businessHours", "autoReplyTemplate", "updatedAt") VALUES ($1, 'Bench', '{}', 'Hi', now())`,
    [businessId],
  );
  await pool.query(`INSERT INTO "Lead" (id, "businessId", phone, "updatedAt") VALUES ($1, $2, '+14155550100', now())`, [
    leadId,
    businessId,
  ]);
  await pool.query(`INSERT INTO "Thread" (id, "businessId", "leadId", "updatedAt") VALUES ($1, $2, $3, now())`, [
    threadId,
    businessId,
    leadId,
  ]);
  return { businessId, leadId, threadId };
}

function rawPg(pool: pg.Pool): Layer {
  return {
    name: "raw pg",
    read: (f) => pool.query(`SELECT * FROM "Lead" WHERE id = $1`, [f.leadId]),
    transaction: async (f) => {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        await client.query(`SELECT id, "isOptedOut" FROM "Lead" WHERE id = $1 FOR UPDATE`, [f.leadId]);
        await client.query(`SELECT id, mode FROM "Thread" WHERE id = $1`, [f.threadId]);
        const now = new Date();
        await client.query(
          `INSERT INTO "Message" (id, "businessId", "threadId", "leadId", direction, "authorKind", purpose, body, "fromNumber", "toNumber", status, "updatedAt")
           VALUES ($1, $2, $3, $4, 'outbound', 'system', 'auto_reply', 'Hi', '+1', '+2', 'queued', $5)`,
          [randomUUID(), f.businessId, f.threadId, f.leadId, now],
        );
        await client.query(`UPDATE "Thread" SET "lastMessageAt" = $1, "updatedAt" = $1 WHERE id = $2`, [
          now,
          f.threadId,
        ]);
        await client.query(
          `INSERT INTO "Event" ("businessId", "threadId", type, "actorKind", payload) VALUES ($1, $2, 'message.queued', 'system', $3)`,
          [f.businessId, f.threadId, JSON.stringify({ bench: true })],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      } finally {
        client.release();
      }
    },
  };
}

function kysely(db: Kysely<DB>): Layer {
  return {
    name: "Kysely",
    read: (f) => db.selectFrom("Lead").selectAll().where("id", "=", f.leadId).executeTakeFirst(),
    transaction: (f) =>
      db.transaction().execute(async (tx) => {
        await tx.selectFrom("Lead").select(["id", "isOptedOut"]).where("id", "=", f.leadId).forUpdate().execute();
        await tx.selectFrom("Thread").select(["id", "mode"]).where("id", "=", f.threadId).executeTakeFirst();
        const now = new Date();
        await tx
          .insertInto("Message")
          .values({
            id: randomUUID(),
            businessId: f.businessId,
            threadId: f.threadId,
            leadId: f.leadId,
            direction: "outbound",
            authorKind: "system",
            purpose: "auto_reply",
            body: "Hi",
            fromNumber: "+1",
            toNumber: "+2",
            status: "queued",
            updatedAt: now,
          })
          .execute();
        await tx
          .updateTable("Thread")
          .set({ lastMessageAt: now, updatedAt: now })
          .where("id", "=", f.threadId)
          .execute();
        await tx
          .insertInto("Event")
          .values({
            businessId: f.businessId,
            threadId: f.threadId,
            type: "message.queued",
            actorKind: "system",
            payload: JSON.stringify({ bench: true }),
          })
          .execute();
      }),
  };
}

function prisma(client: PrismaClient): Layer {
  return {
    name: "Prisma 6.19",
    read: (f) => client.lead.findUnique({ where: { id: f.leadId } }),
    transaction: (f) =>
      client.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT id, "isOptedOut" FROM "Lead" WHERE id = ${f.leadId} FOR UPDATE`;
        await tx.thread.findUnique({ where: { id: f.threadId }, select: { id: true, mode: true } });
        await tx.message.create({
          data: {
            businessId: f.businessId,
            threadId: f.threadId,
            leadId: f.leadId,
            direction: "outbound",
            authorKind: "system",
            purpose: "auto_reply",
            body: "Hi",
            fromNumber: "+1",
            toNumber: "+2",
            status: "queued",
          },
          select: { id: true },
        });
        await tx.thread.update({
          where: { id: f.threadId },
          data: { lastMessageAt: new Date() },
          select: { id: true },
        });
        await tx.event.create({
          data: {
            businessId: f.businessId,
            threadId: f.threadId,
            type: "message.queued",
            actorKind: "system",
            payload: { bench: true },
          },
          select: { id: true },
        });
      }),
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** CPU and wall milliseconds per operation, median of the rounds. */
async function measure(operation: () => Promise<unknown>, count: number) {
  for (let index = 0; index < Math.min(200, count); index++) await operation(); // warm-up: JIT, plans, connections
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const cpuStart = process.cpuUsage();
    const wallStart = performance.now();
    for (let index = 0; index < count; index++) await operation();
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000 / count);
    wall.push((performance.now() - wallStart) / count);
  }
  return { cpuMs: median(cpu), wallMs: median(wall) };
}

async function main() {
  const database = await createDatabase();
  const pool = createPool(database.url, { max: 4 });
  const prismaClient = new PrismaClient({ adapter: new PrismaPg(pool) });
  const kyselyDb = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  try {
    const fixture = await seed(pool);
    const layers = [rawPg(pool), kysely(kyselyDb), prisma(prismaClient)];
    const rows: Record<string, string>[] = [];
    const results: Record<string, { read: { cpuMs: number; wallMs: number }; tx: { cpuMs: number; wallMs: number } }> =
      {};
    for (const layer of layers) {
      const read = await measure(() => layer.read(fixture), n);
      const tx = await measure(() => layer.transaction(fixture), Math.max(100, Math.round(n / 4)));
      results[layer.name] = { read, tx };
    }
    const base = results["raw pg"]!;
    for (const [name, { read, tx }] of Object.entries(results)) {
      rows.push({
        layer: name,
        "pk read CPU ms": read.cpuMs.toFixed(3),
        "× raw": (read.cpuMs / base.read.cpuMs).toFixed(2),
        "pk read wall ms": read.wallMs.toFixed(3),
        "5-stmt tx CPU ms": tx.cpuMs.toFixed(3),
        "× raw ": (tx.cpuMs / base.tx.cpuMs).toFixed(2),
        "5-stmt tx wall ms": tx.wallMs.toFixed(3),
      });
    }
    console.log(
      `query layer micro-benchmark: n=${n} reads, ${Math.max(100, Math.round(n / 4))} transactions, median of ${rounds} rounds`,
    );
    console.table(rows);
    const kyselyResult = results["Kysely"]!;
    const within = kyselyResult.read.cpuMs <= 2 * base.read.cpuMs && kyselyResult.tx.cpuMs <= 2 * base.tx.cpuMs;
    console.log(`Kysely within 2x of raw pg per query: ${within ? "yes" : "NO"}`);
  } finally {
    await prismaClient.$disconnect().catch(() => undefined);
    await kyselyDb.destroy().catch(() => undefined);
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
