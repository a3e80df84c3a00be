// /dashboard — the success metrics over a chosen period, with charts (desktop grid, phone stack).
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { DashboardView } from "@/components/dashboard/dashboard-view";
import { getPageMember } from "@/lib/auth/session";
import { getBusinessTimeZone } from "@/lib/metrics/get-metrics";
import { zonedDay } from "@/lib/metrics/zoned-time";

export const metadata: Metadata = { title: "Dashboard" };
export const dynamic = "force-dynamic";

export default async function DashboardPage() {
  const member = await getPageMember();
  if (!member) redirect("/login");
  const timeZone = await getBusinessTimeZone(member.businessId);
  return <DashboardView today={zonedDay(new Date(), timeZone)} />;
}
