/** The account a post goes out on: an initial as avatar (decorative) and the name. */
export function Avatar({ name }: { name: string }) {
  const initial = name.replace(/^@/, '').charAt(0).toUpperCase() || '?';
  return (
    <span aria-hidden="true" className="flex h-10 w-10 shrink-0 items-center justify-center rounded-full bg-slate-700 text-sm font-semibold text-white">
      {initial}
    </span>
  );
}

export function accountLabel(accountName: string | null): string {
  return accountName ?? 'Your account';
}

export function AccountHeader({ name, detail }: { name: string; detail?: string }) {
  return (
    <div className="flex items-center gap-3">
      <Avatar name={name} />
      <div className="min-w-0">
        <p className="truncate text-sm font-semibold text-slate-900">{name}</p>
        {detail ? <p className="text-xs text-slate-600">{detail}</p> : null}
      </div>
    </div>
  );
}
