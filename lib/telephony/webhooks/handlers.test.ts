// The routes under app/api/twilio/ and the simulator's table are the same handlers: a route on disk without an
// entry (or an entry without a route) would let the simulator and Twilio run different code.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { twilioWebhookHandlers } from "@/lib/telephony/webhooks/handlers";

describe("the Twilio webhook table", () => {
  it("has exactly the routes on disk, and each route exports the table's handler", async () => {
    const dir = path.resolve("app/api/twilio");
    const onDisk = fs
      .readdirSync(dir)
      .filter((name) => fs.existsSync(path.join(dir, name, "route.ts")))
      .map((name) => `/api/twilio/${name}`)
      .sort();
    expect(Object.keys(twilioWebhookHandlers).sort()).toEqual(onDisk);
    for (const [urlPath, handler] of Object.entries(twilioWebhookHandlers)) {
      const route = (await import(path.join(process.cwd(), "app", urlPath, "route.ts"))) as { POST: unknown };
      expect(route.POST, urlPath).toBe(handler);
    }
  });
});
