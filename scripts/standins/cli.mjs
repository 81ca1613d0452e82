// @ts-check
// Command-line plumbing shared by the stand-ins: `--name value` / `--name=value` flags, and serving until a signal.

/** @param {string[]} argv @returns {Record<string, string>} */
export function parseArgs(argv) {
  /** @type {Record<string, string>} */
  const flags = {};
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] ?? '';
    if (!arg.startsWith('--')) continue;
    const [name, inline] = arg.slice(2).split('=', 2);
    flags[name ?? ''] = inline ?? argv[++index] ?? '';
  }
  return flags;
}

/** @param {string | undefined} value @param {number} fallback */
export function flagNumber(value, fallback) {
  return value === undefined ? fallback : Number(value);
}

/**
 * Starts a stand-in, prints its base URL on stdout, and closes it on SIGINT/SIGTERM.
 * @param {string} name
 * @param {() => Promise<{ url: string, close: () => Promise<void> }>} start
 */
export function serveFromCli(name, start) {
  start().then(
    (standIn) => {
      process.stdout.write(`${standIn.url}\n`);
      for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
        process.once(signal, () => {
          standIn.close().then(() => process.exit(0));
        });
      }
    },
    (error) => {
      process.stderr.write(`${name}: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
