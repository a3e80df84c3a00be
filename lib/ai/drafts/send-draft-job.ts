// The `send-draft` job: the owner's auto-send delay ended. The draft goes out only if it is still the pending one
// (nobody sent or discarded it, no takeover, manual reply or new customer message made it stale) and the owner has
// not switched auto-send off since; consent and the reply guard are checked again by sendDraft.
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { JobPayloads } from "@/lib/jobs/queues";
import { logger } from "@/lib/log";
import { sendDraft } from "@/lib/ai/drafts/send-draft";

export async function sendDraftJob({ draftId }: JobPayloads["send-draft"]): Promise<void> {
  const draft = await db.aiDraft.findUnique({
    where: { id: draftId },
    select: { status: true, businessId: true, threadId: true, business: { select: { aiDraftAutoSendMinutes: true } } },
  });
  if (!draft || draft.status !== "pending" || draft.business.aiDraftAutoSendMinutes === null) return;
  try {
    await sendDraft({
      businessId: draft.businessId,
      threadId: draft.threadId,
      draftId,
      actor: { kind: "system" },
      via: "auto_send",
    });
  } catch (error) {
    // Already handled by a person, opted out, or stopped by the guard: the draft stays for a person (or is gone).
    if (error instanceof AppError && error.status < 500) {
      logger.info({ draftId, threadId: draft.threadId, code: error.code }, "draft not sent automatically");
      return;
    }
    throw error;
  }
}
