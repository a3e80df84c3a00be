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

/** MediaUrl0…MediaUrlN with MediaContentType0…N from the raw form parameters, kept index for index. */
export function mediaOf(
  params: Record<string, string | string[]>,
  count: number,
): { mediaUrls: string[]; mediaContentTypes: string[] } {
  const mediaUrls: string[] = [];
  const mediaContentTypes: string[] = [];
  for (let index = 0; index < count; index++) {
    const url = params[`MediaUrl${index}`];
    if (typeof url !== "string" || !url) continue;
    const contentType = params[`MediaContentType${index}`];
    mediaUrls.push(url);
    // Unknown or malformed: treated as a file to download, never as an image.
    mediaContentTypes.push(typeof contentType === "string" ? contentType.slice(0, 255) : "");
  }
  return { mediaUrls, mediaContentTypes };
}
