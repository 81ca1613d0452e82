'use client';

import { createContext, useContext, useEffect, useSyncExternalStore, type ReactNode } from 'react';
import { ADMIN_API_PATH, ADMIN_TIME_ZONE_COOKIE, adminTimeZoneCookie, browserTimeZone } from '@/lib/admin/time-zone';

/** The zone the server rendered the admin page in (its cookie's, or UTC): what hydration must show again. */
const ServerZoneContext = createContext<string | null>(null);
const noSubscription = () => () => undefined;

/**
 * Gives the admin pages the zone the server rendered them in, and leaves the browser's own zone in a cookie for the
 * server's next render (lib/admin/time-zone.ts), so a list filtered or reloaded without JavaScript reads days as the
 * admin's days. Rendered by the admin layout around every admin page, the sign-in page included.
 */
export function AdminTimeZoneProvider({ zone, children }: { zone: string; children: ReactNode }) {
  useEffect(() => {
    const own = browserTimeZone();
    const current = new RegExp(`(?:^|;\\s*)${ADMIN_TIME_ZONE_COOKIE}=([^;]*)`).exec(document.cookie)?.[1];
    const secure = window.location.protocol === 'https:';
    if (current !== encodeURIComponent(own)) document.cookie = adminTimeZoneCookie(own, secure);
    // The admin API's copy (an export's file name is the admin's day) is not readable from here: written every time.
    document.cookie = adminTimeZoneCookie(own, secure, ADMIN_API_PATH);
  }, []);
  return <ServerZoneContext.Provider value={zone}>{children}</ServerZoneContext.Provider>;
}

/**
 * The admin's time zone: while hydrating, the one the server rendered in (so dates and list queries match its HTML);
 * then the browser's own. Outside the provider (a component on its own, in tests) the browser's throughout.
 */
export function useAdminTimeZone(): string {
  const serverZone = useContext(ServerZoneContext);
  return useSyncExternalStore(noSubscription, browserTimeZone, () => serverZone ?? browserTimeZone());
}
