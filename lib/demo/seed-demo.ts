// Fills one business with ~4 weeks of realistic activity (calls missed, answered and skipped; threads with auto,
// customer, AI and member messages; leads in every status, won ones with a job value; notifications with takeover
// times) so the dashboard means something on first start. Idempotent: a marker in AppSetting; a second run does nothing.
import { randomUUID } from "node:crypto";
import type { CallSkipReason, LeadStatus, Prisma } from "@prisma/client";
import { sampleVoicemail } from "@/lib/calls/sample-voicemail";
import { db } from "@/lib/db/client";
import type { Tx } from "@/lib/db/kysely";
import { newId } from "@/lib/db/new-id";
import { runTransaction } from "@/lib/db/run-transaction";
import {
  demoAiReplies,
  demoCustomerFollowUps,
  demoCustomerReplies,
  demoCustomers,
  demoMemberReplies,
  fillTemplate,
  seededRandom,
} from "@/lib/demo/demo-content";
import { addDays, zonedDay, zonedDayStart } from "@/lib/metrics/zoned-time";
import { simulatorRecordingUrl } from "@/lib/telephony/simulator/simulator-sids";

// Ids as every other row has them (lib/db/new-id.ts); the kind of row is in the table, not the id.
const id = (_kind: string) => newId();
const later = (date: Date, seconds: number) => new Date(date.getTime() + seconds * 1000);

/** A voicemail on the simulator's account: the app plays the sample recording shipped with it. */
function demoVoicemail(problem: string) {
  const recordingSid = `RE${randomUUID().replaceAll("-", "")}`;
  return {
    recordingSid,
    voicemailUrl: simulatorRecordingUrl(recordingSid),
    voicemailDurationSec: sampleVoicemail.durationSec,
    voicemailTranscript: `Hi, it's about ${problem.toLowerCase()}. Please call me back.`,
  };
}

type Rows = {
  leads: Prisma.LeadCreateManyInput[];
  threads: Prisma.ThreadCreateManyInput[];
  messages: Prisma.MessageCreateManyInput[];
  calls: Prisma.CallCreateManyInput[];
  notifications: Prisma.NotificationCreateManyInput[];
  consent: Prisma.ConsentChangeCreateManyInput[];
};

