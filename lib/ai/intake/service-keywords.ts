// The kind of job in a few words ("Water heater"), from English or Spanish, for the lead's service field (the
// customer's own words go to `problem`). Labels stay in English: the team reads them.
const serviceKeywords: [RegExp, string][] = [
  [/water heater|hot water|tankless|calentador|agua caliente|boiler de agua/, "Water heater"],
  [/toilet|inodoro|excusado|sanitario|\bwc\b/, "Toilet repair"],
  [
    /drain|clog|blocked|backed up|backing up|drenaje|tapad[oa]|atascad[oa]|destapar|coladera|desague|\btapo\b/,
    "Drain cleaning",
  ],
  [/sewer|septic|aguas negras|fosa septica|alcantarill/, "Sewer line"],
  [
    /burst|pipe|leak|drip|water (?:on|under|in|all over|everywhere)|flood|fuga|gote|tubo|tuberia|caneria|reventad|se revento|inund|agua por todos/,
    "Leak repair",
  ],
  [/boiler|furnace|no heat|heating|radiator|heat pump|calefaccion|caldera|calefactor|calenton/, "Heating repair"],
  [/\ba ?c\b|air ?con|cooling|not cooling|aire acondicionado|minisplit|\bclima\b/, "AC repair"],
  [
    /outlet|breaker|wiring|electric|power|lights?\b|panel|spark|enchufe|contacto|cable|chispa|\bluz\b|apagon/,
    "Electrical",
  ],
  [/lock(?:ed)? out|locksmith|\block\b|keys?\b|rekey|cerrajer|cerradura|me quede afuera/, "Lockout / locks"],
  [/\bgas\b/, "Gas line"],
  [/faucet|sink|\btap\b|fregadero|lavabo|grifo|lavaplatos|llave del/, "Faucet / sink"],
  [/disposal|garbage|triturador/, "Garbage disposal"],
  [/sump|bomba/, "Sump pump"],
  [/shower|tub\b|bathtub|regadera|tina|ducha/, "Shower / tub"],
];

/** The label of the first kind of job `normalized` (see normalizeClause) mentions; null when none. */
export function classifyService(normalized: string): string | null {
  return serviceKeywords.find(([pattern]) => pattern.test(normalized))?.[1] ?? null;
}
