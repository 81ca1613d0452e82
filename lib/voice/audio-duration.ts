/**
 * How long a recording lasts, read from its container without decoding: WAV (exact, from the header), Ogg (the last
 * page's granule position), WebM (the Duration element, or the latest block's timestamp: MediaRecorder writes no
 * Duration), MP3 (its frames counted; bytes that are no frame counted as the lowest bitrate, so that a low-bitrate or
 * padded file cannot pass hours of speech under the byte cap) and MP4 (the movie header's duration; a fragmented file
 * that declares none returns null: the client stops recording at the cap and the byte cap bounds the rest).
 */
export function audioDurationSeconds(bytes: Uint8Array, type: string): number | null {
  try {
    if (/wav|wave/.test(type)) return wavSeconds(bytes);
    if (type.includes('ogg')) return oggSeconds(bytes);
    if (type.includes('webm')) return webmSeconds(bytes);
    if (type.includes('mpeg')) return mp3Seconds(bytes);
    if (type.includes('mp4')) return mp4Seconds(bytes);
  } catch {
    // A container we cannot walk is left to the provider, which answers 400 for undecodable audio.
  }
  return null;
}

const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
const ascii = (bytes: Uint8Array, offset: number, length: number) => String.fromCharCode(...bytes.subarray(offset, offset + length));

function wavSeconds(bytes: Uint8Array): number | null {
  if (bytes.length < 12 || ascii(bytes, 0, 4) !== 'RIFF' || ascii(bytes, 8, 4) !== 'WAVE') return null;
  const data = view(bytes);
  let byteRate = 0;
  for (let offset = 12; offset + 8 <= bytes.length; ) {
    const id = ascii(bytes, offset, 4);
    const size = data.getUint32(offset + 4, true);
    if (id === 'fmt ' && offset + 16 <= bytes.length) byteRate = data.getUint32(offset + 16, true);
    if (id === 'data') {
      if (!byteRate) return null;
      // Streaming writers put 0 or 0xFFFFFFFF here: then the samples run to the end of the upload.
      const available = bytes.length - offset - 8;
      const length = size === 0 || size > available ? available : size;
      return length / byteRate;
    }
    offset += 8 + size + (size % 2);
  }
  return null;
}

function oggSeconds(bytes: Uint8Array): number | null {
  if (ascii(bytes, 0, 4) !== 'OggS') return null;
  const data = view(bytes);
  const firstPacket = 27 + (bytes[26] ?? 0);
  let rate = 0;
  let preSkip = 0;
  if (ascii(bytes, firstPacket, 8) === 'OpusHead') {
    // Opus granule positions always count 48 kHz samples, whatever the input rate.
    rate = 48_000;
    preSkip = data.getUint16(firstPacket + 10, true);
  } else if (ascii(bytes, firstPacket, 7) === '\u0001vorbis') {
    rate = data.getUint32(firstPacket + 12, true);
  }
  if (!rate) return null;
  for (let offset = bytes.length - 27; offset >= 0; offset--) {
    if (bytes[offset] !== 0x4f || ascii(bytes, offset, 4) !== 'OggS' || bytes[offset + 4] !== 0) continue;
    const granule = data.getBigInt64(offset + 6, true);
    // -1: no packet ends on this page; look further back.
    if (granule >= 0n) return Math.max(0, Number(granule) - preSkip) / rate;
  }
  return null;
}

const EBML = {
  header: 0x1a45dfa3,
  segment: 0x18538067,
  info: 0x1549a966,
  timecodeScale: 0x2ad7b1,
  duration: 0x4489,
  cluster: 0x1f43b675,
  timecode: 0xe7,
  simpleBlock: 0xa3,
  blockGroup: 0xa0,
  block: 0xa1,
} as const;

/** Elements whose children are walked; everything else of known size is skipped. */
const CONTAINERS = new Set<number>([EBML.segment, EBML.info, EBML.cluster, EBML.blockGroup]);

function webmSeconds(bytes: Uint8Array): number | null {
  const data = view(bytes);
  let scale = 1_000_000; // ns per tick (the Matroska default)
  let declared = 0;
  let clusterTime = 0;
  let latest = 0;
  let sawBlock = false;
  let offset = 0;
  while (offset < bytes.length) {
    const id = readVint(bytes, offset, true);
    if (!id) break;
    const size = readVint(bytes, offset + id.length, false);
    if (!size) break;
    const start = offset + id.length + size.length;
    const known = size.value !== -1;
    const end = known ? start + size.value : bytes.length;
    if (id.value === EBML.timecodeScale && known) scale = readUint(bytes, start, size.value);
    else if (id.value === EBML.duration && known) declared = size.value === 4 ? data.getFloat32(start) : data.getFloat64(start);
    else if (id.value === EBML.timecode && known) clusterTime = readUint(bytes, start, size.value);
    else if ((id.value === EBML.simpleBlock || id.value === EBML.block) && known) {
      const track = readVint(bytes, start, false);
      if (track && start + track.length + 2 <= bytes.length) {
        latest = Math.max(latest, clusterTime + data.getInt16(start + track.length));
        sawBlock = true;
      }
    }
    // Walk into containers (and live-written elements of unknown size); step over everything else.
    offset = CONTAINERS.has(id.value) || !known ? start : end;
    if (offset > bytes.length) break;
  }
  if (!declared && !sawBlock) return null;
  return (Math.max(declared, latest) * scale) / 1e9;
}

