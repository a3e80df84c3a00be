// The success metrics' targets, and whether a value meets them (null when there is nothing to measure yet).
export const metricTargets = {
  captureRate: { label: "> 95 %", min: 0.95 },
  responseTime: { label: "p95 < 30 s (ours: < 2 s)", maxSeconds: 30, stretchSeconds: 2 },
  conversion: { label: "> 80 %", min: 0.8 },
  takeover: { label: "avg < 60 s", maxSeconds: 60 },
  converted: { label: "measurable increase over the previous period" },
} as const;

export function isAbove(value: number | null, min: number): boolean | null {
  return value === null ? null : value > min;
}

export function isBelow(value: number | null, max: number): boolean | null {
  return value === null ? null : value < max;
}
