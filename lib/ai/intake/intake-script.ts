// The scripted intake assistant's words, in each reply language: one question per field, in the order asked.
import type { ReplyLanguage } from "@/lib/language/languages";

export const intakeFields = ["service", "address", "urgency", "preferredTime", "name"] as const;
export type IntakeField = (typeof intakeFields)[number];

type Script = {
  questions: Record<IntakeField, string>;
  emergency: (advice: string) => string;
  /** the same, when the safety advice already went out at receipt */
  emergencyAdvised: string;
  thanks: (name: string | null) => string;
};

export const intakeScripts: Record<ReplyLanguage, Script> = {
  en: {
    questions: {
      service: "What can we help you with? A short description of the job is perfect.",
      address: "Got it. What's the address where you need the work done?",
      urgency: "How urgent is it: is it an emergency, or can it wait a day or two?",
      preferredTime: "When would be a good time for someone to come by?",
      name: "And what name should we put this under?",
    },
    emergency: (advice) => `That sounds urgent: I've alerted the team right now. ${advice}`,
    emergencyAdvised: "That sounds urgent: I've alerted the team right now.",
    thanks: (name) =>
      `Thanks${name ? `, ${name}` : ""}! I've passed everything to the team and someone will follow up with you shortly.`,
  },
  es: {
    questions: {
      service: "¿En qué le podemos ayudar? Una breve descripción del trabajo es perfecta.",
      address: "Entendido. ¿Cuál es la dirección donde necesita el trabajo?",
      urgency: "¿Qué tan urgente es: es una emergencia o puede esperar uno o dos días?",
      preferredTime: "¿Cuándo le vendría bien que alguien pase?",
      name: "¿Y a nombre de quién lo anotamos?",
    },
    emergency: (advice) => `Parece urgente: ya avisé al equipo. ${advice}`,
    emergencyAdvised: "Parece urgente: ya avisé al equipo.",
    thanks: (name) => `¡Gracias${name ? `, ${name}` : ""}! Ya le pasé todo al equipo y alguien le contactará en breve.`,
  },
};

/** Which of our questions `text` asks, in either language (a customer may switch languages mid-conversation). */
export function questionAskedIn(text: string | undefined): IntakeField | null {
  if (!text) return null;
  for (const script of Object.values(intakeScripts))
    for (const field of intakeFields) if (text.includes(script.questions[field])) return field;
  return null;
}
