// An owner removes a person from the business. Their sessionVersion is bumped in the same transaction, so every
// session they hold ends on its next request (the account itself stays: past messages still name its author).
import { invalidateBusinessProfile } from "@/lib/business/business-profile";
import { AppError } from "@/lib/errors";
import { runTransaction } from "@/lib/db/run-transaction";

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
  await runTransaction(
    async (tx, outbox) => {
      const deleted = await tx
        .deleteFrom("Membership")
        .where("businessId", "=", businessId)
        .where("userId", "=", userId)
        .executeTakeFirst();
      // Another business's member (or nobody) looks exactly like a missing one.
      if (deleted.numDeletedRows === 0n) throw new AppError("not_found", "Member not found.");
      await tx
        .updateTable("User")
        .set((eb) => ({ sessionVersion: eb("sessionVersion", "+", 1), updatedAt: new Date() }))
        .where("id", "=", userId)
        .execute();
      outbox.record("member.removed", { userId }, { businessId, actor: { kind: "user", userId: removedByUserId } });
    },
    { jobs: false },
  );
  await invalidateBusinessProfile(businessId);
}
