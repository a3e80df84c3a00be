// What demo customers say and need: plausible trades work, fictional names and 555 numbers.

export const demoCustomers = [
  {
    name: "Maria Lopez",
    address: "14 Birch Lane",
    service: "Water heater",
    problem: "No hot water since this morning",
    value: 1450_00,
  },
  {
    name: "James Carter",
    address: "220 Oak Street, Apt 3",
    service: "Leak repair",
    problem: "Pipe leaking under the kitchen sink",
    value: 240_00,
  },
  {
    name: "Priya Shah",
    address: "9 Willow Court",
    service: "Drain cleaning",
    problem: "Basement floor drain backing up",
    value: 320_00,
  },
  {
    name: "Tom Becker",
    address: "51 Harbor View Rd",
    service: "Boiler repair",
    problem: "Boiler making banging noises, no heat upstairs",
    value: 680_00,
  },
  {
    name: "Aisha Mohammed",
    address: "3 Cedar Row",
    service: "Toilet repair",
    problem: "Toilet keeps running",
    value: 150_00,
  },
  {
    name: "Daniel Kim",
    address: "77 Maple Ave",
    service: "Emergency call-out",
    problem: "Burst pipe in the garage, water everywhere",
    value: 950_00,
  },
  {
    name: "Sofia Rossi",
    address: "18 Pine Hill Dr",
    service: "Furnace repair",
    problem: "Furnace blowing cold air",
    value: 520_00,
  },
  {
    name: "Ben O'Connor",
    address: "402 River Rd",
    service: "Leak repair",
    problem: "Ceiling stain under the bathroom",
    value: 380_00,
  },
  {
    name: "Grace Liu",
    address: "6 Elm Terrace",
    service: "Water heater",
    problem: "Water heater pilot keeps going out",
    value: 210_00,
  },
  {
    name: "Marcus Brown",
    address: "88 Chestnut St",
    service: "Drain cleaning",
    problem: "Shower drains very slowly",
    value: 180_00,
  },
] as const;

export const demoCustomerReplies = [
  "Hi, yes please. {problem}.",
  "Thanks for getting back to me! {problem}",
  "Yes, I called about {service}. {problem}.",
];

export const demoAiReplies = [
  "Sorry to hear that. Could you tell me your name and the service address?",
  "Thanks! How urgent is it, and when would suit you for a visit?",
  "Got it. I've passed everything on; the plumber will confirm a time shortly.",
];

export const demoCustomerFollowUps = ["{name}, {address}", "Tomorrow morning works best", "Great, thank you!"];

export const demoMemberReplies = [
  "Hi, this is Dave from the shop. I can be there tomorrow at 9. Does that work?",
  "On my way back from a job, I'll call you in 10 minutes.",
];

/** A small deterministic generator (mulberry32), so every demo database looks the same. */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    chance: (p: number) => next() < p,
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!,
  };
}

export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? "");
}
