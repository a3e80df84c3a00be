// A number of the Twilio account as Ringback shows it: its webhook settings, and how they compare with what
// Ringback needs (numberWebhookUrls). Shared by the number setup and the health panel's drift check.
import type { IncomingPhoneNumberInstance } from "twilio/lib/rest/api/v2010/account/incomingPhoneNumber";
import { numberWebhookUrls, type NumberWebhookUrls } from "@/lib/telephony/number-webhook-urls";

export type NumberSettings = Pick<
  NumberWebhookUrls,
  "voiceUrl" | "voiceMethod" | "voiceFallbackUrl" | "smsUrl" | "smsMethod" | "statusCallback"
>;

export type AccountNumber = {
  sid: string;
  phoneNumber: string;
  friendlyName: string;
  settings: { [Field in keyof NumberSettings]: string };
  /** the settings that differ from what Ringback needs, with both values */
  drift: { field: keyof NumberSettings; expected: string; actual: string }[];
};

const FIELDS = ["voiceUrl", "voiceMethod", "voiceFallbackUrl", "smsUrl", "smsMethod", "statusCallback"] as const;

/** What the number must say: URLs and methods from PUBLIC_BASE_URL. */
export function expectedNumberSettings(): NumberSettings {
  const urls = numberWebhookUrls();
  return {
    voiceUrl: urls.voiceUrl,
    voiceMethod: urls.voiceMethod,
    voiceFallbackUrl: urls.voiceFallbackUrl,
    smsUrl: urls.smsUrl,
    smsMethod: urls.smsMethod,
    statusCallback: urls.statusCallback,
  };
}

export function toAccountNumber(instance: IncomingPhoneNumberInstance): AccountNumber {
  const settings = {
    voiceUrl: instance.voiceUrl ?? "",
    voiceMethod: (instance.voiceMethod ?? "").toUpperCase(),
    voiceFallbackUrl: instance.voiceFallbackUrl ?? "",
    smsUrl: instance.smsUrl ?? "",
    smsMethod: (instance.smsMethod ?? "").toUpperCase(),
    statusCallback: instance.statusCallback ?? "",
  };
  const expected = expectedNumberSettings();
  const drift = FIELDS.filter((field) => settings[field] !== expected[field]).map((field) => ({
    field,
    expected: expected[field],
    actual: settings[field],
  }));
  return { sid: instance.sid, phoneNumber: instance.phoneNumber, friendlyName: instance.friendlyName, settings, drift };
}
