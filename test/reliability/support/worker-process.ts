// An app instance in a process of its own, for the crash fault tests: it runs the worker, answers the Twilio
// webhooks the test hands it over IPC (signed here, as Twilio signs them), and stops gracefully on SIGTERM. The
// test kills it with SIGKILL at the moment it wants, like a crash.
import { POST as dialAction } from "@/app/api/twilio/dial-action/route";
import { POST as voice } from "@/app/api/twilio/voice/route";
import { stopBoss } from "@/lib/jobs/boss";
import { startWorker } from "@/lib/jobs/worker";
import { signedTwilioRequest } from "@/test/helpers/twilio";

export type WebhookRequest = { id: number; route: "voice" | "dial-action"; params: Record<string, string> };
export type WebhookAnswer = { id: number; status: number };

const routes = { voice, "dial-action": dialAction };

process.on("message", (request: WebhookRequest) => {
  void (async () => {
    const response = await routes[request.route](
      await signedTwilioRequest(`/api/twilio/${request.route}`, request.params),
    );
    process.send?.({ id: request.id, status: response.status } satisfies WebhookAnswer);
  })();
});

process.on("SIGTERM", () => {
  void stopBoss().finally(() => process.exit(0));
});

startWorker({ pollingIntervalSeconds: 0.5 })
  .then(() => process.send?.("ready"))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
