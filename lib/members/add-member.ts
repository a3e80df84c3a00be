// An owner adds a person with a starting password. Accounts belong to one business: an email that some other
// business uses gets a new, separate account here, answered exactly like a fresh email (same status, same shape,
// same work), so the team API cannot be used to find out which addresses use Ringback elsewhere. Only an email
// already on this team is a 409, which the owner can see in the team list anyway.
import { sql } from "kysely";
import { invalidateBusinessProfile } from "@/lib/business/business-profile";
import { hashPassword } from "@/lib/auth/password";
import { newId } from "@/lib/db/new-id";
import { runTransaction } from "@/lib/db/run-transaction";
import { AppError } from "@/lib/errors";
import { memberSchema, type AddMemberInput, type TeamMember } from "@/lib/members/member-schema";

const CONFLICT_MESSAGE = "That email is already on your team.";

export async function addMember({
  businessId,
  addedByUserId,
  input,
}: {
  businessId: string;
  addedByUserId: string;
  input: AddMemberInput;
}): Promise<TeamMember> {
  const passwordHash = await hashPassword(input.password);
  const added = await runTransaction(
    async (tx, outbox) => {
      // Serialises two owners adding the same email to this business at once (the loser sees the winner's row).
      await sql`SELECT pg_advisory_xact_lock(hashtext(${`member:${businessId}:${input.email}`}))`.execute(tx);
      const existing = await tx
        .selectFrom("Membership")
        .innerJoin("User", "User.id", "Membership.userId")
        .select("Membership.id")
        .where("Membership.businessId", "=", businessId)
        .where("User.email", "=", input.email)
        .executeTakeFirst();
      // Named on the email field, where the form shows it.
      if (existing) throw new AppError("conflict", CONFLICT_MESSAGE, [{ path: "email", message: CONFLICT_MESSAGE }]);
      const now = new Date();
      const userId = newId();
      await tx
        .insertInto("User")
        .values({ id: userId, email: input.email, name: input.name, passwordHash, updatedAt: now })
        .execute();
      const membership = await tx
        .insertInto("Membership")
        .values({ id: newId(), userId, businessId, role: input.role, updatedAt: now })
        .returning(["role", "createdAt"])
        .executeTakeFirstOrThrow();
      outbox.record(
        "member.added",
        { userId, role: membership.role },
        { businessId, actor: { kind: "user", userId: addedByUserId } },
      );
      return {
        id: userId,
        email: input.email,
        name: input.name,
        role: membership.role,
        createdAt: membership.createdAt,
      };
    },
    { jobs: false },
  );
  await invalidateBusinessProfile(businessId);
  return memberSchema.parse(added);
}
