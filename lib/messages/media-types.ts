// Which attachments the app shows as a picture. Only these are ever answered with their own content type (inline);
// everything else (video, vCard, PDF, SVG, anything unnamed) is a download of application/octet-stream, so a file a
// customer sent can never run as a page or script on the app's origin.
const INLINE_IMAGE_TYPES = new Set(["image/jpeg", "image/png", "image/gif", "image/webp", "image/heic", "image/heif"]);

/** "Image/JPEG; charset=…" → "image/jpeg"; "" when there is no usable type. */
export function normalizeContentType(value: string | null | undefined): string {
  return (value ?? "").split(";")[0]!.trim().toLowerCase();
}

export function isInlineImage(contentType: string | null | undefined): boolean {
  return INLINE_IMAGE_TYPES.has(normalizeContentType(contentType));
}
