/**
 * One value per server process, shared by every bundle. Next.js compiles instrumentation.ts and each route into
 * bundles of their own, each with its own copy of module state: a queue or cache kept in a module variable would
 * exist once per bundle (the speech warm-up and /api/v1/tts then each had a Smallest.ai queue, and collided).
 * Keeping it on globalThis under a registered symbol gives every bundle the same instance.
 */
type Registry = Map<string, unknown>;
const REGISTRY = Symbol.for('ai-sales-agent.process-singletons');

function registry(): Registry {
  const holder = globalThis as typeof globalThis & { [REGISTRY]?: Registry };
  holder[REGISTRY] ??= new Map();
  return holder[REGISTRY];
}

/** The process's `name` value, created by `create` on first use. */
export function processSingleton<T>(name: string, create: () => T): T {
  const values = registry();
  if (!values.has(name)) values.set(name, create());
  return values.get(name) as T;
}

/** Forgets one value, so the next use creates it again (a failed start-up read must not stick). */
export function forgetProcessSingleton(name: string): void {
  registry().delete(name);
}

/** Forgets every singleton (tests that change the environment between cases). */
export function resetProcessSingletons(): void {
  registry().clear();
}
