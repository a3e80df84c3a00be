// Hand-built rows for metric tests: a call, its lead and thread, exactly as the missed-call path leaves them.
import { randomUUID } from "node:crypto";
import type { CallSkipReason, LeadStatus } from "@prisma/client";
import { db } from "@/lib/db/client";
import { newSetupTestCaller } from "@/lib/setup-test/test-caller";

let counter = 0;

export async function createFixtureCall({
  businessId,
  at,
  skipReason = null,
  acceptedAfterSeconds = null,
  isTest = false,
  isMissed = true,
  replied = false,
  leadStatus = "contacted",
  valueCents = null,
}: {
  businessId: string;
  at: Date;
  skipReason?: CallSkipReason | null;
  acceptedAfterSeconds?: number | null;
  isTest?: boolean;
  isMissed?: boolean;
  replied?: boolean;
  leadStatus?: LeadStatus;
  valueCents?: number | null;
}) {
  counter += 1;
  const phone =
    `+1617555${String(counter % 10_000).padStart(4, "0")}${randomUUID().slice(0, 4).replace(/\D/g, "")}`.slice(0, 12);
  const accepted = acceptedAfterSeconds === null ? null : new Date(at.getTime() + acceptedAfterSeconds * 1000);
  const lead = await db.lead.create({
    data: {
      businessId,
      // A test call comes from the "test my setup" caller, as in production.
      phone: isTest ? newSetupTestCaller() : `${phone}${randomUUID().slice(0, 6)}`,
      status: leadStatus,
      createdAt: at,
      valueCents,
      closedAt: leadStatus === "won" || leadStatus === "lost" ? at : null,
      qualifiedAt: leadStatus === "qualified" || leadStatus === "won" ? at : null,
    },
  });
  const thread = await db.thread.create({
    data: {
      businessId,
      leadId: lead.id,
      autoTextedAt: accepted,
      firstCustomerReplyAt: replied && accepted ? new Date(accepted.getTime() + 60_000) : null,
      createdAt: at,
    },
  });
  const call = await db.call.create({
    data: {
      businessId,
      leadId: lead.id,
      threadId: thread.id,
      callSid: `CA${randomUUID().replaceAll("-", "")}`,
      fromNumber: lead.phone,
      toNumber: "+15005550006",
      isMissed,
      isTest,
      skipReason,
      isRepeat: skipReason === "repeat_caller",
      detectedAt: at,
      smsAcceptedAt: accepted,
      createdAt: at,
    },
  });
  return { lead, thread, call };
}
