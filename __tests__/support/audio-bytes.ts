/**
 * The first bytes of real recordings, byte for byte as the encoders write them, padded to a length: what
 * /api/v1/transcribe must accept (the server sniffs the format from them, lib/voice/audio-format.ts).
 */

const text = (value: string) => [...value].map((char) => char.charCodeAt(0));
const be = (value: number, size: number) => Array.from({ length: size }, (_, i) => Number((BigInt(value) >> BigInt(8 * (size - 1 - i))) & 0xffn));
const le = (value: number, size: number) => Array.from({ length: size }, (_, i) => Number((BigInt(value) >> BigInt(8 * i)) & 0xffn));

/** Chrome's and Firefox's MediaRecorder (`audio/webm;codecs=opus`): the EBML header, then a Segment of unknown size. */
export const WEBM_HEAD = [
  0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0xf7, 0x81, 0x01, 0x42, 0xf2, 0x81, 0x04, 0x42, 0xf3, 0x81, 0x08, 0x42, 0x82,
  0x84, ...text('webm'), 0x42, 0x87, 0x81, 0x04, 0x42, 0x85, 0x81, 0x02, 0x18, 0x53, 0x80, 0x67, 0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
];

/**
 * The CRC-32 of an Ogg page (polynomial 0x04c11db7, no reflection, its own CRC field taken as zero), bit by bit: written
 * apart from the server's table-driven one (lib/voice/audio-structure.ts), so that a slip in either shows.
 */
export function oggCrc(page: readonly number[]): number {
  let crc = 0;
  page.forEach((value, i) => {
    crc ^= (i >= 22 && i < 26 ? 0 : value) << 24;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x80000000 ? ((crc << 1) ^ 0x04c11db7) >>> 0 : (crc << 1) >>> 0;
  });
  return crc >>> 0;
}

/** An Ogg page (version 0) of stream 0x1234 holding `body` as one packet (or its continuation), with its CRC. */
export function oggPage(body: readonly number[], { flags = 0, granule = 0, sequence = 0 }: { flags?: number; granule?: number; sequence?: number } = {}): number[] {
  const lacing = [...Array<number>(Math.floor(body.length / 255)).fill(255), body.length % 255];
  const page = [...text('OggS'), 0, flags, ...le(granule, 8), ...le(0x1234, 4), ...le(sequence, 4), ...le(0, 4), lacing.length, ...lacing, ...body];
  page.splice(22, 4, ...le(oggCrc(page), 4));
  return page;
}

/** Firefox's `audio/ogg;codecs=opus`: the first page, holding the OpusHead packet. */
export const OGG_HEAD = oggPage([...text('OpusHead'), 1, 1, ...le(312, 2), ...le(48_000, 4), 0, 0, 0], { flags: 2 });

/** Safari's `audio/mp4`: the ftyp box (brand iso5) MediaRecorder writes first. */
export const MP4_HEAD = [0, 0, 0, 0x1c, ...text('ftypiso5'), 0, 0, 2, 0, ...text('iso5iso6mp41')];

/** An MP3 from ffmpeg (LAME): an ID3v2.4 tag. */
export const MP3_ID3_HEAD = [...text('ID3'), 4, 0, 0, 0, 0, 0, 0x23];

/** An MP3 without a tag: a MPEG-1 Layer III frame header, 128 kb/s, 44.1 kHz (417-byte frames of 26 ms). */
export const MP3_FRAME_HEAD = [0xff, 0xfb, 0x90, 0x64];

/** The lowest bitrate: a MPEG-2 Layer III frame header, 8 kb/s, 22.05 kHz, mono (26-byte frames of 26 ms). */
export const MP3_8KBPS_HEAD = [0xff, 0xf3, 0x10, 0xc4];

/** Frame lengths of the headers above, worked out by hand (ISO 11172-3: 144 × bitrate / rate; 72 × for MPEG-2). */
const MP3_FRAME_BYTES: ReadonlyArray<[readonly number[], number]> = [
  [MP3_FRAME_HEAD, 417],
  [MP3_8KBPS_HEAD, 26],
];

