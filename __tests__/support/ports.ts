// One free-port helper for the whole project: the scripts' (the bench and the stand-ins use it too).
export { freePort } from '../../scripts/lib/next-server.mjs';
