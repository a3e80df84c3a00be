// The number's call-status callback: the final status is kept and never goes back; an unknown call is no error.
import { describe, expect, it } from "vitest";
import { POST as callStatus } from "@/app/api/twilio/call-status/route";
import { POST as voice } from "@/app/api/twilio/voice/route";
import { db } from "@/lib/db/client";
import { createTestBusiness, randomPhone } from "@/test/helpers/business";
import { callSid, signedTwilioRequest } from "@/test/helpers/twilio";

const report = async (params: Record<string, string>) =>
  callStatus(await signedTwilioRequest("/api/twilio/call-status", params));

describe("call-status callback", () => {
  it("keeps the terminal status; a late earlier status changes nothing", async () => {
    const { twilioNumber } = await createTestBusiness();
    const sid = callSid();
    const from = randomPhone();
    await voice(await signedTwilioRequest("/api/twilio/voice", { CallSid: sid, From: from, To: twilioNumber }));
    expect((await report({ CallSid: sid, CallStatus: "completed", From: from, CallDuration: "42" })).status).toBe(204);
    expect((await report({ CallSid: sid, CallStatus: "in-progress", From: from })).status).toBe(204);
    expect(await db.call.findUniqueOrThrow({ where: { callSid: sid } })).toMatchObject({ status: "completed" });
  });

  it("a call Ringback never saw start is answered 204 and nothing is written", async () => {
    const sid = callSid();
    expect((await report({ CallSid: sid, CallStatus: "no-answer", From: randomPhone() })).status).toBe(204);
    expect(await db.call.findUnique({ where: { callSid: sid } })).toBeNull();
  });

  it("an unknown status is refused with 400", async () => {
    expect((await report({ CallSid: callSid(), CallStatus: "exploded" })).status).toBe(400);
  });
});
