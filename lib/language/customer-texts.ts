// Every text the app itself writes to a customer, in each reply language. The business name is always in them;
// the opt-out texts say how to come back, the others how to stop.
import type { ReplyLanguage } from "@/lib/language/languages";

type Texts = {
  help: (business: string) => string;
  followUp: (business: string) => string;
  optOutConfirmation: (business: string) => string;
  optInConfirmation: (business: string) => string;
  /** the fixed safety advice sent at once on an emergency, with who was alerted */
  safetyAdvice: (advice: string, business: string) => string;
  handedOff: string;
  /** What the customer gets instead of a blocked AI reply: true, useful, and promises nothing. */
  safeFallback: string;
  modelFailed: (business: string) => string;
  closed: string;
};

export const customerTexts: Record<ReplyLanguage, Texts> = {
  en: {
    help: (business) => `${business}: thanks for your message, we'll get back to you here. Reply STOP to opt out.`,
    followUp: (business) =>
      `Hi, it's ${business} following up on your call. Is there anything we can help you with? Reply STOP to opt out.`,
    optOutConfirmation: (business) =>
      `${business}: you're unsubscribed and won't get any more texts from us. Reply START to get them again.`,
    optInConfirmation: (business) => `${business}: you'll get our texts again. Reply STOP to opt out.`,
    safetyAdvice: (advice, business) => `${advice} We've alerted ${business}.`,
    handedOff: "Thanks! I've passed this to the team and someone will follow up with you shortly.",
    safeFallback:
      "Thanks for the details! I've passed this on to the team, and they'll confirm pricing and timing with you directly.",
    modelFailed: (business) => `Thanks for your message! Someone from ${business} will get back to you shortly.`,
    closed: "Thanks for reaching out. Take care!",
  },
  es: {
    help: (business) =>
      `${business}: gracias por su mensaje, le responderemos por aquí. Responda PARAR para no recibir más mensajes.`,
    followUp: (business) =>
      `Hola, le escribe ${business} sobre su llamada. ¿Le podemos ayudar en algo? Responda PARAR para no recibir más mensajes.`,
    optOutConfirmation: (business) =>
      `${business}: ya no recibirá más mensajes nuestros. Responda COMENZAR para volver a recibirlos.`,
    optInConfirmation: (business) =>
      `${business}: volverá a recibir nuestros mensajes. Responda PARAR para no recibir más.`,
    safetyAdvice: (advice, business) => `${advice} Ya avisamos a ${business}.`,
    handedOff: "¡Gracias! Ya le pasé esto al equipo y alguien le contactará en breve.",
    safeFallback:
      "¡Gracias por los detalles! Ya se los pasé al equipo, y ellos le confirmarán el precio y el horario directamente.",
    modelFailed: (business) => `¡Gracias por su mensaje! Alguien de ${business} le contactará en breve.`,
    closed: "Gracias por escribirnos. ¡Que esté bien!",
  },
};
