"use client";
// One-click number setup: pick one of the Twilio account's numbers and Ringback points it here (calls, fallback,
// texts, call status), then shows what Twilio says the number now does. In simulator mode: what it would set.
import { useState } from "react";
import useSWR from "swr";
import { NumberSettingsTable, type NumberSettings } from "@/components/settings/number-setup/number-settings-table";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

type AccountNumber = {
  sid: string;
  phoneNumber: string;
  friendlyName: string;
  settings: NumberSettings;
  drift: { field: string }[];
  isThisBusiness: boolean;
};
type Setup =
  | { mode: "simulator"; wouldSet: NumberSettings; businessNumbers: string[] }
  | { mode: "twilio"; wouldSet: NumberSettings; businessNumbers: string[]; numbers: AccountNumber[] };

const fetchJson = async (url: string) => {
  const response = await fetch(url);
  const body = (await response.json()) as Setup & { error?: { message: string } };
  if (!response.ok) throw new Error(body.error?.message ?? `Error ${response.status}`);
  return body;
};

function NumberRow({ number, onConnected }: { number: AccountNumber; onConnected: (number: AccountNumber) => void }) {
  const [state, setState] = useState<{ isBusy: boolean; error: string | null }>({ isBusy: false, error: null });
  const isConnected = number.isThisBusiness && number.drift.length === 0;
  async function connect() {
    setState({ isBusy: true, error: null });
    const response = await fetch(`/api/phone-numbers/${number.sid}/connect`, { method: "POST" });
    const body = (await response.json()) as { number?: AccountNumber; error?: { message: string } };
    if (!response.ok || !body.number) {
      setState({ isBusy: false, error: body.error?.message ?? `Error ${response.status}` });
      return;
    }
    setState({ isBusy: false, error: null });
    onConnected({ ...body.number, isThisBusiness: true });
  }
  return (
    <li data-testid="account-number" className="flex flex-wrap items-center gap-3 py-3">
      <div className="min-w-0 flex-1">
        <p className="font-medium text-slate-900">{number.phoneNumber}</p>
        <p className="text-sm text-slate-600">{number.friendlyName}</p>
      </div>
      {isConnected ? (
        <Badge tone="success">Connected</Badge>
      ) : number.isThisBusiness ? (
        <Badge tone="warning">Points elsewhere</Badge>
      ) : null}
      <Button look={isConnected ? "secondary" : "primary"} onClick={connect} disabled={state.isBusy}>
        {state.isBusy ? "Connecting…" : isConnected ? "Connect again" : `Connect ${number.phoneNumber}`}
      </Button>
      {state.error ? (
        <p role="alert" className="w-full text-sm text-red-700">
          {state.error}
        </p>
      ) : null}
    </li>
  );
}

export function NumberSetup() {
  const { data, error, mutate } = useSWR<Setup>("/api/phone-numbers", fetchJson);
  const [connected, setConnected] = useState<AccountNumber | null>(null);
  return (
    <Card
      id="twilio"
      title="Connect your Twilio number"
      description="Pick the number customers call. Ringback sets where Twilio sends its calls and texts, then reads the number back from Twilio to show what it now does."
    >
      <div className="mt-3 space-y-4">
        {error ? <p className="text-sm text-red-700">{String(error.message)}</p> : null}
        {!data && !error ? <p className="text-sm text-slate-500">Loading your numbers…</p> : null}
        {data?.mode === "simulator" ? (
          <>
            <p className="text-sm text-slate-700">
              Simulator mode: no Twilio account is configured, so nothing is changed. With{" "}
              <code>TWILIO_ACCOUNT_SID</code> and <code>TWILIO_AUTH_TOKEN</code> set, connecting a number sets exactly
              this:
            </p>
            <NumberSettingsTable settings={data.wouldSet} />
          </>
        ) : null}
        {data?.mode === "twilio" ? (
          data.numbers.length === 0 ? (
            <p className="text-sm text-slate-700">
              This Twilio account has no numbers yet: buy one with Voice and SMS.
            </p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {data.numbers.map((number) => (
                <NumberRow
                  key={number.sid}
                  number={number}
                  onConnected={(result) => {
                    setConnected(result);
                    void mutate();
                  }}
                />
              ))}
            </ul>
          )
        ) : null}
        {connected && data ? (
          <div data-testid="connect-result" role="status" className="rounded-xl bg-slate-50 p-3">
            <p className="mb-1 text-sm font-semibold text-slate-900">
              {connected.drift.length === 0
                ? `${connected.phoneNumber} is connected. Twilio now says:`
                : `${connected.phoneNumber}: Twilio did not keep every setting:`}
            </p>
            <NumberSettingsTable settings={connected.settings} expected={data.wouldSet} />
          </div>
        ) : null}
      </div>
    </Card>
  );
}
