// A plausible, fictional US caller number (555-01xx is reserved for fiction) for the simulator's default.
const areaCodes = ["212", "312", "415", "512", "617", "702", "206", "303"];

export function randomCallerNumber(): string {
  const area = areaCodes[Math.floor(Math.random() * areaCodes.length)];
  return `+1${area}55501${String(Math.floor(Math.random() * 100)).padStart(2, "0")}`;
}
