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

/**
 * Pages that work without JavaScript (server-rendered lists with GET forms, the backup link, the keys page's plain
 * create and revoke forms): no notice there.
 */
const WORK_WITHOUT_SCRIPT: ReadonlySet<string> = new Set(['/admin/conversations', '/admin/leads', '/admin/backups', '/admin/keys']);

/** A conversation's transcript or a lead, server-rendered: read (and a lead's status changed) without JavaScript; erased with it. */
const READ_WITHOUT_SCRIPT = /^\/admin\/(conversations|leads)\/[^/]+$/;

/** Which notice the admin page at `path` needs: none, what still needs JavaScript there, or that the page does. */
export function scriptNoticeKey(path: string): 'shell.noScript' | 'shell.noScriptReadOnly' | 'shell.noScriptDashboard' | 'shell.noScriptWebhooks' | null {
  const page = path.split('?')[0]?.replace(/\/+$/, '') ?? '';
  if (WORK_WITHOUT_SCRIPT.has(page)) return null;
  // The dashboard's figures and range form are server-rendered; its chart and live refresh are not.
  if (page === '/admin') return 'shell.noScriptDashboard';
  // The endpoints are server-rendered and added, switched, tested and deleted by plain forms; editing, rotating a
  // secret and the delivery log are not.
  if (page === '/admin/webhooks') return 'shell.noScriptWebhooks';
  return READ_WITHOUT_SCRIPT.test(page) ? 'shell.noScriptReadOnly' : 'shell.noScript';
}

/** Whether the admin page at `path` needs a notice at all (some of it, or all of it, works only with JavaScript). */
export function needsScriptNotice(path: string): boolean {
  return scriptNoticeKey(path) !== null;
}
