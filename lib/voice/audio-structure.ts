import { AppError } from '@/lib/errors';
import { afterId3v2Tags, mp3Frame } from './audio-duration';

/**
 * Whether a whole recording is its container's structure, not a valid header followed by anything at all (the first
 * bytes are checked by lib/voice/audio-format.ts as they arrive; this walks the rest once the body is read, before any
 * paid provider call). Containers only, not codecs: WebM's elements (known IDs, sizes within the file), Ogg's pages
 * (contiguous, each with its CRC), WAV's chunks (within the RIFF size, nothing after it), MP4's top-level boxes (known
 * types, tiling the file), MP3's frames (a chain: each frame's header gives its length, which leads to the next header,
 * from after the ID3v2 tag to the end or the ID3v1/APE tag). What MediaRecorder writes in Chrome, Firefox and Safari,
 * and what LAME and ffmpeg write, passes.
 */
export function audioStructureProblem(bytes: Uint8Array, extension: string): string | null {
  if (extension === 'webm') return webmProblem(bytes);
  if (extension === 'ogg') return oggProblem(bytes);
  if (extension === 'wav') return wavProblem(bytes);
  if (extension === 'm4a') return mp4Problem(bytes);
  if (extension === 'mp3') return mp3Problem(bytes);
  return null;
}

/** A 415 when the recording's structure is broken (audioStructureProblem); the problem goes to the log only. */
export function assertAudioStructure(bytes: Uint8Array, extension: string): void {
  const problem = audioStructureProblem(bytes, extension);
  if (problem) {
    throw new AppError('unsupported_media_type:transcribe', 'The recording is damaged or has data in it that is not audio: send it as it was recorded.', {
      cause: problem,
    });
  }
}

const ascii = (bytes: Uint8Array, offset: number, length: number) => String.fromCharCode(...bytes.subarray(offset, offset + length));

/* ---------------------------------------------------------------- WebM ---------------------------------------------------------------- */

const SEGMENT = 0x18538067;
const CLUSTER = 0x1f43b675;
const VOID = 0xec;
const CRC32 = 0xbf;
/** Children of Segment (Matroska level 1). */
const SEGMENT_CHILDREN = new Set([0x114d9b74, 0x1549a966, 0x1654ae6b, CLUSTER, 0x1c53bb6b, 0x1043a770, 0x1254c367, 0x1941a469, VOID, CRC32]);
/** Children of Cluster: Timestamp, SilentTracks, Position, PrevSize, SimpleBlock, BlockGroup, EncryptedBlock. */
const CLUSTER_CHILDREN = new Set([0xe7, 0x5854, 0xa7, 0xab, 0xa3, 0xa0, 0xaf, VOID, CRC32]);

function vint(bytes: Uint8Array, offset: number, keepMarker: boolean): { value: number; length: number } | null {
  const first = bytes[offset];
  if (first === undefined || first === 0) return null;
  const length = Math.clz32(first) - 23;
  if (length > 8 || offset + length > bytes.length) return null;
  let value = keepMarker ? first : first & (0xff >> length);
  let allOnes = value === 0xff >> length;
  for (let i = 1; i < length; i++) {
    const byte = bytes[offset + i] ?? 0;
    value = value * 256 + byte;
    allOnes &&= byte === 0xff;
  }
  return { value: !keepMarker && allOnes ? -1 : value, length };
}

