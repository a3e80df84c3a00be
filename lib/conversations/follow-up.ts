// The single optional follow-up to a customer who never answered the auto-SMS (off by default). Sent only 8:00–20:00
// in the customer's local time (their number's time zones, else the business timezone), never after STOP, never twice.
import { db } from "@/lib/db/client";
import { runTransaction, type Outbox } from "@/lib/db/run-transaction";
import { AppError } from "@/lib/errors";
import { enqueue } from "@/lib/jobs/boss";
import { autoReplyLanguageFor } from "@/lib/business/auto-reply-template";
import { customerTimeZones } from "@/lib/conversations/customer-time-zones";
import { customerTexts } from "@/lib/language/customer-texts";
import { secondsUntilLocalWindow, secondsUntilSendingWindow } from "@/lib/conversations/sending-window";
import { queueOutgoingMessageInTx } from "@/lib/conversations/queue-outgoing-message";

/** Call when the auto-SMS is queued (in its unit of work). Does nothing unless the business enabled follow-ups. */
export function scheduleFollowUp(
  outbox: Outbox,
  business: { followUpEnabled: boolean; followUpDelayMinutes: number },
  threadId: string,
): void {
  if (!business.followUpEnabled) return;
  outbox.enqueue(
    "follow-up",
    { threadId },
    { singletonKey: threadId, startAfter: Math.max(60, business.followUpDelayMinutes * 60) },
  );
}

export async function runFollowUp({ threadId }: { threadId: string }): Promise<void> {
  const thread = await db.thread.findUnique({
    where: { id: threadId },
    include: {
      lead: true,
      business: { select: { name: true, timezone: true, followUpEnabled: true, autoReplyLanguage: true } },
    },
  });
  if (!thread || !thread.business.followUpEnabled || thread.lead.isOptedOut) return;
  if (thread.followUpSentAt || thread.firstCustomerReplyAt || thread.mode === "human" || thread.mode === "closed")
    return;
  const now = new Date();
  const wait =
    secondsUntilSendingWindow(now, await customerTimeZones(thread.lead.phone)) ??
    secondsUntilLocalWindow(now, thread.business.timezone);
  if (wait > 0) {
    await enqueue("follow-up", { threadId }, { startAfter: wait });
    return;
  }
  await runTransaction(async (tx, outbox) => {
    // Claimed atomically: a retried or duplicated job never sends a second follow-up.
    const claimed = await tx
      .updateTable("Thread")
      .set({ followUpSentAt: new Date(), updatedAt: new Date() })
      .where("id", "=", threadId)
      .where("followUpSentAt", "is", null)
      .where("firstCustomerReplyAt", "is", null)
      .executeTakeFirst();
    if (claimed.numUpdatedRows === 0n) return;
    try {
      await queueOutgoingMessageInTx(tx, outbox, {
        businessId: thread.businessId,
        threadId,
        body: followUpText({ business: thread.business, lead: thread.lead }),
        purpose: "follow_up",
        authorKind: "system",
      });
    } catch (error) {
      if (error instanceof AppError && error.code === "opted_out") return;
      throw error;
    }
  });
}

/** In the customer's language when known; otherwise in the language(s) of the auto-reply they never answered. */
export function followUpText({
  business,
  lead,
}: {
  business: { name: string; autoReplyLanguage: string };
  lead: { language: string; languageSource: string };
}): string {
  const language = autoReplyLanguageFor(business.autoReplyLanguage, lead);
  const text = (code: "en" | "es") => customerTexts[code].followUp(business.name);
  return language === "en+es" ? `${text("en")}\n${text("es")}` : text(language);
}
