// Subscribes to a Server-Sent Events URL. EventSource reconnects by itself and sends Last-Event-ID, so the server
// replays what was missed; `isLive` is false while the stream is down (callers poll meanwhile).
"use client";

import { useEffect, useRef, useState } from "react";
import type { LiveFrame } from "@/components/inbox/types";

export function useLiveEvents(url: string | null, onFrame: (frame: LiveFrame) => void): { isLive: boolean } {
  const [isLive, setIsLive] = useState(false);
  const handler = useRef(onFrame);
  useEffect(() => {
    handler.current = onFrame;
  });
  useEffect(() => {
    if (!url || typeof EventSource === "undefined") return;
    const source = new EventSource(url);
    source.onopen = () => setIsLive(true);
    source.onerror = () => setIsLive(false);
    source.onmessage = (message) => {
      try {
        const frame = JSON.parse(message.data) as LiveFrame | { type: "session.ended" };
        // The server ended the stream because the session ended (password changed, removed from the team).
        if (frame.type === "session.ended") {
          source.close();
          // A full page load on purpose, not the router: it drops every answer the ended session left in memory
          // (SWR's cache), so whoever signs in next in this tab sees none of them.
          // eslint-disable-next-line @next/next/no-location-assign-relative-destination
          window.location.assign("/login");
          return;
        }
        handler.current(frame as LiveFrame);
      } catch {
        // a malformed frame costs nothing: the next refetch catches up
      }
    };
    return () => {
      source.close();
      setIsLive(false);
    };
  }, [url]);
  return { isLive };
}
