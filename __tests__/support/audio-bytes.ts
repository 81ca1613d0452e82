/**
 * The first bytes of real recordings, byte for byte as the encoders write them, padded to a length: what
 * /api/v1/transcribe must accept (the server sniffs the format from them, lib/voice/audio-format.ts).
 */

const text = (value: string) => [...value].map((char) => char.charCodeAt(0));
const le = (value: number, size: number) => Array.from({ length: size }, (_, i) => Number((BigInt(value) >> BigInt(8 * i)) & 0xffn));

/** Chrome's and Firefox's MediaRecorder (`audio/webm;codecs=opus`): the EBML header, then a Segment of unknown size. */
export const WEBM_HEAD = [
  0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0xf7, 0x81, 0x01, 0x42, 0xf2, 0x81, 0x04, 0x42, 0xf3, 0x81, 0x08, 0x42, 0x82,
  0x84, ...text('webm'), 0x42, 0x87, 0x81, 0x04, 0x42, 0x85, 0x81, 0x02, 0x18, 0x53, 0x80, 0x67, 0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
];

/** Firefox's `audio/ogg;codecs=opus`: the first page, holding the OpusHead packet. */
export const OGG_HEAD = [...text('OggS'), 0, 2, ...le(0, 8), ...le(0x1234, 4), ...le(0, 4), ...le(0, 4), 1, 19, ...text('OpusHead'), 1, 1, ...le(312, 2), ...le(48_000, 4), 0, 0, 0];

/** Safari's `audio/mp4`: the ftyp box (brand iso5) MediaRecorder writes first. */
export const MP4_HEAD = [0, 0, 0, 0x1c, ...text('ftypiso5'), 0, 0, 2, 0, ...text('iso5iso6mp41')];

/** An MP3 from ffmpeg (LAME): an ID3v2.4 tag. */
export const MP3_ID3_HEAD = [...text('ID3'), 4, 0, 0, 0, 0, 0, 0x23];

/** An MP3 without a tag: a MPEG-1 Layer III frame header, 128 kb/s, 44.1 kHz. */
export const MP3_FRAME_HEAD = [0xff, 0xfb, 0x90, 0x64];

/** A 16-bit mono PCM WAV header at 8 kHz for `dataBytes` of samples. */
export function wavHead(dataBytes: number): number[] {
  return [...text('RIFF'), ...le(36 + dataBytes, 4), ...text('WAVEfmt '), ...le(16, 4), ...le(1, 2), ...le(1, 2), ...le(8_000, 4), ...le(16_000, 4), ...le(2, 2), ...le(16, 2), ...text('data'), ...le(dataBytes, 4)];
}

/** `head` followed by filler up to `length` bytes (at least the head). */
export function recording(head: number[], length = 2_000, fill = 7): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(Math.max(length, head.length)).fill(fill);
  bytes.set(head);
  return bytes;
}

/** A WebM recording of `length` bytes, as the app's own recorder sends it. */
export const webmRecording = (length = 2_000) => recording(WEBM_HEAD, length);
