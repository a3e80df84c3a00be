// The closed lists stored as text are checked by the database too: a value the code does not know is refused at the
// write, not found later by a report that cannot place it.
import { describe, expect, it } from "vitest";
import { missReasons } from "@/lib/calls/miss-reason";
import { sqlDb } from "@/lib/db/kysely";
import { newId } from "@/lib/db/new-id";
import { actorKinds } from "@/lib/events/catalogue";
import { createTestBusiness, randomPhone } from "@/test/helpers/business";

const checkViolation = /violates check constraint/;

describe("checked unions", () => {
  it("a call's missReason is one of the known reasons, or none", async () => {
    const { business, twilioNumber } = await createTestBusiness();
    const call = (missReason: string | null) =>
      sqlDb()
        .insertInto("Call")
        .values({
          id: newId(),
          businessId: business.id,
          callSid: `CA${newId()}`,
          fromNumber: randomPhone(),
          toNumber: twilioNumber,
          missReason,
          updatedAt: new Date(),
        })
        .execute();
    for (const reason of [...missReasons, null]) await expect(call(reason)).resolves.toBeDefined();
    await expect(call("voicemail")).rejects.toThrow(checkViolation);
  });

  it("an event's actorKind is one of the known actors", async () => {
    const { business } = await createTestBusiness();
    const event = (actorKind: string) =>
      sqlDb().insertInto("Event").values({ businessId: business.id, type: "test.checked", actorKind }).execute();
    for (const kind of actorKinds) await expect(event(kind)).resolves.toBeDefined();
    await expect(event("robot")).rejects.toThrow(checkViolation);
  });

  it("a consent change's source is one of the known sources", async () => {
    const { business } = await createTestBusiness();
    const change = (source: string) =>
      sqlDb()
        .insertInto("ConsentChange")
        .values({ id: newId(), businessId: business.id, phone: randomPhone(), action: "opt_out", source })
        .execute();
    for (const source of ["keyword", "free_text", "ai_tool", "twilio_error", "manual"]) {
      await expect(change(source)).resolves.toBeDefined();
    }
    await expect(change("rumour")).rejects.toThrow(checkViolation);
  });
});
