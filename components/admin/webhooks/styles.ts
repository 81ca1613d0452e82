/** Shared class names of the webhooks page (Tailwind), matching the dashboard's controls. */
export const focusRing = 'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600';

export function buttonClass(kind: 'primary' | 'secondary' | 'danger'): string {
  const look = {
    primary: 'bg-brand-600 text-white shadow-sm hover:bg-brand-700',
    secondary: 'bg-white text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50',
    danger: 'bg-white text-red-700 ring-1 ring-red-300 hover:bg-red-50',
  }[kind];
  return `rounded-lg px-3 py-1.5 text-sm font-medium disabled:cursor-not-allowed disabled:opacity-60 aria-disabled:cursor-not-allowed aria-disabled:opacity-60 ${look} ${focusRing}`;
}

export const inputClass = `mt-1 w-full rounded-lg border border-slate-300 px-3 py-2 text-sm text-slate-900 ${focusRing}`;
