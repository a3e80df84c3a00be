// Emergencies in a customer's text, English and Spanish, without a model: what to tell the team (`reason`) and what to
// tell the customer while help is arranged (`advice`, in the language of the text). Deterministic on purpose: it can
// run on every inbound message as it arrives. A denied mention ("no huele a gas", "it isn't flooding") is none.
import { normalizeClause, splitClauses } from "@/lib/language/normalize-text";
import type { ReplyLanguage } from "@/lib/language/languages";
import { emergencyAdvice, type EmergencyKind } from "@/lib/ai/emergency-advice";

export type Emergency = { kind: EmergencyKind; reason: string; language: ReplyLanguage; advice: string };

/** Words that, just before a match, deny it: "I don't smell gas", "no hay humo", "isn't flooding". */
const negated = /\b(?:no|not|dont|doesnt|didnt|isnt|arent|wasnt|never|no longer|nunca|sin|no hay|ya no hay)\s*$/;

type Rule = { kind: EmergencyKind; language: ReplyLanguage; pattern: RegExp };

const rule = (kind: EmergencyKind, language: ReplyLanguage, source: string): Rule => ({
  kind,
  language,
  pattern: new RegExp(source, "g"),
});

function isAffirmed(pattern: RegExp, clause: string): boolean {
  return [...clause.matchAll(pattern)].some((match) => !negated.test(clause.slice(0, match.index)));
}

const rules: Rule[] = [
  rule(
    "gas",
    "en",
    `\\b(?:smell(?:s|ing)?|smelled|odou?r)(?: of| like)? (?:natural )?gas\\b|\\bgas (?:smell|leak|leaking|odou?r)\\b|\\bsmells like (?:rotten eggs|sulfur)\\b|\\bcarbon monoxide\\b|\\b(?:co|carbon monoxide) (?:alarm|detector)\\b`,
  ),
  rule(
    "gas",
    "es",
    `\\b(?:huele|olor|oler|apesta) a gas\\b|\\b(?:fuga|escape|olor) de gas\\b|\\bse (?:sale|esta saliendo) el gas\\b|\\bmonoxido\\b|\\bhuele a huevo podrido\\b`,
  ),
  rule(
    "flooding",
    "en",
    `\\bflood(?:ing|ed|s)?\\b(?! ?lights?)|\\b(?:burst|bursting|broken|busted|ruptured|split) (?:water )?(?:pipe|line|main)\\b|\\bpipe (?:burst|broke|busted|exploded)\\b|\\bwater (?:is )?(?:everywhere|pouring|gushing|spraying|flowing everywhere)\\b|\\bwater all over\\b|\\b(?:inches|foot|feet) of water\\b|\\b(?:basement|kitchen|bathroom|house) (?:is )?(?:full of|filling with|under) water\\b|\\bwater (?:is )?(?:coming|pouring) (?:through|from|out of) the (?:ceiling|light|wall)\\b|\\boverflow(?:ing|ed|s)?\\b|\\ball over the (?:\\w+ )?floor\\b|\\bsewage (?:is )?(?:backing|backup|coming|everywhere)\\b`,
  ),
  rule(
    "flooding",
    "es",
    `\\b(?:inund\\w+|se inundo)\\b|\\b(?:se (?:revento|rompio|reventaron|rompieron)|reventad[oa]s?|rot[oa]) (?:el |la |un |una )?(?:tubo|tuberia|cano|caneria|pipa|linea)\\b|\\b(?:tubo|tuberia|cano|caneria|pipa) (?:reventad[oa]|rot[oa]|se revento|se rompio)\\b|\\bagua por todos lados\\b|\\bagua por todas partes\\b|\\b(?:sale|esta saliendo|brota) (?:mucha|un chorro de) agua\\b|\\bse (?:esta )?desbord\\w+|\\baguas negras\\b|\\bel agua (?:cae|sale|entra) (?:del|por el) techo\\b`,
  ),
  rule(
    "electrical",
    "en",
    `\\b(?:sparks?|sparking|sparked)\\b|\\bsmok(?:e|ing)\\b(?! (?:detector|alarm)s?\\b)|\\bsmoke (?:detector|alarm)s? (?:is |are )?(?:going off|went off)\\b|\\bburning (?:smell|plastic|wire)\\b|\\bsmells? (?:like )?burn(?:ing|t)\\b|\\b(?:electrical|house|kitchen|small) fire\\b|\\b(?:on|caught|catch|catching) fire\\b|\\bthere(?:s| is) a fire\\b|\\bmelt(?:ed|ing) (?:outlet|wire|plug|panel)\\b|\\belectrocuted\\b|\\bgot shocked\\b`,
  ),
  rule(
    "electrical",
    "es",
    `\\b(?:chispas?|chispea|chispeando)\\b|\\bhumo\\b|\\b(?:huele|olor) a quemado\\b|\\bincendio\\b|\\bse (?:esta )?quem(?:ando|o) (?:el|la|los|las) (?:cable|enchufe|contacto|panel|breaker|cables)\\b|\\b(?:hay|un) fuego\\b|\\bse prendio fuego\\b|\\bme dio (?:toques|un toque|corriente)\\b`,
  ),
  rule(
    "locked_in",
    "en",
    `\\blocked out\\b.*\\b(?:child|children|baby|kid|kids|toddler|infant|newborn|dog|puppy|pet)\\b|\\b(?:child|baby|kid|toddler|infant|newborn)\\b.*\\b(?:locked (?:in|inside)|inside|in the (?:car|house))\\b`,
  ),
  rule(
    "locked_in",
    "es",
    `\\b(?:me quede|nos quedamos|quedamos|quede) (?:afuera|fuera)\\b.*\\b(?:bebe|nin[oa]s?|hij[oa]s?|perr[oa]|mascota)\\b|\\b(?:bebe|nin[oa]|hij[oa])\\b.*\\b(?:adentro|encerrad[oa])\\b`,
  ),
];