function webmProblem(bytes: Uint8Array): string | null {
  const header = vint(bytes, 4, false);
  if (!header || header.value < 0) return 'EBML header of unknown size';
  let offset = 4 + header.length + header.value;
  if (offset > bytes.length) return 'EBML header past the end';
  if (offset === bytes.length) return null;
  const segmentId = vint(bytes, offset, true);
  if (!segmentId || segmentId.value !== SEGMENT) return `no Segment after the EBML header (at ${offset})`;
  const segmentSize = vint(bytes, offset + segmentId.length, false);
  if (!segmentSize) return 'Segment size unreadable';
  offset += segmentId.length + segmentSize.length;
  const segmentEnd = segmentSize.value < 0 ? bytes.length : offset + segmentSize.value;
  if (segmentEnd < bytes.length) return `${bytes.length - segmentEnd} bytes after the Segment`;
  // Inside a cluster until the walk leaves its size (or, for one of unknown size, meets a Segment child).
  let clusterEnd = -1;
  while (offset < bytes.length) {
    if (clusterEnd !== -1 && offset >= clusterEnd) clusterEnd = -1;
    const id = vint(bytes, offset, true);
    if (!id || id.length > 4) return `no element ID at ${offset}`;
    const inCluster = clusterEnd !== -1 && CLUSTER_CHILDREN.has(id.value);
    if (!inCluster && !SEGMENT_CHILDREN.has(id.value)) return `unknown element 0x${id.value.toString(16)} at ${offset}`;
    if (!inCluster) clusterEnd = -1;
    const size = vint(bytes, offset + id.length, false);
    if (!size) return `element size unreadable at ${offset}`;
    const body = offset + id.length + size.length;
    if (id.value === CLUSTER) {
      // MediaRecorder writes clusters of unknown size: they run until the next cluster (or the end).
      clusterEnd = size.value < 0 ? bytes.length : body + size.value;
      if (clusterEnd > bytes.length) return `cluster past the end at ${offset}`;
      offset = body;
      continue;
    }
    if (size.value < 0) return `element of unknown size at ${offset}`;
    if (body + size.value > bytes.length) return `element past the end at ${offset}`;
    offset = body + size.value;
  }
  return null;
}

/* ---------------------------------------------------------------- Ogg ----------------------------------------------------------------- */

const OGG_CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let crc = i << 24;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x80000000 ? (crc << 1) ^ 0x04c11db7 : crc << 1;
    table[i] = crc >>> 0;
  }
  return table;
})();

/** The CRC of an Ogg page (its CRC field taken as zero). */
export function oggPageCrc(page: Uint8Array): number {
  let crc = 0;
  for (let i = 0; i < page.length; i++) {
    const byte = i >= 22 && i < 26 ? 0 : (page[i] ?? 0);
    crc = ((crc << 8) ^ (OGG_CRC_TABLE[((crc >>> 24) ^ byte) & 0xff] ?? 0)) >>> 0;
  }
  return crc;
}

function oggProblem(bytes: Uint8Array): string | null {
  const data = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let offset = 0; offset < bytes.length; ) {
    if (offset + 27 > bytes.length || ascii(bytes, offset, 4) !== 'OggS' || bytes[offset + 4] !== 0) return `no Ogg page at ${offset}`;
    const segments = bytes[offset + 26] ?? 0;
    if (offset + 27 + segments > bytes.length) return `page header past the end at ${offset}`;
    let body = 0;
    for (let i = 0; i < segments; i++) body += bytes[offset + 27 + i] ?? 0;
    const end = offset + 27 + segments + body;
    if (end > bytes.length) return `page past the end at ${offset}`;
    if (oggPageCrc(bytes.subarray(offset, end)) !== data.getUint32(offset + 22, true)) return `bad page CRC at ${offset}`;
    offset = end;
  }
  return null;
}

/* ---------------------------------------------------------------- WAV ----------------------------------------------------------------- */

function wavProblem(bytes: Uint8Array): string | null {
  const data = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 12) return 'shorter than a RIFF header';
  const riffSize = data.getUint32(4, true);
  // Streaming writers leave the size 0 or 0xFFFFFFFF (and RF64/BW64 keep it in ds64).
  const sized = ascii(bytes, 0, 4) === 'RIFF' && riffSize !== 0 && riffSize !== 0xffffffff;
  if (sized && bytes.length > riffSize + 8 + (riffSize % 2)) return `${bytes.length - riffSize - 8} bytes after the RIFF chunk`;
  let sawFormat = false;
  for (let offset = 12; offset < bytes.length; ) {
    if (offset + 8 > bytes.length) return `chunk header past the end at ${offset}`;
    const id = ascii(bytes, offset, 4);
    if (!/^[\x20-\x7e]{4}$/.test(id)) return `no chunk at ${offset}`;
    const size = data.getUint32(offset + 4, true);
    if (id === 'fmt ') sawFormat = true;
    if (id === 'data') {
      if (!sawFormat) return 'data before fmt';
      // The samples run to the end (an unsized or cut stream), or the declared ones are followed by more chunks.
      if (size === 0 || size === 0xffffffff || offset + 8 + size >= bytes.length) return null;
    } else if (offset + 8 + size > bytes.length) {
      return `${id} chunk past the end at ${offset}`;
    }
    offset += 8 + size + (size % 2);
  }
  return sawFormat ? 'no data chunk' : 'no fmt chunk';
}

