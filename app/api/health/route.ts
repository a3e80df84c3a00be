// GET /api/health — liveness for load balancers and the health panel: 503 when the database is down.
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

export async function GET() {
  const started = Date.now();
  try {
    await db.$queryRaw`SELECT 1`;
    return Response.json({
      ok: true,
      db: "up",
      dbLatencyMs: Date.now() - started,
      telephony: env().twilio.isSimulator ? "simulator" : "twilio",
      ai: env().ai.apiKey ? "model" : "scripted",
    });
  } catch {
    return Response.json({ ok: false, db: "down" }, { status: 503, headers: { "Retry-After": "5" } });
  }
}
