import type { Metadata } from 'next';
import { CampaignForm } from '@/components/campaigns/campaign-form';
import { PageHeader } from '@/components/ui';
import { localDateOf } from '@/lib/time-zone';

export const metadata: Metadata = { title: 'New campaign' };

export default function NewCampaignPage() {
  const timeZones = ['UTC', ...Intl.supportedValuesOf('timeZone').filter((tz) => tz !== 'UTC')];
  return (
    <div>
      <PageHeader title="New campaign" description="The agents start as soon as you create it; you can follow them live." />
      <CampaignForm timeZones={timeZones} defaultTimeZone="UTC" today={localDateOf(new Date(), 'UTC')} />
    </div>
  );
}
