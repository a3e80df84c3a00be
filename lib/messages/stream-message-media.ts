// One attachment of a customer's MMS, for a member of the message's business (another business's message is a 404,
// like a missing one). Fetched from Twilio server-side and streamed back; a picture is answered as itself, anything
// else as a download that the browser never renders.
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { isInlineImage, normalizeContentType } from "@/lib/messages/media-types";
import { fetchMessageMedia } from "@/lib/telephony/fetch-message-media";
import { parseMessageMediaRef } from "@/lib/telephony/message-media-ref";

// Private: a customer's photo. Stored media never changes, so the browser may keep it a while. The sandbox CSP and
// nosniff keep even a mislabelled file from acting as a page if it is opened on its own.
const commonHeaders = {
  "cache-control": "private, max-age=600",
  "x-content-type-options": "nosniff",
  "content-security-policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
  "cross-origin-resource-policy": "same-origin",
};

export async function streamMessageMedia({
  businessId,
  messageId,
  index,
}: {
  businessId: string;
  messageId: string;
  index: string;
}): Promise<Response> {
  // Twilio sends at most 10 media items: "0" … "9".
  if (!/^\d$/.test(index)) throw new AppError("not_found", "No such attachment.");
  const message = await db.message.findFirst({
    where: { id: messageId, businessId },
    select: { messageSid: true, mediaUrls: true },
  });
  const ref =
    message && parseMessageMediaRef({ mediaUrl: message.mediaUrls[Number(index)], messageSid: message.messageSid });
  if (!ref) throw new AppError("not_found", "No such attachment.");
  const media = await fetchMessageMedia(ref);
  const contentType = normalizeContentType(media.contentType);
  const isImage = isInlineImage(contentType);
  return new Response(media.body, {
    status: 200,
    headers: {
      ...commonHeaders,
      "content-type": isImage ? contentType : "application/octet-stream",
      "content-disposition": isImage
        ? "inline"
        : `attachment; filename="${attachmentName(Number(index), contentType)}"`,
      ...(media.contentLength === null ? {} : { "content-length": String(media.contentLength) }),
    },
  });
}

const extensions: Record<string, string> = {
  "application/pdf": "pdf",
  "text/vcard": "vcf",
  "text/x-vcard": "vcf",
  "video/mp4": "mp4",
  "video/3gpp": "3gp",
  "video/quicktime": "mov",
  "audio/amr": "amr",
  "audio/mpeg": "mp3",
};

/** A plain file name from our own words only (never the customer's): "attachment-1.pdf". */
function attachmentName(index: number, contentType: string): string {
  const extension = extensions[contentType];
  return `attachment-${index + 1}${extension ? `.${extension}` : ""}`;
}
