// Ringback service worker. Offline: page navigations go to the network first and fall back to the cached
// /offline shell; hashed build assets (/_next/static) are cached as they load. API calls are never cached.
// Push notifications: handled below this section (helper INBOX adds "push" and "notificationclick").
const CACHE = "ringback-shell-v1";
const OFFLINE_URL = "/offline";
const PRECACHE = [OFFLINE_URL, "/icons/icon-192.png", "/icons/icon-512.png"];

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE.map((url) => new Request(url, { cache: "reload" }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((key) => key.startsWith("ringback-shell-") && key !== CACHE).map((key) => caches.delete(key)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith("/api/")) return;

  if (request.mode === "navigate") {
    event.respondWith(
      fetch(request).catch(() => caches.match(OFFLINE_URL).then((cached) => cached || Response.error())),
    );
    return;
  }
  if (url.pathname.startsWith("/_next/static/") || url.pathname.startsWith("/icons/")) {
    event.respondWith(
      caches.match(request).then(
        (cached) =>
          cached ||
          fetch(request).then((response) => {
            if (response.ok) {
              const copy = response.clone();
              event.waitUntil(caches.open(CACHE).then((cache) => cache.put(request, copy)));
            }
            return response;
          }),
      ),
    );
  }
});

// ---- Push notifications (helper INBOX) ----------------------------------------------------------------------
// Every push shows a notification (browsers penalise silent pushes). Payload: { notificationId, threadId, kind,
// title, body, url, urgent, aiDueAt, waitingOnPerson, actions }. Actions are a bonus: Safari/iOS show none, so a plain
// tap opens the thread, whose first control is the big Take over button. The server orders the actions; a browser
// that shows fewer (Chrome shows two) keeps the first ones.

const KNOWN_ACTIONS = {
  takeover: "Take over",
  "let-ai": "Let AI handle",
  "call-back": "Call back",
  // An AI draft waiting for approval: Send sends exactly that draft (by its id); Edit opens it in the reply box.
  "draft-send": "Send",
  "draft-edit": "Edit",
};
// A payload that names no buttons (sent before the server chose them) keeps the first two.
const DEFAULT_ACTIONS = ["takeover", "let-ai"];

function notificationActions(payload, threadId) {
  if (!threadId) return [];
  const requested = Array.isArray(payload.actions) ? payload.actions.map((entry) => entry && entry.action) : [];
  const ids = requested.filter((id) => typeof id === "string" && id in KNOWN_ACTIONS);
  return (ids.length > 0 ? ids : DEFAULT_ACTIONS).map((action) => ({ action, title: KNOWN_ACTIONS[action] }));
}

// The deadline in the phone's own time ("AI answers at 10:42:15"), or that nobody but the professional will answer.
function deadlineLine(payload) {
  if (payload.waitingOnPerson === true) return "Waiting for you: the AI will not answer.";
  const dueAt = typeof payload.aiDueAt === "string" ? new Date(payload.aiDueAt) : null;
  if (!dueAt || Number.isNaN(dueAt.getTime())) return "";
  const time = dueAt.toLocaleTimeString([], { hour: "numeric", minute: "2-digit", second: "2-digit" });
  return `AI answers at ${time} unless you take over.`;
}

self.addEventListener("push", (event) => {
  let payload = {};
  try {
    payload = event.data ? event.data.json() : {};
  } catch {
    payload = { body: event.data ? event.data.text() : "" };
  }
  const threadId = payload.threadId || null;
  const title = payload.title || "Ringback";
  const draftId = typeof payload.draftId === "string" ? payload.draftId : null;
  const line = draftId ? "" : deadlineLine(payload);
  const text = payload.body || "Open Ringback to see what happened.";
  const options = {
    body: line ? `${text}\n${line}` : text,
    tag: threadId || payload.notificationId || "ringback",
    renotify: true,
    requireInteraction: Boolean(payload.urgent),
    icon: "/icons/icon-192.png",
    badge: "/icons/icon-192.png",
    timestamp: Date.now(),
    data: {
      url: sameOriginUrl(payload.url || (threadId ? `/inbox/${threadId}` : "/inbox")),
      threadId,
      notificationId: payload.notificationId || null,
      kind: payload.kind || null,
      draftId,
    },
    actions: notificationActions(payload, threadId),
  };
  event.waitUntil(self.registration.showNotification(title, options));
});

