// The two URLs to paste into the Twilio console for the business's number (built from PUBLIC_BASE_URL).
import { Card } from "@/components/ui/card";
import { CopyButton } from "@/components/settings/copy-button";

export function WebhookUrls({
  urls,
  phoneNumbers,
  isSimulator,
}: {
  urls: { voice: string; sms: string };
  phoneNumbers: { e164: string; label: string | null }[];
  isSimulator: boolean;
}) {
  const rows = [
    { key: "voice", title: "A call comes in (Voice)", url: urls.voice },
    { key: "sms", title: "A message comes in (Messaging)", url: urls.sms },
  ];
  return (
    <Card
      id="twilio"
      title="Connect your Twilio number"
      description={
        <>
          In the Twilio console, open {phoneNumbers.map((number) => number.e164).join(", ") || "your number"} and set
          these as webhooks (HTTP POST).
          {isSimulator ? " Simulator mode is on: no Twilio credentials are configured yet." : ""}
        </>
      }
    >
      {rows.map((row) => (
        <div key={row.key} className="space-y-1.5">
          <p className="text-sm font-medium text-slate-800">{row.title}</p>
          <div className="flex items-center gap-2">
            <code
              data-testid={`webhook-url-${row.key}`}
              className="min-w-0 flex-1 break-all rounded-xl bg-slate-100 px-3 py-2.5 text-sm"
            >
              {row.url}
            </code>
            <CopyButton value={row.url} label={`${row.title} URL`} />
          </div>
        </div>
      ))}
    </Card>
  );
}
