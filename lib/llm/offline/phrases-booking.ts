import type { SalesLocale } from '@/lib/sales/turn-state';

/**
 * The offline agent's words for the invite asked about ("will I get a calendar invite?") and for the booking's
 * step-by-step asks (lib/llm/offline/booking-invite.ts, replies-actions.ts), in the five languages. Whether the invite
 * is e-mailed is the configuration's (`emailed`), never assumed: the booking card's .ics link is the invite otherwise.
 */
export interface BookingPhrases {
  /** Before any booking: whether the invite will come by e-mail once the demo is booked. */
  inviteBefore: (emailed: boolean) => string;
  /** The meeting ahead's invite: e-mailed to `email`, or not e-mailed (the card's .ics link), as the booking tool said. */
  inviteBooked: (emailed: boolean, when: string, email: string) => string;
  /** The booking's asks after the invite answer: a day, a time and the e-mail; with the time known (`when`), the e-mail. */
  inviteAsk: (emailed: boolean, when?: string) => string;
  /** A day given without an hour just after the e-mail was asked: the hour asked, the e-mail not asked again yet. */
  whatTime: (day: string) => string;
}

export const BOOKING_PHRASES: Record<SalesLocale, BookingPhrases> = {
  en: {
    inviteBefore: (emailed) =>
      emailed
        ? 'Yes — once your demo is booked, the calendar invite is e-mailed to the address you give me (the booking card has it too).'
        : 'We don’t send the invite by e-mail: once your demo is booked, you add it to your calendar with the “Add to calendar (.ics)” link on the booking card.',
    inviteBooked: (emailed, when, email) =>
      emailed
        ? `Yes — the invite for your demo on **${when}** goes to **${email}** by e-mail. You can also add it with the “Add to calendar (.ics)” link on the booking card above.`
        : `No — we don’t send the invite by e-mail. Your demo on **${when}** is booked for **${email}**: add it to your calendar with the “Add to calendar (.ics)” link on the booking card above.`,
    inviteAsk: (emailed, when) =>
      when
        ? emailed
          ? `Which email should the invite for **${when}** go to?`
          : `Which email should I book **${when}** for?`
        : emailed
          ? 'What day and time suit you, and what’s the best email for the invite?'
          : 'What day and time suit you, and which email should I book it for?',
    whatTime: (day) => `Noted: **${day}**. What time suits you that day?`,
  },
  es: {
    inviteBefore: (emailed) =>
      emailed
        ? 'Sí: en cuanto la demo esté reservada, la invitación del calendario se envía por correo a la dirección que me indique (también está en la tarjeta de la reserva).'
        : 'No enviamos la invitación por correo: en cuanto la demo esté reservada, la añade a su calendario con el enlace «Añadir al calendario (.ics)» de la tarjeta de la reserva.',
    inviteBooked: (emailed, when, email) =>
      emailed
        ? `Sí: la invitación de su demo del **${when}** se envía por correo a **${email}**. También puede añadirla con el enlace «Añadir al calendario (.ics)» de la tarjeta de la reserva, arriba.`
        : `No: no enviamos la invitación por correo. Su demo del **${when}** está reservada a nombre de **${email}**: añádala a su calendario con el enlace «Añadir al calendario (.ics)» de la tarjeta de la reserva, arriba.`,
    inviteAsk: (emailed, when) =>
      when
        ? emailed
          ? `¿A qué correo envío la invitación para **${when}**?`
          : `¿A nombre de qué correo reservo **${when}**?`
        : emailed
          ? '¿Qué día y hora le vienen bien, y a qué correo envío la invitación?'
          : '¿Qué día y hora le vienen bien, y a nombre de qué correo hago la reserva?',
    whatTime: (day) => `Anotado: **${day}**. ¿A qué hora le viene bien ese día?`,
  },
  fr: {
    inviteBefore: (emailed) =>
      emailed
        ? 'Oui : dès que votre démo est réservée, l’invitation d’agenda est envoyée par e-mail à l’adresse que vous m’indiquez (elle figure aussi sur la carte de réservation).'
        : 'Nous n’envoyons pas l’invitation par e-mail : dès que votre démo est réservée, vous l’ajoutez à votre agenda avec le lien « Ajouter au calendrier (.ics) » de la carte de réservation.',
    inviteBooked: (emailed, when, email) =>
      emailed
        ? `Oui : l’invitation pour votre démo du **${when}** part par e-mail à **${email}**. Vous pouvez aussi l’ajouter avec le lien « Ajouter au calendrier (.ics) » de la carte de réservation ci-dessus.`
        : `Non : nous n’envoyons pas l’invitation par e-mail. Votre démo du **${when}** est réservée au nom de **${email}** : ajoutez-la à votre agenda avec le lien « Ajouter au calendrier (.ics) » de la carte de réservation ci-dessus.`,
    inviteAsk: (emailed, when) =>
      when
        ? emailed
          ? `À quelle adresse e-mail dois-je envoyer l’invitation pour **${when}** ?`
          : `À quelle adresse e-mail dois-je réserver **${when}** ?`
        : emailed
          ? 'Quel jour et quelle heure vous conviennent, et à quelle adresse e-mail dois-je envoyer l’invitation ?'
          : 'Quel jour et quelle heure vous conviennent, et à quelle adresse e-mail dois-je faire la réservation ?',
    whatTime: (day) => `C’est noté : **${day}**. Quelle heure vous conviendrait ce jour-là ?`,
  },
  de: {
    inviteBefore: (emailed) =>
      emailed
        ? 'Ja — sobald Ihre Demo gebucht ist, geht die Kalendereinladung per E-Mail an die Adresse, die Sie mir nennen (sie steht auch auf der Buchungskarte).'
        : 'Die Einladung verschicken wir nicht per E-Mail: Sobald Ihre Demo gebucht ist, tragen Sie sie über den Link „Zum Kalender hinzufügen (.ics)“ auf der Buchungskarte in Ihren Kalender ein.',
    inviteBooked: (emailed, when, email) =>
      emailed
        ? `Ja — die Einladung zu Ihrer Demo am **${when}** geht per E-Mail an **${email}**. Sie können sie auch über den Link „Zum Kalender hinzufügen (.ics)“ auf der Buchungskarte oben eintragen.`
        : `Nein — die Einladung verschicken wir nicht per E-Mail. Ihre Demo am **${when}** ist für **${email}** gebucht: Tragen Sie sie über den Link „Zum Kalender hinzufügen (.ics)“ auf der Buchungskarte oben in Ihren Kalender ein.`,
    inviteAsk: (emailed, when) =>
      when
        ? emailed
          ? `An welche E-Mail-Adresse soll die Einladung für **${when}** gehen?`
          : `Für welche E-Mail-Adresse soll ich **${when}** buchen?`
        : emailed
          ? 'Welcher Tag und welche Uhrzeit passen Ihnen, und an welche E-Mail-Adresse soll die Einladung gehen?'
          : 'Welcher Tag und welche Uhrzeit passen Ihnen, und für welche E-Mail-Adresse soll ich buchen?',
    whatTime: (day) => `Notiert: **${day}**. Welche Uhrzeit passt Ihnen an dem Tag?`,
  },
  ar: {
    inviteBefore: (emailed) =>
      emailed
        ? 'نعم، بمجرد حجز العرض التوضيحي تُرسل دعوة التقويم بالبريد الإلكتروني إلى العنوان الذي تعطيني إياه (وتجدها أيضًا في بطاقة الحجز).'
        : 'لا نرسل الدعوة بالبريد الإلكتروني: بمجرد حجز العرض التوضيحي تضيفها إلى تقويمك عبر رابط «إضافة إلى التقويم (.ics)» في بطاقة الحجز.',
    inviteBooked: (emailed, when, email) =>
      emailed
        ? `نعم، تُرسل دعوة عرضك التوضيحي في **${when}** بالبريد الإلكتروني إلى **${email}**. ويمكنك أيضًا إضافتها عبر رابط «إضافة إلى التقويم (.ics)» في بطاقة الحجز أعلاه.`
        : `لا، لا نرسل الدعوة بالبريد الإلكتروني. عرضك التوضيحي في **${when}** محجوز باسم **${email}**: أضفه إلى تقويمك عبر رابط «إضافة إلى التقويم (.ics)» في بطاقة الحجز أعلاه.`,
    inviteAsk: (emailed, when) =>
      when
        ? emailed
          ? `إلى أي بريد إلكتروني أرسل دعوة **${when}**؟`
          : `بأي بريد إلكتروني أحجز **${when}**؟`
        : emailed
          ? 'ما اليوم والوقت المناسبان لك، وما أفضل بريد إلكتروني لإرسال الدعوة؟'
          : 'ما اليوم والوقت المناسبان لك، وبأي بريد إلكتروني أحجز العرض؟',
    whatTime: (day) => `تم: **${day}**. ما الوقت المناسب لك في ذلك اليوم؟`,
  },
};
