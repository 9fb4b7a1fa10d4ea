import { Skeleton } from '@/components/ui';

/** While the connected accounts load: the page's shape, announced once. */
export default function PlatformsLoading() {
  return (
    <div className="space-y-6">
      <div className="h-8 w-40 animate-pulse rounded bg-slate-200" />
      <div className="rounded-lg border border-slate-200 bg-white p-4">
        <Skeleton lines={4} label="Loading your connected accounts" />
      </div>
      <div aria-hidden="true" className="h-48 animate-pulse rounded-lg border border-slate-200 bg-white" />
    </div>
  );
}
