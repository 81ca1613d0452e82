'use client';

import { lazy, Suspense, useEffect, useState } from 'react';

// Registration and the update prompt are a separate chunk, fetched after the page has loaded: nothing of them is in
// the home page's first-load JavaScript.
const UpdatePrompt = lazy(() => import('./update-prompt'));

/** Offline support (production builds only): registers the service worker after load and offers its updates. */
export function OfflineSupport() {
  const [loaded, setLoaded] = useState(false);

  useEffect(() => {
    if (process.env.NODE_ENV !== 'production' || !('serviceWorker' in navigator)) return;
    const onLoad = () => setLoaded(true);
    if (document.readyState === 'complete') queueMicrotask(onLoad);
    else window.addEventListener('load', onLoad, { once: true });
    return () => window.removeEventListener('load', onLoad);
  }, []);

  return loaded ? (
    <Suspense fallback={null}>
      <UpdatePrompt />
    </Suspense>
  ) : null;
}
