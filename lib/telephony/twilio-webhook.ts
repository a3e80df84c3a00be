// The shape of every /api/twilio/* route: verify the signature, then hand the parameters to the route's handler.
// A failure inside answers 500 so Twilio retries (the domain functions are idempotent on CallSid/MessageSid; the
// URLs we hand Twilio carry connection overrides that make it retry a 5xx). Input that can never be stored is a
// 400: retrying it would only fail again.
//
// The webhook itself works on plain input and answers plainly (lib/telephony/plain-webhook.ts): that is `answer`,
// which the server's direct path and the simulator call. The function around it is the Next.js route handler the
// route files export, which only turns the Request into that input and the answer into a Response.
import { ZodError } from "zod";
import { AppError, isUnstorableInput } from "@/lib/errors";
import { MAX_TWILIO_FORM_BYTES, readBodyText } from "@/lib/http/read-body";
import { logger } from "@/lib/log";
import { textAnswer, type TwilioWebhookAnswer, type TwilioWebhookInput } from "@/lib/telephony/plain-webhook";
import { readTwilioRequest, type TwilioRequest } from "@/lib/telephony/read-twilio-request";

export type TwilioWebhook = ((request: Request) => Promise<Response>) & {
  answer: (input: TwilioWebhookInput) => Promise<TwilioWebhookAnswer>;
};

export function twilioWebhook(
  handler: (input: TwilioRequest) => Promise<TwilioWebhookAnswer>,
  options: { isDatabaseFree?: boolean } = {},
): TwilioWebhook {
  const answer = async (input: TwilioWebhookInput): Promise<TwilioWebhookAnswer> => {
    let verified: TwilioRequest | null;
    try {
      verified = await readTwilioRequest(input, options);
    } catch (error) {
      // An over-size body: refused before (Content-Length) or while it is read, and never signature-checked.
      if (error instanceof AppError) return textAnswer(error.status, error.message);
      throw error;
    }
    if (!verified) return textAnswer(403, "Forbidden");
    try {
      return await handler(verified);
    } catch (error) {
      if (error instanceof ZodError || isUnstorableInput(error)) {
        const issues = error instanceof ZodError ? error.issues.length : 1;
        logger.warn({ path: verified.path, issues }, "twilio webhook with unexpected parameters");
        return textAnswer(400, "Bad request");
      }
      logger.error({ err: error, path: verified.path }, "twilio webhook failed");
      return textAnswer(500, "Internal error");
    }
  };
  const routeHandler = async (request: Request): Promise<Response> => {
    const input = await inputOf(request);
    return responseOf("status" in input ? input : await answer(input));
  };
  return Object.assign(routeHandler, { answer });
}

/**
 * The plain input of a Next.js request, its body read with Twilio's cap (413 on a Content-Length over it, before a
 * byte is read). A body the cap refuses is left for `answer` to refuse, after the token check as always; any other
 * refusal of the body is the answer itself.
 */
async function inputOf(request: Request): Promise<TwilioWebhookInput | TwilioWebhookAnswer> {
  const { pathname, search } = new URL(request.url);
  const pathWithQuery = `${pathname}${search}`;
  const signature = request.headers.get("x-twilio-signature");
  try {
    return { pathWithQuery, body: await readBodyText(request, MAX_TWILIO_FORM_BYTES), signature };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === "payload_too_large") return { pathWithQuery, body: "", isBodyTooLarge: true, signature };
    return textAnswer(error.status, error.message);
  }
}

function responseOf({ status, body, headers }: TwilioWebhookAnswer): Response {
  return new Response(body, { status, headers });
}
