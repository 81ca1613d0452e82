import type { OfflineTurn } from '@/lib/llm/offline/context';
import { bookingTopic, INVITE_ASK, upcomingMeeting } from '@/lib/llm/offline/topic-booking';
import type { Topic } from '@/lib/llm/offline/topic-types';
import { QUESTION } from '@/lib/llm/offline/topic-words';

/**
 * "Will I get a calendar invite?", "¿me llegará una invitación?", "recevrai-je une invitation ?", "bekomme ich eine
 * Einladung?", "هل ستصلني دعوة؟": answered from the configuration the booking tool reads (`turn.invitesByEmail`), before
 * a booking as after it, so the answer is the one the tool gives once it books. A booking under way goes on. (The
 * reply: replies-actions.ts inviteReply.)
 */

/** The invite, as a thing one gets ("an invite", never the verb of "can I invite my manager?"). */
const INVITE_NOUN =
  /\b(?:(?:an?|the|my|our|your|any|calendar|meeting|e-?mail|outlook|google)\s+invites?\b|invitations?\b)|(?<!\p{L})invitaci[oó]n(?:es)?(?!\p{L})|einladung|(?:ال)?دعو[ةه](?!\p{L})/iu;
/** Getting it, or its being sent (by e-mail): "get", "llegará", "recevrai", "bekomme", "ستصلني", "by email". */
const INVITE_COMES =
  /\b(?:get|getting|receive|receiving|send|sends|sent|sending|e-?mail(?:ed)?|come|comes|coming|arrive|arrives|be there|there be)\b|(?<!\p{L})(?:llega\p{L}*|recib\p{L}*|env[ií]\p{L}*|mand\p{L}*|correo|re[cç]oi\p{L}*|recevr\p{L}*|recevoir|envo\p{L}*|arrive\p{L}*|courriel|e-?mail|mail|bekomm\p{L}*|erhalt\p{L}*|erhält|krieg\p{L}*|schick\p{L}*|send\p{L}*|versend\p{L}*|verschick\p{L}*|kommt|gibt es)(?!\p{L})|(?:تصل|يصل|ستصل|توصل|سيصل|أتلقى|سأتلقى|تلقي|ترسل|سترسل|يرسل|سيرسل|بالبريد|سأستلم|أستلم|استلم)/iu;
/**
 * Someone else's invite ("can I forward the invite to my manager?": the colleagues' answer), or the product's own
 * invitations ("can I send invitations to my team?", "do new users get an invitation by email?"): not this question.
 */
const NOT_THEIRS =
  /\b(?:colleagues?|co-?workers?|teammates?|(?:my|our)\s+team|manager|boss|forward|users?|members?|workspace|clients?|customers?)\b|(?<!\p{L})(?:compa[nñ]er\p{L}*|coleg\p{L}*|reenvi\p{L}*|(?:mi|nuestro)\s+equipo|usuari\p{L}*|miembros?|clientes?|coll[eè]gues?|transf[ée]r\p{L}*|(?:mon|notre)\s+[ée]quipe|utilisateurs?|membres?|kolleg\p{L}*|weiterleit\p{L}*|(?:mein|unser)\s+team|nutzer\p{L}*|mitglied\p{L}*|kunden)(?!\p{L})|زميل|زملائ|مدير|فريقي|فريقنا|مستخدم|أعضاء|عملاء/iu;
/** The prospect as the one sending: "can I send invitations?", "¿puedo enviar invitaciones?", "kann ich Einladungen verschicken?". */
const THEY_SEND =
  /\b(?:(?:i|we)\s+(?:can\s+|could\s+)?(?:send|create|add)|(?:can|could|may|do)\s+(?:i|we)\s+(?:send|create|add))\b|(?<!\p{L})(?:(?:puedo|podemos)\s+(?:enviar|mandar|crear)|(?:je peux|puis-je|peut-on|on peut|pouvons-nous)\s+(?:envoyer|cr[ée]er)|(?:kann ich|k[öo]nnen wir)\b[^?]{0,30}(?:senden|schicken|verschicken|erstellen))(?!\p{L})|(?:يمكنني|أستطيع|نستطيع|يمكننا)\s+(?:إرسال|ارسال)/iu;

/** Whether the message asks if (or how) the calendar invite reaches them. */
export function asksForInvite(text: string): boolean {
  return INVITE_NOUN.test(text) && INVITE_COMES.test(text) && QUESTION.test(text.trim()) && !NOT_THEIRS.test(text) && !THEY_SEND.test(text);
}

/**
 * The invite asked about: the meeting ahead's (as the tool booked it), or, with none, the answer with the booking
 * under way (its next ask: a day, a time, the e-mail). Undefined without the configuration (the model used on its own).
 */
export function inviteTopic(turn: OfflineTurn): Topic | undefined {
  const emailed = turn.invitesByEmail;
  if (emailed === undefined || !asksForInvite(turn.text)) return undefined;
  const booking = upcomingMeeting(turn);
  // ("What email is the invite going to?" asks which address: the meeting's own answer, topic-booking.ts.)
  if (booking && INVITE_ASK.test(turn.text)) return undefined;
  if (booking) return { kind: 'invite', emailed, booking };
  // A meeting booked before and cancelled since is not booked again by a question about its invite.
  if (turn.state.bookings.length > 0) return { kind: 'invite', emailed };
  const flow = bookingTopic({ ...turn, intent: 'booking' });
  return flow?.kind === 'booking' ? { ...flow, invite: emailed } : { kind: 'invite', emailed };
}