/* ---------------------------------------------------------------- MP4 ----------------------------------------------------------------- */

/** Boxes found at the top level of ISO BMFF / QuickTime audio files. */
const MP4_TOP_LEVEL = new Set(['ftyp', 'styp', 'moov', 'moof', 'mdat', 'free', 'skip', 'wide', 'uuid', 'sidx', 'ssix', 'mfra', 'meta', 'pdin', 'emsg', 'prft', 'udta']);

function mp4Problem(bytes: Uint8Array): string | null {
  const data = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let offset = 0; offset < bytes.length; ) {
    if (offset + 8 > bytes.length) return `box header past the end at ${offset}`;
    const type = ascii(bytes, offset + 4, 4);
    if (!MP4_TOP_LEVEL.has(type)) return `unknown box "${type.replace(/[^\x20-\x7e]/g, '?')}" at ${offset}`;
    let size = data.getUint32(offset);
    if (size === 1) {
      if (offset + 16 > bytes.length) return `box header past the end at ${offset}`;
      size = Number(data.getBigUint64(offset + 8));
      if (size < 16) return `box too small at ${offset}`;
    } else if (size === 0) {
      // To the end of the file.
      return null;
    } else if (size < 8) {
      return `box too small at ${offset}`;
    }
    if (offset + size > bytes.length) return `${type} box past the end at ${offset}`;
    offset += size;
  }
  return null;
}

/* ---------------------------------------------------------------- MP3 ----------------------------------------------------------------- */

/**
 * Where an MP3's frames end: before an ID3v1 tag (the last 128 bytes, "TAG") and an APEv2 tag before it (its footer,
 * "APETAGEX", gives its size), the tags taggers append.
 */
function mp3FramesEnd(bytes: Uint8Array, start: number): number {
  let end = bytes.length;
  if (end - 128 >= start && ascii(bytes, end - 128, 3) === 'TAG') end -= 128;
  if (end - 32 >= start && ascii(bytes, end - 32, 8) === 'APETAGEX') {
    const data = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // The size counts the items and the footer; a header (flag bit 31) comes on top.
    const size = data.getUint32(end - 32 + 12, true) + (data.getUint32(end - 32 + 20, true) & 0x80000000 ? 32 : 0);
    if (size >= 32 && end - size >= start) end -= size;
  }
  return end;
}

/**
 * MP3 has no container: its structure is the chain of its frames. Each header (sync, version, layer, bitrate, sample
 * rate) gives the frame's length, and the next header must start right where the frame ends, of the same stream
 * (version, layer, sample rate; the bitrate may vary). Bytes that are no frame (junk after a valid first header) break
 * the chain. Allowed around it: ID3v2 tags first (and zeros some taggers leave after them), ID3v1 and APEv2 tags last,
 * and a last frame cut short (a recording stopped mid-frame).
 */
function mp3Problem(bytes: Uint8Array): string | null {
  let offset = afterId3v2Tags(bytes);
  if (offset > bytes.length) return 'ID3v2 tag past the end';
  while (bytes[offset] === 0) offset++;
  const end = mp3FramesEnd(bytes, offset);
  let stream: number | undefined;
  let frames = 0;
  while (offset < end) {
    // A header cut short at the very end: the recording stopped there.
    if (frames > 0 && end - offset < 4 && bytes[offset] === 0xff) return null;
    const frame = offset + 4 <= end ? mp3Frame(bytes, offset) : null;
    if (!frame) return `no MPEG audio frame at ${offset}`;
    if (stream !== undefined && frame.stream !== stream) return `a frame of another stream at ${offset}`;
    stream = frame.stream;
    frames += 1;
    offset += frame.length;
  }
  return frames > 0 ? null : 'no MPEG audio frame';
}
