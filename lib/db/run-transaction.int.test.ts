import { describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";
import { createTestBusiness } from "@/test/helpers/business";

// The embedded database runs one transaction at a time, so only a server can deadlock.
describe.skipIf(inject("databaseKind") !== "server")("runTransaction", () => {
  it("runs the deadlock victim again: both writers succeed", async () => {
    const a = await createTestBusiness();
    const b = await createTestBusiness();
    let arrived = 0;
    const barrier = async () => {
      arrived++;
      while (arrived < 2) await new Promise((resolve) => setTimeout(resolve, 10));
    };
    let attempts = 0;
    const rename = (id: string, name: string) => (tx: Parameters<Parameters<typeof runTransaction>[0]>[0]) =>
      tx.updateTable("Business").set({ name }).where("id", "=", id).execute();
    const writer = (first: string, second: string, name: string) =>
      runTransaction(async (tx) => {
        attempts++;
        await rename(first, name)(tx);
        await barrier();
        await rename(second, name)(tx);
      });
    await Promise.all([writer(a.business.id, b.business.id, "one"), writer(b.business.id, a.business.id, "two")]);
    expect(attempts).toBeGreaterThan(2); // one of them was the deadlock victim and ran again
    const names = await db.business.findMany({ where: { id: { in: [a.business.id, b.business.id] } } });
    expect(new Set(names.map((business) => business.name)).size).toBe(1); // the retried writer wrote both rows last
  });
});
