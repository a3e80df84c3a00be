// A message's attachments as the app API shows them: our own URL (GET /api/messages/{id}/media/{index}) and the
// content type Twilio named, for each media item the app can fetch. Twilio's URLs stay on the server; a stored URL
// that names no media of our account is left out, as the route would refuse it.
import { isInlineImage, normalizeContentType } from "@/lib/messages/media-types";
import { parseMessageMediaRef } from "@/lib/telephony/message-media-ref";

export type MessageAttachment = { url: string; contentType: string; isImage: boolean };

export function attachmentsOf(message: {
  id: string;
  messageSid: string | null;
  mediaUrls: string[];
  mediaContentTypes: string[];
}): MessageAttachment[] {
  const attachments: MessageAttachment[] = [];
  message.mediaUrls.forEach((mediaUrl, index) => {
    if (!parseMessageMediaRef({ mediaUrl, messageSid: message.messageSid })) return;
    const contentType = normalizeContentType(message.mediaContentTypes[index]) || "application/octet-stream";
    attachments.push({
      url: `/api/messages/${encodeURIComponent(message.id)}/media/${index}`,
      contentType,
      isImage: isInlineImage(contentType),
    });
  });
  return attachments;
}
