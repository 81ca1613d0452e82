/**
 * Voice limits the browser needs to know, client-safe (no server imports). The server's values come from config
 * (TRANSCRIBE_MAX_SECONDS); this is the default the recorder uses when the page does not pass the configured one.
 */
export const DEFAULT_MAX_RECORDING_SECONDS = 60;
