import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { eventCatalogue, toEventRow } from "@/lib/events/catalogue";

describe("the event catalogue", () => {
  const refs = { businessId: "b1", threadId: "t1", actor: { kind: "system" as const } };

  it("turns a known event into a row with its refs", () => {
    expect(toEventRow("message.received", { messageId: "m1" }, refs)).toEqual({
      businessId: "b1",
      threadId: "t1",
      leadId: null,
      callId: null,
      type: "message.received",
      actorKind: "system",
      actorUserId: null,
      payload: { messageId: "m1" },
    });
  });

  it("refuses a payload of the wrong shape before anything is stored", () => {
    // @ts-expect-error -- messageId is required: the wrong shape does not compile either
    expect(() => toEventRow("message.received", { id: "m1" }, refs)).toThrow(ZodError);
  });

  it("has no event an unknown name could match", () => {
    // @ts-expect-error -- an event name outside the catalogue does not compile
    expect(() => toEventRow("message.teleported", {}, refs)).toThrow();
    expect(Object.keys(eventCatalogue)).not.toContain("message.teleported");
  });
});
