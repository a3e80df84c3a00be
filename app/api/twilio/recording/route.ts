// POST /api/twilio/recording — the caller's voicemail is recorded: its URL joins the thread.
// The handler lives in lib/telephony/webhooks (the simulator calls the same one through its table).
import { recordingWebhook } from "@/lib/telephony/webhooks/recording";

export const dynamic = "force-dynamic";

export const POST = recordingWebhook;
