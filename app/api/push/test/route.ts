// POST /api/push/test — sends a test notification to this member's devices ("is push working on my phone?").
import { requireMember } from "@/lib/auth/session";
import { apiRoute } from "@/lib/http/route";
import { notifyMembers } from "@/lib/notifications/notify-members";

export const dynamic = "force-dynamic";

export const POST = apiRoute(async (request) => {
  const member = await requireMember(request);
  const [notification] = await notifyMembers({
    businessId: member.businessId,
    threadId: null,
    kind: "test",
    title: "Ringback test notification",
    body: "Push works on this device. Missed calls and customer replies will show up like this.",
    userId: member.userId,
  });
  return Response.json({ notificationId: notification?.id ?? null }, { status: 202 });
});
