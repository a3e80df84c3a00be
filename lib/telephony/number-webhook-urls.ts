// What a connected Twilio number points at, built from PUBLIC_BASE_URL: the calls and texts webhooks, the fallback
// that answers callers while the app or its database is down, and the call-status callback. Each carries the
// connection overrides (Twilio retries a 5xx and a failed connection within its 15 s).
import { env } from "@/lib/env";
import { withConnectionOverrides } from "@/lib/telephony/connection-overrides";

export type NumberWebhookUrls = {
  voiceUrl: string;
  voiceMethod: "POST";
  voiceFallbackUrl: string;
  voiceFallbackMethod: "POST";
  smsUrl: string;
  smsMethod: "POST";
  statusCallback: string;
  statusCallbackMethod: "POST";
};

export function numberWebhookUrls(): NumberWebhookUrls {
  const url = (path: string) => withConnectionOverrides(`${env().publicBaseUrl}/api/twilio/${path}`);
  return {
    voiceUrl: url("voice"),
    voiceMethod: "POST",
    voiceFallbackUrl: url("voice-fallback"),
    voiceFallbackMethod: "POST",
    smsUrl: url("sms"),
    smsMethod: "POST",
    statusCallback: url("call-status"),
    statusCallbackMethod: "POST",
  };
}
