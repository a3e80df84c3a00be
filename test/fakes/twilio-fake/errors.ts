// Twilio's REST error body: { code, message, more_info, status } (the twilio SDK turns it into a RestException).
import type { ServerResponse } from "node:http";
import { sendJson } from "./server";

export type TwilioError = { status: number; code?: number | null; message: string };

export function sendTwilioError(
  response: ServerResponse,
  error: TwilioError,
  headers: Record<string, string> = {},
): void {
  sendJson(response, error.status, { code: error.code ?? null, message: error.message, status: error.status }, headers);
}

export function sendNotFound(response: ServerResponse): void {
  sendTwilioError(response, { status: 404, code: 20404, message: "The requested resource was not found" });
}
