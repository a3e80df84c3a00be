// Conversations as customers of a plumber really have them with the scripted assistant, English and Spanish, and
// the lead each should leave behind. `after` says what our last message before the customer's first was: the
// auto-SMS, a person's message, or nothing (the customer texted first).
export type IntakeExpectation = {
  service: string | null;
  address: string | null;
  urgency: "low" | "normal" | "high" | "emergency";
  preferredTime: string | null;
  name: string | null;
};

export type ScriptedConversation = {
  title: string;
  language: "en" | "es";
  after: "auto_reply" | "manual" | "nothing";
  customer: string[];
  expected: IntakeExpectation;
};

export const scriptedConversations: ScriptedConversation[] = [
  {
    title: "the whole intake, one answer per question",
    language: "en",
    after: "auto_reply",
    customer: ["My water heater is leaking", "12 Elm Street, Springfield", "no rush", "tomorrow after 3", "Dana Smith"],
    expected: {
      service: "Water heater",
      address: "12 Elm Street, Springfield",
      urgency: "low",
      preferredTime: "tomorrow after 3",
      name: "Dana Smith",
    },
  },
  {
    title: "an answer to a person's message is no job description (it said when)",
    language: "en",
    after: "manual",
    customer: ["3pm works, thanks!"],
    expected: { service: null, address: null, urgency: "normal", preferredTime: "3pm works, thanks", name: null },
  },
  {
    title: "the address given with the job is not asked again",
    language: "en",
    after: "auto_reply",
    customer: ["Kitchen sink is clogged, I'm at 45 Oak Ave in Round Rock", "not urgent", "Saturday morning", "Mike"],
    expected: {
      service: "Drain cleaning",
      address: "45 Oak Ave in Round Rock",
      urgency: "low",
      preferredTime: "Saturday morning",
      name: "Mike",
    },
  },
  {
    title: "water all over the floor is an emergency, and urgency is not asked",
    language: "en",
    after: "auto_reply",
    customer: ["There's water all over the basement floor", "88 Birch Rd", "asap", "it's Priya"],
    expected: {
      service: "Leak repair",
      address: "88 Birch Rd",
      urgency: "emergency",
      preferredTime: "asap",
      name: "Priya",
    },
  },
  {
    title: "a greeting first, then the job",
    language: "en",
    after: "auto_reply",
    customer: ["Hi", "Toilet keeps running all night", "300 Pine St Apt 4", "whenever", "Lee"],
    expected: {
      service: "Toilet repair",
      address: "300 Pine St Apt 4",
      urgency: "low",
      preferredTime: "whenever",
      name: "Lee",
    },
  },
  {
    title: "a time given instead of the address is kept as the time, not as the address",
    language: "en",
    after: "auto_reply",
    customer: ["Garbage disposal is jammed", "can you come tomorrow morning?", "not urgent", "Sam Ortiz"],
    expected: {
      service: "Garbage disposal",
      address: null,
      urgency: "low",
      preferredTime: "can you come tomorrow morning",
      name: "Sam Ortiz",
    },
  },
  {
    title: "no heat in the cold",
    language: "en",
    after: "auto_reply",
    customer: ["Furnace died and it's below zero tonight", "17 Maple Dr, Plano", "right now please", "Ann"],
    expected: {
      service: "Heating repair",
      address: "17 Maple Dr, Plano",
      urgency: "emergency",
      preferredTime: "right now please",
      name: "Ann",
    },
  },
  {
    title: "no heat without the cold is urgent, not an emergency",
    language: "en",
    after: "auto_reply",
    customer: ["No heat since yesterday", "5 Cedar Ct", "this afternoon", "Tom"],
    expected: {
      service: "Heating repair",
      address: "5 Cedar Ct",
      urgency: "high",
      preferredTime: "this afternoon",
      name: "Tom",
    },
  },
  {
    title: "the name said up front is not asked again",
    language: "en",
    after: "auto_reply",
    customer: ["Hi, my name is Carla. The shower drain is super slow", "901 Willow Way", "no hurry", "Friday"],
    expected: {
      service: "Drain cleaning",
      address: "901 Willow Way",
      urgency: "low",
      preferredTime: "Friday",
      name: "Carla",
    },
  },
  {
    title: "sparks: an emergency with the advice",
    language: "en",
    after: "auto_reply",
    customer: ["Outlet in the kitchen is sparking", "22 Aspen Ln", "today", "Joe"],
    expected: {
      service: "Electrical",
      address: "22 Aspen Ln",
      urgency: "emergency",
      preferredTime: "today",
      name: "Joe",
    },
  },
  {
    title: "a customer who texts first",
    language: "en",
    after: "nothing",
    customer: ["Do you fix sump pumps? Mine is making a grinding noise", "410 Lake Shore Dr", "yes", "after 5", "Rosa"],
    expected: {
      service: "Sump pump",
      address: "410 Lake Shore Dr",
      urgency: "high",
      preferredTime: "after 5",
      name: "Rosa",
    },
  },
  {
    title: "an answer that is no name is not stored as one",
    language: "en",
    after: "auto_reply",
    customer: ["Leak under the bathroom sink", "77 Spruce St", "no rush", "next week", "why do you need that?"],
    expected: {
      service: "Leak repair",
      address: "77 Spruce St",
      urgency: "low",
      preferredTime: "next week",
      name: null,
    },
  },
  {
    title: "toda la entrevista, una respuesta por pregunta",
    language: "es",
    after: "auto_reply",
    customer: [
      "Mi calentador de agua está goteando",
      "Calle Olmo 12, Austin",
      "no hay prisa",
      "mañana en la tarde",
      "Ana López",
    ],
    expected: {
      service: "Water heater",
      address: "Calle Olmo 12, Austin",
      urgency: "low",
      preferredTime: "mañana en la tarde",
      name: "Ana López",
    },
  },
  {
    title: "agua por todos lados es una emergencia",
    language: "es",
    after: "auto_reply",
    customer: ["Hay agua por todos lados en el sótano", "450 Oak Street", "lo antes posible", "Miguel"],
    expected: {
      service: "Leak repair",
      address: "450 Oak Street",
      urgency: "emergency",
      preferredTime: "lo antes posible",
      name: "Miguel",
    },
  },
  {
    title: "olor a gas",
    language: "es",
    after: "auto_reply",
    customer: ["Huele a gas en la cocina", "Avenida Juárez 300", "ahorita", "soy Carmen"],
    expected: {
      service: "Gas line",
      address: "Avenida Juárez 300",
      urgency: "emergency",
      preferredTime: "ahorita",
      name: "Carmen",
    },
  },
  {
    title: "la dirección junto con el trabajo no se vuelve a preguntar",
    language: "es",
    after: "auto_reply",
    customer: ["Se tapó el fregadero, vivo en 45 Oak Ave", "no es urgente", "el sábado en la mañana", "Luis"],
    expected: {
      service: "Drain cleaning",
      address: "45 Oak Ave",
      urgency: "low",
      preferredTime: "el sábado en la mañana",
      name: "Luis",
    },
  },
  {
    title: "un saludo primero",
    language: "es",
    after: "auto_reply",
    customer: [
      "Hola buenas tardes",
      "El inodoro no deja de correr",
      "Calle 5 de Mayo 210",
      "sí",
      "a las 4",
      "Rosa María",
    ],
    expected: {
      service: "Toilet repair",
      address: "Calle 5 de Mayo 210",
      urgency: "high",
      preferredTime: "a las 4",
      name: "Rosa María",
    },
  },
  {
    title: "una hora en lugar de la dirección se guarda como hora",
    language: "es",
    after: "auto_reply",
    customer: ["La regadera drena muy lento", "pueden venir mañana?", "no", "Pedro Ramírez"],
    expected: {
      service: "Shower / tub",
      address: null,
      urgency: "low",
      preferredTime: "pueden venir mañana",
      name: "Pedro Ramírez",
    },
  },
  {
    title: "sin calefacción y helando",
    language: "es",
    after: "auto_reply",
    customer: ["No tenemos calefacción y está helando", "88 Birch Rd", "hoy", "Lupe"],
    expected: {
      service: "Heating repair",
      address: "88 Birch Rd",
      urgency: "emergency",
      preferredTime: "hoy",
      name: "Lupe",
    },
  },
  {
    title: "el nombre dicho al principio no se vuelve a preguntar",
    language: "es",
    after: "auto_reply",
    customer: ["Hola, me llamo Jorge. Tengo una fuga debajo del lavabo", "Calle Pino 9", "puede esperar", "el viernes"],
    expected: {
      service: "Leak repair",
      address: "Calle Pino 9",
      urgency: "low",
      preferredTime: "el viernes",
      name: "Jorge",
    },
  },
  {
    title: "un gracias al mensaje de una persona no se guarda en ningún campo",
    language: "es",
    after: "manual",
    customer: ["Perfecto, gracias"],
    expected: { service: null, address: null, urgency: "normal", preferredTime: null, name: null },
  },
  {
    title: "chispas en el enchufe",
    language: "es",
    after: "auto_reply",
    customer: ["El enchufe de la cocina saca chispas", "Calle Roble 15", "cuanto antes", "Teresa"],
    expected: {
      service: "Electrical",
      address: "Calle Roble 15",
      urgency: "emergency",
      preferredTime: "cuanto antes",
      name: "Teresa",
    },
  },
  {
    title: "un cliente que escribe primero",
    language: "es",
    after: "nothing",
    customer: [
      "Necesito cambiar el calentador",
      "Calle Sauce 33",
      "no urge",
      "en la tarde después de las 5",
      "Beatriz",
    ],
    expected: {
      service: "Water heater",
      address: "Calle Sauce 33",
      urgency: "low",
      preferredTime: "en la tarde después de las 5",
      name: "Beatriz",
    },
  },
  {
    title: "una respuesta a otra pregunta no se guarda como nombre",
    language: "es",
    after: "auto_reply",
    customer: ["Se rompió la tubería del baño", "Calle Cedro 4", "sí es urgente", "hoy"],
    expected: {
      service: "Leak repair",
      address: "Calle Cedro 4",
      urgency: "emergency",
      preferredTime: null,
      name: null,
    },
  },
  {
    title: "an overflowed toilet is an emergency; 'tonight' answers how urgent and when",
    language: "en",
    after: "auto_reply",
    customer: ["The toilet overflowed and its all over the bathroom floor", "1187 Westview Dr", "Kim"],
    expected: {
      service: "Toilet repair",
      address: "1187 Westview Dr",
      urgency: "emergency",
      preferredTime: null,
      name: null,
    },
  },
  {
    title: "how urgent, answered with when",
    language: "en",
    after: "auto_reply",
    customer: ["need someone to look at the water softener", "14 Hillcrest Road", "tonight if possible", "Marcus Lee"],
    expected: {
      service: "need someone to look at the water softener",
      address: "14 Hillcrest Road",
      urgency: "high",
      preferredTime: "tonight if possible",
      name: "Marcus Lee",
    },
  },
  {
    title: "sin agua caliente no es lo mismo que sin agua",
    language: "es",
    after: "auto_reply",
    customer: [
      "no tengo agua caliente",
      "Av. Reforma 120",
      "no es emergencia",
      "hoy si se puede",
      "me llamo Raúl Díaz",
    ],
    expected: {
      service: "Water heater",
      address: "Av. Reforma 120",
      urgency: "low",
      preferredTime: "hoy si se puede",
      name: "Raúl Díaz",
    },
  },
];
