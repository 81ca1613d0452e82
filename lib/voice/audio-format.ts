/**
 * What a recording really is, read from its first bytes (magic numbers), whatever its Content-Type says: a body that
 * is not audio must never reach a paid transcription call. Containers, not codecs, except where the container is the
 * codec (MP3, AAC ADTS, FLAC) and for Ogg, whose first packet names its codec.
 */
export type AudioFormat = 'webm' | 'ogg' | 'wav' | 'mp3' | 'mp4' | 'flac' | 'aac';

/** Enough of the start of a recording for every check below (an Ogg page header may have 255 segments). */
export const SNIFF_BYTES = 512;

/** Readable names, for the messages that refuse a recording. */
export const AUDIO_FORMAT_NAMES: Readonly<Record<AudioFormat, string>> = {
  webm: 'WebM',
  ogg: 'Ogg',
  wav: 'WAV',
  mp3: 'MP3',
  mp4: 'MP4/M4A',
  flac: 'FLAC',
  aac: 'AAC (ADTS)',
};

const ascii = (bytes: Uint8Array, offset: number, length: number) => String.fromCharCode(...bytes.subarray(offset, offset + length));

/** The format the bytes start with, or null when they start like none of them. */
export function sniffAudioFormat(bytes: Uint8Array): AudioFormat | null {
  if (isWebm(bytes)) return 'webm';
  if (isOgg(bytes)) return 'ogg';
  if (isWav(bytes)) return 'wav';
  if (isMp4(bytes)) return 'mp4';
  if (ascii(bytes, 0, 4) === 'fLaC') return 'flac';
  if (isId3(bytes) || isMpegFrame(bytes)) return 'mp3';
  if (isAdts(bytes)) return 'aac';
  return null;
}

/** An EBML header whose DocType is webm or matroska (MediaRecorder writes `webm`). */
function isWebm(bytes: Uint8Array): boolean {
  if (bytes[0] !== 0x1a || bytes[1] !== 0x45 || bytes[2] !== 0xdf || bytes[3] !== 0xa3) return false;
  const header = readSize(bytes, 4);
  if (!header) return false;
  const start = 4 + header.length;
  const end = Math.min(bytes.length, header.value === -1 ? bytes.length : start + header.value);
  for (let offset = start; offset + 3 <= end; ) {
    const idLength = vintLength(bytes[offset]);
    if (!idLength) return false;
    const size = readSize(bytes, offset + idLength);
    if (!size || size.value < 0) return false;
    const body = offset + idLength + size.length;
    // DocType (0x4282).
    if (idLength === 2 && bytes[offset] === 0x42 && bytes[offset + 1] === 0x82) {
      const docType = ascii(bytes, body, size.value).replace(/\0+$/, '');
      return docType === 'webm' || docType === 'matroska';
    }
    offset = body + size.value;
  }
  return false;
}

/** Length of an EBML variable-length integer from its first byte (1–8), or 0 when it is not one. */
function vintLength(first: number | undefined): number {
  if (!first) return 0;
  return Math.clz32(first) - 23;
}

/** An EBML size: its value (-1 when all ones, "unknown") and length. */
function readSize(bytes: Uint8Array, offset: number): { value: number; length: number } | null {
  const length = vintLength(bytes[offset]);
  if (!length || offset + length > bytes.length) return null;
  let value = (bytes[offset] ?? 0) & (0xff >> length);
  let allOnes = value === 0xff >> length;
  for (let i = 1; i < length; i++) {
    const byte = bytes[offset + i] ?? 0;
    value = value * 256 + byte;
    allOnes &&= byte === 0xff;
  }
  return { value: allOnes ? -1 : value, length };
}

/** An Ogg page (version 0) whose first packet is an audio codec's header: Opus, Vorbis, FLAC or Speex. */
function isOgg(bytes: Uint8Array): boolean {
  if (ascii(bytes, 0, 4) !== 'OggS' || bytes[4] !== 0) return false;
  const segments = bytes[26];
  if (segments === undefined) return false;
  const packet = 27 + segments;
  if (packet + 8 > bytes.length) return false;
  return (
    ascii(bytes, packet, 8) === 'OpusHead' ||
    ascii(bytes, packet, 7) === '\u0001vorbis' ||
    ascii(bytes, packet, 5) === '\u007fFLAC' ||
    ascii(bytes, packet, 8) === 'Speex   '
  );
}

/** RIFF (or RF64/BW64 for large files) of type WAVE. */
function isWav(bytes: Uint8Array): boolean {
  return ['RIFF', 'RF64', 'BW64'].includes(ascii(bytes, 0, 4)) && ascii(bytes, 8, 4) === 'WAVE';
}

/** An ISO base media file: its first box is `ftyp` (Safari's MediaRecorder: `iso5`, `mp42`, `M4A `). */
function isMp4(bytes: Uint8Array): boolean {
  if (bytes.length < 12 || ascii(bytes, 4, 4) !== 'ftyp') return false;
  const size = ((bytes[0] ?? 0) << 24) | ((bytes[1] ?? 0) << 16) | ((bytes[2] ?? 0) << 8) | (bytes[3] ?? 0);
  return size >= 12 && /^[\x20-\x7e]{4}$/.test(ascii(bytes, 8, 4));
}

/** An ID3v2 tag (MP3 files from most encoders begin with one). */
function isId3(bytes: Uint8Array): boolean {
  return ascii(bytes, 0, 3) === 'ID3' && (bytes[3] ?? 0xff) < 0xff && (bytes[4] ?? 0xff) < 0xff;
}

/** An MPEG audio frame header (layer I–III): sync, and no reserved version, layer, bitrate or sample rate. */
function isMpegFrame(bytes: Uint8Array): boolean {
  const [first, second, third] = [bytes[0], bytes[1], bytes[2]];
  if (first !== 0xff || second === undefined || third === undefined || (second & 0xe0) !== 0xe0) return false;
  const version = (second >> 3) & 0b11;
  const layer = (second >> 1) & 0b11;
  const bitrate = third >> 4;
  const rate = (third >> 2) & 0b11;
  return version !== 0b01 && layer !== 0b00 && bitrate !== 0b1111 && bitrate !== 0 && rate !== 0b11;
}

/** An AAC ADTS frame header: 12-bit sync, layer 0, a sampling frequency index in range. */
function isAdts(bytes: Uint8Array): boolean {
  const [first, second, third] = [bytes[0], bytes[1], bytes[2]];
  if (first !== 0xff || second === undefined || third === undefined || (second & 0xf6) !== 0xf0) return false;
  return ((third >> 2) & 0b1111) < 13;
}
