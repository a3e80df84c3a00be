// The timezone choices: every IANA zone the runtime knows, with the saved one kept even if the runtime lacks it.
export function timeZoneOptions(current: string): string[] {
  const zones = Intl.supportedValuesOf("timeZone");
  return zones.includes(current) ? zones : [current, ...zones];
}
