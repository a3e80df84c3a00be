// POST /api/account/password — change my own password; every session of mine ends (sign in again).
import { requireMember } from "@/lib/auth/session";
import { apiRoute, readJson } from "@/lib/http/route";
import { changePassword } from "@/lib/members/change-password";
import { changePasswordSchema } from "@/lib/members/member-schema";

export const dynamic = "force-dynamic";

export const POST = apiRoute(async (request) => {
  const member = await requireMember(request, { isPasswordChange: true });
  const { currentPassword, newPassword } = await readJson(request, changePasswordSchema);
  await changePassword({ userId: member.userId, currentPassword, newPassword });
  return Response.json({ ok: true, signedOut: true });
});
