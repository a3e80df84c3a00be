// HTTP Basic auth as Twilio checks it: AccountSid as the user, the auth token as the password.
import type { Guard } from "./server";
import { sendTwilioError } from "./errors";

export function basicAuthGuard({ accountSid, authToken }: { accountSid: string; authToken: string }): Guard {
  const expected = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString("base64")}`;
  return (request, response) => {
    if (request.headers.authorization === expected) return false;
    sendTwilioError(response, { status: 401, code: 20003, message: "Authenticate" });
    return true;
  };
}
