// How a notification names a customer: "Dana (415) 555-0100", or just the number when we don't know the name.
import { formatPhone } from "@/lib/telephony/phone";

export function customerLabel(lead: { name: string | null; phone: string }): string {
  return lead.name ? `${lead.name} ${formatPhone(lead.phone)}` : formatPhone(lead.phone);
}

export function shortPreview(text: string, max = 80): string {
  const clean = text.replace(/\s+/g, " ").trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}
