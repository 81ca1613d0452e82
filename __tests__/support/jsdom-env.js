// jsdom lacks several Web APIs that Node has (fetch, streams, TextEncoder, structuredClone…): copy Node's in.
// FormData/Blob/File stay jsdom's, or `new FormData(form)` breaks.
const { TestEnvironment } = require('jest-environment-jsdom');

const NODE_GLOBALS = [
  'fetch', 'Request', 'Response', 'Headers', 'ReadableStream', 'WritableStream', 'TransformStream',
  'TextEncoder', 'TextDecoder', 'TextEncoderStream', 'TextDecoderStream', 'structuredClone', 'MessageChannel',
  'MessagePort', 'BroadcastChannel', 'setImmediate', 'clearImmediate', 'AbortController', 'AbortSignal',
];

class JsdomWithWebApis extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of NODE_GLOBALS) {
      if (globalThis[name] !== undefined) this.global[name] = globalThis[name];
    }
    if (!this.global.crypto?.subtle) {
      Object.defineProperty(this.global, 'crypto', { value: globalThis.crypto, configurable: true });
    }
  }
}

module.exports = JsdomWithWebApis;
