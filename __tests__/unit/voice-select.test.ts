/** @jest-environment node */
import { ConfigError, parseServerConfig } from '@/lib/config';
import { chooseProviderId, selectTtsProvider } from '@/lib/voice/select';
import { parseWavHeader } from '@/lib/voice/wav-header';

const noEspeak = { espeakPath: () => null };
const withEspeak = { espeakPath: () => '/usr/bin/espeak-ng' };
const voice = (env: Record<string, string>) => parseServerConfig(env).voice;

describe('speech provider selection', () => {
  it.each([
    [{}, noEspeak, 'browser'],
    [{}, withEspeak, 'espeak'],
    [{ OPENAI_API_KEY: 'sk' }, withEspeak, 'openai'],
    [{ OPENAI_API_KEY: 'sk', SMALLEST_API_KEY: 'sm' }, withEspeak, 'smallest'],
    [{ SMALLEST_API_KEY: 'sm', TTS_PROVIDER: 'espeak' }, withEspeak, 'espeak'],
    [{ SMALLEST_API_KEY: 'sm', TTS_PROVIDER: 'browser' }, withEspeak, 'browser'],
  ] as const)('%j (%p) → %s', (env, probe, expected) => {
    expect(chooseProviderId(voice(env), probe)).toBe(expected);
    expect(selectTtsProvider(voice(env), probe)?.id ?? 'browser').toBe(expected);
  });

  it('stops start-up when a forced provider has no key', () => {
    expect(() => parseServerConfig({ TTS_PROVIDER: 'smallest' })).toThrow(ConfigError);
    expect(() => parseServerConfig({ TTS_PROVIDER: 'smallest' })).toThrow(/SMALLEST_API_KEY:/);
    expect(() => parseServerConfig({ TTS_PROVIDER: 'openai' })).toThrow(/OPENAI_API_KEY:/);
  });

  it('has documented defaults and validates each voice variable', () => {
    expect(voice({ SMALLEST_API_KEY: 'sm' })).toMatchObject({
      smallest: { baseURL: 'https://api.smallest.ai', voiceId: 'emily', model: 'lightning_v3.1' },
      speed: 1,
      sampleRate: 24_000,
      languages: { en: 'en', es: 'es' },
      maxChars: 1_000,
      espeak: { voices: { en: 'en-us', es: 'es' } },
    });
    for (const [name, value] of [['TTS_SAMPLE_RATE', '12345'], ['TTS_SPEED', '3'], ['TTS_PROVIDER', 'polly'], ['SMALLEST_BASE_URL', 'nope'], ['TTS_LANGUAGE_ES', 'Spanish!']]) {
      expect(() => parseServerConfig({ [name as string]: value })).toThrow(new RegExp(`${name}:`));
    }
  });
});

describe('parseWavHeader', () => {
  const header = (dataSize: number) => {
    const bytes = new Uint8Array(44);
    const view = new DataView(bytes.buffer);
    bytes.set([...'RIFF'].map((c) => c.charCodeAt(0)), 0);
    bytes.set([...'WAVEfmt '].map((c) => c.charCodeAt(0)), 8);
    view.setUint32(16, 16, true);
    view.setUint16(20, 1, true);
    view.setUint16(22, 1, true);
    view.setUint32(24, 22_050, true);
    view.setUint16(34, 16, true);
    bytes.set([...'data'].map((c) => c.charCodeAt(0)), 36);
    view.setUint32(40, dataSize, true);
    return bytes;
  };

  it('finds the samples of a streamed WAV whose data size is unknown', () => {
    expect(parseWavHeader(header(0xffffffff))).toEqual({ sampleRate: 22_050, channels: 1, bitsPerSample: 16, dataOffset: 44 });
  });

  it('asks for more bytes until the header is complete, and refuses what is not a WAV', () => {
    expect(parseWavHeader(header(0).subarray(0, 30))).toBeNull();
    expect(() => parseWavHeader(new TextEncoder().encode('ID3 not a wav file'))).toThrow('not a WAV');
  });
});
