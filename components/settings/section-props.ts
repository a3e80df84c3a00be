import type { SettingsDraft } from "@/components/settings/settings-draft";

/** What every settings section gets: the draft, a way to change part of it, and the server's field errors. */
export type SectionProps = {
  draft: SettingsDraft;
  onChange: (patch: Partial<SettingsDraft>) => void;
  errors: Record<string, string>;
};
