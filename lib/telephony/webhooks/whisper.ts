// POST /api/twilio/whisper — played to the professional before the call connects: "press 1 to take it".
import { whisperPrompt } from "@/lib/calls/screen-call";
import { twilioWebhook } from "@/lib/telephony/twilio-webhook";
import { whisperParamsSchema } from "@/lib/telephony/webhook-schemas";

export const whisperWebhook = twilioWebhook(async ({ query }) => whisperPrompt(whisperParamsSchema.parse(query)));
