// GET/PATCH /api/account/notifications — my notification preferences: which events, quiet hours, my phone.
import { requireMember } from "@/lib/auth/session";
import { apiRoute, readJson } from "@/lib/http/route";
import {
  getNotificationPrefs,
  notificationPrefsPatchSchema,
  updateNotificationPrefs,
} from "@/lib/members/notification-prefs";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request) => {
  const member = await requireMember(request);
  return Response.json({ preferences: await getNotificationPrefs(member) });
});

export const PATCH = apiRoute(async (request) => {
  const member = await requireMember(request);
  const patch = await readJson(request, notificationPrefsPatchSchema);
  return Response.json({ preferences: await updateNotificationPrefs(member, patch) });
});
