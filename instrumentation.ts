// Runs once when the server starts: a bad configuration stops start-up with a message naming the variable, and the
// hooks on the Node HTTP server (peer address, malformed URLs, HSTS over direct TLS) are installed.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { installHttpHooks } = await import('./lib/security/http-hooks');
    installHttpHooks();
    const { checkConfigAtStartup } = await import('./lib/startup');
    checkConfigAtStartup();
  }
}
