"use client";
// Settings → "Test my setup": runs a signed missed call from a test caller through the real webhook path and shows
// each step with its time. The test caller receives nothing; the test conversation stays out of the inbox.
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

type Step = { key: string; label: string; ok: boolean; ms: number; detail: string };
type Result = { ok: boolean; steps: Step[] };

export function SetupTestSection() {
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);

  async function run() {
    setRunning(true);
    setError(null);
    setResult(null);
    try {
      const response = await fetch("/api/setup-test", { method: "POST" });
      const body = await response.json().catch(() => ({}));
      if (!response.ok) throw new Error(body?.error?.message ?? `HTTP ${response.status}`);
      setResult(body as Result);
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : "The test could not run.");
    } finally {
      setRunning(false);
    }
  }

  return (
    <Card
      id="setup-test"
      title="Test my setup"
      description="Places a signed test missed call through the real webhooks: the call, the lead, the auto-text (never sent to a real phone) and your notification. Takes a few seconds."
    >
      <Button data-testid="setup-test-button" disabled={running} onClick={() => void run()}>
        {running ? "Testing…" : "Test my setup"}
      </Button>
      {error ? (
        <p className="text-sm text-red-700" role="alert">
          {error}
        </p>
      ) : null}
      {result ? (
        <div data-testid="setup-test-result" className="space-y-2">
          <p className={result.ok ? "font-semibold text-emerald-700" : "font-semibold text-red-700"}>
            {result.ok ? "Everything works." : "Something needs attention."}
          </p>
          <ol className="space-y-1">
            {result.steps.map((step) => (
              <li
                key={step.key}
                className="flex items-start gap-2 text-sm"
                data-testid="setup-test-step"
                data-ok={step.ok}
              >
                <span aria-hidden>{step.ok ? "✅" : "❌"}</span>
                <span className="min-w-0 flex-1">
                  <span className="font-medium text-slate-900">{step.label}</span>
                  <span className="block text-slate-600">{step.detail}</span>
                </span>
                <span className="tabular-nums text-slate-500">{step.ms} ms</span>
              </li>
            ))}
          </ol>
        </div>
      ) : null}
    </Card>
  );
}
