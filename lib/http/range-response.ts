// Media answers that a browser's <audio> can seek in: one `Range: bytes=…` gives 206 with Content-Range, a range past
// the end 416, anything else (no header, several ranges, another unit) the whole file. Parsing is range-parser's
// (the one Express's `send` uses).
import parseRange from "range-parser";

type MediaHeaders = Record<string, string>;

/** The answer for `body` (held in memory) to a request carrying `rangeHeader`. */
export function rangeResponse({
  body,
  contentType,
  rangeHeader,
  headers = {},
}: {
  body: Uint8Array;
  contentType: string;
  rangeHeader: string | null;
  headers?: MediaHeaders;
}): Response {
  const common = { ...headers, "content-type": contentType, "accept-ranges": "bytes" };
  const ranges = rangeHeader ? parseRange(body.byteLength, rangeHeader, { combine: true }) : -2;
  if (ranges === -1) {
    return new Response(null, { status: 416, headers: { ...common, "content-range": `bytes */${body.byteLength}` } });
  }
  if (ranges !== -2 && ranges.type === "bytes" && ranges.length === 1) {
    const { start, end } = ranges[0]!;
    return new Response(body.slice(start, end + 1), {
      status: 206,
      headers: {
        ...common,
        "content-range": `bytes ${start}-${end}/${body.byteLength}`,
        "content-length": String(end - start + 1),
      },
    });
  }
  return new Response(body.slice(), {
    status: 200,
    headers: { ...common, "content-length": String(body.byteLength) },
  });
}

const MAX_BUFFERED_BYTES = 25 * 1024 * 1024;

/**
 * Passes an upstream media answer on. An upstream that honoured the range (206/416) streams through as it is; one
 * that ignored it (200 to a ranged request) is read (bounded) and cut here, so seeking works either way.
 */
export async function relayRangeResponse({
  upstream,
  rangeHeader,
  fallbackContentType,
  headers = {},
}: {
  upstream: Response;
  rangeHeader: string | null;
  fallbackContentType: string;
  headers?: MediaHeaders;
}): Promise<Response> {
  const contentType = upstream.headers.get("content-type") ?? fallbackContentType;
  const passed: MediaHeaders = { ...headers, "content-type": contentType, "accept-ranges": "bytes" };
  for (const name of ["content-length", "content-range"]) {
    const value = upstream.headers.get(name);
    if (value) passed[name] = value;
  }
  if (upstream.status === 206 || upstream.status === 416 || !rangeHeader) {
    return new Response(upstream.status === 416 ? null : upstream.body, { status: upstream.status, headers: passed });
  }
  const declared = Number(upstream.headers.get("content-length") ?? 0);
  if (declared > MAX_BUFFERED_BYTES) {
    return new Response(upstream.body, { status: 200, headers: passed });
  }
  const body = new Uint8Array(await upstream.arrayBuffer());
  return rangeResponse({ body, contentType, rangeHeader, headers });
}
