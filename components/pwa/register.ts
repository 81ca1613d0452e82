// Part of the chunk loaded after the page has loaded (components/pwa/service-worker.tsx).

const SW_URL = '/serwist/sw.js';
const UPDATE_CHECK_MS = 60 * 60 * 1000;

/**
 * Registers the service worker and reports a new version once it has installed and is waiting to take over a page
 * that an older version controls. Returns a cleanup function.
 */
export function registerServiceWorker(onUpdateWaiting: (worker: ServiceWorker) => void): () => void {
  const container = navigator.serviceWorker;
  let registration: ServiceWorkerRegistration | undefined;

  // Without a controller this is the first install: it takes over by itself and there is nothing to reload.
  const watch = (worker: ServiceWorker | null) => {
    if (!worker) return;
    const report = () => {
      if (worker.state === 'installed' && container.controller) onUpdateWaiting(worker);
    };
    report();
    worker.addEventListener('statechange', report);
  };

  container.register(SW_URL, { scope: '/' }).then(
    (registered) => {
      registration = registered;
      watch(registered.waiting);
      watch(registered.installing);
      registered.addEventListener('updatefound', () => watch(registered.installing));
    },
    (error: unknown) => console.warn('The service worker could not be registered; the page works online only.', error),
  );

  // A chat tab can stay open for days: look for a new version now and then, not only on navigation (a failed check,
  // offline say, is simply tried again next time).
  const timer = window.setInterval(() => void registration?.update().catch(() => undefined), UPDATE_CHECK_MS);
  return () => window.clearInterval(timer);
}

/** Hands the page to the waiting worker, then reloads so page and worker are the same version. */
export function applyUpdate(worker: ServiceWorker): void {
  // Another tab may have applied it already: this page then only needs the reload.
  if (worker.state === 'activating' || worker.state === 'activated') {
    window.location.reload();
    return;
  }
  navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), { once: true });
  worker.postMessage({ type: 'SKIP_WAITING' });
}
