// The fields of Twilio's Messaging webhook we use. Unknown extra parameters are allowed (Twilio adds more over time).
import { z } from "zod";

export const inboundSmsSchema = z.object({
  MessageSid: z.string().min(10).max(64),
  From: z.string().min(1).max(40),
  To: z.string().min(1).max(40),
  Body: z.string().max(1_600).default(""),
  NumMedia: z.coerce.number().int().min(0).max(10).default(0),
});

export type InboundSms = z.infer<typeof inboundSmsSchema>;

/** MediaUrl0…MediaUrlN from the raw form parameters. */
export function mediaUrlsOf(params: Record<string, string | string[]>, count: number): string[] {
  const urls: string[] = [];
  for (let index = 0; index < count; index++) {
    const url = params[`MediaUrl${index}`];
    if (typeof url === "string" && url) urls.push(url);
  }
  return urls;
}
