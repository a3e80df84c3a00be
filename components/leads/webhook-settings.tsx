"use client";
// Settings → CRM webhooks (owner): add an endpoint (the secret is shown once), send a test event, see deliveries.
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { BusinessTime } from "@/components/display/business-time";
import useSWR from "swr";
import { errorAt, fieldErrorsFrom } from "@/components/settings/settings-draft";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { controlClassName, Field } from "@/components/ui/field";
import { useFocusFirstError } from "@/components/ui/use-focus-first-error";

type Endpoint = { id: string; url: string; events: string[]; isActive: boolean };
type Delivery = {
  id: string;
  eventType: string;
  status: "pending" | "succeeded" | "failed";
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: string;
};

const fetcher = (url: string) =>
  fetch(url).then((response) => (response.ok ? response.json() : Promise.reject(new Error("Could not load."))));
/** A refused request: the API's message and its per-field details. */
type RequestError = Error & { details?: unknown };

const send = (url: string, method: string, body?: unknown) =>
  fetch(url, {
    method,
    headers: body ? { "content-type": "application/json" } : {},
    body: body ? JSON.stringify(body) : undefined,
  }).then(async (response) => {
    const json = response.status === 204 ? null : await response.json().catch(() => null);
    if (!response.ok) {
      throw Object.assign(new Error(json?.error?.message ?? "Request failed."), { details: json?.error?.details });
    }
    return json;
  });

function Deliveries({ endpointId }: { endpointId: string }) {
  const { data } = useSWR<{ deliveries: Delivery[] }>(`/api/webhooks/${endpointId}/deliveries`, fetcher, {
    refreshInterval: 5000,
  });
  if (!data) return null;
  if (data.deliveries.length === 0) return <p className="text-xs text-slate-600">No deliveries yet.</p>;
  return (
    <ul
      className="max-h-48 divide-y divide-slate-100 overflow-y-auto text-xs"
      data-testid="webhook-deliveries"
      aria-label="Recent deliveries"
      tabIndex={0}
    >
      {data.deliveries.map((delivery) => (
        <li key={delivery.id} className="flex flex-wrap items-center justify-between gap-2 py-1">
          <span>
            {delivery.eventType} · <BusinessTime value={delivery.createdAt} />
          </span>
          <span className="flex items-center gap-2">
            {delivery.lastStatusCode ?? delivery.lastError ?? ""} · {delivery.attempts} attempt
            {delivery.attempts === 1 ? "" : "s"}
            <Badge
              tone={delivery.status === "succeeded" ? "success" : delivery.status === "failed" ? "danger" : "neutral"}
            >
              {delivery.status}
            </Badge>
          </span>
        </li>
      ))}
    </ul>
  );
}

export function WebhookSettings() {
  const { data, mutate } = useSWR<{ endpoints: Endpoint[] }>("/api/webhooks", fetcher);
  const [url, setUrl] = useState("");
  const [secret, setSecret] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [isAdding, setIsAdding] = useState(false);
  const formRef = useFocusFirstError(fieldErrors);
  const urlError = errorAt(fieldErrors, "url");

  // A refused URL gets the API's own words next to the field, which is focused.
  async function addEndpoint(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMessage(null);
    setIsAdding(true);
    try {
      const created = await send("/api/webhooks", "POST", { url });
      setSecret(created.secret);
      setUrl("");
      setFieldErrors({});
      setMessage("Endpoint added.");
      await mutate();
    } catch (error) {
      const apiError = error as RequestError;
      const errors = fieldErrorsFrom(apiError.details);
      setFieldErrors(Object.keys(errors).length > 0 ? errors : { url: apiError.message });
    } finally {
      setIsAdding(false);
    }
  }

  const run = async (action: () => Promise<unknown>, done: string) => {
    setMessage(null);
    try {
      await action();
      setMessage(done);
      await mutate();
    } catch (error) {
      setMessage((error as Error).message);
    }
  };

  return (
    <div className="space-y-4" data-testid="webhook-settings">
      <p className="text-sm text-slate-600">
        Send every new lead, every change to a lead, every missed call and every conversation handed to a person to your
        CRM, as it happens. Whoever sets up the CRM needs the{" "}
        <Link href="/docs/webhooks" className="font-medium text-brand-700 underline">
          webhook guide
        </Link>{" "}
        (what is sent, retries, and how to check the <code>Ringback-Signature</code> header).
      </p>
      <form ref={formRef} className="flex flex-wrap items-start gap-2" onSubmit={(event) => void addEndpoint(event)}>
        <Field label="Endpoint URL" error={urlError} className="min-w-0 flex-1 basis-64">
          {(control) => (
            <input
              {...control}
              type="url"
              required
              placeholder="https://crm.example.com/hooks/ringback"
              value={url}
              onChange={(event) => setUrl(event.target.value)}
              className={controlClassName}
            />
          )}
        </Field>
        <Button type="submit" className="mt-7" disabled={isAdding}>
          {isAdding ? "Adding…" : "Add endpoint"}
        </Button>
      </form>
      {secret ? (
        <div role="status" className="rounded-xl bg-amber-50 p-3 text-sm text-amber-900">
          Signing secret (shown once, copy it now):{" "}
          <code className="break-all font-mono" data-testid="webhook-secret">
            {secret}
          </code>
        </div>
      ) : null}
      {message ? (
        <p role="status" className="text-sm text-slate-600">
          {message}
        </p>
      ) : null}
      <ul className="space-y-3">
        {data?.endpoints.map((endpoint) => (
          <li key={endpoint.id} className="space-y-2 rounded-xl p-3 ring-1 ring-slate-200">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <span className="min-w-0 break-all font-medium">{endpoint.url}</span>
              <Badge tone={endpoint.isActive ? "success" : "neutral"}>{endpoint.isActive ? "Active" : "Paused"}</Badge>
            </div>
            <div className="flex flex-wrap gap-2">
              <Button
                look="secondary"
                onClick={() => void run(() => send(`/api/webhooks/${endpoint.id}/test`, "POST"), "Test event queued.")}
              >
                Send test event
              </Button>
              <Button
                look="secondary"
                onClick={() =>
                  void run(
                    () => send(`/api/webhooks/${endpoint.id}`, "PATCH", { isActive: !endpoint.isActive }),
                    endpoint.isActive ? "Paused." : "Resumed.",
                  )
                }
              >
                {endpoint.isActive ? "Pause" : "Resume"}
              </Button>
              <Button
                look="secondary"
                onClick={() =>
                  void run(
                    async () =>
                      setSecret((await send(`/api/webhooks/${endpoint.id}`, "PATCH", { rotateSecret: true })).secret),
                    "Secret rotated.",
                  )
                }
              >
                Rotate secret
              </Button>
              <Button
                look="danger"
                onClick={() => void run(() => send(`/api/webhooks/${endpoint.id}`, "DELETE"), "Endpoint removed.")}
              >
                Remove
              </Button>
            </div>
            <Deliveries endpointId={endpoint.id} />
          </li>
        ))}
      </ul>
    </div>
  );
}
