import 'server-only';
import { cookies } from 'next/headers';
import { ADMIN_TIME_ZONE_COOKIE, adminTimeZoneOf } from './time-zone';

/** The signed-in admin's time zone as their browser last left it (lib/admin/time-zone.ts), or UTC. */
export async function getAdminTimeZone(): Promise<string> {
  return adminTimeZoneOf((await cookies()).get(ADMIN_TIME_ZONE_COOKIE)?.value);
}
