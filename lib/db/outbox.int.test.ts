// outbox.write: a write whose result nothing reads rides in the commit's one statement with the events and jobs.
// It commits with them, rolls back with them, and each write gets its own values however many parts the statement
// has (the placeholders of each compiled write are renumbered into the statement's).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { newId } from "@/lib/db/new-id";
import { rowsWritten, runStatement, runTransaction } from "@/lib/db/run-transaction";
import { getBoss, stopBoss } from "@/lib/jobs/boss";
import { createTestBusiness, randomPhone } from "@/test/helpers/business";
import { countStatements } from "@/test/helpers/count-statements";

// The queue starts before anything is counted, as on a running server.
beforeAll(async () => {
  await getBoss();
});
afterAll(async () => stopBoss());

describe("outbox.write", () => {
  it("writes with the events and jobs in the commit's one statement, each write with its own values", async () => {
    const { business } = await createTestBusiness();
    const phones = [randomPhone(), randomPhone(), randomPhone()];
    const leadIds = phones.map(() => newId());
    let jobId = "";
    const { statements } = await countStatements(() =>
      runTransaction(async (tx, outbox) => {
        outbox.record("lead.updated", { fields: ["name"] }, { businessId: business.id, actor: { kind: "system" } });
        jobId = outbox.enqueue("send-push", { notificationId: newId() }, { startAfter: 3600 });
        outbox.write(
          tx
            .updateTable("Business")
            .set({ name: "Renamed Plumbing", repeatWindowMinutes: 17 })
            .where("id", "=", business.id),
        );
        phones.forEach((phone, index) =>
          outbox.write(
            tx.insertInto("Lead").values({
              id: leadIds[index]!,
              businessId: business.id,
              phone,
              name: `Customer ${index}`,
              source: "text",
              updatedAt: new Date(),
            }),
          ),
        );
      }),
    );
    // BEGIN, the one statement, COMMIT.
    expect(statements).toHaveLength(3);
    expect(statements[1]).toMatch(/^WITH write_1 AS/);
    const stored = await db.business.findUniqueOrThrow({ where: { id: business.id } });
    expect(stored).toMatchObject({ name: "Renamed Plumbing", repeatWindowMinutes: 17 });
    const leads = await db.lead.findMany({ where: { id: { in: leadIds } } });
    expect(leadIds.map((id) => leads.find((lead) => lead.id === id)).map((lead) => [lead?.phone, lead?.name])).toEqual(
      phones.map((phone, index) => [phone, `Customer ${index}`]),
    );
    const events = await db.event.findMany({ where: { businessId: business.id, type: "lead.updated" } });
    expect(events).toHaveLength(1);
    const jobs = await db.$queryRaw<{ id: string }[]>`SELECT id::text FROM pgboss.job WHERE id = ${jobId}::uuid`;
    expect(jobs).toHaveLength(1);
    await db.$executeRaw`DELETE FROM pgboss.job WHERE id = ${jobId}::uuid`;
  });

  it("writes alone when there is no event or job", async () => {
    const { business } = await createTestBusiness();
    const { statements } = await countStatements(() =>
      runTransaction(
        async (tx, outbox) => {
          outbox.write(tx.updateTable("Business").set({ name: "Only A Write" }).where("id", "=", business.id));
        },
        { jobs: false },
      ),
    );
    expect(statements).toHaveLength(3);
    expect(await db.business.findUniqueOrThrow({ where: { id: business.id } })).toMatchObject({ name: "Only A Write" });
  });

  it("rolls back with the unit of work: a failing callback writes nothing, a failing write undoes the rest", async () => {
    const { business } = await createTestBusiness();
    await expect(
      runTransaction(async (tx, outbox) => {
        outbox.write(tx.updateTable("Business").set({ name: "Never Stored" }).where("id", "=", business.id));
        throw new Error("the callback failed");
      }),
    ).rejects.toThrow("the callback failed");
    const phone = randomPhone();
    await expect(
      runTransaction(async (tx, outbox) => {
        await tx.updateTable("Business").set({ name: "Undone Too" }).where("id", "=", business.id).execute();
        outbox.record("lead.updated", { fields: ["name"] }, { businessId: business.id, actor: { kind: "system" } });
        // Two leads with one phone: the unique index refuses the statement, and the whole unit rolls back.
        for (let index = 0; index < 2; index++)
          outbox.write(
            tx
              .insertInto("Lead")
              .values({ id: newId(), businessId: business.id, phone, source: "text", updatedAt: new Date() }),
          );
      }),
    ).rejects.toThrow(/duplicate key|unique/i);
    expect(await db.business.findUniqueOrThrow({ where: { id: business.id } })).toMatchObject({
      name: "Test Plumbing Co",
    });
    expect(await db.lead.count({ where: { businessId: business.id, phone } })).toBe(0);
    expect(await db.event.count({ where: { businessId: business.id, type: "lead.updated" } })).toBe(0);
  });
});