/** A 16-bit mono PCM WAV header at 8 kHz for `dataBytes` of samples. */
export function wavHead(dataBytes: number): number[] {
  return [...text('RIFF'), ...le(36 + dataBytes, 4), ...text('WAVEfmt '), ...le(16, 4), ...le(1, 2), ...le(1, 2), ...le(8_000, 4), ...le(16_000, 4), ...le(2, 2), ...le(16, 2), ...text('data'), ...le(dataBytes, 4)];
}

/** `head` followed by `fill` bytes up to `length` bytes (at least the head), as they come: junk after a header. */
export function withJunk(head: readonly number[], length = 2_000, fill = 7): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(Math.max(length, head.length)).fill(fill);
  bytes.set(head);
  return bytes;
}

/**
 * `head` followed by `fill` bytes up to `length` bytes (at least the head), in the structure of the head's container
 * where it has one, as the server checks it (lib/voice/audio-structure.ts): WebM's filler in a Void element, Ogg's in
 * pages of their own, MP4's in a `free` box, WAV's as its samples (the sizes in its header made to match), MP3's as
 * frames of the head's kind (after an ID3 head, its tag's body, then 128 kb/s frames), the last one cut at `length`.
 * Other heads (anything that is not audio) are followed by the bytes as they are.
 */
export function recording(head: readonly number[], length = 2_000, fill = 7): Uint8Array<ArrayBuffer> {
  const rest = Math.max(0, length - head.length);
  const filler = (count: number) => Array<number>(count).fill(fill);
  const starts = (prefix: readonly number[]) => prefix.every((value, i) => head[i] === value);
  if (starts(WEBM_HEAD) && rest >= 2) {
    // A Void element (0xEC) with a one-byte size when it fits, else an eight-byte one.
    return Uint8Array.from([...head, ...(rest - 2 < 127 ? [0xec, 0x80 | (rest - 2)] : [0xec, 0x01, ...be(rest - 9, 7)]), ...filler(rest - (rest - 2 < 127 ? 2 : 9))]);
  }
  if (starts(text('OggS')) && rest >= 28) {
    // A page is 27 bytes, a lacing value per 255 bytes of its body (and one more), and the body.
    const pageLength = (body: number) => 28 + body + Math.floor(body / 255);
    const pages: number[] = [];
    for (let left = rest, sequence = 1; left > 0; sequence++) {
      let body = left > 60_000 ? 50_000 : left - 28;
      while (body > 0 && pageLength(body) > left) body--;
      // No body fills exactly what is left (a lacing value more at each 255): an empty page first, then the rest.
      if (left <= 60_000 && pageLength(body) !== left) body = 0;
      pages.push(...oggPage(filler(body), { sequence }));
      left -= pageLength(body);
    }
    return Uint8Array.from([...head, ...pages]);
  }
  if (starts(MP4_HEAD) && rest >= 8) return Uint8Array.from([...head, ...be(rest, 4), ...text('free'), ...filler(rest - 8)]);
  if (starts(text('RIFF')) && head.length >= 44 && text('WAVE').every((value, i) => head[8 + i] === value)) {
    const bytes = withJunk(head, length, fill);
    const view = new DataView(bytes.buffer);
    // The samples run to the end: the data chunk (the last of the head) and the RIFF size say so.
    view.setUint32(4, bytes.length - 8, true);
    view.setUint32(head.length - 4, bytes.length - head.length, true);
    return bytes;
  }
  const id3 = starts(MP3_ID3_HEAD.slice(0, 3)) && head.length >= 10;
  const mp3 = MP3_FRAME_BYTES.find(([frameHead]) => starts(frameHead)) ?? (id3 ? MP3_FRAME_BYTES[0] : undefined);
  if (mp3) {
    const [frameHead, frameBytes] = mp3;
    // The tag's size is four 7-bit bytes.
    const tag = id3 ? head.slice(6, 10).reduce((total, byte) => total * 128 + (byte & 0x7f), 0) : 0;
    const bytes = id3 ? [...head, ...filler(tag)] : [...head, ...filler(frameBytes - head.length)];
    while (bytes.length < length) bytes.push(...frameHead, ...filler(frameBytes - frameHead.length));
    return Uint8Array.from(bytes.slice(0, Math.max(length, head.length)));
  }
  return withJunk(head, length, fill);
}

/** A WebM recording of `length` bytes, as the app's own recorder sends it. */
export const webmRecording = (length = 2_000, fill = 7) => recording(WEBM_HEAD, length, fill);
