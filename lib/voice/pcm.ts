/**
 * Raw audio helpers shared by the browser player and tests: base64 PCM s16le → Float32 samples for Web Audio,
 * WAV parsing/building (recorder fallbacks, fixtures) and concatenation. Client-safe: no Node APIs (atob/btoa exist in
 * browsers and in Node ≥ 16).
 */

export interface PcmFormat {
  sampleRate: number;
  channels: number;
}

export interface WavAudio extends PcmFormat {
  bitsPerSample: number;
  /** 1 = integer PCM, 3 = IEEE float. */
  audioFormat: number;
  /** The raw sample bytes of the `data` chunk. */
  data: Uint8Array;
}

import { base64ToBytes, bytesToBase64 } from './base64';

export { base64ToBytes, bytesToBase64 };

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

export function concatFloat32(parts: readonly Float32Array[]): Float32Array<ArrayBuffer> {
  const out = new Float32Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Little-endian signed 16-bit samples → floats in [-1, 1). A trailing odd byte is ignored (see createPcm16Decoder). */
export function pcm16ToFloat32(bytes: Uint8Array): Float32Array<ArrayBuffer> {
  const count = bytes.length >> 1;
  const view = new DataView(bytes.buffer, bytes.byteOffset, count * 2);
  const out = new Float32Array(count);
  for (let i = 0; i < count; i += 1) out[i] = view.getInt16(i * 2, true) / 32768;
  return out;
}

/** Floats → little-endian signed 16-bit PCM, clipped. */
export function float32ToPcm16(samples: Float32Array): Uint8Array {
  const out = new Uint8Array(samples.length * 2);
  const view = new DataView(out.buffer);
  for (let i = 0; i < samples.length; i += 1) {
    const clipped = Math.max(-1, Math.min(1, samples[i] ?? 0));
    view.setInt16(i * 2, Math.round(clipped < 0 ? clipped * 32768 : clipped * 32767), true);
  }
  return out;
}

/**
 * Decodes a stream of base64 PCM s16le chunks. A provider may cut a chunk in the middle of a sample: the odd byte is
 * carried into the next chunk instead of shifting every later sample by one byte (which would play as loud noise).
 */
export function createPcm16Decoder(): { decode(base64: string): Float32Array<ArrayBuffer> } {
  let carry: number | null = null;
  return {
    decode(base64) {
      let bytes = base64ToBytes(base64);
      if (carry !== null) {
        const joined = new Uint8Array(bytes.length + 1);
        joined[0] = carry;
        joined.set(bytes, 1);
        bytes = joined;
        carry = null;
      }
      if (bytes.length % 2 === 1) carry = bytes[bytes.length - 1] ?? 0;
      return pcm16ToFloat32(bytes);
    },
  };
}

const ascii = (bytes: Uint8Array, offset: number, length: number) =>
  String.fromCharCode(...bytes.subarray(offset, offset + length));

/** Parses a RIFF/WAVE file (PCM or float). Throws on anything else: undecodable audio must fail loudly, not play noise. */
export function parseWav(bytes: Uint8Array): WavAudio {
  if (bytes.length < 12 || ascii(bytes, 0, 4) !== 'RIFF' || ascii(bytes, 8, 4) !== 'WAVE') {
    throw new Error('Not a WAV file');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let format: Omit<WavAudio, 'data'> | null = null;
  let offset = 12;
  while (offset + 8 <= bytes.length) {
    const id = ascii(bytes, offset, 4);
    const declared = view.getUint32(offset + 4, true);
    const body = offset + 8;
    if (id === 'fmt ') {
      if (declared < 16) throw new Error('WAV fmt chunk too short');
      format = {
        audioFormat: view.getUint16(body, true),
        channels: view.getUint16(body + 2, true),
        sampleRate: view.getUint32(body + 4, true),
        bitsPerSample: view.getUint16(body + 14, true),
      };
    } else if (id === 'data') {
      if (!format) throw new Error('WAV data chunk before fmt chunk');
      // Streaming writers (espeak-ng --stdout, ffmpeg to a pipe) leave the size at 0 or 0xFFFFFFFF: take the rest.
      const size = declared === 0 || declared === 0xffffffff || body + declared > bytes.length ? bytes.length - body : declared;
      return { ...format, data: bytes.subarray(body, body + size) };
    }
    // Chunks are padded to an even size.
    offset = body + declared + (declared % 2);
  }
  throw new Error('WAV file has no data chunk');
}

/** A 44-byte-header PCM s16le WAV around `pcm`. */
export function buildWav(pcm: Uint8Array, { sampleRate, channels }: PcmFormat): Uint8Array {
  const out = new Uint8Array(44 + pcm.length);
  const view = new DataView(out.buffer);
  const writeAscii = (offset: number, text: string) => {
    for (let i = 0; i < text.length; i += 1) out[offset + i] = text.charCodeAt(i);
  };
  writeAscii(0, 'RIFF');
  view.setUint32(4, 36 + pcm.length, true);
  writeAscii(8, 'WAVE');
  writeAscii(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, channels, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * channels * 2, true);
  view.setUint16(32, channels * 2, true);
  view.setUint16(34, 16, true);
  writeAscii(36, 'data');
  view.setUint32(40, pcm.length, true);
  out.set(pcm, 44);
  return out;
}

/** Seconds of audio in `byteLength` bytes of PCM s16le. */
export function pcm16Duration(byteLength: number, { sampleRate, channels }: PcmFormat): number {
  return byteLength / 2 / channels / sampleRate;
}
