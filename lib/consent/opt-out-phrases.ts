// Requests to stop texting in the customer's own words (a US customer may revoke consent "by any reasonable means"),
// and the ones too vague to act on. Each pattern reads one normalized clause (see lib/language/normalize-text.ts). A clause that
// only contains a trigger word ("the water won't stop", "no para de gotear", "baja presión") matches none of them:
// every pattern needs the request's object, texting or contacting, not the word alone.
import type { ReplyLanguage } from "@/lib/language/languages";

export type Phrase = { language: ReplyLanguage; pattern: RegExp };

const notNegated = "(?<!\\b(?:dont|do not|never|no|nunca) )";
const notSelf = "(?<!\\b(?:i|ill|i will|im going to|i am going to|we|well|we will) )";

const en = (source: string): Phrase => ({ language: "en", pattern: new RegExp(source) });
const es = (source: string): Phrase => ({ language: "es", pattern: new RegExp(source) });

export const clearOptOutPhrases: Phrase[] = [
  // "please stop texting me", "stop sending me messages", "quit bothering me", "stop the texts"
  en(
    `${notNegated}${notSelf}\\b(?:stop|quit|cease|end)(?: all)? (?:texting|txting|texing|messaging|msging|contacting|bothering|spamming|harassing|sending (?:me |us )?(?:any |these |those |the |your )?(?:more )?(?:texts|text messages|messages|msgs|txts|sms)|sending me)\\b(?! you\\b)`,
  ),
  en(
    `\\b(?:stop|quit|end|cancel) (?:the|these|those|all|all the|all these|your|all your) (?:texts|text messages|messages|msgs|txts|sms)\\b`,
  ),
  // "don't text me again", "do not contact me", "never message this number"
  en(
    `\\b(?:dont|do not|never|pls dont|please dont|plz dont|please do not)(?: ever)?(?: again)? (?:text|txt|message|msg|contact|sms|bother|spam|send)(?: me| us| this number| my number| my phone)(?! (?:the|a|an|your|when|if|at|back|the address|a quote|pictures|photos|details)\\b)`,
  ),
  en(
    `\\b(?:dont|do not|never) (?:send|text) (?:me |us )?(?:any )?(?:more |further )?(?:texts|text messages|messages|msgs|txts)\\b`,
  ),
  // "remove me from your list", "take me off", "delete my number"
  en(
    `\\b(?:remove|delete|take|erase|drop|scratch) (?:me|my number|my phone number|my cell|my info|my information|this number)(?: \\w+)? (?:off|from)\\b`,
  ),
  en(`\\b(?:remove|delete|erase|lose|forget) (?:my|this) (?:phone |cell )?number\\b`),
  en(`\\btake me off\\b|\\bremove me\\b|\\b(?:want|get|put) (?:me )?off (?:your|the|this|ur) (?:\\w+ )?list\\b`),
  en(`\\bunsubscribe\\b|\\bopt (?:me )?out\\b|\\boptout\\b|\\bopting out\\b`),
  en(`\\bno (?:more|further) (?:texts|text messages|txts|messages|msgs|sms|texting)\\b`),
  en(
    `\\b(?:i |we )?(?:dont|do not) want (?:to (?:get|receive) )?(?:any )?(?:more |further )?(?:of )?(?:your |these |those |any )?(?:texts|text messages|txts|messages|msgs)\\b`,
  ),
  en(`\\b(?:i |we )?(?:dont|do not) want to (?:be contacted|be texted|hear from you|get texts|receive texts)\\b`),
  en(`\\bleave (?:me|us) alone\\b`),
  en(`^(?:please |pls |plz )?(?:stop ?)+(?: (?:it|now|please|pls|plz|already|asap|thanks|thank you|immediately))*$`),

  // "no me manden más mensajes", "ya no me envíen textos", "no me manden más"
  es(
    `\\b(?:no|ya no|nunca)(?: me| nos)?(?: vuelvan a| vuelva a| vuelvas a)? (?:manden|mande|mandes|envien|envie|envies|mandar|enviar)(?: mas)? (?:mensajes|textos|msjs|msj|mensajitos|sms|nada)\\b`,
  ),
  es(`\\b(?:no|ya no|nunca) (?:me|nos) (?:manden|mande|mandes|envien|envie|envies) mas\\b`),
  // "ya no me escriban", "no me contacten", "no me molesten más"
  es(
    `\\b(?:no|ya no|nunca) (?:me|nos)(?: vuelvan a| vuelva a| vuelvas a)? (?:escriban|escriba|escribas|escribir|contacten|contacte|contactes|molesten|moleste|molestes|texteen|textee|textees)\\b`,
  ),
  // "dejen de escribirme", "paren de mandarme mensajes"
  es(
    `(?<!\\bno )\\b(?:dejen|deje|deja|dejes|dejar|paren|pare|para|parar|detengan) de (?:escribirme|escribirnos|mandarme|mandarnos|enviarme|enviarnos|molestarme|contactarme|textearme|escribir|mandar mensajes|enviar mensajes|mandar textos)\\b`,
  ),
  // "quítenme de su lista", "bórrenme", "eliminen mi número"
  es(
    `\\b(?:quitenme|quiteme|quitame|borrenme|borreme|borrame|eliminenme|elimineme|eliminame|saquenme|saqueme|sacame)\\b`,
  ),
  es(
    `\\bme (?:quiten|quite|borren|borre|eliminen|elimine|saquen|saque) de (?:su|la|tu|sus|esta) (?:lista|base|contactos|sistema)`,
  ),
  es(`\\b(?:borren|borre|eliminen|elimine|quiten|quite) (?:mi|este) numero\\b`),
  es(`\\b(?:darme|dar|doy|denme|den|me doy|me dan) de baja\\b|\\bdesuscrib\\w*|\\bcancelar (?:la )?suscripcion\\b`),
  es(
    `\\b(?:no|ya no) quiero (?:recibir |que me (?:manden|envien|sigan mandando) )?(?:mas |ningun |ningunos )?(?:sus |tus |estos |esos |mas )?(?:mensajes|textos|msjs|msj|sms)\\b`,
  ),
  es(`\\b(?:no|ya no) quiero que me (?:escriban|sigan escribiendo|contacten|molesten)\\b`),
  es(`\\bno mas (?:mensajes|textos|msjs|sms)\\b`),
  es(`\\bno (?:escribirme|escribirnos|mandarme mensajes|enviarme mensajes|contactarme|molestarme)\\b`),
  es(`\\bno (?:me |nos )?sigan (?:escribiendo|mandando|enviando|molestando|contactando)\\b`),
  es(`\\bdej(?:en|e|a)me en paz\\b`),
  es(
    `^(?:por favor )?(?:alto|pare|paren|parar|detener|baja|cancelar|stop|basta de mensajes)(?: (?:por favor|porfa|porfavor|ya|gracias))*$`,
  ),
];

