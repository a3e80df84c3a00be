// public/sw.js runs here as the browser runs it (a script with `self`), with the browser's pieces replaced by
// recorders: a push about a customer's reply shows the AI's deadline and the buttons the server chose, and each
// button sends its request with the member's session (Call back places the bridged call, then opens the thread).
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { describe, expect, it } from "vitest";

const ORIGIN = "https://app.ringback.test";

type Shown = {
  title: string;
  options: { body: string; actions: { action: string; title: string }[]; data: Record<string, unknown> };
};

function loadServiceWorker() {
  const listeners: Record<string, (event: unknown) => void> = {};
  const opened: string[] = [];
  const shown: Shown[] = [];
  const requests: { url: string; method: string; credentials: string }[] = [];
  const self = {
    location: new URL(`${ORIGIN}/sw.js`),
    addEventListener: (type: string, listener: (event: unknown) => void) => (listeners[type] = listener),
    registration: {
      showNotification: async (title: string, options: Shown["options"]) => void shown.push({ title, options }),
    },
    clients: {
      matchAll: async () => [],
      openWindow: async (url: string) => void opened.push(url),
      claim: async () => undefined,
    },
    skipWaiting: async () => undefined,
  };
  const fetch = async (url: string, init: { method?: string; credentials?: string } = {}) => {
    requests.push({ url, method: init.method ?? "GET", credentials: init.credentials ?? "same-origin" });
    return new Response("{}", { status: 202 });
  };
  const context = vm.createContext({ self, URL, Date, fetch, AbortController, setTimeout, clearTimeout, caches: {} });
  vm.runInContext(fs.readFileSync(path.resolve("public/sw.js"), "utf8"), context);

  async function push(payload: Record<string, unknown>) {
    let waited: Promise<unknown> = Promise.resolve();
    listeners.push!({ data: { json: () => payload }, waitUntil: (promise: Promise<unknown>) => (waited = promise) });
    await waited;
    return shown.at(-1)!;
  }
  async function tap(notification: Shown, action: string) {
    let waited: Promise<unknown> = Promise.resolve();
    listeners.notificationclick!({
      action,
      notification: { close: () => undefined, data: notification.options.data },
      waitUntil: (promise: Promise<unknown>) => (waited = promise),
    });
    await waited;
  }
  return { push, tap, opened, requests };
}

const reply = {
  notificationId: "notification-1",
  threadId: "thread-1",
  kind: "customer_reply",
  title: "Dana replied",
  body: "Is anyone free today?",
  url: "/inbox/thread-1",
  urgent: false,
};

describe("service worker: the deadline and the buttons of a customer's reply", () => {
  it("shows when the AI answers, in the phone's own time, and the server's buttons in its order", async () => {
    const worker = loadServiceWorker();
    const dueAt = new Date("2026-11-30T15:42:15Z");
    const shown = await worker.push({
      ...reply,
      aiDueAt: dueAt.toISOString(),
      waitingOnPerson: false,
      actions: [
        { action: "takeover", title: "Take over" },
        { action: "let-ai", title: "Let AI handle" },
        { action: "call-back", title: "Call back" },
      ],
    });
    const time = dueAt.toLocaleTimeString([], { hour: "numeric", minute: "2-digit", second: "2-digit" });
    expect(shown.options.body).toBe(`Is anyone free today?\nAI answers at ${time} unless you take over.`);
    expect(shown.options.actions).toEqual([
      { action: "takeover", title: "Take over" },
      { action: "let-ai", title: "Let AI handle" },
      { action: "call-back", title: "Call back" },
    ]);
  });

  it("says the customer waits on you when the AI will not answer; unknown buttons are dropped", async () => {
    const worker = loadServiceWorker();
    const shown = await worker.push({
      ...reply,
      aiDueAt: null,
      waitingOnPerson: true,
      actions: [{ action: "call-back" }, { action: "delete-everything", title: "Oops" }, { action: "takeover" }],
    });
    expect(shown.options.body).toBe("Is anyone free today?\nWaiting for you: the AI will not answer.");
    expect(shown.options.actions).toEqual([
      { action: "call-back", title: "Call back" },
      { action: "takeover", title: "Take over" },
    ]);
  });

  it("a payload naming no buttons gets Take over and Let AI handle; one without a thread gets none", async () => {
    const worker = loadServiceWorker();
    expect((await worker.push(reply)).options.actions.map((entry) => entry.action)).toEqual(["takeover", "let-ai"]);
    expect((await worker.push({ ...reply, threadId: null })).options.actions).toEqual([]);
  });

  it("Call back places the call with the member's session, then opens the thread", async () => {
    const worker = loadServiceWorker();
    const shown = await worker.push(reply);
    await worker.tap(shown, "call-back");
    expect(worker.requests).toEqual(
      expect.arrayContaining([
        { url: "/api/threads/thread-1/call-back", method: "POST", credentials: "include" },
        { url: "/api/notifications/notification-1/opened", method: "POST", credentials: "include" },
      ]),
    );
    expect(worker.opened).toEqual([`${ORIGIN}/inbox/thread-1`]);
  });
});
