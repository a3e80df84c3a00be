// The deterministic guard applied to every AI reply after it is generated (never only asked for in the prompt):
// no price, discount or arrival promise the business profile does not state, and no phone number or URL that is not
// the business's own. Pure: the same reply and profile always give the same verdict.

export type ReplyProfile = {
  /** everything the business has stated about itself: services, area, hours, price list, instructions */
  profileText: string;
  /** prices the business chooses to state */
  priceList: string;
  bookingUrl?: string | null;
  /** the business's own numbers (E.164) */
  phoneNumbers: string[];
};

export type ReplyVerdict = { isAllowed: true } | { isAllowed: false; reasons: string[] };

/** The profile the guard reads, from the business's stated settings and its own numbers. */
export function replyProfileOf(business: {
  name: string;
  services: string;
  serviceArea: string;
  aiInstructions: string;
  priceList: string;
  bookingUrl: string | null;
  phoneNumbers: string[];
}): ReplyProfile {
  return {
    // The business's own name is part of its profile: the introduction names it, digits and all.
    profileText: [
      business.name,
      business.services,
      business.serviceArea,
      business.aiInstructions,
      business.priceList,
      business.bookingUrl ?? "",
    ].join("\n"),
    priceList: business.priceList,
    bookingUrl: business.bookingUrl,
    phoneNumbers: business.phoneNumbers,
  };
}

const digitsOf = (value: string) => value.replace(/\D/g, "");

function amountsIn(text: string): string[] {
  const amounts: string[] = [];
  for (const match of text.matchAll(/\$\s?(\d[\d,]*(?:\.\d+)?)/g)) amounts.push(match[1]!.replace(/,/g, ""));
  for (const match of text.matchAll(/\b(\d[\d,]*(?:\.\d+)?)\s*(?:dollars?|bucks|usd)\b/gi))
    amounts.push(match[1]!.replace(/,/g, ""));
  return amounts.map((amount) => amount.replace(/\.0+$/, ""));
}

function percentagesIn(text: string): string[] {
  return [...text.matchAll(/(\d+(?:\.\d+)?)\s*(?:%|percent\b|per cent\b)/gi)].map((match) => match[1]!);
}

const discountWords =
  /\b(?:discounts?|discounted|coupons?|promo(?:tion)?s?|deals?|waive[ds]?|free of charge|for free|no charge|half[- ]price|cheaper|price match)\b|% off|percent off/i;

const arrivalPatterns = [
  /\bin (?:about |around |roughly |under |less than |just )?(?:\d+|a few|a couple(?: of)?|an?|one|two|three|five|ten|fifteen|twenty|thirty|forty[- ]five|half an?)\s*(?:-\s*\d+\s*)?(?:minutes?|mins?|hours?|hrs?)\b/i,
  /\bwithin (?:the |an? )?(?:next )?(?:\d+\s*|one |two |a few |a couple(?: of)? )?(?:minutes?|mins?|hours?|hrs?)\b/i,
  /\b(?:by|at|around|before|after) \d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.|o'?clock)/i,
  /\b(?:today|tonight|tomorrow|this (?:morning|afternoon|evening)) (?:at|by|around|before)\b/i,
  /\b(?:on (?:my|our|the|his|her|their) way|be (?:right )?there (?:soon|shortly|today|in|by|at)|arriv(?:e|ing) (?:soon|shortly|today|in|by|at)|right over|send (?:someone|a tech(?:nician)?) (?:right )?(?:now|over|today))\b/i,
];

const phonePattern = /(?:\+?\d[\s().-]*){10,15}/g;
const urlPattern =
  /\b(?:https?:\/\/|www\.)[^\s]+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|io|co|us|biz|info|ly|app|me|site|xyz)\b(?:\/[^\s]*)?/gi;

function hostOf(value: string): string {
  return value
    .replace(/^https?:\/\//i, "")
    .replace(/^www\./i, "")
    .split(/[/?#]/)[0]!
    .replace(/[.,;:!?)]+$/, "")
    .toLowerCase();
}

export function checkReply(text: string, profile: ReplyProfile): ReplyVerdict {
  const reasons: string[] = [];
  const statedAmounts = new Set(amountsIn(profile.priceList));
  const statedPercentages = new Set(percentagesIn(profile.priceList));

  for (const amount of amountsIn(text)) {
    if (!statedAmounts.has(amount)) reasons.push(`price not in the profile: ${amount}`);
  }
  for (const percentage of percentagesIn(text)) {
    if (!statedPercentages.has(percentage)) reasons.push(`percentage not in the profile: ${percentage}%`);
  }
  const discount = text.match(discountWords);
  if (discount && !profile.priceList.toLowerCase().includes(discount[0].toLowerCase())) {
    reasons.push(`discount language: ${discount[0]}`);
  }
  for (const pattern of arrivalPatterns) {
    const match = text.match(pattern);
    if (match) reasons.push(`arrival or time promise: ${match[0]}`);
  }

  const allowedDigits = [...profile.phoneNumbers, ...(profile.profileText.match(phonePattern) ?? [])]
    .map(digitsOf)
    .map((digits) => digits.slice(-10));
  for (const candidate of text.match(phonePattern) ?? []) {
    const digits = digitsOf(candidate);
    if (digits.length < 10) continue;
    if (!allowedDigits.includes(digits.slice(-10))) reasons.push("phone number not in the profile");
  }

  const allowedHosts = [profile.bookingUrl ?? "", ...(profile.profileText.match(urlPattern) ?? [])]
    .filter(Boolean)
    .map(hostOf);
  for (const candidate of text.match(urlPattern) ?? []) {
    if (!allowedHosts.includes(hostOf(candidate))) reasons.push(`link not in the profile: ${hostOf(candidate)}`);
  }

  return reasons.length === 0 ? { isAllowed: true } : { isAllowed: false, reasons };
}
