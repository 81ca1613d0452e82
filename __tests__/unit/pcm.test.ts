import {
  base64ToBytes,
  buildWav,
  bytesToBase64,
  concatBytes,
  concatFloat32,
  createPcm16Decoder,
  float32ToPcm16,
  parseWav,
  pcm16Duration,
  pcm16ToFloat32,
} from '@/lib/voice/pcm';

/** Little-endian int16 bytes for the given sample values. */
function int16Bytes(values: number[]): Uint8Array {
  const out = new Uint8Array(values.length * 2);
  const view = new DataView(out.buffer);
  values.forEach((value, i) => view.setInt16(i * 2, value, true));
  return out;
}

describe('PCM s16le', () => {
  it('decodes base64 PCM into floats in [-1, 1)', () => {
    const base64 = Buffer.from(int16Bytes([0, 16384, -16384, 32767, -32768])).toString('base64');
    expect(Array.from(pcm16ToFloat32(base64ToBytes(base64)))).toEqual([0, 0.5, -0.5, 32767 / 32768, -1]);
  });

  it('round-trips bytes through base64, including large buffers', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 7) % 256);
    const base64 = bytesToBase64(bytes);
    expect(base64).toBe(Buffer.from(bytes).toString('base64'));
    expect(base64ToBytes(base64)).toEqual(bytes);
  });

  it('round-trips floats through PCM within one step, clipping out-of-range values', () => {
    const samples = new Float32Array([0, 0.25, -0.75, 1.5, -2]);
    const back = pcm16ToFloat32(float32ToPcm16(samples));
    expect(back[0]).toBe(0);
    expect(back[1]).toBeCloseTo(0.25, 4);
    expect(back[2]).toBeCloseTo(-0.75, 4);
    expect(back[3]).toBeCloseTo(1, 4);
    expect(back[4]).toBe(-1);
  });

  it('carries a sample split across two chunks instead of shifting the rest', () => {
    const bytes = int16Bytes([1000, -2000, 3000]);
    const decoder = createPcm16Decoder();
    const first = decoder.decode(Buffer.from(bytes.subarray(0, 3)).toString('base64'));
    const second = decoder.decode(Buffer.from(bytes.subarray(3)).toString('base64'));
    expect(Array.from(concatFloat32([first, second])).map((v) => Math.round(v * 32768))).toEqual([1000, -2000, 3000]);
    expect(first.length).toBe(1);
    expect(second.length).toBe(2);
  });

  it('concatenates bytes and floats in order', () => {
    expect(Array.from(concatBytes([new Uint8Array([1, 2]), new Uint8Array([]), new Uint8Array([3])]))).toEqual([1, 2, 3]);
    expect(Array.from(concatFloat32([new Float32Array([0.5]), new Float32Array([-0.5, 0])]))).toEqual([0.5, -0.5, 0]);
  });

  it('computes durations', () => {
    expect(pcm16Duration(48_000, { sampleRate: 24_000, channels: 1 })).toBe(1);
    expect(pcm16Duration(48_000, { sampleRate: 24_000, channels: 2 })).toBe(0.5);
  });
});

describe('WAV', () => {
  it('builds a canonical 44-byte header and parses it back', () => {
    const pcm = int16Bytes([1, 2, 3, 4]);
    const wav = buildWav(pcm, { sampleRate: 24_000, channels: 1 });
    expect(wav.length).toBe(44 + pcm.length);
    expect(Buffer.from(wav.subarray(0, 4)).toString('ascii')).toBe('RIFF');
    const view = new DataView(wav.buffer);
    expect(view.getUint32(4, true)).toBe(36 + pcm.length);
    expect(view.getUint32(28, true)).toBe(48_000); // byte rate
    expect(parseWav(wav)).toEqual({ audioFormat: 1, channels: 1, sampleRate: 24_000, bitsPerSample: 16, data: pcm });
  });

  it('skips unknown chunks (LIST) and accepts the streaming size 0xFFFFFFFF', () => {
    const pcm = int16Bytes([5, 6]);
    const wav = buildWav(pcm, { sampleRate: 22_050, channels: 1 });
    const list = new Uint8Array([...Buffer.from('LIST'), 3, 0, 0, 0, 1, 2, 3, 0]);
    const withList = concatBytes([wav.subarray(0, 36), list, wav.subarray(36)]);
    new DataView(withList.buffer).setUint32(36 + list.length + 4, 0xffffffff, true);
    const parsed = parseWav(withList);
    expect(parsed.sampleRate).toBe(22_050);
    expect(parsed.data).toEqual(pcm);
  });

  it('rejects what is not a WAV file', () => {
    expect(() => parseWav(new Uint8Array([1, 2, 3]))).toThrow('Not a WAV file');
    const noData = buildWav(new Uint8Array(), { sampleRate: 8000, channels: 1 }).subarray(0, 36);
    expect(() => parseWav(noData)).toThrow('no data chunk');
  });
});
