// POST /api/twilio/emergency-connect?threadId=…&businessId=… — the professional pressed a key during the emergency
// alert call: 1 bridges them to the customer. Both ids are part of the signed URL.
// The handler lives in lib/telephony/webhooks (the simulator calls the same one through its table).
import { emergencyConnectWebhook } from "@/lib/telephony/webhooks/emergency-connect";

export const dynamic = "force-dynamic";

export const POST = emergencyConnectWebhook;
