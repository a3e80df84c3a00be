"use client";
// Settings → "Test my setup": runs a signed missed call from a test caller through the real webhook path and shows
// each step with its time. The test caller receives nothing; the test conversation stays out of the inbox.
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

type Step = { key: string; label: string; ok: boolean; isWarning?: boolean; ms: number; detail: string };
type Result = { ok: boolean; steps: Step[] };

// Each step's outcome in words, not only by colour.
function StepOutcome({ step }: { step: Step }) {
  if (!step.ok) return <Badge tone="danger">Failed</Badge>;
  if (step.isWarning) return <Badge tone="warning">Check</Badge>;
  return <Badge tone="success">Passed</Badge>;
}

function summary(result: Result): { text: string; className: string } {
  if (!result.ok) return { text: "Something needs attention.", className: "text-red-700" };
  if (result.steps.some((step) => step.isWarning)) {
    return { text: "It works, with something to check below.", className: "text-amber-800" };
  }
  return { text: "Everything works.", className: "text-emerald-700" };
}

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
          <p className={`font-semibold ${summary(result).className}`}>{summary(result).text}</p>
          <ol className="space-y-3">
            {result.steps.map((step) => (
              <li key={step.key} className="text-sm" data-testid="setup-test-step" data-ok={step.ok}>
                <div className="flex items-center gap-2">
                  <StepOutcome step={step} />
                  <span className="min-w-0 flex-1 font-medium text-slate-900">{step.label}</span>
                  <span className="tabular-nums text-slate-500">{step.ms} ms</span>
                </div>
                <p className="mt-1 break-words text-slate-600 [overflow-wrap:anywhere]">{step.detail}</p>
              </li>
            ))}
          </ol>
        </div>
      ) : null}
    </Card>
  );
}
