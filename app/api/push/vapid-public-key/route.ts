// GET /api/push/vapid-public-key — the applicationServerKey the browser subscribes with.
import { requireMember } from "@/lib/auth/session";
import { apiRoute } from "@/lib/http/route";
import { getVapidDetails } from "@/lib/notifications/vapid";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request) => {
  await requireMember(request);
  const { publicKey } = await getVapidDetails();
  return Response.json({ publicKey });
});
