/**
 * An RFC 5545 calendar invite (METHOD:REQUEST) for one meeting, or its cancellation (METHOD:CANCEL). Written by hand rather than with the `ics` package:
 * the output is ~20 lines, and owning it keeps it deterministic (that package generates a random UID) and free of its
 * validation dependencies (yup, nanoid). Client-safe.
 */

export interface InviteInput {
  /** Globally unique and stable: a calendar updates the event with the same UID instead of adding a second one. */
  uid: string;
  /** When the invite was made (epoch ms): DTSTAMP. */
  stamp: number;
  /** Epoch ms. */
  start: number;
  durationMinutes: number;
  summary: string;
  description: string;
  organizer: { name: string; email: string };
  attendee: { email: string; name?: string };
  /** 0 for a new meeting, one more each time it is moved (with the same UID, calendars then move the event). */
  sequence?: number;
  /** CANCEL: the meeting is called off (STATUS:CANCELLED; the same UID with a higher SEQUENCE removes it). */
  method?: 'REQUEST' | 'CANCEL';
}

/** The invite as an .ics text: CRLF line ends, long lines folded, times in UTC. */
export function buildInvite(input: InviteInput): string {
  const end = input.start + input.durationMinutes * 60_000;
  const method = input.method ?? 'REQUEST';
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//AI Sales Agent//Meeting booking//EN',
    'CALSCALE:GREGORIAN',
    `METHOD:${method}`,
    'BEGIN:VEVENT',
    `UID:${escapeText(input.uid)}`,
    `DTSTAMP:${utcStamp(input.stamp)}`,
    `DTSTART:${utcStamp(input.start)}`,
    `DTEND:${utcStamp(end)}`,
    `SUMMARY:${escapeText(input.summary)}`,
    `DESCRIPTION:${escapeText(input.description)}`,
    `ORGANIZER;CN=${quoteParam(input.organizer.name)}:mailto:${input.organizer.email}`,
    `ATTENDEE;CN=${quoteParam(input.attendee.name ?? input.attendee.email)};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:${input.attendee.email}`,
    method === 'CANCEL' ? 'STATUS:CANCELLED' : 'STATUS:CONFIRMED',
    `SEQUENCE:${input.sequence ?? 0}`,
    'TRANSP:OPAQUE',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}

/** 20261201T090000Z: the UTC form every calendar reads without a VTIMEZONE block. */
export function utcStamp(instant: number): string {
  return new Date(instant).toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

/** RFC 5545 §3.3.11: backslash, semicolon, comma and newline are escaped in TEXT values. */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Parameter values are quoted so names with ":" ";" "," stay one value; DQUOTE itself cannot appear, so it is dropped. */
function quoteParam(value: string): string {
  return `"${value.replace(/["\r\n]/g, '')}"`;
}

/** RFC 5545 §3.1: lines longer than 75 octets continue on the next line after CRLF + space, never inside a character. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    const limit = parts.length === 0 ? 75 : 74; // continuation lines start with a space, which counts
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/**
 * The cancellation (METHOD:CANCEL) of an invite this module wrote, for another attendee: the prospect corrected their
 * e-mail after booking, so the address the invite first went to gets the same UID and SEQUENCE cancelled — its
 * calendar drops the event — while the new address gets the invite. Every other property stays as the invite has it.
 */
export function withdrawInvite(ics: string, attendee: string, stamp: number): string {
  const lines = ics.replace(/\r\n[ \t]/g, '').split('\r\n').filter(Boolean);
  const out = lines.map((line) => {
    if (line === 'METHOD:REQUEST') return 'METHOD:CANCEL';
    if (line === 'STATUS:CONFIRMED') return 'STATUS:CANCELLED';
    if (line.startsWith('DTSTAMP:')) return `DTSTAMP:${utcStamp(stamp)}`;
    if (line.startsWith('ATTENDEE')) return `ATTENDEE;CN=${quoteParam(attendee)};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE:mailto:${attendee}`;
    return line;
  });
  return `${out.map(foldLine).join('\r\n')}\r\n`;
}
