// Plays Twilio's part in simulator mode: builds the form request Twilio would send to one of our webhook paths,
// signs it with the simulator token for PUBLIC_BASE_URL + path, and hands it to that route's real handler.
// Calling the handler in-process (not over HTTP) works the same in the server, the worker and tests; it is the
// handler the route file exports (lib/telephony/webhooks/handlers.ts), so lib never imports app.
import { getWebhookAuthToken } from "@/lib/telephony/webhook-auth-token";
import { twilioWebhookHandlers, type TwilioWebhookPath } from "@/lib/telephony/webhooks/handlers";
import { signTwilioRequest, signedUrlFor } from "@/lib/telephony/verify-signature";

export type WebhookAnswer = { status: number; body: string };

/** `pathWithQuery` like "/api/twilio/dial-action" or "/api/twilio/whisper?parentCallSid=CA…". */
export async function postTwilioWebhook(pathWithQuery: string, params: Record<string, string>): Promise<WebhookAnswer> {
  const path = pathWithQuery.split("?")[0]!;
  const handler = twilioWebhookHandlers[path as TwilioWebhookPath];
  if (!handler) throw new Error(`no Twilio webhook route at ${path}`);
  const authToken = await getWebhookAuthToken();
  if (!authToken) throw new Error("no token to sign simulator webhooks with");
  const url = signedUrlFor(pathWithQuery);
  const request = new Request(url, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-twilio-signature": signTwilioRequest({ authToken, url, params }),
      "user-agent": "TwilioProxy/1.1 (Ringback simulator)",
    },
    body: new URLSearchParams(params).toString(),
  });
  const response = await handler(request);
  return { status: response.status, body: await response.text() };
}
