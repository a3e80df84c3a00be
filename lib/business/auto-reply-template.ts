// The auto-SMS sent on a missed call. It always names the business and says how to opt out (one per missed call).
export const defaultAutoReplyTemplate =
  "Hi, this is {business}. Sorry we missed your call! We're on a job right now. What can we help you with?";

export const templatePlaceholders = ["{business}", "{booking_link}", "{caller_number}"] as const;

const OPT_OUT_LINE = "Reply STOP to opt out.";

export function renderAutoReply({
  template,
  businessName,
  bookingUrl,
  callerNumber,
}: {
  template: string;
  businessName: string;
  bookingUrl?: string | null;
  callerNumber?: string;
}): string {
  let text = template
    .replaceAll("{business}", businessName)
    .replaceAll("{booking_link}", bookingUrl ?? "")
    .replaceAll("{caller_number}", callerNumber ?? "")
    .replace(/[ \t]+/g, " ")
    .trim();
  if (!text.toLowerCase().includes(businessName.toLowerCase())) text = `${businessName}: ${text}`;
  if (!/\bstop\b/i.test(text)) text = `${text} ${OPT_OUT_LINE}`;
  return text;
}
