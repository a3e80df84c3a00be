import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/twilio/emergency-connect/route";
import { db } from "@/lib/db/client";
import { emergencyAlertTwiml } from "@/lib/notifications/place-emergency-call";
import { createTestBusiness, randomPhone } from "@/test/helpers/business";
import { callSid, signedTwilioRequest } from "@/test/helpers/twilio";

async function emergencyThread() {
  const owner = await createTestBusiness();
  const lead = await db.lead.create({
    data: { businessId: owner.business.id, phone: randomPhone(), urgency: "emergency" },
  });
  const thread = await db.thread.create({ data: { businessId: owner.business.id, leadId: lead.id } });
  return { ...owner, lead, thread };
}

describe("emergency alert call", () => {
  it("speaks the alert and gathers one digit for the signed connect URL", async () => {
    const twiml = emergencyAlertTwiml({ title: "Gas smell at 12 Elm St", threadId: "t1", businessId: "b1" });
    expect(twiml).toContain("<Gather");
    expect(twiml).toContain('numDigits="1"');
    expect(twiml).toContain("https://ringback.test/api/twilio/emergency-connect?threadId=t1&amp;businessId=b1");
    expect(twiml).toContain("Gas smell at 12 Elm St");
  });

  it("pressing 1 bridges to the customer showing the business number; anything else hangs up politely", async () => {
    const { thread, lead, twilioNumber, business } = await emergencyThread();
    const path = `/api/twilio/emergency-connect?threadId=${thread.id}&businessId=${business.id}`;
    const connected = await (await POST(await signedTwilioRequest(path, { CallSid: callSid(), Digits: "1" }))).text();
    expect(connected).toContain(`<Dial callerId="${twilioNumber}"`);
    expect(connected).toContain(lead.phone);
    const declined = await (await POST(await signedTwilioRequest(path, { CallSid: callSid(), Digits: "2" }))).text();
    expect(declined).not.toContain("<Dial");
  });

  it("a signed URL naming another business never connects to this thread's customer", async () => {
    const { thread, lead } = await emergencyThread();
    const other = await createTestBusiness();
    const path = `/api/twilio/emergency-connect?threadId=${thread.id}&businessId=${other.business.id}`;
    const answer = await (await POST(await signedTwilioRequest(path, { CallSid: callSid(), Digits: "1" }))).text();
    expect(answer).not.toContain("<Dial");
    expect(answer).not.toContain(lead.phone);
  });

  it("refuses an unsigned request", async () => {
    const { thread } = await emergencyThread();
    const response = await POST(
      await signedTwilioRequest(
        `/api/twilio/emergency-connect?threadId=${thread.id}`,
        { Digits: "1" },
        { signature: null },
      ),
    );
    expect(response.status).toBe(403);
  });
});
