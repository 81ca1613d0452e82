/** @jest-environment node */
import { audioDurationSeconds } from '@/lib/voice/audio-duration';

const bytes = (...parts: Array<number[] | Uint8Array>) => Uint8Array.from(parts.flatMap((part) => [...part]));
const text = (value: string) => [...value].map((char) => char.charCodeAt(0));
const le = (value: number, size: number) => Array.from({ length: size }, (_, i) => Number((BigInt(value) >> BigInt(8 * i)) & 0xffn));
const be = (value: number, size: number) => le(value, size).reverse();

/** One Ogg page: header (granule position, one segment) and its packet. */
function oggPage(granule: number, packet: number[]): number[] {
  return [...text('OggS'), 0, 0, ...le(granule, 8), ...le(1, 4), ...le(0, 4), ...le(0, 4), 1, packet.length, ...packet];
}

/** An EBML element with a one-byte size, or unknown size (MediaRecorder writes Segment and Cluster so). */
function element(id: number[], body: number[], unknownSize = false): number[] {
  return [...id, ...(unknownSize ? [0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff] : [0x80 | body.length]), ...body];
}

function webm({ duration, clusters }: { duration?: number; clusters: Array<{ time: number; blocks: number[] }> }): Uint8Array {
  const info = element([0x15, 0x49, 0xa9, 0x66], [...element([0x2a, 0xd7, 0xb1], be(1_000_000, 3)), ...(duration ? element([0x44, 0x89], [...new Uint8Array(new Float64Array([duration]).buffer)].reverse()) : [])]);
  const body = clusters.flatMap(({ time, blocks }) =>
    element([0x1f, 0x43, 0xb6, 0x75], [...element([0xe7], be(time, 2)), ...blocks.flatMap((offset) => element([0xa3], [0x81, ...be(offset, 2), 0x80, 1, 2, 3]))], true),
  );
  return bytes(element([0x1a, 0x45, 0xdf, 0xa3], [0x42, 0x86, 0x81, 0x01]), element([0x18, 0x53, 0x80, 0x67], [...info, ...body], true));
}

describe('audioDurationSeconds', () => {
  it('reads a WAV exactly from its header, also with a streaming (unknown) data size', () => {
    const header = (dataSize: number) => [...text('RIFF'), ...le(36 + dataSize, 4), ...text('WAVEfmt '), ...le(16, 4), ...le(1, 2), ...le(1, 2), ...le(8_000, 4), ...le(16_000, 4), ...le(2, 2), ...le(16, 2), ...text('data'), ...le(dataSize, 4)];
    expect(audioDurationSeconds(bytes(header(32_000), new Uint8Array(32_000)), 'audio/wav')).toBe(2);
    expect(audioDurationSeconds(bytes(header(0xffffffff), new Uint8Array(8_000)), 'audio/x-wav')).toBe(0.5);
  });

  it('reads Ogg Opus from the last granule position, less the pre-skip', () => {
    const opusHead = [...text('OpusHead'), 1, 1, ...le(312, 2), ...le(48_000, 4), 0, 0, 0];
    const ogg = bytes(oggPage(0, opusHead), oggPage(48_000 * 3 + 312, [1, 2, 3]), oggPage(-1, [4]));
    expect(audioDurationSeconds(ogg, 'audio/ogg')).toBe(3);
  });

  it('reads WebM from its Duration, or from the latest block when MediaRecorder wrote none', () => {
    expect(audioDurationSeconds(webm({ duration: 4_500, clusters: [{ time: 0, blocks: [0, 20] }] }), 'audio/webm')).toBeCloseTo(4.5);
    const live = webm({ clusters: [{ time: 0, blocks: [0, 20, 40] }, { time: 5_000, blocks: [0, 20] }, { time: 10_000, blocks: [0, 60] }] });
    expect(audioDurationSeconds(live, 'audio/webm;codecs=opus')).toBeCloseTo(10.06);
  });

  it('returns null for formats it does not read and for garbage', () => {
    expect(audioDurationSeconds(new Uint8Array(100).fill(7), 'audio/webm')).toBeNull();
    expect(audioDurationSeconds(new Uint8Array(100).fill(7), 'audio/wav')).toBeNull();
    expect(audioDurationSeconds(new Uint8Array(100).fill(7), 'audio/ogg')).toBeNull();
    expect(audioDurationSeconds(new Uint8Array(100).fill(7), 'audio/mp4')).toBeNull();
  });
});
