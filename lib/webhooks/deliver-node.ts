import 'server-only';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import type { HostResolver, UrlPolicy } from './url-policy';
import { isAllowedHost, refusedAddress } from './url-policy';
import type { WebhookPoster } from './delivery';
import { addressRangeOf, type DeliveryProblem } from './url-refusal';

const failure = (message: string, deliveryProblem: DeliveryProblem) => Object.assign(new Error(message), { deliveryProblem });

/**
 * The Node side of webhook delivery. The socket connects only to addresses this lookup has checked, so a host that
 * resolved to a public address at the check and to 127.0.0.1 a moment later (DNS rebinding) is still refused.
 * Redirects are never followed: a 3xx is a failed attempt.
 */
export const resolveHost: HostResolver = (host) =>
  new Promise((resolve, reject) => {
    dnsLookup(host, { all: true }, (error, addresses) => (error ? reject(error) : resolve(addresses.map((a) => a.address))));
  });

export function guardedLookup(policy: UrlPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      if (!isAllowedHost(hostname, policy)) {
        for (const { address } of addresses) {
          const blocked = refusedAddress(address, policy);
          if (blocked) {
            const refusal = { reason: 'resolves_to' as const, host: hostname, address, range: addressRangeOf(blocked) };
            return callback(failure(`${hostname} resolves to ${address}, which is ${blocked}`, { code: 'refused', refusal }), '', 0);
          }
        }
      }
      if (addresses.length === 0) return callback(failure(`${hostname} does not resolve`, { code: 'refused', refusal: { reason: 'unresolved', host: hostname } }), '', 0);
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      const [first] = addresses;
      callback(null, first?.address ?? '', first?.family ?? 4);
    });
  };
}

/** How much of a receiver's answer is read before the socket is closed (the body is not kept). */
const MAX_RESPONSE_BYTES = 64 * 1024;

export const postWebhook: WebhookPoster = ({ url, headers, body, timeoutMs, policy }) =>
  new Promise((resolve, reject) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const payload = Buffer.from(body);
    const request = send(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(payload.byteLength) },
        lookup: guardedLookup(policy),
        // A fresh connection per attempt: a pooled socket would skip the lookup, and with it the address check.
        agent: false,
        timeout: timeoutMs,
      },
      (response) => {
        let received = 0;
        response.on('data', (chunk: Buffer) => {
          received += chunk.byteLength;
          if (received > MAX_RESPONSE_BYTES) response.destroy();
        });
        const done = () => resolve({ status: response.statusCode ?? 0 });
        response.on('end', done);
        response.on('close', done);
        response.on('error', done);
      },
    );
    const timedOut = () => request.destroy(failure(`no answer within ${timeoutMs} ms`, { code: 'timeout' }));
    const deadline = setTimeout(timedOut, timeoutMs);
    request.on('timeout', timedOut);
    request.on('error', (error) => reject(error));
    request.on('close', () => clearTimeout(deadline));
    request.end(payload);
  });
