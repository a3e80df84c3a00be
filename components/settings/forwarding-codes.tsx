"use client";
// "Calls arrive already missed": what to dial on your own phone so that unanswered calls go to your Ringback number,
// with that number filled in, and how to undo it.
import { forwardingCodes, type ForwardingCode } from "@/lib/telephony/forwarding-codes";
import { formatPhone } from "@/lib/telephony/phone";

function CodeList({ codes, testId }: { codes: ForwardingCode[]; testId: string }) {
  return (
    <ul className="space-y-3">
      {codes.map((entry) => (
        <li key={entry.code} className="space-y-1">
          <p className="text-sm text-slate-700">{entry.when}</p>
          {/* One tap selects the whole code, ready to copy. */}
          <code
            data-testid={testId}
            className="inline-block select-all rounded-lg bg-white px-2.5 py-2 font-mono text-base text-slate-900 ring-1 ring-slate-200"
          >
            {entry.code}
          </code>
        </li>
      ))}
    </ul>
  );
}

export function ForwardingCodes({ twilioNumber }: { twilioNumber: string | null }) {
  const codes = twilioNumber ? forwardingCodes(twilioNumber) : null;
  if (!twilioNumber || !codes) {
    return (
      <p className="rounded-xl bg-amber-50 p-3 text-sm text-amber-900">
        Your Ringback number is not set up yet: the forwarding codes appear here once it is.
      </p>
    );
  }
  return (
    <div className="space-y-4 rounded-xl bg-slate-50 p-4" data-testid="forwarding-codes">
      <div>
        <h3 className="font-semibold text-slate-900">Forward unanswered calls to {formatPhone(twilioNumber)}</h3>
        <p className="mt-1 text-sm text-slate-600">
          Dial each code from your own phone as if it were a number, then press call. Your carrier confirms with a
          message or a tone.
        </p>
      </div>
      <section className="space-y-2" aria-label="AT&T, T-Mobile and most carriers worldwide">
        <h4 className="text-sm font-semibold text-slate-900">AT&amp;T, T-Mobile and most carriers worldwide</h4>
        <CodeList codes={codes.gsm.set} testId="forwarding-code" />
        <p className="text-sm text-slate-600">To stop forwarding:</p>
        <CodeList codes={codes.gsm.cancel} testId="forwarding-cancel-code" />
        <p className="text-sm text-slate-500">Some phones want a single star at the start (*61* instead of **61*).</p>
      </section>
      {codes.cdma ? (
        <section className="space-y-2" aria-label="Verizon and US Cellular">
          <h4 className="text-sm font-semibold text-slate-900">Verizon and US Cellular</h4>
          <CodeList codes={codes.cdma.set} testId="forwarding-code" />
          <p className="text-sm text-slate-600">To stop forwarding:</p>
          <CodeList codes={codes.cdma.cancel} testId="forwarding-cancel-code" />
        </section>
      ) : null}
      <p className="text-sm text-slate-500">
        Other carriers and landlines use their own codes (often *92 and *90, *93 and *91 to cancel): check your
        carrier&apos;s help page for &ldquo;conditional call forwarding&rdquo;. Then place a test call and let it ring
        out.
      </p>
    </div>
  );
}
