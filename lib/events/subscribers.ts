import 'server-only';

/**
 * Registers every consumer of the event bus (lib/events/bus.ts) once per process, at start-up (instrumentation) and on
 * first use by a route (a route bundle may run before instrumentation in dev). Each consumer owns one line here.
 */
let registered = false;

export async function registerEventSubscribers(): Promise<void> {
  const holder = globalThis as typeof globalThis & { [key: symbol]: boolean | undefined };
  const flag = Symbol.for('ai-sales-agent.event-subscribers');
  if (registered || holder[flag]) return;
  registered = true;
  holder[flag] = true;
  // Consumers add themselves below, one line each.
  const { subscribeAnalytics } = await import('@/lib/analytics/subscriber'); subscribeAnalytics();
  const { subscribeNotifications } = await import('@/lib/notify/subscriber'); subscribeNotifications();
  const { subscribeIdentityLeads } = await import('@/lib/embed/identity-lead'); subscribeIdentityLeads();
}
