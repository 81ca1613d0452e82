/**
 * Finds the PCM inside a streamed WAV: parses the RIFF header as bytes arrive and reports where the samples start.
 * Streaming writers (espeak-ng --stdout) cannot know the length up front and write 0 or 0xFFFFFFFF as the data size,
 * so the data chunk is taken to run to the end of the stream.
 */
export interface WavInfo {
  sampleRate: number;
  channels: number;
  bitsPerSample: number;
  /** Offset of the first sample byte. */
  dataOffset: number;
}

/** null while more bytes are needed; throws when the bytes are not a PCM WAV. */
export function parseWavHeader(bytes: Uint8Array): WavInfo | null {
  if (bytes.length < 12) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (ascii(bytes, 0) !== 'RIFF' || ascii(bytes, 8) !== 'WAVE') throw new Error('not a WAV stream');
  let offset = 12;
  let format: Omit<WavInfo, 'dataOffset'> | null = null;
  while (offset + 8 <= bytes.length) {
    const id = ascii(bytes, offset);
    const size = view.getUint32(offset + 4, true);
    if (id === 'data') {
      if (!format) throw new Error('WAV data before its fmt chunk');
      return { ...format, dataOffset: offset + 8 };
    }
    if (offset + 8 + size > bytes.length) return null;
    if (id === 'fmt ') {
      const encoding = view.getUint16(offset + 8, true);
      if (encoding !== 1) throw new Error(`WAV encoding ${encoding} is not PCM`);
      format = { channels: view.getUint16(offset + 10, true), sampleRate: view.getUint32(offset + 12, true), bitsPerSample: view.getUint16(offset + 22, true) };
    }
    offset += 8 + size + (size % 2);
  }
  return null;
}

function ascii(bytes: Uint8Array, offset: number): string {
  return String.fromCharCode(...bytes.subarray(offset, offset + 4));
}
