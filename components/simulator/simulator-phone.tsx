"use client";
// The phone-shaped simulator: pick a caller, place a call (unanswered or answered), see the auto-text arrive,
// reply as the customer. It talks to /api/simulator/*, which sends the same signed webhooks Twilio would.
import { useState } from "react";
import useSWR from "swr";
import { NavIcon } from "@/components/shell/nav-icon";
import { randomCallerNumber } from "@/components/simulator/random-caller";
import {
  SimulatorIncomingCall,
  type HandsetAction,
  type SimulatorCall,
} from "@/components/simulator/simulator-incoming-call";
import { SimulatorMessages, type SimulatorMessage } from "@/components/simulator/simulator-messages";

const fetchJson = async (url: string) => {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.json() as Promise<{ messages: SimulatorMessage[]; calls?: SimulatorCall[] }>;
};

async function post(url: string, body: unknown) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const data = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(data?.error?.message ?? `HTTP ${response.status}`);
  return data;
}

const outcomeText: Record<string, string> = {
  "no-answer": "Nobody picked up",
  forwarded: "Forwarded as missed",
  short_answer: "Voicemail picked up (counts as missed)",
  not_screened: "Not screened (counts as missed)",
};

export function SimulatorPhone({ businessName }: { businessName: string }) {
  const [caller, setCaller] = useState(randomCallerNumber);
  const [callerName, setCallerName] = useState("");
  const [draft, setDraft] = useState("");
  const [status, setStatus] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const isValidCaller = /^\+\d{8,15}$/.test(caller);
  const { data, mutate } = useSWR(
    isValidCaller ? `/api/simulator/conversation?phone=${encodeURIComponent(caller)}` : null,
    fetchJson,
    {
      refreshInterval: 1000,
    },
  );

  async function placeCall(outcome: "answered" | "missed" | "voicemail") {
    setIsBusy(true);
    setStatus(outcome === "answered" ? "Calling… they answer." : "Calling… ringing out.");
    try {
      const call = await post("/api/simulator/call", {
        from: caller,
        isAnswered: outcome === "answered",
        callerName: callerName.trim() || undefined,
        ...(outcome === "voicemail" ? { voicemail: {} } : {}),
      });
      setStatus(
        call.isMissed
          ? `Missed call (${outcomeText[call.missReason] ?? call.missReason})${call.skipReason ? `: no text, ${call.skipReason.replaceAll("_", " ")}` : ". Auto-text on its way."}${call.hasVoicemail ? " Voicemail left." : ""}`
          : "Answered: no text needed.",
      );
      await mutate();
    } catch (error) {
      setStatus(`Call failed: ${(error as Error).message}`);
    } finally {
      setIsBusy(false);
    }
  }

  async function answerCall(callId: string, action: HandsetAction) {
    setIsBusy(true);
    try {
      await post("/api/simulator/call-status", { callId, action });
      await mutate();
    } catch (error) {
      setStatus(`Call failed: ${(error as Error).message}`);
    } finally {
      setIsBusy(false);
    }
  }

  async function sendReply(event: React.FormEvent) {
    event.preventDefault();
    const body = draft.trim();
    if (!body) return;
    setIsBusy(true);
    try {
      await post("/api/simulator/sms", { from: caller, body });
      setDraft("");
      await mutate();
    } catch (error) {
      setStatus(`Text failed: ${(error as Error).message}`);
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <div className="mx-auto w-full max-w-sm">
      <div className="rounded-[2.5rem] border-[10px] border-slate-900 bg-slate-900 shadow-2xl">
        <div className="flex h-[640px] flex-col overflow-hidden rounded-[1.8rem] bg-white">
          <div className="flex justify-center bg-slate-50 pt-2">
            <div className="h-5 w-24 rounded-full bg-slate-900" aria-hidden />
          </div>
          <div className="space-y-2 border-b border-slate-200 bg-slate-50 px-4 pb-3 pt-2">
            <label className="block text-xs font-medium text-slate-500">
              You are calling from
              <div className="mt-1 flex gap-2">
                <input
                  data-testid="sim-caller"
                  value={caller}
                  onChange={(event) => setCaller(event.target.value.trim())}
                  inputMode="tel"
                  className="min-w-0 flex-1 rounded-lg border border-slate-300 bg-white px-2 py-1.5 font-mono text-sm text-slate-900"
                />
                <button
                  type="button"
                  onClick={() => setCaller(randomCallerNumber())}
                  className="rounded-lg border border-slate-300 px-2 text-xs text-slate-600 hover:bg-slate-100"
                  title="Pick another number"
                >
                  New
                </button>
              </div>
            </label>
            <input
              value={callerName}
              onChange={(event) => setCallerName(event.target.value)}
              placeholder="Caller name (optional, sent as caller ID name)"
              className="w-full rounded-lg border border-slate-300 bg-white px-2 py-1.5 text-sm"
            />
            <div className="grid grid-cols-2 gap-2">
              <button
                type="button"
                data-testid="sim-call-missed"
                disabled={isBusy || !isValidCaller}
                onClick={() => void placeCall("missed")}
                className="inline-flex items-center justify-center gap-1.5 rounded-xl bg-rose-600 px-2 py-2 text-sm font-semibold text-white shadow hover:bg-rose-700 disabled:opacity-50"
              >
                <NavIcon name="phoneMissed" className="h-4 w-4 shrink-0" />
                Call (goes unanswered)
              </button>
              <button
                type="button"
                data-testid="sim-call-answered"
                disabled={isBusy || !isValidCaller}
                onClick={() => void placeCall("answered")}
                className="inline-flex items-center justify-center gap-1.5 rounded-xl bg-emerald-700 px-2 py-2 text-sm font-semibold text-white shadow hover:bg-emerald-800 disabled:opacity-50"
              >
                <NavIcon name="phoneIncoming" className="h-4 w-4 shrink-0" />
                Call (answered)
              </button>
              <button
                type="button"
                data-testid="sim-call-voicemail"
                disabled={isBusy || !isValidCaller}
                onClick={() => void placeCall("voicemail")}
                className="col-span-2 inline-flex items-center justify-center gap-1.5 rounded-xl bg-slate-800 px-2 py-2 text-sm font-semibold text-white shadow hover:bg-slate-900 disabled:opacity-50"
              >
                <NavIcon name="mic" className="h-4 w-4 shrink-0" />
                Call and leave a voicemail
              </button>
            </div>
            {status ? (
              <p className="text-xs text-slate-600" role="status" data-testid="sim-status">
                {status}
              </p>
            ) : null}
          </div>
          <p className="border-b border-slate-100 py-1 text-center text-xs font-medium text-slate-500">
            {businessName}
          </p>
          <SimulatorIncomingCall
            calls={data?.calls ?? []}
            isBusy={isBusy}
            onAction={(id, action) => void answerCall(id, action)}
          />
          {/* Focusable, so that a keyboard can scroll it once the texts overflow (axe: scrollable-region-focusable). */}
          <div
            className="flex flex-1 flex-col overflow-y-auto"
            data-testid="sim-outbox"
            role="region"
            aria-label="Texts on the customer's phone"
            tabIndex={0}
          >
            <SimulatorMessages messages={data?.messages ?? []} businessName={businessName} />
          </div>
          <form onSubmit={sendReply} className="flex gap-2 border-t border-slate-200 p-3">
            <input
              data-testid="sim-reply-input"
              value={draft}
              onChange={(event) => setDraft(event.target.value)}
              placeholder="Text as the customer…"
              className="min-w-0 flex-1 rounded-full border border-slate-300 px-3 py-2 text-sm"
            />
            <button
              type="submit"
              data-testid="sim-reply-send"
              disabled={isBusy || !draft.trim() || !isValidCaller}
              className="rounded-full bg-emerald-500 px-4 text-sm font-semibold text-white disabled:opacity-50"
            >
              Send
            </button>
          </form>
        </div>
      </div>
    </div>
  );
}