/** An EBML variable-length integer: IDs keep their length marker, sizes drop it (all ones = unknown size → -1). */
function readVint(bytes: Uint8Array, offset: number, keepMarker: boolean): { value: number; length: number } | null {
  const first = bytes[offset];
  if (first === undefined || first === 0) return null;
  const length = Math.clz32(first) - 23;
  if (length > 8 || offset + length > bytes.length) return null;
  let value = keepMarker ? first : first & (0xff >> length);
  let allOnes = value === (0xff >> length);
  for (let i = 1; i < length; i++) {
    const byte = bytes[offset + i] ?? 0;
    value = value * 256 + byte;
    allOnes &&= byte === 0xff;
  }
  return { value: !keepMarker && allOnes ? -1 : value, length };
}

function readUint(bytes: Uint8Array, offset: number, length: number): number {
  let value = 0;
  for (let i = 0; i < length; i++) value = value * 256 + (bytes[offset + i] ?? 0);
  return value;
}

const MP3_BITRATES = {
  v1: [
    [0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448],
    [0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384],
    [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  ],
  v2: [
    [0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256],
    [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
    [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
  ],
} as const;
const MP3_RATES: Record<number, readonly number[]> = { 3: [44_100, 48_000, 32_000], 2: [22_050, 24_000, 16_000], 0: [11_025, 12_000, 8_000] };
/** The lowest MPEG audio bitrate (8 kb/s), in bytes per second: what bytes that are no frame are counted as. */
const MP3_FLOOR_BYTES_PER_SECOND = 1_000;

/** One MPEG audio frame header at `offset`: its length in bytes and duration, or null. */
function mp3Frame(bytes: Uint8Array, offset: number): { length: number; seconds: number } | null {
  const [a, b, c] = [bytes[offset], bytes[offset + 1], bytes[offset + 2]];
  if (a !== 0xff || b === undefined || c === undefined || (b & 0xe0) !== 0xe0) return null;
  const version = (b >> 3) & 3; // 3: MPEG-1, 2: MPEG-2, 0: MPEG-2.5
  const layer = 4 - ((b >> 1) & 3); // 1, 2 or 3
  const rate = MP3_RATES[version]?.[(c >> 2) & 3];
  const kbps = (version === 3 ? MP3_BITRATES.v1 : MP3_BITRATES.v2)[layer - 1]?.[c >> 4];
  if (version === 1 || layer === 4 || !rate || !kbps) return null;
  const padding = (c >> 1) & 1;
  const samples = layer === 1 ? 384 : layer === 3 && version !== 3 ? 576 : 1152;
  const length = layer === 1 ? (Math.floor((12 * kbps * 1000) / rate) + padding) * 4 : Math.floor(((samples / 8) * kbps * 1000) / rate) + padding;
  return { length, seconds: samples / rate };
}

function mp3Seconds(bytes: Uint8Array): number | null {
  let offset = 0;
  // ID3v2 tags (size as four 7-bit bytes, a footer when flagged).
  while (offset + 10 <= bytes.length && ascii(bytes, offset, 3) === 'ID3') {
    const size = bytes.subarray(offset + 6, offset + 10).reduce((total, byte) => total * 128 + (byte & 0x7f), 0);
    offset += 10 + size + ((bytes[offset + 5] ?? 0) & 0x10 ? 10 : 0);
  }
  let seconds = 0;
  let unread = 0;
  let frames = 0;
  while (offset < bytes.length) {
    const frame = offset + 4 <= bytes.length ? mp3Frame(bytes, offset) : null;
    if (!frame) {
      // On to the next possible sync byte.
      const next = bytes.indexOf(0xff, offset + 1);
      const to = next === -1 ? bytes.length : next;
      unread += to - offset;
      offset = to;
      continue;
    }
    seconds += frame.seconds;
    frames += 1;
    offset += frame.length;
  }
  if (frames === 0) return null;
  return seconds + unread / MP3_FLOOR_BYTES_PER_SECOND;
}

/** The movie header's duration (moov → mvhd), or null when it declares none (a fragmented recording). */
function mp4Seconds(bytes: Uint8Array): number | null {
  const data = view(bytes);
  /** The body of the first box named `name` between `start` and `end`, or null. */
  const box = (start: number, end: number, name: string): { body: number; end: number } | null => {
    for (let offset = start; offset + 8 <= end; ) {
      let size = data.getUint32(offset);
      let header = 8;
      if (size === 1 && offset + 16 <= end) {
        size = Number(data.getBigUint64(offset + 8));
        header = 16;
      } else if (size === 0) size = end - offset;
      if (size < header) return null;
      if (ascii(bytes, offset + 4, 4) === name) return { body: offset + header, end: Math.min(end, offset + size) };
      offset += size;
    }
    return null;
  };
  const moov = box(0, bytes.length, 'moov');
  const found = moov && box(moov.body, moov.end, 'mvhd');
  if (!found || found.body + 32 > bytes.length) return null;
  const mvhd = found.body;
  const version = bytes[mvhd];
  const timescale = data.getUint32(mvhd + (version === 1 ? 20 : 12));
  const duration = version === 1 ? Number(data.getBigUint64(mvhd + 24)) : data.getUint32(mvhd + 16);
  return timescale && duration ? duration / timescale : null;
}