const noHeat = [
  /\bno (?:heat|heating)\b|\b(?:heat|heating|furnace|boiler|heater)(?: is)? (?:out|not working|broke|broken|dead|died|wont (?:turn on|come on|start|work)|stopped working)\b/,
  /\bno (?:hay|tengo|tenemos) calefaccion\b|\bsin calefaccion\b|\b(?:calefaccion|calentador|caldera|calenton|boiler)(?: ya)? no (?:prende|sirve|funciona|calienta|enciende)\b/,
];
const isFreezing =
  /\b(?:freez\w*|below zero|frozen|sub ?zero|single digits|baby|newborn|infant|elderly|grandma|grandpa|helando|congel\w+|bajo cero|mucho frio|un frio|bebe|recien nacido|ancian[oa]s?|abuel[oa]s?|adultos? mayor(?:es)?)\b/;

const reasons: Record<EmergencyKind, string> = {
  gas: "possible gas or CO leak",
  flooding: "flooding or burst pipe",
  electrical: "electrical hazard or fire",
  locked_in: "locked out with someone inside",
  no_heat: "no heat in freezing weather",
};

export function detectEmergency(text: string): Emergency | null {
  const clauses = splitClauses(text);
  const found = rules.find((candidate) => clauses.some((clause) => isAffirmed(candidate.pattern, clause)));
  if (found) return emergency(found.kind, found.language);
  // Cold makes "no heat" an emergency, wherever in the message it is said.
  const whole = normalizeClause(text);
  const heat = noHeat.findIndex((pattern) => pattern.test(whole));
  if (heat >= 0 && isFreezing.test(whole)) return emergency("no_heat", heat === 1 ? "es" : "en");
  return null;
}

function emergency(kind: EmergencyKind, language: ReplyLanguage): Emergency {
  return { kind, reason: reasons[kind], language, advice: emergencyAdvice(kind, language) };
}

/** "no heat" without the cold: not an emergency, but a job for today. */
export function isWithoutHeat(text: string): boolean {
  const whole = normalizeClause(text);
  return noHeat.some((pattern) => pattern.test(whole));
}
