// The success metrics' targets, and whether a value meets them (null when there is nothing to measure yet).
export const metricTargets = {
  captureRate: { label: "more than 95 % of missed calls texted", min: 0.95 },
  responseTime: { label: "95 % of texts within 30 s (ours: within 2 s)", maxSeconds: 30, stretchSeconds: 2 },
  conversion: { label: "more than 80 % of customers reply", min: 0.8 },
  takeover: { label: "under a minute on average", maxSeconds: 60 },
  converted: { label: "more won than in the period before" },
} as const;

export function isAbove(value: number | null, min: number): boolean | null {
  return value === null ? null : value > min;
}

export function isBelow(value: number | null, max: number): boolean | null {
  return value === null ? null : value < max;
}
