// Twilio's REST error body: { code, message, more_info, status } (the twilio SDK turns it into a RestException).
import type { ServerResponse } from "node:http";
import { sendJson } from "./server";

export type TwilioError = { status: number; code?: number | null; message: string };

/** The error's page, as Twilio links it in `more_info`. */
export const moreInfo = (code: number) => `https://www.twilio.com/docs/errors/${code}`;

export function twilioErrorBody(error: TwilioError) {
  const code = error.code ?? null;
  return { code, message: error.message, more_info: code === null ? null : moreInfo(code), status: error.status };
}

export function sendTwilioError(
  response: ServerResponse,
  error: TwilioError,
  headers: Record<string, string> = {},
): void {
  sendJson(response, error.status, twilioErrorBody(error), headers);
}

export function sendNotFound(response: ServerResponse): void {
  sendTwilioError(response, { status: 404, code: 20404, message: "The requested resource was not found" });
}
