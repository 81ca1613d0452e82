import { z } from 'zod';

// Imported first by the client code that loads zod (the AI SDK in the chat chunk). zod 4 compiles object parsers with
// `new Function`, and probes for it when a schema is built: the page's CSP has no 'unsafe-eval', so even the caught
// probe is reported as a violation. Jitless parsing is a little slower and needs no eval; it must be set before the
// first schema is built, which is why this module has to come before the AI SDK's imports.
z.config({ jitless: true });
