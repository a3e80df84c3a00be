// Plays Twilio's part in simulator mode: the form Twilio would send to one of our webhook paths, signed with the
// simulator token for PUBLIC_BASE_URL + path, handed to that route's real webhook. Called in-process (not over HTTP)
// it works the same in the server, the worker and tests; it is the webhook the route file exports
// (lib/telephony/webhooks/handlers.ts), so lib never imports app, and it takes the plain input the server's direct
// path gives it: no Request to build, no Response to read back.
import { getWebhookAuthToken } from "@/lib/telephony/webhook-auth-token";
import { twilioWebhookAt } from "@/lib/telephony/webhooks/handlers";
import { signTwilioRequest, signedUrlFor } from "@/lib/telephony/verify-signature";

export type WebhookAnswer = { status: number; body: string };

/** `pathWithQuery` like "/api/twilio/dial-action" or "/api/twilio/whisper?parentCallSid=CA…". */
export async function postTwilioWebhook(pathWithQuery: string, params: Record<string, string>): Promise<WebhookAnswer> {
  const path = pathWithQuery.split("?")[0]!;
  const webhook = twilioWebhookAt(path);
  if (!webhook) throw new Error(`no Twilio webhook route at ${path}`);
  const authToken = await getWebhookAuthToken();
  if (!authToken) throw new Error("no token to sign simulator webhooks with");
  const answer = await webhook.answer({
    pathWithQuery,
    body: new URLSearchParams(params).toString(),
    signature: signTwilioRequest({ authToken, url: signedUrlFor(pathWithQuery), params }),
  });
  return { status: answer.status, body: answer.body ?? "" };
}
