import { backoffDelay, type BackoffOptions } from './backoff';

export type ConnectionState = { kind: 'connected' } | { kind: 'reconnecting'; nextAttemptAt: number } | { kind: 'offline' };

/** What the transport tells the monitor, and how it waits for the monitor to say "try now". */
export interface ConnectionReporter {
  reachable(): void;
  /** A request failed; its owner tries again at `nextAttemptAt` (epoch ms). */
  unreachable(nextAttemptAt: number): void;
  /** Registers `resume`, called when the server is reachable again or the prospect asks to try now; returns an unsubscribe. */
  onWake(resume: () => void): () => void;
}

export interface ConnectionMonitorOptions {
  probeUrl: string;
  fetch?: typeof fetch;
  now?: () => number;
  /** Backoff of the monitor's own probes while the server is away. */
  backoff?: BackoffOptions;
  /** How often a page that believes it is connected checks, while visible and idle. */
  idleProbeMs?: number;
  probeTimeoutMs?: number;
}

const CONNECTED: ConnectionState = { kind: 'connected' };
const OFFLINE: ConnectionState = { kind: 'offline' };

function browserOnline(): boolean {
  return typeof navigator === 'undefined' || navigator.onLine !== false;
}

/**
 * The chat's belief about the connection: the browser's online/offline events, the transport's own successes and
 * failures, and a cheap probe of /api/v1/health — backed off while the server is away, rare while all is well — so
 * the status changes when the server goes away, not only when the browser loses its network.
 */
export class ConnectionMonitor implements ConnectionReporter {
  private state: ConnectionState = browserOnline() ? CONNECTED : OFFLINE;
  private readonly listeners = new Set<() => void>();
  private readonly wakers = new Set<() => void>();
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private probing: AbortController | null = null;
  private started = false;
  private readonly fetch: typeof fetch;
  private readonly now: () => number;
  private readonly idleProbeMs: number;
  private readonly probeTimeoutMs: number;

  constructor(private readonly options: ConnectionMonitorOptions) {
    this.fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.now = options.now ?? Date.now;
    this.idleProbeMs = options.idleProbeMs ?? 60_000;
    this.probeTimeoutMs = options.probeTimeoutMs ?? 5_000;
  }

  getSnapshot = (): ConnectionState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Listens to the browser; returns the function that stops everything. */
  start(): () => void {
    if (this.started || typeof window === 'undefined') return () => undefined;
    this.started = true;
    const onOffline = () => {
      this.cancelProbe();
      this.set(OFFLINE);
    };
    const onOnline = () => this.retryNow();
    const onVisible = () => {
      if (document.visibilityState === 'visible' && this.state.kind === 'connected') this.schedule(this.idleProbeMs);
    };
    window.addEventListener('offline', onOffline);
    window.addEventListener('online', onOnline);
    document.addEventListener('visibilitychange', onVisible);
    if (this.state.kind === 'connected') this.schedule(this.idleProbeMs);
    return () => {
      this.started = false;
      this.cancelProbe();
      window.removeEventListener('offline', onOffline);
      window.removeEventListener('online', onOnline);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }

  reachable(): void {
    this.attempt = 0;
    this.set(CONNECTED);
    this.wakeAll();
    if (this.started) this.schedule(this.idleProbeMs);
  }

  unreachable(nextAttemptAt: number): void {
    if (!browserOnline()) {
      this.cancelProbe();
      this.set(OFFLINE);
      return;
    }
    this.set({ kind: 'reconnecting', nextAttemptAt });
    // The owner of the failed request retries by itself; probe a little later in case it gave up (a Stop).
    if (this.started) this.schedule(Math.max(0, nextAttemptAt - this.now()) + 1_000);
  }

  onWake(resume: () => void): () => void {
    this.wakers.add(resume);
    return () => this.wakers.delete(resume);
  }

  /** "Try now": wake every waiting retry and probe at once. */
  retryNow(): void {
    this.wakeAll();
    void this.probe();
  }

  private wakeAll() {
    for (const wake of [...this.wakers]) wake();
  }

  private set(next: ConnectionState) {
    const current = this.state;
    const same =
      current.kind === next.kind && (next.kind !== 'reconnecting' || (current.kind === 'reconnecting' && current.nextAttemptAt === next.nextAttemptAt));
    if (same) return;
    this.state = next;
    for (const listener of [...this.listeners]) listener();
  }

  private schedule(ms: number) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      // A hidden, connected page need not check: it will when it is shown again.
      if (this.state.kind === 'connected' && typeof document !== 'undefined' && document.visibilityState === 'hidden') return;
      void this.probe();
    }, ms);
  }

  private cancelProbe() {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.probing?.abort();
    this.probing = null;
  }

  private async probe(): Promise<void> {
    if (!browserOnline()) {
      this.set(OFFLINE);
      return;
    }
    this.probing?.abort();
    const controller = new AbortController();
    this.probing = controller;
    const timeout = setTimeout(() => controller.abort(), this.probeTimeoutMs);
    let ok = false;
    try {
      const response = await this.fetch(this.options.probeUrl, { cache: 'no-store', signal: controller.signal });
      // 503 is the app saying its store is down: the server itself is there. A proxy's 502/504 means it is not.
      ok = response.status < 500 || response.status === 503;
      void response.body?.cancel().catch(() => undefined);
    } catch {
      ok = false;
    } finally {
      clearTimeout(timeout);
    }
    if (this.probing !== controller) return;
    this.probing = null;
    if (ok) {
      this.reachable();
      return;
    }
    if (!browserOnline()) {
      this.set(OFFLINE);
      return;
    }
    const delay = backoffDelay(this.attempt++, { initialMs: 1_000, maxMs: 30_000, ...this.options.backoff });
    this.set({ kind: 'reconnecting', nextAttemptAt: this.now() + delay });
    if (this.started) this.schedule(delay);
  }
}
