import { Skeleton } from '@/components/ui';

/** While the campaign's metrics and the optimizer's models load: the page's shape, announced once. */
export default function AnalyticsLoading() {
  return (
    <div className="space-y-6">
      <div className="h-8 w-40 animate-pulse rounded bg-slate-200" />
      <div aria-hidden="true" className="grid grid-cols-2 gap-3 md:grid-cols-4">
        {[0, 1, 2, 3].map((i) => (
          <div key={i} className="h-20 animate-pulse rounded-lg border border-slate-200 bg-white" />
        ))}
      </div>
      <div className="rounded-lg border border-slate-200 bg-white p-4">
        <Skeleton lines={5} label="Loading analytics" />
      </div>
      <div aria-hidden="true" className="h-64 animate-pulse rounded-lg border border-slate-200 bg-white" />
    </div>
  );
}
