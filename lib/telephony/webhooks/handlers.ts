// Every Twilio webhook of Ringback, by path. The route files under app/api/twilio/ export these as their POST, and
// the server's direct path (serve-direct.ts) and the simulator (lib/telephony/simulator/post-twilio-webhook.ts) call
// the same webhooks' `answer` on plain input: one code path for Twilio and the simulator, and lib never imports app.
import type { TwilioWebhook } from "@/lib/telephony/twilio-webhook";
import { callStatusWebhook } from "@/lib/telephony/webhooks/call-status";
import { dialActionWebhook } from "@/lib/telephony/webhooks/dial-action";
import { emergencyConnectWebhook } from "@/lib/telephony/webhooks/emergency-connect";
import { messageStatusWebhook } from "@/lib/telephony/webhooks/message-status";
import { recordingWebhook } from "@/lib/telephony/webhooks/recording";
import { smsWebhook } from "@/lib/telephony/webhooks/sms";
import { transcriptionWebhook } from "@/lib/telephony/webhooks/transcription";
import { voiceWebhook } from "@/lib/telephony/webhooks/voice";
import { voiceFallbackWebhook } from "@/lib/telephony/webhooks/voice-fallback";
import { whisperWebhook } from "@/lib/telephony/webhooks/whisper";
import { whisperResultWebhook } from "@/lib/telephony/webhooks/whisper-result";

export const twilioWebhookHandlers = {
  "/api/twilio/call-status": callStatusWebhook,
  "/api/twilio/dial-action": dialActionWebhook,
  "/api/twilio/emergency-connect": emergencyConnectWebhook,
  "/api/twilio/message-status": messageStatusWebhook,
  "/api/twilio/recording": recordingWebhook,
  "/api/twilio/sms": smsWebhook,
  "/api/twilio/transcription": transcriptionWebhook,
  "/api/twilio/voice": voiceWebhook,
  "/api/twilio/voice-fallback": voiceFallbackWebhook,
  "/api/twilio/whisper": whisperWebhook,
  "/api/twilio/whisper-result": whisperResultWebhook,
} satisfies Record<`/api/twilio/${string}`, TwilioWebhook>;

export type TwilioWebhookPath = keyof typeof twilioWebhookHandlers;

/** The webhook at `path` ("/api/twilio/voice", no query), or undefined: only the table's own keys, not "toString". */
export function twilioWebhookAt(path: string): TwilioWebhook | undefined {
  return Object.hasOwn(twilioWebhookHandlers, path) ? twilioWebhookHandlers[path as TwilioWebhookPath] : undefined;
}
