// /settings — the business settings, Twilio setup, team and my account.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { NotificationDevices } from "@/components/inbox/notification-devices";
import { WebhookSettings } from "@/components/leads/webhook-settings";
import { AccountSection } from "@/components/settings/account-section";
import { SettingsForm } from "@/components/settings/settings-form";
import { SetupTestSection } from "@/components/settings/setup-test-section";
import { TeamSection } from "@/components/settings/team-section";
import { timeZoneOptions } from "@/components/settings/time-zones";
import { NumberSetup } from "@/components/settings/number-setup/number-setup";
import { Card } from "@/components/ui/card";
import { getPageMember } from "@/lib/auth/session";
import { getBusiness } from "@/lib/business/get-business";
import { listMembers } from "@/lib/members/list-members";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const member = await getPageMember();
  if (!member) redirect("/login");
  const [business, members] = await Promise.all([
    getBusiness({ businessId: member.businessId }),
    listMembers({ businessId: member.businessId }),
  ]);
  const { webhookUrls: _webhookUrls, phoneNumbers, isSimulator: _isSimulator, ...settings } = business;

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">Settings</h1>
      <SettingsForm
        initial={settings}
        timeZones={timeZoneOptions(settings.timezone)}
        canEdit={member.role === "owner"}
        twilioNumber={phoneNumbers[0]?.e164 ?? null}
      />
      {member.role === "owner" ? <NumberSetup /> : null}
      <TeamSection
        members={members.map(({ id, email, name, role }) => ({ id, email, name, role }))}
        currentUserId={member.userId}
        isOwner={member.role === "owner"}
      />
      <section
        id="devices"
        aria-labelledby="devices-heading"
        className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200"
      >
        <h2 id="devices-heading" className="text-lg font-semibold">
          Notifications &amp; devices
        </h2>
        <NotificationDevices />
      </section>
      <SetupTestSection />
      {member.role === "owner" ? (
        <Card id="crm-webhooks" title="CRM webhooks">
          <WebhookSettings />
        </Card>
      ) : null}
      <AccountSection email={member.email} name={member.name} />
    </div>
  );
}
