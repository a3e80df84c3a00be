// Plays Twilio's part in simulator mode: builds the form request Twilio would send to one of our webhook paths,
// signs it with the simulator token for PUBLIC_BASE_URL + path, and hands it to that route's real handler.
// Calling the route module in-process (not over HTTP) works the same in the server, the worker and tests.
import { getWebhookAuthToken } from "@/lib/telephony/webhook-auth-token";
import { signTwilioRequest, signedUrlFor } from "@/lib/telephony/verify-signature";

type RouteModule = { POST: (request: Request) => Promise<Response> };

const routes: Record<string, () => Promise<RouteModule>> = {
  "/api/twilio/voice": () => import("@/app/api/twilio/voice/route"),
  "/api/twilio/dial-action": () => import("@/app/api/twilio/dial-action/route"),
  "/api/twilio/whisper": () => import("@/app/api/twilio/whisper/route"),
  "/api/twilio/whisper-result": () => import("@/app/api/twilio/whisper-result/route"),
  "/api/twilio/recording": () => import("@/app/api/twilio/recording/route"),
  "/api/twilio/transcription": () => import("@/app/api/twilio/transcription/route"),
  "/api/twilio/message-status": () => import("@/app/api/twilio/message-status/route"),
  "/api/twilio/sms": () => import("@/app/api/twilio/sms/route") as Promise<RouteModule>,
};

export type WebhookAnswer = { status: number; body: string };

/** `pathWithQuery` like "/api/twilio/dial-action" or "/api/twilio/whisper?parentCallSid=CA…". */
export async function postTwilioWebhook(pathWithQuery: string, params: Record<string, string>): Promise<WebhookAnswer> {
  const path = pathWithQuery.split("?")[0]!;
  const load = routes[path];
  if (!load) throw new Error(`no Twilio webhook route at ${path}`);
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
  const { POST } = await load();
  const response = await POST(request);
  return { status: response.status, body: await response.text() };
}
