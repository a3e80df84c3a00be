// An owner removes a person from the business. Their sessionVersion is bumped in the same transaction, so every
// session they hold ends on its next request (the account itself stays: past messages still name its author).
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { recordAndPublishEvent } from "@/lib/events/record-event";

export async function removeMember({
  businessId,
  removedByUserId,
  userId,
}: {
  businessId: string;
  removedByUserId: string;
  userId: string;
}): Promise<void> {
  if (userId === removedByUserId) {
    throw new AppError("bad_request", "You cannot remove yourself. Another owner can remove you.");
  }
  await db.$transaction(async (tx) => {
    const deleted = await tx.membership.deleteMany({ where: { businessId, userId } });
    // Another business's member (or nobody) looks exactly like a missing one.
    if (deleted.count === 0) throw new AppError("not_found", "Member not found.");
    await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } }, select: { id: true } });
  });
  await recordAndPublishEvent({
    businessId,
    type: "member.removed",
    actor: { kind: "user", userId: removedByUserId },
    payload: { userId },
  });
}
