/**
 * What an admin with JavaScript turned off sees above every admin page: the lists, figures and forms load from the
 * admin API in the browser, so without scripts they would say "Loading…" for ever. Server-rendered, no client code.
 */
export function NoScriptNotice({ text }: { text: string }) {
  return (
    <noscript>
      <p role="alert" className="mx-auto max-w-7xl bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-amber-200 sm:px-6 lg:px-8">
        {text}
      </p>
    </noscript>
  );
}

/** Pages that work without JavaScript (server-rendered lists with GET forms, the backup link): no notice there. */
const WORK_WITHOUT_SCRIPT: ReadonlySet<string> = new Set(['/admin/conversations', '/admin/leads', '/admin/backups']);

/** Whether the admin page at `path` needs the notice (its content loads in the browser). */
export function needsScriptNotice(path: string): boolean {
  return !WORK_WITHOUT_SCRIPT.has(path.replace(/\/+$/, ''));
}