function postWithSession(path, body) {
  // The member's session cookie goes along (credentials: include); a slow network must not hold the tap forever.
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 5000);
  return fetch(path, {
    method: "POST",
    credentials: "include",
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: controller.signal,
  })
    .then((response) => response.ok)
    .catch(() => false)
    .finally(() => clearTimeout(timer));
}

// A push payload is data from the server, but a tap must never open another origin (a phishing page dressed as
// Ringback): anything that does not resolve to this origin opens the inbox instead.
function sameOriginUrl(url) {
  try {
    const target = new URL(String(url || "/inbox"), self.location.origin);
    if (target.origin === self.location.origin) return target.href;
  } catch {
    // not a URL at all
  }
  return new URL("/inbox", self.location.origin).href;
}

async function openOrFocus(url) {
  const target = sameOriginUrl(url);
  const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  const existing = windows.find((client) => new URL(client.url).origin === self.location.origin);
  if (existing) {
    const navigated = existing.url === target ? existing : await existing.navigate(target).catch(() => null);
    return (navigated || existing).focus();
  }
  return self.clients.openWindow(target);
}

async function handleNotificationClick(action, data) {
  const opened = data.notificationId
    ? postWithSession(`/api/notifications/${data.notificationId}/opened`)
    : Promise.resolve(true);
  if (action === "draft-send" && data.threadId && data.draftId) {
    const isSent = await postWithSession(`/api/threads/${data.threadId}/draft/send?via=push`, {
      draftId: data.draftId,
    });
    await opened;
    // Not sent (someone else acted, a newer draft, opted out): the thread shows why.
    return isSent ? undefined : openOrFocus(`/inbox/${data.threadId}`);
  }
  if (action === "draft-edit" && data.threadId) {
    await opened;
    return openOrFocus(`/inbox/${data.threadId}?draft=edit`);
  }
  if (action === "takeover" && data.threadId) {
    await postWithSession(`/api/threads/${data.threadId}/takeover?via=push`);
    await opened;
    return openOrFocus(`/inbox/${data.threadId}?focus=composer`);
  }
  if (action === "call-back" && data.threadId) {
    // Rings the member's phone, then the customer, from the business number; the thread follows the call.
    await Promise.all([postWithSession(`/api/threads/${data.threadId}/call-back`), opened]);
    return openOrFocus(`/inbox/${data.threadId}`);
  }
  if (action === "let-ai" && data.threadId) {
    await Promise.all([postWithSession(`/api/threads/${data.threadId}/release?now=1&via=push`, { now: true }), opened]);
    return undefined;
  }
  await opened;
  return openOrFocus(data.url || "/inbox");
}

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  event.waitUntil(handleNotificationClick(event.action, event.notification.data || {}));
});

// A page of this origin can run the tap handler on a notification this worker is showing: browsers offer tests no way
// to click a notification. Harmless in production: it only does what that page could already do with its own session
// (the same takeover/release/call-back requests), and only for a notification that is on screen.
self.addEventListener("message", (event) => {
  const message = event.data || {};
  if (message.type !== "test-notificationclick" || typeof message.tag !== "string") return;
  event.waitUntil(
    self.registration.getNotifications({ tag: message.tag }).then((notifications) => {
      const notification = notifications[0];
      if (!notification) return undefined;
      notification.close();
      return handleNotificationClick(String(message.action || ""), notification.data || {});
    }),
  );
});

// The browser replaced the subscription (keys rotated, expired): register the new one so pushes keep arriving.
self.addEventListener("pushsubscriptionchange", (event) => {
  event.waitUntil(
    fetch("/api/push/vapid-public-key", { credentials: "include" })
      .then((response) => response.json())
      .then(({ publicKey }) => {
        const padded = (publicKey + "===".slice((publicKey.length + 3) % 4)).replace(/-/g, "+").replace(/_/g, "/");
        const key = Uint8Array.from(atob(padded), (char) => char.charCodeAt(0));
        return self.registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
      })
      .then((subscription) => postWithSession("/api/push/subscriptions", subscription.toJSON()))
      .catch(() => undefined),
  );
});
