// The path and query of an app API request: a segment or parameter whose %-escapes do not decode, or that decodes to
// control characters or a lone surrogate, is refused with a 400 before any handler looks it up in the database.
import { AppError } from "@/lib/errors";
import { hasUnsafeText } from "@/lib/http/clean-text";

export function checkUrlInput(request: Request): void {
  const { pathname, searchParams } = new URL(request.url);
  for (const segment of pathname.split("/")) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      throw new AppError("bad_request", "The request path has a broken %-escape.");
    }
    if (hasUnsafeText(decoded)) throw new AppError("bad_request", "The request path contains control characters.");
  }
  for (const [key, value] of searchParams) {
    if (hasUnsafeText(key) || hasUnsafeText(value)) {
      throw new AppError("bad_request", "The query string contains control characters or broken Unicode.");
    }
  }
}
