// What the customer is told to do while help is arranged, per kind of emergency and language.
import type { ReplyLanguage } from "@/lib/language/languages";

export type EmergencyKind = "gas" | "flooding" | "electrical" | "locked_in" | "no_heat";

const advice: Record<EmergencyKind, Record<ReplyLanguage, string>> = {
  gas: {
    en: "Please leave the building now, don't use switches or flames, and call 911 or your gas company from outside.",
    es: "Salga del edificio ahora, no use interruptores ni fuego, y llame al 911 o a su compañía de gas desde afuera.",
  },
  flooding: {
    en: "If you can, shut off the main water valve and keep away from outlets and appliances near the water.",
    es: "Si puede, cierre la llave de paso principal y aléjese de enchufes y aparatos cerca del agua.",
  },
  electrical: {
    en: "If there is smoke or fire, leave and call 911. If it's safe, switch off the breaker for that circuit.",
    es: "Si hay humo o fuego, salga y llame al 911. Si es seguro, apague el breaker de ese circuito.",
  },
  locked_in: {
    en: "If a child or anyone is at risk inside, call 911 right away; they can get in faster.",
    es: "Si un niño o alguien corre peligro adentro, llame al 911 de inmediato; ellos pueden entrar más rápido.",
  },
  no_heat: {
    en: "Keep everyone in one warm room and let faucets drip so pipes don't freeze.",
    es: "Mantengan a todos en un cuarto caliente y dejen gotear las llaves para que no se congelen las tuberías.",
  },
};

export function emergencyAdvice(kind: EmergencyKind, language: ReplyLanguage): string {
  return advice[kind][language];
}
