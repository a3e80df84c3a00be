// The shape of every /api/twilio/* route: verify the signature, then hand the parameters to the route's handler.
// A failure inside answers 500 so Twilio retries (the domain functions are idempotent on CallSid/MessageSid; the
// URLs we hand Twilio carry connection overrides that make it retry a 5xx). Input that can never be stored is a
// 400: retrying it would only fail again.
import { ZodError } from "zod";
import { AppError, isUnstorableInput } from "@/lib/errors";
import { logger } from "@/lib/log";
import { readTwilioRequest, type TwilioRequest } from "@/lib/telephony/read-twilio-request";

export function twilioWebhook(
  handler: (input: TwilioRequest & { request: Request }) => Promise<Response>,
  options: { isDatabaseFree?: boolean } = {},
) {
  return async (request: Request): Promise<Response> => {
    let verified: TwilioRequest | null;
    try {
      verified = await readTwilioRequest(request, options);
    } catch (error) {
      // An over-size body: refused before (Content-Length) or while it is read, and never signature-checked.
      if (error instanceof AppError) return new Response(error.message, { status: error.status });
      throw error;
    }
    if (!verified) return new Response("Forbidden", { status: 403 });
    try {
      return await handler({ ...verified, request });
    } catch (error) {
      if (error instanceof ZodError || isUnstorableInput(error)) {
        const issues = error instanceof ZodError ? error.issues.length : 1;
        logger.warn({ path: verified.path, issues }, "twilio webhook with unexpected parameters");
        return new Response("Bad request", { status: 400 });
      }
      logger.error({ err: error, path: verified.path }, "twilio webhook failed");
      return new Response("Internal error", { status: 500 });
    }
  };
}
