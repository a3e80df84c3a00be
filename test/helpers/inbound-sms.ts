// A customer's text as Twilio delivers it: a signed POST to /api/twilio/sms. The text passes through "Twilio"
// first: a running Twilio fake sees its STOP/START, as Twilio's own opt-out handling would.
import { randomUUID } from "node:crypto";
import { POST } from "@/app/api/twilio/sms/route";
import { db } from "@/lib/db/client";
import { noteInboundTextAtTwilio } from "@/test/fakes/twilio-fake";
import { signedTwilioRequest } from "@/test/helpers/twilio";

export const messageSid = () => `SM${randomUUID().replaceAll("-", "")}`;

export async function postInboundSms({
  from,
  to,
  body,
  sid = messageSid(),
  media = [],
}: {
  from: string;
  to: string;
  body: string;
  sid?: string;
  /** an MMS: the URLs Twilio names (a fake's `media.add(…)` items) with their content types */
  media?: { url: string; contentType: string }[];
}) {
  noteInboundTextAtTwilio({ from, to, body });
  const request = await signedTwilioRequest("/api/twilio/sms", {
    MessageSid: sid,
    SmsSid: sid,
    AccountSid: "ACtest",
    From: from,
    To: to,
    Body: body,
    NumMedia: String(media.length),
    ...Object.fromEntries(
      media.flatMap((item, index) => [
        [`MediaUrl${index}`, item.url],
        [`MediaContentType${index}`, item.contentType],
      ]),
    ),
  });
  const response = await POST(request);
  return { response, sid };
}

export function threadOf({ businessId, phone }: { businessId: string; phone: string }) {
  return db.thread.findFirst({ where: { businessId, lead: { phone } }, orderBy: { createdAt: "desc" } });
}

export function aiReplies(threadId: string) {
  return db.message.findMany({ where: { threadId, purpose: "ai_reply" }, orderBy: { createdAt: "asc" } });
}

/** The ai-turn jobs of a thread that finished (completed or failed for good). */
export async function settledAiTurns(threadId: string) {
  return db.$queryRawUnsafe<{ state: string; data: { reason: string } }[]>(
    `SELECT state, data FROM pgboss.job WHERE name = 'ai-turn' AND singleton_key = $1 AND state IN ('completed', 'failed')`,
    threadId,
  );
}