/** A request bounded in time ("until Monday", "ahorita no") is not a revocation: a person reads it. */
export const temporaryQualifiers: Phrase[] = [
  en(
    `\\b(?:until|till|til|before|right now|rn|at the moment|for now|for a while|so early|so late|this early|this late|at night|while i|im driving|at work|in a meeting)\\b|\\bafter \\d`,
  ),
  es(
    `\\bhasta (?:el|la|las|que|manana|lunes|martes|miercoles|jueves|viernes|sabado|domingo|\\d)|\\b(?:antes|despues) de las?\\b|\\b(?:ahorita|por ahora|por el momento|en este momento|tan temprano|tan tarde|en la noche|mientras|estoy manejando)\\b`,
  ),
];

/** Neither a clear request nor an ordinary message: the AI stops and a person decides. */
export const unclearPhrases: Phrase[] = [
  en(`^(?:thats |ok |okay )?enough(?: already| now| of this| is enough)?$`),
  en(`\\b(?:i |we )?(?:dont|do not) want (?:this|that|it|any of this|your service|your services|this anymore)$`),
  en(`\\b(?:not|no longer|im not|i am not|not really) interested\\b`),
  en(`\\bwrong (?:number|person|guy)\\b`),
  en(`\\bwhy (?:are|r|do) (?:you|u) (?:keep )?(?:texting|messaging|contacting|txting) (?:me|us)\\b`),
  en(`\\b(?:how did|where did|who gave) (?:you|u) (?:get |my )?(?:my )?number\\b`),
  en(
    `\\b(?:stop|quit) calling (?:me|us)\\b|\\b(?:stop|quit|no more)(?: it)?(?: with)?(?: the| these| your)? (?:phone )?calls\\b|\\b(?:dont|do not) call (?:me|us)(?: again| anymore)?$`,
  ),
  en(`\\bi (?:didnt|did not|never) call(?:ed)? (?:you|anyone|anybody)\\b`),
  en(`^(?:this is )?(?:spam|go away|leave it)$`),
  es(`^(?:ya )?basta(?: ya)?$`),
  es(`\\bno quiero (?:esto|eso|nada|su servicio)$`),
  es(`\\b(?:ya )?no (?:me )?interesa\\b|\\bno estoy interesad[oa]\\b`),
  es(`\\bnumero equivocado\\b|\\bequivocaron de numero\\b|\\bse equivoco de numero\\b`),
  es(`\\bpor ?que (?:me )?(?:escriben|mandan mensajes|escribe|estan escribiendo)\\b`),
  es(`\\bquien (?:les |le )?dio mi numero\\b|\\bde donde sacaron mi numero\\b`),
  es(`\\b(?:no me llamen|no me llame|dej(?:en|e|a) de llamarme)\\b`),
  es(`\\byo no (?:les |le )?llame\\b`),
  es(`^para$`),
];

/** "No me escriban en inglés" asks for another language, not for silence: an ordinary message. */
export const languageRequests: Phrase[] = [
  en(`\\b(?:text|write|message) (?:me|us) in (?:spanish|english)\\b|\\bin (?:spanish|english) please\\b`),
  es(`\\b(?:escriban|escriba|manden|envien|mensajes?)(?: \\w+)? en (?:ingles|espanol)\\b`),
];
