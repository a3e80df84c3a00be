// The account's credentials for fetching a media file (a recording, an MMS attachment) from Twilio's REST API
// ourselves: with "Enforce HTTP Auth on Media URLs" (Twilio's recommendation) a browser cannot fetch it. Media of
// another account (or any, in simulator mode) cannot be fetched with them, and is "not found" to the member.
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

export function mediaCredentials(
  mediaAccountSid: string,
  what: "recording" | "attachment",
): { accountSid: string; apiBaseUrl: string; authorization: string } {
  const { accountSid, authToken, apiBaseUrl } = env().twilio;
  if (!accountSid || !authToken || mediaAccountSid !== accountSid) {
    throw new AppError("not_found", `This ${what} is not available with the configured Twilio account.`);
  }
  return {
    accountSid,
    apiBaseUrl,
    authorization: `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString("base64")}`,
  };
}
