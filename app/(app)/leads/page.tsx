// /leads — the lead pipeline for the office (desktop first).
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LeadsView } from "@/components/leads/leads-view";
import { getPageMember } from "@/lib/auth/session";
import { getBusinessTimeZone } from "@/lib/metrics/get-metrics";

export const metadata: Metadata = { title: "Leads" };
export const dynamic = "force-dynamic";

export default async function LeadsPage() {
  const member = await getPageMember();
  if (!member) redirect("/login");
  return <LeadsView timeZone={await getBusinessTimeZone(member.businessId)} />;
}
