/** @jest-environment node */
// Next.js bundles instrumentation.ts and each route separately, each with its own module state. jest.isolateModules
// gives the same effect (a fresh copy of every module): the singletons must survive it.
import { processSingleton, resetProcessSingletons } from '@/lib/process-singleton';

afterEach(() => resetProcessSingletons());

async function loadIsolated<T>(load: () => Promise<T>): Promise<T> {
  let loaded: T | undefined;
  await jest.isolateModulesAsync(async () => {
    loaded = await load();
  });
  return loaded as T;
}

describe('processSingleton', () => {
  it('returns the same value from two separately loaded copies of the module', async () => {
    const first = await loadIsolated(() => import('@/lib/process-singleton'));
    const second = await loadIsolated(() => import('@/lib/process-singleton'));
    expect(first).not.toBe(second);
    const created = jest.fn(() => ({ id: Math.random() }));
    expect(first.processSingleton('shared', created)).toBe(second.processSingleton('shared', created));
    expect(processSingleton('shared', created)).toBe(first.processSingleton('shared', created));
    expect(created).toHaveBeenCalledTimes(1);
  });

  it('gives the warm-up and the TTS route one Smallest.ai queue, however often lib/voice is loaded', async () => {
    const a = await loadIsolated(() => import('@/lib/voice/smallest'));
    const b = await loadIsolated(() => import('@/lib/voice/smallest'));
    expect(a.getSmallestQueue).not.toBe(b.getSmallestQueue);
    expect(a.getSmallestQueue()).toBe(b.getSmallestQueue());
  });

  it('gives every copy of the gates module the same TTS gate', async () => {
    const a = await loadIsolated(() => import('@/lib/security/concurrency'));
    const b = await loadIsolated(() => import('@/lib/security/concurrency'));
    expect(a.getTtsGate()).toBe(b.getTtsGate());
  });

  it('forgets values on reset', () => {
    const value = processSingleton('fresh', () => ({}));
    resetProcessSingletons();
    expect(processSingleton('fresh', () => ({}))).not.toBe(value);
  });
});
