// POST /api/twilio/sms — a customer's text. Verify → parse → store (idempotent on MessageSid) → answer an empty
// <Response/> at once; keywords, notifications and the AI run as durable jobs after the answer.
// The handler lives in lib/telephony/webhooks (the simulator calls the same one through its table).
import { smsWebhook } from "@/lib/telephony/webhooks/sms";

export const dynamic = "force-dynamic";

export const POST = smsWebhook;
