// The bench's lower floor: a bare `node:http` server that forwards a chat request to the OpenAI stand-in and pipes its
// stream back, nothing else. Run as its own process so its CPU and memory are measured apart from the load generator:
//   node scripts/bench/bare-relay.mjs --port 4020 --upstream http://127.0.0.1:4010/v1
import http from 'node:http';

/**
 * @param {{ upstream: string, port?: number, host?: string }} options  upstream: the stand-in's base URL (…/v1)
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>}
 */
export async function startBareRelay({ upstream, port = 0, host = '127.0.0.1' }) {
  const target = new URL(`${upstream.replace(/\/+$/, '')}/chat/completions`);
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  const server = http.createServer((req, res) => {
    const forward = http.request(
      target,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', authorization: req.headers.authorization ?? '' } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, { 'content-type': answer.headers['content-type'] ?? 'text/event-stream', 'cache-control': 'no-store' });
        answer.pipe(res);
      },
    );
    forward.on('error', () => (res.headersSent ? res.destroy() : res.writeHead(502).end()));
    res.on('close', () => !res.writableFinished && forward.destroy());
    req.pipe(forward);
  });
  server.keepAliveTimeout = 5_000;
  server.requestTimeout = 0;
  server.on('connection', (socket) => socket.setNoDelay(true));
  await new Promise((resolve) => server.listen(port, host, () => resolve(undefined)));
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://${host}:${actualPort}`,
    port: actualPort,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve(undefined)); agent.destroy(); }),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const option = (name) => process.argv[process.argv.indexOf(`--${name}`) + 1];
  const relay = await startBareRelay({ upstream: option('upstream'), port: Number(option('port') ?? 0) });
  console.log(relay.url);
}