export async function seedDemo({
  businessId,
  days = 28,
  now = new Date(),
}: {
  businessId: string;
  days?: number;
  now?: Date;
}) {
  const markerKey = `demo-seeded:${businessId}`;
  if (await db.appSetting.findUnique({ where: { key: markerKey } })) return { created: false, calls: 0 };
  const business = await db.business.findUniqueOrThrow({
    where: { id: businessId },
    select: {
      timezone: true,
      name: true,
      phoneNumbers: { select: { e164: true }, take: 1 },
      memberships: { select: { userId: true, role: true } },
    },
  });
  const ownNumber = business.phoneNumbers[0]?.e164 ?? "+15005550006";
  const userIds = business.memberships.map((membership) => membership.userId);
  const random = seededRandom(20_261_125);
  const rows: Rows = { leads: [], threads: [], messages: [], calls: [], notifications: [], consent: [] };
  const today = zonedDay(now, business.timezone);
  let phoneCounter = 0;
  const recentLeads: { leadId: string; threadId: string; phone: string }[] = [];

  const message = (
    input: Omit<Prisma.MessageCreateManyInput, "businessId" | "fromNumber" | "toNumber" | "id"> & { phone: string },
  ) => {
    const { phone, ...rest } = input;
    const isInbound = rest.direction === "inbound";
    const messageId = id("msg");
    rows.messages.push({
      id: messageId,
      businessId,
      fromNumber: isInbound ? phone : ownNumber,
      toNumber: isInbound ? ownNumber : phone,
      messageSid: `SM${randomUUID().replaceAll("-", "")}`,
      ...rest,
    });
    return messageId;
  };

  for (let offset = days - 1; offset >= 0; offset--) {
    const dayStart = zonedDayStart(addDays(today, -offset), business.timezone);
    const callsToday = random.int(3, 9);
    for (let index = 0; index < callsToday; index++) {
      const at = later(dayStart, random.int(7 * 3600, 19 * 3600));
      if (at > now) continue;
      const callId = id("call");
      const callSid = `CA${randomUUID().replaceAll("-", "")}`;
      const roll = random.next();
      // Repeat caller: rings again within the window, no second text.
      if (roll < 0.05 && recentLeads.length > 0) {
        const previous = recentLeads.at(-1)!;
        rows.calls.push({
          id: callId,
          businessId,
          callSid,
          fromNumber: previous.phone,
          toNumber: ownNumber,
          status: "completed",
          dialStatus: "no-answer",
          isMissed: true,
          missReason: "no-answer",
          skipReason: "repeat_caller",
          isRepeat: true,
          leadId: previous.leadId,
          threadId: previous.threadId,
          detectedAt: later(at, 18),
          createdAt: at,
        });
        continue;
      }
      if (roll < 0.09) {
        rows.calls.push({
          id: callId,
          businessId,
          callSid,
          fromNumber: "anonymous",
          toNumber: ownNumber,
          status: "completed",
          dialStatus: "no-answer",
          isMissed: true,
          missReason: "no-answer",
          skipReason: "anonymous",
          detectedAt: later(at, 18),
          createdAt: at,
        });
        continue;
      }
      phoneCounter += 1;
      const phone = `+1${["617", "212", "415", "312"][phoneCounter % 4]}555${String(phoneCounter).padStart(4, "0")}`;
      const customer = random.pick(demoCustomers);
      const leadId = id("lead");
      const threadId = id("thr");
      const isAnswered = roll > 0.8;
      const skipReason: CallSkipReason | null = isAnswered
        ? null
        : roll < 0.12
          ? "opted_out"
          : roll < 0.14
            ? "landline"
            : null;
      const isSendFailed = !isAnswered && !skipReason && roll < 0.16;
      const isCaptured = !isAnswered && !skipReason && !isSendFailed;
      const detectedAt = later(at, 18);
      const acceptedAt = isCaptured
        ? later(detectedAt, random.chance(0.9) ? 0.5 + random.next() * 1.3 : 2 + random.next() * 6)
        : null;
      const isReplied = isCaptured && random.chance(0.82);
      const isQualified = isReplied && random.chance(0.65);
      const outcome = isQualified ? random.next() : 1;
      const status: LeadStatus = isAnswered
        ? random.chance(0.5)
          ? "won"
          : "new"
        : isQualified
          ? outcome < 0.45
            ? "won"
            : outcome < 0.6
              ? "lost"
              : "qualified"
          : isCaptured
            ? random.chance(0.15)
              ? "lost"
              : "contacted"
            : "new";
      const closedAt = status === "won" || status === "lost" ? later(at, random.int(2, 72) * 3600) : null;
      rows.leads.push({
        id: leadId,
        businessId,
        phone,
        name: isQualified || isAnswered ? customer.name : null,
        address: isQualified ? customer.address : null,
        service: isReplied ? customer.service : null,
        problem: isReplied ? customer.problem : null,
        urgency: customer.service === "Emergency call-out" ? "emergency" : "normal",
        status,
        source: "call",
        valueCents: status === "won" ? Math.round(customer.value * (0.8 + random.next() * 0.4)) : null,
        isOptedOut: skipReason === "opted_out",
        optedOutAt: skipReason === "opted_out" ? later(at, -86_400 * 3) : null,
        contactedAt: acceptedAt,
        qualifiedAt: isQualified ? later(at, 900) : null,
        closedAt: closedAt && closedAt > now ? now : closedAt,
        statusChangedAt: closedAt ?? at,
        createdAt: at,
      });
      if (skipReason === "opted_out") {
        rows.consent.push({
          businessId,
          leadId,
          phone,
          action: "opt_out",
          source: "keyword",
          keyword: "STOP",
          createdAt: later(at, -86_400 * 3),
        });
      }
      rows.threads.push({
        id: threadId,
        businessId,
        leadId,
        mode: isQualified && random.chance(0.5) ? "human" : isReplied ? "ai" : "auto",
        autoTextedAt: acceptedAt,
        firstCustomerReplyAt: isReplied ? later(acceptedAt!, random.int(40, 900)) : null,
        lastMessageAt: at,
        lastMessagePreview: isReplied ? customer.problem : "",
        createdAt: at,
      });
      recentLeads.push({ leadId, threadId, phone });
      let autoReplyId: string | null = null;
      if (isCaptured || isSendFailed) {
        autoReplyId = message({
          phone,
          threadId,
          leadId,
          direction: "outbound",
          authorKind: "system",
          purpose: "auto_reply",
          body: `Sorry we missed your call! This is ${business.name}. How can we help? Reply STOP to opt out.`,
          status: isSendFailed ? "undelivered" : "delivered",
          errorCode: isSendFailed ? 30003 : null,
          sentAt: acceptedAt,
          deliveredAt: acceptedAt ? later(acceptedAt, 3) : null,
          failedAt: isSendFailed ? later(detectedAt, 5) : null,
          createdAt: later(detectedAt, 0.2),
        });
      }
      rows.calls.push({
        id: callId,
        businessId,
        callSid,
        fromNumber: phone,
        toNumber: ownNumber,
        status: "completed",
        dialStatus: isAnswered ? "completed" : random.pick(["no-answer", "busy", "no-answer"]),
        dialDurationSec: isAnswered ? random.int(60, 600) : 0,
        isMissed: !isAnswered,
        missReason: isAnswered ? null : "no-answer",
        skipReason,
        leadId,
        threadId,
        autoReplyMessageId: autoReplyId,
        detectedAt: isAnswered ? null : detectedAt,
        smsAcceptedAt: acceptedAt,
        smsDeliveredAt: acceptedAt ? later(acceptedAt, 3) : null,
        createdAt: at,
        ...(random.chance(0.2) && !isAnswered ? demoVoicemail(customer.problem) : {}),
      });
      if (!isCaptured) continue;
      for (const userId of userIds) {
        const isTakenOver = random.chance(0.55);
        rows.notifications.push({
          businessId,
          threadId,
          userId,
          kind: "missed_call",
          isUrgent: customer.service === "Emergency call-out",
          title: `Missed call from ${phone}`,
          body: "Auto-text sent",
          sentAt: later(acceptedAt!, 1),
          openedAt: isTakenOver ? later(acceptedAt!, 8) : null,
          takeoverAt: isTakenOver
            ? later(acceptedAt!, random.chance(0.8) ? random.int(8, 55) : random.int(60, 400))
            : null,
          createdAt: later(acceptedAt!, 1),
        });
      }
      if (!isReplied) continue;
      const values = {
        name: customer.name,
        address: customer.address,
        problem: customer.problem,
        service: customer.service.toLowerCase(),
      };
      let cursor = later(acceptedAt!, random.int(40, 900));
      message({
        phone,
        threadId,
        leadId,
        direction: "inbound",
        authorKind: "customer",
        purpose: "inbound",
        body: fillTemplate(random.pick(demoCustomerReplies), values),
        status: "received",
        createdAt: cursor,
      });
      const turns = isQualified ? 3 : 1;
      for (let turn = 0; turn < turns; turn++) {
        cursor = later(cursor, random.int(60, 90));
        message({
          phone,
          threadId,
          leadId,
          direction: "outbound",
          authorKind: "ai",
          purpose: "ai_reply",
          body: demoAiReplies[turn]!,
          status: "delivered",
          sentAt: cursor,
          deliveredAt: later(cursor, 2),
          createdAt: cursor,
        });
        if (turn < turns - 1) {
          cursor = later(cursor, random.int(30, 300));
          message({
            phone,
            threadId,
            leadId,
            direction: "inbound",
            authorKind: "customer",
            purpose: "inbound",
            body: fillTemplate(demoCustomerFollowUps[turn]!, values),
            status: "received",
            createdAt: cursor,
          });
        }
      }
      if (isQualified && userIds[0] && random.chance(0.6)) {
        cursor = later(cursor, random.int(120, 1800));
        message({
          phone,
          threadId,
          leadId,
          direction: "outbound",
          authorKind: "user",
          authorUserId: userIds[0],
          purpose: "manual",
          body: random.pick(demoMemberReplies),
          status: "delivered",
          sentAt: cursor,
          deliveredAt: later(cursor, 2),
          createdAt: cursor,
        });
      }
    }
  }

  await runTransaction(
    async (tx) => {
      // The marker goes in first inside the transaction: a concurrent second run fails on the key and adds nothing.
      await tx
        .insertInto("AppSetting")
        .values({ key: markerKey, value: JSON.stringify({ seededAt: now.toISOString(), days }), updatedAt: now })
        .execute();
      await insertChunked(tx, "Lead", rows.leads, now);
      await insertChunked(tx, "Thread", rows.threads, now);
      await insertChunked(tx, "Message", rows.messages, now);
      await insertChunked(tx, "Call", rows.calls, now);
      await insertChunked(tx, "Notification", rows.notifications, now);
      await insertChunked(tx, "ConsentChange", rows.consent, now);
    },
    { jobs: false },
  );
  return { created: true, calls: rows.calls.length, leads: rows.leads.length, messages: rows.messages.length };
}

/** Inserts in chunks (PostgreSQL takes at most 65,535 parameters per statement); rows get ids and updatedAt. */
async function insertChunked(
  tx: Tx,
  table: "Lead" | "Thread" | "Message" | "Call" | "Notification" | "ConsentChange",
  rows: Record<string, unknown>[],
  now: Date,
) {
  const complete = rows.map((row) => ({
    id: newId(),
    ...row,
    ...(table === "ConsentChange" ? {} : { updatedAt: row.updatedAt ?? row.createdAt ?? now }),
  }));
  for (let start = 0; start < complete.length; start += 500) {
    await tx
      .insertInto(table)
      .values(complete.slice(start, start + 500) as never)
      .execute();
  }
}
