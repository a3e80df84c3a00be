// public/sw.js runs here as the browser runs it (a script with `self`), with the browser's pieces replaced by
// recorders: a push whose url points at another origin must open the inbox of this origin when tapped, never
// the other page.
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { describe, expect, it } from "vitest";

const ORIGIN = "https://app.ringback.test";

function loadServiceWorker() {
  const listeners: Record<string, (event: unknown) => void> = {};
  const opened: string[] = [];
  const shown: { title: string; options: { data: { url: string } } }[] = [];
  const self = {
    location: new URL(`${ORIGIN}/sw.js`),
    addEventListener: (type: string, listener: (event: unknown) => void) => (listeners[type] = listener),
    registration: {
      showNotification: async (title: string, options: { data: { url: string } }) =>
        void shown.push({ title, options }),
    },
    clients: {
      matchAll: async () => [],
      openWindow: async (url: string) => void opened.push(url),
      claim: async () => undefined,
    },
    skipWaiting: async () => undefined,
  };
  const context = vm.createContext({
    self,
    URL,
    fetch: async () => new Response("{}"),
    AbortController,
    setTimeout,
    clearTimeout,
    caches: {},
  });
  vm.runInContext(fs.readFileSync(path.resolve("public/sw.js"), "utf8"), context);
  return { listeners, opened, shown };
}

async function pushThenTap(url: unknown) {
  const worker = loadServiceWorker();
  let waited: Promise<unknown> = Promise.resolve();
  worker.listeners.push!({
    data: { json: () => ({ title: "A customer replied", body: "…", url }) },
    waitUntil: (promise: Promise<unknown>) => (waited = promise),
  });
  await waited;
  const notification = worker.shown[0]!;
  worker.listeners.notificationclick!({
    action: "",
    notification: { close: () => undefined, data: notification.options.data },
    waitUntil: (promise: Promise<unknown>) => (waited = promise),
  });
  await waited;
  return worker.opened;
}

describe("service worker: a tap opens this origin only", () => {
  it("opens a same-origin url from the push", async () => {
    expect(await pushThenTap("/inbox/thread-1")).toEqual([`${ORIGIN}/inbox/thread-1`]);
  });

  it("opens the inbox for any url of another origin", async () => {
    for (const hostile of [
      "https://evil.example/login",
      "//evil.example/x",
      "/.//evil.example/x",
      "javascript:alert(1)",
      "http://app.ringback.test/inbox",
      { toString: () => "https://evil.example" },
    ]) {
      const opened = await pushThenTap(hostile);
      expect(opened, String(hostile)).toHaveLength(1);
      // "/.//evil.example/x" is a path on this origin (https://app…//evil.example/x): harmless, it stays here.
      expect(new URL(opened[0]!).origin, String(hostile)).toBe(ORIGIN);
      if (!String(hostile).startsWith("/.")) expect(opened, String(hostile)).toEqual([`${ORIGIN}/inbox`]);
    }
  });
});
