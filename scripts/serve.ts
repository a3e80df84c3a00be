// Serves Next.js from this process (a custom server), so the embedded database, the worker and the route
// handlers share one process: the only way PGlite can be used by all of them.
import { createServer } from "node:http";
import next from "next";
import { bootApp } from "./boot";
import { env } from "@/lib/env";
import { stopServer } from "@/lib/lifecycle/stop-server";
import { EDGE_MAX_BODY_BYTES, limitRequestBody } from "@/lib/http/limit-request-body";
import { logger } from "@/lib/log";
import { serveTwilioWebhookDirect } from "@/lib/telephony/webhooks/serve-direct";

export async function serve({ dev }: { dev: boolean }) {
  await bootApp({ runWorker: env().runWorker });
  const port = env().port;
  const app = next({ dev, port, hostname: "0.0.0.0" });
  await app.prepare();
  const handle = app.getRequestHandler();
  let inFlight = 0;
  const server = createServer((request, response) => {
    // The peer address, for rate limits: set here so that no client can choose it.
    request.headers["x-ringback-client-ip"] = request.socket.remoteAddress ?? "";
    // No route accepts more than the edge cap: a bigger body is refused before Next.js reads any of it.
    if (!limitRequestBody(request, response, EDGE_MAX_BODY_BYTES)) return;
    // In flight until the answer is written ("finish") or the connection goes ("close"), whichever comes first.
    inFlight += 1;
    let isDone = false;
    const done = () => {
      if (!isDone) inFlight -= 1;
      isDone = true;
    };
    response.once("finish", done);
    response.once("close", done);
    // Twilio's webhooks are answered here, by the handlers their route files export (development keeps them in
    // Next.js, whose reload must see edits); everything else goes to Next.js.
    if (!dev && serveTwilioWebhookDirect(request, response)) return;
    void handle(request, response);
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(port, resolve));
  logger.info({ url: `http://localhost:${port}`, publicBaseUrl: env().publicBaseUrl }, "Ringback is listening");

  let isStopping = false;
  const stop = async (signal: string) => {
    if (isStopping) return;
    isStopping = true;
    await stopServer({ server, inFlightRequests: () => inFlight, signal });
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}
