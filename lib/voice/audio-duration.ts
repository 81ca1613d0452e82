/**
 * How long a recording lasts, read from its container without decoding: WAV (exact, from the header), Ogg (the last
 * page's granule position; for Opus at least its packets' summed lengths), WebM (the Duration element, or the latest block's timestamp: MediaRecorder writes no
 * Duration; for Opus at least the sum of its packets' lengths, read from their TOC bytes), MP3 (its frames counted; bytes that are no frame counted as the lowest bitrate, so that a low-bitrate or
 * padded file cannot pass hours of speech under the byte cap) and MP4 (the movie header's duration, or the sum of a
 * fragmented recording's fragments; NaN when its fragments cannot be measured: the caller refuses it).
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
  // An Opus stream lasts at least as long as its packets play: a last granule written small hides nothing.
  const played = ascii(bytes, firstPacket, 8) === 'OpusHead' ? oggOpusPacketsMs(bytes) / 1000 : 0;
  for (let offset = bytes.length - 27; offset >= 0; offset--) {
    if (bytes[offset] !== 0x4f || ascii(bytes, offset, 4) !== 'OggS' || bytes[offset + 4] !== 0) continue;
    const granule = data.getBigInt64(offset + 6, true);
    // -1: no packet ends on this page; look further back.
    if (granule >= 0n) return Math.max(played, Math.max(0, Number(granule) - preSkip) / rate);
  }
  return played || null;
}

/** The summed play time of an Ogg Opus stream's audio packets (after OpusHead and OpusTags), from their TOC bytes. */
function oggOpusPacketsMs(bytes: Uint8Array): number {
  let ms = 0;
  let packets = 0;
  for (let offset = 0; offset + 27 <= bytes.length && ascii(bytes, offset, 4) === 'OggS'; ) {
    const segments = bytes[offset + 26] ?? 0;
    let body = offset + 27 + segments;
    // A page flagged "continued" begins inside the previous page's last packet.
    let startsPacket = ((bytes[offset + 5] ?? 0) & 1) === 0;
    for (let i = 0; i < segments; i++) {
      const lacing = bytes[offset + 27 + i] ?? 0;
      if (startsPacket && lacing > 0) {
        if (packets >= 2) ms += opusPacketMs(bytes, body);
        packets += 1;
      }
      body += lacing;
      startsPacket = lacing < 255;
    }
    offset = body;
  }
  return ms;
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
  tracks: 0x1654ae6b,
  trackEntry: 0xae,
  codecId: 0x86,
} as const;

/** Elements whose children are walked; everything else of known size is skipped. */
const CONTAINERS = new Set<number>([EBML.segment, EBML.info, EBML.tracks, EBML.trackEntry, EBML.cluster, EBML.blockGroup]);

/**
 * How long an Opus packet plays, in ms, from its TOC byte (RFC 6716 §3.1): the frame size its configuration names
 * times its frame count. Whatever timestamps a file writes, a decoder plays every packet for this long.
 */
function opusPacketMs(bytes: Uint8Array, offset: number): number {
  const toc = bytes[offset];
  if (toc === undefined) return 0;
  const config = toc >> 3;
  const frameMs = config < 12 ? [10, 20, 40, 60][config % 4]! : config < 16 ? [10, 20][config % 2]! : [2.5, 5, 10, 20][config % 4]!;
  const code = toc & 3;
  const frames = code === 0 ? 1 : code < 3 ? 2 : (bytes[offset + 1] ?? 0) & 0x3f;
  return frames * frameMs;
}

function webmSeconds(bytes: Uint8Array): number | null {
  const data = view(bytes);
  let scale = 1_000_000; // ns per tick (the Matroska default)
  let declared = 0;
  let clusterTime = 0;
  let latest = 0;
  let sawBlock = false;
  let opus = false;
  let opusMs = 0;
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
    else if (id.value === EBML.codecId && known) opus ||= ascii(bytes, start, size.value) === 'A_OPUS';
    else if ((id.value === EBML.simpleBlock || id.value === EBML.block) && known) {
      const track = readVint(bytes, start, false);
      if (track && start + track.length + 2 <= bytes.length) {
        latest = Math.max(latest, clusterTime + data.getInt16(start + track.length));
        sawBlock = true;
        // One packet per block unless laced (MediaRecorder does not lace): its own length, whatever the timestamps say.
        const flags = bytes[start + track.length + 2] ?? 0;
        if ((flags & 0x06) === 0 && start + track.length + 3 < end) opusMs += opusPacketMs(bytes, start + track.length + 3);
      }
    }
    // Walk into containers (and live-written elements of unknown size); step over everything else.
    offset = CONTAINERS.has(id.value) || !known ? start : end;
    if (offset > bytes.length) break;
  }
  if (!declared && !sawBlock) return null;
  // An Opus track lasts at least as long as its packets play: timestamps written small cannot hide minutes of speech.
  return Math.max((Math.max(declared, latest) * scale) / 1e9, opus ? opusMs / 1000 : 0);
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

