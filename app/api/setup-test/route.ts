// POST /api/setup-test — "test my setup" (owner or member): a signed missed call from a reserved test caller through
// the real webhook path; answers each step with ok/failed and its time.
import { requireMember } from "@/lib/auth/session";
import { apiRoute } from "@/lib/http/route";
import { getBoss } from "@/lib/jobs/boss";
import { runSetupTest } from "@/lib/setup-test/run-setup-test";

export const dynamic = "force-dynamic";

export const POST = apiRoute(async (request) => {
  const member = await requireMember(request);
  await getBoss();
  return Response.json(await runSetupTest({ businessId: member.businessId }));
});
