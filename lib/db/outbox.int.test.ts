// outbox.write: a write whose result nothing reads rides in the commit's one statement with the events and jobs.
// It commits with them, rolls back with them, and each write gets its own values however many parts the statement
// has (the placeholders of each compiled write are renumbered into the statement's).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { newId } from "@/lib/db/new-id";
import { runTransaction } from "@/lib/db/run-transaction";
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
    expect(statements[1]).toMatch(/^WITH ev AS/);
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
