import type { SalesLocale } from '@/lib/sales/turn-state';

/**
 * Which of the site's languages a message is written in, from its script, its marks and its common words. Only a clear
 * reading counts: "25 people" or "Pro?" says nothing, and the conversation keeps the language it had. Pure.
 */

const WORDS: Record<Exclude<SalesLocale, 'ar'>, Set<string>> = {
  // ("would Pro still fit?", "Will I get a calendar invite?": English again after a message in another language.)
  en: new Set('the and is are you your what how we our my do does can for with to of it this that i much many would get fit'.split(' ')),
  es: new Set(
    (
      'hola buenas gracias quiero quisiera queremos necesito necesitamos somos tenemos tienen cuanto cuánto cuesta cuestan precio ' +
      'precios para con por una los las del el es que qué cómo como cual cuál usted ustedes nosotros equipo empresa personas ' +
      'usuarios hablar persona reunión reunion llamada martes lunes miércoles miercoles jueves viernes mañana manana correo ' +
      'también tambien pero muy más mas sí plan planes ayuda puedo pueden seguridad prueba gratis llamo trabajo dije éramos ' +
      'nuestro nuestra nosotros gustaría gustaria empezar próximo proximo parece caro cuántas cuantas costaría costaria comparan hace hacen y mi'
    ).split(' '),
  ),
  fr: new Set(
    (
      'bonjour salut merci combien coûte coute coûtent prix tarif tarifs je j nous vous votre vos notre nos est sont avec pour ' +
      'une des les du au aux le quel quelle quels quelles offre offres équipe equipe personnes utilisateurs démo demo rendez ' +
      'voudrais voudrions aimerais pouvez pouvons avez êtes sommes suis appelle entreprise société societe travaille mon ma mes ' +
      'quoi comment pourquoi aussi mais très plus oui non mardi mercredi jeudi vendredi lundi demain semaine mois prochain ' +
      'sécurité securite essai gratuit intégration intégrations dit combien parler ça cela ce cette faites ' +
        // ("On utilise Notion et Slack": French again after a message in another language.)
        'et utilise utilisons utilisez travaillons avons ai chez aussi'
    ).split(' '),
  ),
  de: new Set(
    (
      'hallo guten tag danke wie viel viele kostet kosten preis preise tarif tarife ich wir sie ihr ihre ihnen unser unsere ' +
      'ist sind mit für fur eine einen einer der die das den dem und nicht auch aber sehr mehr ja nein personen mitarbeiter ' +
      'nutzer benutzer möchte möchten mochte können konnen kann haben habe heiße heisse bin arbeite firma unternehmen ' +
      'termin vorführung demo montag dienstag mittwoch donnerstag freitag morgen woche monat nächste nachste gesagt ' +
      'sicherheit testversion integration integrationen was wer wann warum welche welcher mein meine sprechen bitte ' +
      // (Swiss German: "Merci vielmal", "Grüezi" are no French.)
      'vielmal vielen dank grüezi'
    ).split(' '),
  ),
};

// Words several of these languages share ("plan", "demo", "es", "die" in English prose) do not count on their own.
const SHARED = new Set(['plan', 'con', 'es', 'el', 'mas', 'demo', 'integration', 'tarif', 'a', 'de', 'la', 'le', 'des', 'die', 'en', 'mit']);
const MARKS: Partial<Record<SalesLocale, RegExp>> = {
  es: /[¿¡ñ]|\b\w*(ción|ciones)\b/i,
  fr: /[çœ]|[àâèêëîïôûù]\p{L}|\p{L}['’](?:[aeiouhy]\p{L})|\b(?:qu|j|l|d|c|n|s)['’]\p{L}/iu,
  de: /[äöüß]/i,
};
const ARABIC_LETTER = /[\u0600-\u06FF]/gu;
const LATIN_LETTER = /[A-Za-z\u00C0-\u024F]/gu;

