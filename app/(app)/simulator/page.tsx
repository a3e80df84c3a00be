// /simulator — place a call that goes unanswered, watch the auto-SMS arrive, text back as the customer.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SimulatorPhone } from "@/components/simulator/simulator-phone";
import { getPageMember } from "@/lib/auth/session";
import { getBusiness } from "@/lib/business/get-business";
import { formatPhone } from "@/lib/telephony/phone";

export const metadata: Metadata = { title: "Simulator" };
export const dynamic = "force-dynamic";

export default async function SimulatorPage() {
  const member = await getPageMember();
  if (!member) redirect("/login");
  const business = await getBusiness({ businessId: member.businessId });
  if (!business.isSimulator) {
    return (
      <div className="mx-auto max-w-lg p-6">
        <h1 className="text-xl font-semibold">Simulator</h1>
        <p className="mt-2 text-slate-600">
          Twilio credentials are configured, so calls and texts go through your real Twilio number. The simulator is
          available only without them.
        </p>
      </div>
    );
  }
  const number = business.phoneNumbers?.[0]?.e164 ?? "";
  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-6 p-4 md:flex-row md:items-start md:p-8">
      <section className="md:w-72">
        <h1 className="text-2xl font-bold tracking-tight">Try it without a phone</h1>
        <p className="mt-2 text-slate-600">
          Call <span className="font-medium">{business.name}</span>
          {number ? ` at ${formatPhone(number)}` : ""} from a pretend number. Let it ring out and the auto-text lands
          here within a second; reply as the customer and watch the conversation appear in your inbox.
        </p>
        <p className="mt-3 text-sm text-slate-500">
          Routing: {business.routingMode === "forwarded" ? "calls arrive already missed" : "ring your phone first"}.
          Everything runs through the real webhooks with signed requests; nothing leaves this machine.
        </p>
      </section>
      <SimulatorPhone businessName={business.name} />
    </div>
  );
}
