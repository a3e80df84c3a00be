// When the AI answers if nobody acts: "AI answers in 0:42", counting down every second; "AI answering…" once it is
// due or the AI's turn has started; "Waiting for you" when the hours and availability rule leaves the customer to a
// person. The time left comes from the server (its remaining milliseconds, added to when this device received them),
// so a phone whose clock is off still counts right, and a reload shows the same time. Nothing time-dependent is in
// the server's HTML: the clock below reads null until the page is hydrated.
"use client";

import { clsx } from "clsx";
import { useEffect, useRef, useSyncExternalStore } from "react";
import { NavIcon } from "@/components/shell/nav-icon";

/** The thread's answer about the AI, as the API gives it, and when this device received it. */
export type AiDeadline = {
  aiDueInMs: number | null;
  waitingOnPerson: boolean;
  /** Date.now() when the response arrived */
  receivedAt: number;
};

// One clock for every countdown on the page, ticking four times a second (so a second boundary shows at once).
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;
function subscribe(listener: () => void) {
  listeners.add(listener);
  timer ??= setInterval(() => listeners.forEach((notify) => notify()), 250);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  };
}
const quarterSeconds = () => Math.floor(Date.now() / 250);
const onServer = () => null;

/** "0:42", "12:05", "1:02:03" */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${seconds}` : `${minutes}:${seconds}`;
}

export type CountdownState =
  { kind: "none" } | { kind: "waiting" } | { kind: "answering" } | { kind: "counting"; remainingMs: number };

/** Pure: what to show at device time `now` (null before hydration: only the states that do not depend on time). */
export function countdownState(deadline: AiDeadline, isAiWriting: boolean, now: number | null): CountdownState {
  if (isAiWriting) return { kind: "answering" };
  if (deadline.waitingOnPerson) return { kind: "waiting" };
  if (deadline.aiDueInMs === null || now === null) return { kind: "none" };
  const remainingMs = deadline.receivedAt + deadline.aiDueInMs - now;
  return remainingMs > 0 ? { kind: "counting", remainingMs } : { kind: "answering" };
}

export function AiCountdown({
  deadline,
  isAiWriting = false,
  look = "banner",
  onDue,
}: {
  deadline: AiDeadline;
  /** the AI's turn has started (the thread says so, or its reply is streaming in) */
  isAiWriting?: boolean;
  /** "banner" in the thread view, "chip" on an inbox row */
  look?: "banner" | "chip";
  /** called once when the countdown reaches zero (the thread refetches to catch up) */
  onDue?: () => void;
}) {
  const tick = useSyncExternalStore(subscribe, quarterSeconds, onServer);
  const state = countdownState(deadline, isAiWriting, tick === null ? null : tick * 250);
  const dueKey = deadline.aiDueInMs === null ? null : deadline.receivedAt + deadline.aiDueInMs;
  const calledFor = useRef<number | null>(null);
  const isDueNow = state.kind === "answering" && !isAiWriting && dueKey !== null;
  useEffect(() => {
    if (!isDueNow || calledFor.current === dueKey) return;
    calledFor.current = dueKey;
    onDue?.();
  }, [isDueNow, dueKey, onDue]);

  if (state.kind === "none") return null;
  const text =
    state.kind === "waiting"
      ? "Waiting for you"
      : state.kind === "answering"
        ? "AI answering…"
        : `AI answers in ${formatCountdown(state.remainingMs)}`;
  const tone =
    state.kind === "waiting"
      ? "bg-red-50 text-red-800 ring-red-200"
      : state.kind === "answering"
        ? "bg-brand-50 text-brand-700 ring-brand-100"
        : "bg-amber-50 text-amber-900 ring-amber-300";
  if (look === "chip") {
    return (
      <span
        data-testid="ai-countdown"
        data-state={state.kind}
        className={clsx("rounded-full px-2 py-0.5 text-xs font-semibold tabular-nums ring-1 ring-inset", tone)}
      >
        {text}
      </span>
    );
  }
  return (
    <div
      data-testid="ai-countdown"
      data-state={state.kind}
      role="timer"
      className={clsx("flex items-center gap-2 rounded-xl px-3 py-2 ring-1 ring-inset", tone)}
    >
      <NavIcon name={state.kind === "waiting" ? "person" : "clock"} className="h-5 w-5 shrink-0" />
      <span className="font-semibold whitespace-nowrap tabular-nums">{text}</span>
      <span className="ml-auto min-w-0 text-right text-xs">
        {state.kind === "waiting"
          ? "The AI won't answer this one."
          : state.kind === "counting"
            ? "unless you take over"
            : null}
      </span>
    </div>
  );
}
