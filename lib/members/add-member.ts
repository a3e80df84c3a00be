// An owner adds a person with a starting password. One account per email across Ringback: an existing email is a 409.
import { invalidateBusinessProfile } from "@/lib/business/business-profile";
import { Prisma } from "@prisma/client";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { memberSchema, type AddMemberInput, type TeamMember } from "@/lib/members/member-schema";

const CONFLICT_MESSAGE = "Someone with that email already has a Ringback account.";

export async function addMember({
  businessId,
  addedByUserId,
  input,
}: {
  businessId: string;
  addedByUserId: string;
  input: AddMemberInput;
}): Promise<TeamMember> {
  if (await db.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
    throw new AppError("conflict", CONFLICT_MESSAGE);
  }
  const passwordHash = await hashPassword(input.password);
  try {
    const membership = await db.membership.create({
      data: {
        role: input.role,
        business: { connect: { id: businessId } },
        user: { create: { email: input.email, name: input.name, passwordHash } },
      },
      select: { role: true, createdAt: true, user: { select: { id: true, email: true, name: true } } },
    });
    await invalidateBusinessProfile(businessId);
    await recordEvent(
      "member.added",
      { userId: membership.user.id, role: membership.role },
      { businessId, actor: { kind: "user", userId: addedByUserId } },
    );
    return memberSchema.parse({ ...membership.user, role: membership.role, createdAt: membership.createdAt });
  } catch (error) {
    // Two owners adding the same email at once: the unique index decides, the loser gets the same 409.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("conflict", CONFLICT_MESSAGE);
    }
    throw error;
  }
}