// runStatement: a unit of work that fits in the one statement runs without BEGIN and COMMIT, and a write's handle
// makes later parts (writes, events) happen only when it changed a row.
describe("runStatement", () => {
  /**
   * Renames the business only while it has `expected` as its name; only then sets the other business's repeat
   * window (a dependent write touches another row: one statement must not update a row twice) and records an event.
   */
  const renameIf = (businessId: string, otherId: string, expected: string, name: string) =>
    runStatement(
      (qb, outbox) => {
        const renamed = outbox.write(
          qb
            .updateTable("Business")
            .set({ name })
            .where("id", "=", businessId)
            .where("name", "=", expected)
            .returning("id"),
        );
        outbox.write(
          qb.updateTable("Business").set({ repeatWindowMinutes: 42 }).where("id", "=", otherId).where(renamed.happened),
        );
        outbox.record(
          "lead.updated",
          { fields: ["name"] },
          { businessId, actor: { kind: "system" } },
          { onlyIf: renamed },
        );
        outbox.record("lead.updated", { fields: ["phone"] }, { businessId, actor: { kind: "system" } });
        return renamed;
      },
      { jobs: false },
    );

  it("is one round trip; the dependent write and event happen only when the write they depend on changed a row", async () => {
    const { business } = await createTestBusiness();
    const { business: other } = await createTestBusiness();
    const first = await countStatements(() => renameIf(business.id, other.id, "Test Plumbing Co", "Renamed Once"));
    expect(first.statements).toHaveLength(1);
    expect(rowsWritten(first.result.flushed, first.result.built)).toBe(1);
    expect(first.result.flushed.events).toHaveLength(2);
    expect(await db.business.findUniqueOrThrow({ where: { id: business.id } })).toMatchObject({ name: "Renamed Once" });
    expect(await db.business.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({ repeatWindowMinutes: 42 });
    await db.business.update({ where: { id: other.id }, data: { repeatWindowMinutes: 5 } });
    // The condition no longer holds: the rename changes nothing, so neither does what depends on it.
    const second = await renameIf(business.id, other.id, "Test Plumbing Co", "Renamed Twice");
    expect(rowsWritten(second.flushed, second.built)).toBe(0);
    expect(second.flushed.events).toHaveLength(1);
    expect(await db.business.findUniqueOrThrow({ where: { id: business.id } })).toMatchObject({ name: "Renamed Once" });
    expect(await db.business.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({ repeatWindowMinutes: 5 });
    const events = await db.event.findMany({ where: { businessId: business.id, type: "lead.updated" } });
    expect(events.map((event) => (event.payload as { fields: string[] }).fields[0]).sort()).toEqual([
      "name",
      "phone",
      "phone",
    ]);
  });

  it("refuses a statement run on its builder, and an event that depends on a write with no RETURNING", async () => {
    const { business } = await createTestBusiness();
    await expect(
      runStatement(async (qb) => qb.selectFrom("Business").selectAll().execute(), { jobs: false }).then(
        ({ built }) => built,
      ),
    ).rejects.toThrow(/builds its statement only/);
    await expect(
      runStatement(
        (qb, outbox) => {
          const silent = outbox.write(qb.updateTable("Business").set({ name: "Never" }).where("id", "=", business.id));
          outbox.record(
            "lead.updated",
            { fields: ["name"] },
            { businessId: business.id, actor: { kind: "system" } },
            {
              onlyIf: silent,
            },
          );
        },
        { jobs: false },
      ),
    ).rejects.toThrow(/RETURNING/);
    expect(await db.business.findUniqueOrThrow({ where: { id: business.id } })).toMatchObject({
      name: "Test Plumbing Co",
    });
  });
});
