// Emergency phrases in a customer's text, with what to tell them while help is arranged (scripted assistant).
export type Emergency = { reason: string; advice: string };

const rules: { pattern: RegExp; reason: string; advice: string }[] = [
  {
    pattern: /\b(?:smell(?:s|ing)? (?:of )?gas|gas (?:smell|leak|odou?r)|carbon monoxide|co alarm)\b/i,
    reason: "possible gas or CO leak",
    advice:
      "Please leave the building now, don't use switches or flames, and call 911 or your gas company from outside.",
  },
  {
    pattern:
      /\b(?:flood(?:ing|ed)?|burst(?:ing)? pipe|pipe (?:burst|broke)|water (?:everywhere|pouring|gushing)|sewage (?:backing|backup|coming))\b/i,
    reason: "flooding or burst pipe",
    advice: "If you can, shut off the main water valve and keep away from outlets and appliances near the water.",
  },
  {
    pattern: /\b(?:sparks?|sparking|smoke|burning smell|electrical fire|fire)\b/i,
    reason: "electrical hazard or fire",
    advice: "If there is smoke or fire, leave and call 911. If it's safe, switch off the breaker for that circuit.",
  },
  {
    pattern:
      /\blocked out\b[\s\S]*\b(?:child|baby|kid|toddler|infant|pet|dog)\b|\b(?:child|baby|kid|toddler|infant)\b[\s\S]*\blocked (?:in|inside)\b/i,
    reason: "locked out with someone inside",
    advice: "If a child or anyone is at risk inside, call 911 right away; they can get in faster.",
  },
];

const noHeat =
  /\b(?:no heat|heat(?:ing)? (?:is )?(?:out|not working|broke)|furnace (?:is )?(?:out|dead|not working|broke))\b/i;
const freezing = /\b(?:freez\w*|below zero|frozen|sub-?zero|baby|elderly|infant)\b/i;

export function detectEmergency(text: string): Emergency | null {
  for (const rule of rules) if (rule.pattern.test(text)) return { reason: rule.reason, advice: rule.advice };
  if (noHeat.test(text) && freezing.test(text)) {
    return {
      reason: "no heat in freezing weather",
      advice: "Keep everyone in one warm room and let faucets drip so pipes don't freeze.",
    };
  }
  return null;
}
