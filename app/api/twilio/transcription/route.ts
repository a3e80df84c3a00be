// POST /api/twilio/transcription — Twilio's transcript of the voicemail joins the thread.
// The handler lives in lib/telephony/webhooks (the simulator calls the same one through its table).
import { transcriptionWebhook } from "@/lib/telephony/webhooks/transcription";

export const dynamic = "force-dynamic";

export const POST = transcriptionWebhook;
