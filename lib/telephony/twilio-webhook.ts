// The shape of every /api/twilio/* route: verify the signature, then hand the parameters to the route's handler.
// A failure inside answers 500 so Twilio retries (the domain functions are idempotent on CallSid/MessageSid).
import { ZodError } from "zod";
import { logger } from "@/lib/log";
import { readTwilioRequest, type TwilioRequest } from "@/lib/telephony/read-twilio-request";

export function twilioWebhook(handler: (input: TwilioRequest & { request: Request }) => Promise<Response>) {
  return async (request: Request): Promise<Response> => {
    const verified = await readTwilioRequest(request);
    if (!verified) return new Response("Forbidden", { status: 403 });
    try {
      return await handler({ ...verified, request });
    } catch (error) {
      if (error instanceof ZodError) {
        logger.warn({ path: verified.path, issues: error.issues.length }, "twilio webhook with unexpected parameters");
        return new Response("Bad request", { status: 400 });
      }
      logger.error({ err: error, path: verified.path }, "twilio webhook failed");
      return new Response("Internal error", { status: 500 });
    }
  };
}
