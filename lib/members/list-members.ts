// The people of one business, oldest first. `id` is the user's id (what DELETE /api/members/{id} takes).
import { db } from "@/lib/db/client";
import { memberSchema, type TeamMember } from "@/lib/members/member-schema";

export async function listMembers({ businessId }: { businessId: string }): Promise<TeamMember[]> {
  const memberships = await db.membership.findMany({
    where: { businessId },
    orderBy: { createdAt: "asc" },
    select: { role: true, createdAt: true, user: { select: { id: true, email: true, name: true } } },
  });
  return memberships.map((membership) =>
    memberSchema.parse({ ...membership.user, role: membership.role, createdAt: membership.createdAt }),
  );
}
