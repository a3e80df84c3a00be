// /leads — the lead pipeline for the office (desktop first).
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { filterFromSearchParams } from "@/components/leads/lead-filter-state";
import { LeadsView } from "@/components/leads/leads-view";
import { getPageMember } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Leads" };
export const dynamic = "force-dynamic";

export default async function LeadsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const member = await getPageMember();
  if (!member) redirect("/login");
  // The filters are kept in the URL: a reload or a shared link opens the same view.
  return <LeadsView initialFilter={filterFromSearchParams(await searchParams)} />;
}
