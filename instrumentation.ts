// Runs once when the server starts: a bad configuration stops start-up with a message naming the variable, and the
// hooks on the Node HTTP server (peer address, malformed URLs, HSTS over direct TLS, the fast routes) and the store's
// Node transport are installed.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { installHttpHooks } = await import('./lib/security/http-hooks');
    installHttpHooks();
    // The store's requests on node:http with kept-alive connections instead of fetch (lib/store/transport.ts).
    const [{ registerStoreTransport }, { nodePost }] = await Promise.all([import('./lib/store/transport'), import('./lib/store/node-transport')]);
    registerStoreTransport(nodePost);
    // The model's requests too (lib/outbound-fetch.ts).
    const [{ registerOutboundFetch }, { nodeFetch }] = await Promise.all([import('./lib/outbound-fetch'), import('./lib/node-fetch')]);
    registerOutboundFetch(nodeFetch);
    const { checkConfigAtStartup } = await import('./lib/startup');
    checkConfigAtStartup();
    // The chat's POST and the speech's POST are answered before Next.js routes them (lib/fast-routes.ts): the same
    // handlers, sooner — both are on the prospect's critical path (first token, first audio). CHAT_FAST_ROUTE=off
    // leaves them to Next.js (a switch for comparing both, and a way back if a host needs it).
    const { getServerConfig } = await import('./lib/config');
    if (getServerConfig().chat.fastRoute) {
      const [{ registerFastRoute }, chat, tts] = await Promise.all([import('./lib/fast-routes'), import('./app/api/v1/chat/route'), import('./app/api/v1/tts/route')]);
      registerFastRoute('POST', '/api/v1/chat', chat.POST);
      registerFastRoute('POST', '/api/v1/tts', tts.POST);
    }
  }
}