/**
 * One MPEG audio frame header at `offset`: its length in bytes, its duration, and which stream it belongs to (its
 * version, layer and sample rate, which every frame of one stream shares), or null.
 */
export function mp3Frame(bytes: Uint8Array, offset: number): { length: number; seconds: number; stream: number } | null {
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
  return { length, seconds: samples / rate, stream: ((b & 0x1e) << 8) | (c & 0x0c) };
}

/** Where the ID3v2 tags an MP3 starts with end (size as four 7-bit bytes, a footer when flagged); may be past the end. */
export function afterId3v2Tags(bytes: Uint8Array): number {
  let offset = 0;
  while (offset + 10 <= bytes.length && ascii(bytes, offset, 3) === 'ID3') {
    const size = bytes.subarray(offset + 6, offset + 10).reduce((total, byte) => total * 128 + (byte & 0x7f), 0);
    offset += 10 + size + ((bytes[offset + 5] ?? 0) & 0x10 ? 10 : 0);
  }
  return offset;
}

function mp3Seconds(bytes: Uint8Array): number | null {
  let offset = afterId3v2Tags(bytes);
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

/** The body of the first box named `name` between `start` and `end`, or null. */
function mp4Box(bytes: Uint8Array, start: number, end: number, name: string): { body: number; end: number } | null {
  return mp4Boxes(bytes, start, end).find((box) => box.type === name) ?? null;
}

/** The boxes between `start` and `end`, in order (a box past `end` is cut at it; a broken size ends the list). */
function mp4Boxes(bytes: Uint8Array, start: number, end: number): Array<{ type: string; body: number; end: number }> {
  const data = view(bytes);
  const boxes: Array<{ type: string; body: number; end: number }> = [];
  for (let offset = start; offset + 8 <= end; ) {
    let size = data.getUint32(offset);
    let header = 8;
    if (size === 1 && offset + 16 <= end) {
      size = Number(data.getBigUint64(offset + 8));
      header = 16;
    } else if (size === 0) size = end - offset;
    if (size < header) break;
    boxes.push({ type: ascii(bytes, offset + 4, 4), body: offset + header, end: Math.min(end, offset + size) });
    offset += size;
  }
  return boxes;
}

/**
 * An MP4's length: the movie header's duration (moov → mvhd), or for a fragmented recording (Safari's MediaRecorder:
 * mvhd declares 0, the samples are in moof fragments) the sum of its fragments' sample durations, per track in that
 * track's timescale (mdhd), the longest track counting. Null when it declares no duration and has no fragments;
 * FRAGMENTS_UNMEASURABLE (NaN) when it has fragments whose durations cannot be read.
 */
function mp4Seconds(bytes: Uint8Array): number | null {
  const data = view(bytes);
  const moov = mp4Box(bytes, 0, bytes.length, 'moov');
  const mvhd = moov && mp4Box(bytes, moov.body, moov.end, 'mvhd');
  let movieScale = 0;
  let declared = 0;
  if (mvhd && mvhd.body + 32 <= bytes.length) {
    const version = bytes[mvhd.body];
    movieScale = data.getUint32(mvhd.body + (version === 1 ? 20 : 12));
    const duration = version === 1 ? Number(data.getBigUint64(mvhd.body + 24)) : data.getUint32(mvhd.body + 16);
    if (movieScale && duration) declared = duration / movieScale;
  }
  const fragments = mp4Boxes(bytes, 0, bytes.length).filter((box) => box.type === 'moof');
  if (fragments.length === 0) return declared || null;
  const fragmented = fragmentSeconds(bytes, moov, movieScale, fragments);
  return Number.isNaN(fragmented) ? FRAGMENTS_UNMEASURABLE : Math.max(declared, fragmented);
}

/** What mp4Seconds answers for fragments whose durations cannot be read: such a recording is refused, not passed. */
export const FRAGMENTS_UNMEASURABLE = Number.NaN;

type Mp4Range = { body: number; end: number };

/** Sum of the fragments' sample durations in seconds (the longest track), or NaN when a duration cannot be read. */
function fragmentSeconds(bytes: Uint8Array, moov: Mp4Range | null, movieScale: number, fragments: Mp4Range[]): number {
  const data = view(bytes);
  const u32 = (offset: number) => (offset + 4 <= bytes.length ? data.getUint32(offset) : Number.NaN);
  const timescales = new Map<number, number>();
  const defaults = new Map<number, number>();
  /** Tracks of AAC (`mp4a`): every frame is 1024 samples whatever the file declares, so their count bounds the length. */
  const aac = new Set<number>();
  if (moov) {
    for (const trak of mp4Boxes(bytes, moov.body, moov.end).filter((box) => box.type === 'trak')) {
      const tkhd = mp4Box(bytes, trak.body, trak.end, 'tkhd');
      const mdia = mp4Box(bytes, trak.body, trak.end, 'mdia');
      const mdhd = mdia && mp4Box(bytes, mdia.body, mdia.end, 'mdhd');
      if (!tkhd || !mdhd) continue;
      const trackId = u32(tkhd.body + (bytes[tkhd.body] === 1 ? 20 : 12));
      const scale = u32(mdhd.body + (bytes[mdhd.body] === 1 ? 20 : 12));
      if (scale > 0) timescales.set(trackId, scale);
      const minf = mdia && mp4Box(bytes, mdia.body, mdia.end, 'minf');
      const stbl = minf && mp4Box(bytes, minf.body, minf.end, 'stbl');
      const stsd = stbl && mp4Box(bytes, stbl.body, stbl.end, 'stsd');
      // Its first sample entry (after version, flags and the entry count).
      if (stsd && ascii(bytes, stsd.body + 12, 4) === 'mp4a') aac.add(trackId);
    }
    const mvex = mp4Box(bytes, moov.body, moov.end, 'mvex');
    for (const trex of mvex ? mp4Boxes(bytes, mvex.body, mvex.end).filter((box) => box.type === 'trex') : []) {
      defaults.set(u32(trex.body + 4), u32(trex.body + 12));
    }
  }
  const ticks = new Map<number, number>();
  const frames = new Map<number, number>();
  for (const moof of fragments) {
    for (const traf of mp4Boxes(bytes, moof.body, moof.end).filter((box) => box.type === 'traf')) {
      const tfhd = mp4Box(bytes, traf.body, traf.end, 'tfhd');
      if (!tfhd) return Number.NaN;
      const flags = u32(tfhd.body) & 0xffffff;
      const trackId = u32(tfhd.body + 4);
      // Optional fields in order: base data offset (8), sample description index (4), then the default duration.
      const durationAt = tfhd.body + 8 + (flags & 0x1 ? 8 : 0) + (flags & 0x2 ? 4 : 0);
      // A duration of 0 says nothing of the length: as good as none.
      const fallback = (flags & 0x8 ? u32(durationAt) : defaults.get(trackId)) || undefined;
      let total = ticks.get(trackId) ?? 0;
      for (const trun of mp4Boxes(bytes, traf.body, traf.end).filter((box) => box.type === 'trun')) {
        const trunFlags = u32(trun.body) & 0xffffff;
        const count = u32(trun.body + 4);
        if (Number.isNaN(count)) return Number.NaN;
        frames.set(trackId, (frames.get(trackId) ?? 0) + count);
        let entry = trun.body + 8 + (trunFlags & 0x1 ? 4 : 0) + (trunFlags & 0x4 ? 4 : 0);
        if (trunFlags & 0x100) {
          const entrySize = 4 * [0x100, 0x200, 0x400, 0x800].filter((bit) => trunFlags & bit).length;
          // Entries the box does not hold are not read: a sample count past them is counted at the default (or refused).
          const listed = Math.min(count, Math.floor((trun.end - entry) / entrySize));
          for (let i = 0; i < listed; i++, entry += entrySize) {
            const duration = u32(entry);
            if (!duration) return Number.NaN;
            total += duration;
          }
          if (listed < count) {
            if (fallback === undefined || Number.isNaN(fallback)) return Number.NaN;
            total += (count - listed) * fallback;
          }
        } else {
          if (fallback === undefined || Number.isNaN(fallback)) return Number.NaN;
          total += count * fallback;
        }
      }
      ticks.set(trackId, total);
    }
  }
  let longest = 0;
  for (const [trackId, declared] of ticks) {
    const scale = timescales.get(trackId) ?? movieScale;
    if (!scale || Number.isNaN(declared)) return Number.NaN;
    const total = aac.has(trackId) ? Math.max(declared, (frames.get(trackId) ?? 0) * 1024) : declared;
    longest = Math.max(longest, total / scale);
  }
  return longest;
}