/** The language the message reads as, or undefined when it does not say clearly. */
export function detectLanguage(text: string): SalesLocale | undefined {
  const arabic = text.match(ARABIC_LETTER)?.length ?? 0;
  // Brand names ("Pro", "HubSpot") inside Arabic text leave it Arabic.
  if (arabic >= 2 && arabic >= (text.match(LATIN_LETTER)?.length ?? 0) / 2) return 'ar';
  const words = text.toLowerCase().match(/[\p{L}]+/gu) ?? [];
  const scores = (Object.keys(WORDS) as Exclude<SalesLocale, 'ar'>[]).map((locale) => {
    const hits = words.filter((word) => WORDS[locale].has(word) && !SHARED.has(word)).length;
    const marked = MARKS[locale]?.test(text) ? 2 : 0;
    return { locale, score: hits + marked, hits, marked };
  });
  const [best, second] = [...scores].sort((a, b) => b.score - a.score);
  if (!best || best.score === 0 || (second && second.score >= best.score)) return undefined;
  const clear = best.score >= 2 || (best.hits === 1 && words.length <= 2);
  return clear ? best.locale : undefined;
}

/**
 * The language to answer in: the prospect's latest message that clearly reads as one of ours (a short "25 people"
 * keeps the one before), else the site's. English typed on another language's site keeps the site's language, as
 * before: the site is the stronger signal there (a brand name or a pasted error message reads as English too).
 */
export function replyLanguage(site: SalesLocale, userTexts: readonly string[]): SalesLocale {
  // "Can we continue in English?": English from that message on, for as long as they write English (or nothing clear).
  const askedEnglish = userTexts.findLastIndex((text) => requestedLanguage(text) === 'en');
  for (let index = userTexts.length - 1; index >= 0; index -= 1) {
    const text = userTexts[index] ?? '';
    const requested = requestedLanguage(text);
    if (requested) return requested;
    const written = detectLanguage(text);
    if (written === undefined) continue;
    return written === 'en' && site !== 'en' && !(askedEnglish >= 0 && askedEnglish < index) ? site : written;
  }
  return site;
}

/**
 * The language a message asks the conversation to go on in: "can we continue in English?", "and in english please",
 * "auf Englisch bitte", "¿podemos hablar en español?", "en français svp", "بالعربي لو سمحت".
 */
const LANGUAGE_REQUEST: readonly [SalesLocale, RegExp][] = [
  ['en', /\b(?:(?:in|en|auf|على) (?:english|ingl[eé]s|anglais|englisch)|(?:speak|write|answer|reply|continue|talk|switch to) english|english,? please|english pls|englisch bitte|en ingl[eé]s,? por favor)\b/iu],
  ['es', /\b(?:(?:in|en|auf) (?:spanish|espa[nñ]ol|castellano|espagnol|spanisch)|(?:hablar|escribir|seguir|continuar|responder) en espa[nñ]ol)\b/iu],
  ['fr', /\b(?:(?:in|en|auf) (?:french|fran[cç]ais|franc[eé]s|franz[öo]sisch)|(?:parler|continuer|r[ée]pondre|[ée]crire) en fran[cç]ais)\b/iu],
  ['de', /\b(?:(?:in|en|auf) (?:german|deutsch|alem[aá]n|allemand)|(?:sprechen|schreiben|antworten|weitermachen) (?:auf |in )?deutsch)\b/iu],
  ['ar', /\b(?:in|en|auf) (?:arabic|[aá]rabe|arabe|arabisch)\b|بالعربي|بالعربية|باللغة العربية/iu],
];

/** Words that make "in English" about this conversation (a short message needs none). */
const CONVERSATION_CUE = /\b(?:continue|carry on|go on|speak|talk|write|answer|reply|respond|switch|please|pls|plz|can we|could we|can you|could you|seguir|continuar|hablar|hablamos|escr[ií]b\w*|responde\w*|por favor|podemos|puede|continuer|parler|parlez|r[ée]pond\w*|[ée]cri\w*|s['’]il vous pla[iî]t|svp|pouvons|pouvez|weiter\w*|sprechen|schreiben|antwort\w*|bitte|k[öo]nnen wir|k[öo]nnen sie)\b|لو سمحت|من فضلك|ممكن|كلمني|تكلم/iu;
/** What "in English" can describe besides the conversation: "support in English?", "is the app in German?". */
const NOT_THE_CHAT = /\b(?:support|soporte|assistance|kundendienst|documentation|docs|doku\w*|interface|ui|app|product|produkt|producto|produit|invoice|factura|facture|rechnung|contract|contrato|contrat|vertrag)\b|الدعم|الفاتورة/iu;

export function requestedLanguage(text: string): SalesLocale | undefined {
  if (NOT_THE_CHAT.test(text) || (!CONVERSATION_CUE.test(text) && text.trim().split(/\s+/).length > 4)) return undefined;
  return LANGUAGE_REQUEST.find(([, pattern]) => pattern.test(text))?.[0];
}
