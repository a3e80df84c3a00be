// GET/POST/DELETE /api/push/subscriptions — this member's devices for web push.
import { z } from "zod";
import { requireMember } from "@/lib/auth/session";
import { apiRoute, readJson } from "@/lib/http/route";
import {
  listPushSubscriptions,
  registerPushSubscription,
  removePushSubscription,
} from "@/lib/notifications/push-subscriptions";

export const dynamic = "force-dynamic";

// The shape here; the outbound rule (public https push services only, lib/outbound) is checked on registration.
const endpointSchema = z.url({ protocol: /^https?$/ }).max(1000);

const subscribeSchema = z.object({
  endpoint: endpointSchema,
  expirationTime: z.number().nullable().optional(),
  keys: z.object({ p256dh: z.string().min(16).max(200), auth: z.string().min(8).max(100) }),
});

export const GET = apiRoute(async (request) => {
  const member = await requireMember(request);
  return Response.json({ subscriptions: await listPushSubscriptions(member) });
});

export const POST = apiRoute(async (request) => {
  const member = await requireMember(request);
  const body = await readJson(request, subscribeSchema);
  const subscription = await registerPushSubscription({
    businessId: member.businessId,
    userId: member.userId,
    endpoint: body.endpoint,
    p256dh: body.keys.p256dh,
    auth: body.keys.auth,
    userAgent: request.headers.get("user-agent"),
  });
  return Response.json({ subscription }, { status: 201 });
});

export const DELETE = apiRoute(async (request) => {
  const member = await requireMember(request);
  const { endpoint } = await readJson(request, z.object({ endpoint: endpointSchema }));
  return Response.json(await removePushSubscription({ ...member, endpoint }));
});
