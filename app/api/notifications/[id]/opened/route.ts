// POST /api/notifications/{id}/opened — the service worker reports a tap (stops escalation, feeds the metric).
import { requireMember } from "@/lib/auth/session";
import { apiRoute } from "@/lib/http/route";
import { recordNotificationOpened } from "@/lib/notifications/record-notification-opened";

export const dynamic = "force-dynamic";

export const POST = apiRoute<{ params: Promise<{ id: string }> }>(async (request, { params }) => {
  const member = await requireMember(request);
  const { id } = await params;
  return Response.json(await recordNotificationOpened({ ...member, notificationId: id }));
});
