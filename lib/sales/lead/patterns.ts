import { extractArabicCompany, extractArabicName } from '@/lib/sales/lead/arabic';
import { FIRST_NAMES } from '@/lib/sales/lead/first-names';
import { COUNT, leadingCapitalised, parseCount, re, titleCase, withoutFillers } from '@/lib/sales/lead/text';

/**
 * One extractor per lead field, each reading ONE statement sentence (never a question: extract.ts decides what a
 * statement is). Returns the normalised value and a confidence. English, Spanish, French and German here; Arabic names
 * and companies, which have no capital letters to find them by, in arabic.ts. Pure and client-safe.
 *
 * Confidence scale used throughout: 0.95 pattern-certain (an email), 0.85 explicit self-statement ("my name is…"),
 * 0.7–0.8 a clear but looser phrasing, 0.5–0.65 a bare answer to our question or an inference, 0.4 a hint inside a
 * question ("how much for 20 seats?").
 */

export interface Extracted {
  value: string | number;
  confidence: number;
}

export interface PatternContext {
  /** Lower-cased names that belong to us (company, plans, product) and so are never the prospect's name or company. */
  ownNames: ReadonlySet<string>;
}

export const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;

/** A sentence that speaks of an e-mail address, in the site's languages. */
const EMAIL_CUE = re('\\b(?:e-?mail|mail|address|correo|courriel|adresse|e-mail-adresse|mailadresse)\\b|بريد|ايميل|إيميل');
/** "dan at acme dot com": a dictated address as speech-to-text writes it (at/arroba/arobase/ät, dot/punto/point/punkt). */
const SPOKEN_EMAIL = re(
  '(?<![\\p{L}\\p{N}@.])([a-z0-9][a-z0-9_-]*(?:\\s*(?:\\.|dot|punto|point|punkt)\\s*[a-z0-9_-]+)*)\\s+(?:at|arroba|arobase|ät)\\s+([a-z0-9-]+(?:\\s*(?:\\.|dot|punto|point|punkt)\\s*[a-z0-9-]+)+)(?![\\p{L}\\p{N}])',
  'giu',
);

/**
 * The sentence with a dictated address written as one ("my email is dan at acme dot com" → "… dan@acme.com"), when it
 * speaks of an e-mail: voice input reaches the chat as text, and its address is what the prospect said.
 */
export function writtenEmails(sentence: string): string {
  if (!EMAIL_CUE.test(sentence) || EMAIL.test(sentence)) return sentence;
  const dots = (part: string) => part.replace(/\s*(?:\.|\bdot\b|\bpunto\b|\bpoint\b|\bpunkt\b)\s*/giu, '.');
  return sentence.replace(SPOKEN_EMAIL, (whole, user: string, domain: string) => {
    const address = `${dots(user)}@${dots(domain)}`.toLowerCase();
    return new RegExp(`^${EMAIL.source}$`).test(address) ? address : whole;
  });
}

export function extractEmail(sentence: string): Extracted | undefined {
  const email = EMAIL.exec(writtenEmails(sentence))?.[0];
  return email ? { value: email.toLowerCase(), confidence: 0.95 } : undefined;
}

/**
 * An address typed with an "@" that is no valid e-mail ("diego@tacoselguero", "john@gmail,com"), when the text holds no
 * valid one; with the address it plainly meant, when a comma or a space stands for the dot ("gmail,com" → "gmail.com").
 */
export function malformedEmail(text: string): { address: string; meant?: string } | undefined {
  if (EMAIL.test(writtenEmails(text))) return undefined;
  const address = /(?<![\p{L}\p{N}._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:[.,][A-Za-z0-9-]+)*/u.exec(text)?.[0]?.replace(/[.,]+$/, '');
  if (!address) return undefined;
  const meant = address.replace(/,(?=[A-Za-z]{2,}$)/, '.');
  return meant !== address && new RegExp(`^${EMAIL.source}$`).test(meant) ? { address, meant } : { address };
}

// (After a country code the first group may be one digit, "+33 6 12 34 56 78"; a slash parts the German area code,
// "0171/2345678", never a date's day and month, "12/05/2025".)
const PHONE = /(?<![\w$€£.,])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)[\s.-]?)?(?:(?<=\+\d{1,3}[\s.-]?)\d{1,4}|\d{2,4})(?:(?:[\s.-]|\/(?=\d{4}))?\d{2,4}){1,4}(?![\w.,]*\d)/;
const PHONE_CUE = re(
  '\\b(?:phone|call|calls|callback|cell|mobile|tel|telephone|whatsapp|reach me|ring me|número|numero|teléfono|telefono|móvil|movil|llamar|llámame|llamame|llámenme|llamenme|llamen|llamada|cel|celular|telefon|telefonnummer|handy|handynummer|nummer|mobil|mobilnummer|rückruf|ruckruf|zurückrufen|anrufen|ruft|rufen|téléphone|portable|numéro|joignable|rappeler|rappelez|rappelé|rappelée|appelez|appeler)\\b|(?:رقم|جوال|موبايل|هاتف|تلفون|تليفون|واتساب|واتس|اتصال|اتصل|تتصل|مكالمة|كلموني|كلمني)',
);

/** Whether a message speaks of a phone or a call ("can you call me back?"), so a bare number in it is one. */
export function mentionsPhone(text: string): boolean {
  return PHONE_CUE.test(text);
}

/** A phone number in `sentence`; `cued`: the message around it speaks of a call ("call me? 07700900123"). */
export function extractPhone(sentence: string, cued = false): Extracted | undefined {
  const match = PHONE.exec(sentence)?.[0];
  if (!match) return undefined;
  const digits = match.replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 15) return undefined;
  // Dates ("2025-01-15") and plain long numbers without a phone word are too likely something else.
  // ("12.05.2025", "12/05/2025": a day, a month and a year.)
  if (/^\d{4}-\d{2}-\d{2}$/.test(match) || /^\d{1,2}[./-]\d{1,2}[./-](?:\d{2}|\d{4})$/.test(match.trim())) return undefined;
  const said = cued || PHONE_CUE.test(sentence);
  if (!said && !match.startsWith('+') && !/[\s.()-]/.test(match)) return undefined;
  return { value: match.trim(), confidence: said ? 0.9 : 0.75 };
}

/**
 * The team on record kept after a what-if, and nothing else: "no actually we stay at 9", "non en fait on reste à 9",
 * "no, al final seguimos siendo 9", "nein, doch 9", "لا خلينا ٩". Neither a need nor a new size.
 */
export const KEPT_TEAM =
  /^(?:(?:no|nope|non|nein|لا|wait|sorry|actually|in the end|en fait|finalement|au final|al final|en realidad|mejor|doch|eigentlich|lieber|بل)[\s,.!:-]*)+(?:(?:we(?:'ll| will)?|let'?s|on|nous|wir|احنا|نحن)\s+)?(?:stay(?:ing)?|stick(?:ing)?|keep(?:ing)?|remain|go back|reste|restons|seguimos(?: siendo)?|nos quedamos|quedamos|somos|bleiben(?: wir)?|sind|bleibt es bei|خلينا|نبقى)?(?:\s+(?:at|with|to|à|a|en|con|bei|على))?\s*\d+(?:\s+(?:people|seats|users|personnes|utilisateurs|personas|usuarios|leute|personen|nutzer|أشخاص|شخص|مستخدم))?\s*[.!]*$/iu;

/** Capitalised words that follow "I'm" but are not names. */
const NOT_NAMES = new Set(
  (
    'interested looking here just not also new sure happy glad good fine okay ok sorry based currently still trying ' +
    'curious calling writing reaching wondering ready afraid going the a an in on at from with back in charge using ' +
    'responsible working planning thinking considering evaluating comparing hoping really very so excited frustrated ' +
    'tired busy free available open aware familiar able unable english spanish american british mexican buscando ' +
    'interesado interesada encargado encargada nuevo nueva de del el la un una yes no hi hello hey thanks thank ' +
    "and y but pero i i'm im from at for with to " +
    // French and German: function words, and what follows "je suis" / "ich bin" without being a name.
    'je j moi suis et ou nous vous du des le les l chez pour avec dans sur au aux ici aussi très intéressé intéressée ' +
    'nouveau nouvelle content contente ravi ravie désolé désolée responsable directeur directrice fondateur fondatrice ' +
    'gérant gérante commercial commerciale bonjour salut merci oui non ich wir bin und oder bei von aus für mit im am zum zur ' +
    'der die das den dem ein eine einer neu neue hier auch sehr interessiert froh gerade leider verantwortlich zuständig ' +
    'kunde kundin teil chef chefin leiter leiterin gründer gründerin inhaber inhaberin geschäftsführer geschäftsführerin ' +
    'entwickler entwicklerin berater beraterin hallo danke ja nein français française allemand allemande belge suisse ' +
    'canadien canadienne étudiant étudiante indépendant indépendante freelance deutscher deutsche österreicher österreicherin ' +
    'schweizer schweizerin student studentin freelancer selbstständig selbständig ' +
    // Months and days ("im Januar" answers when; April, May, June and August are also first names, so not those).
    'january february march july september october november december januar februar märz juni juli oktober dezember ' +
    'enero febrero marzo mayo junio julio agosto septiembre octubre noviembre diciembre janvier février mars juin juillet août ' +
    'septembre octobre novembre décembre monday tuesday wednesday thursday friday saturday sunday montag dienstag mittwoch ' +
    'donnerstag freitag samstag sonntag lunes martes miércoles jueves viernes sábado domingo lundi mardi mercredi jeudi vendredi samedi dimanche ' +
    'today tomorrow tonight yesterday hoy mañana ayer demain aujourd hier heute morgen gestern make call ' +
    // Fillers ("my name is ana um", "I'm Sam, like"): never part of a name.
    'um umm uh uhm erm yeah yep like well euh äh ähm pues bueno genre ' +
    // Asides after a name ("my name is Priya btw", "Sam Ortiz by the way"): never part of it.
    'btw by fyi tbh übrigens uebrigens por'
  ).split(' '),
);
const NAME_INTROS = [
  re(
    "\\b(?:my name is|my name's|name is|call me|me llamo|mi nombre es|je m['’]appelle|mon nom est|mon nom c['’]est|" +
      'ich hei(?:ß|ss)e|mein name ist|mein name lautet)\\s+(.+)',
  ),
  re("\\b(?:i'm|i’m|im|i am|soy|je suis|ich bin)\\s+(.+)"),
  re(
    '^(?:(?:hi|hello|hey|hola|good morning|buenos días|buenas|bonjour|salut|hallo|guten tag)[,!]?\\s+)?' +
      "(?:this is|aquí|aqui|habla|ici|c['’]est|moi,? c['’]est|hier ist|hier spricht)\\s+(.+)",
  ),
];
const GREETED_NAME = re(
  "^(?:hi|hello|hey|hiya|hola|bonjour|salut|hallo)[,!]?\\s+(?:i'm|i’m|im|i am|this is|it's|it’s|its)\\s+(\\p{Ll}[\\p{Ll}'’-]{1,15})(?:\\s+here)?\\s*(?:[.,!]|$)",
  'iu',
);
const GERMAN = re('[äöüß]|\\b(?:ich|wir|und|der|die|das|ist|bei|mit|unser|unsere|liegt|sind|haben|pro|jahr|monat|team)\\b');
const SIGN_OFF = re(
  '^(?:thanks|thank you|cheers|best|best regards|regards|kind regards|thx|gracias|saludos|un saludo|atentamente|' +
    'merci|cordialement|bien cordialement|bien à vous|danke|vielen dank|(?:viele|beste|liebe|freundliche|herzliche|sch[öo]ne) gr(?:ü|ue)(?:ß|ss)e|mit freundlichen gr(?:ü|ue)(?:ß|ss)en|mfg|gr(?:ü|ue)(?:ß|ss)e|gru(?:ß|ss))[,!.]?\\s+(.+)$',
);
const NAME_HERE = re('^(?:(?:hi|hello|hey|hola)[,!]?\\s+)?(.+?)\\s+(?:here|aquí|aqui)\\b');
const NAME_ICI = /^(?:(?:[Hh]allo|[Bb]onjour|[Ss]alut|[Ss]ervus|[Mm]oin|[Gg]rüß [Gg]ott|[Gg]uten [Tt]ag)[,!]?\s+)?(\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)?)\s+(?:hier|ici)(?![\p{L}])/u;

/**
 * "Maria Lopez from Acme Logistics, team of 25" or "Maria Lopez, Acme Logistics, 25 people": a sentence that opens
 * with a two- or three-word capitalised name followed by where the person works. Both are needed, and the name's words
 * must look like a person's: one capitalised word ("Pricing from HubSpot") or a tool ("Google Sheets, Jira") is a
 * topic, not an introduction.
 */
const NAME_COMPANY_INTRO = new RegExp(
  "^(?:(?:[Hh]i|[Hh]ello|[Hh]ey|[Hh]ola)[,!]?\\s+)?(\\p{Lu}[\\p{Ll}'’-]+(?:\\s+\\p{Lu}[\\p{Ll}'’-]+){1,2})(\\s+(?:from|at|with|de)\\s+|\\s*,\\s*)(\\p{Lu}.*)$",
  'u',
);
const NOT_PERSON = new Set(
  (
    'pricing price prices reports report data customer customers success sales marketing support product project team ' +
    'plan plans feature features integration integrations migration billing security onboarding account accounts ' +
    'google sheets excel slack jira asana trello notion hubspot salesforce zendesk microsoft teams outlook gmail zoom ' +
    'github gitlab confluence airtable clickup linear basecamp wrike smartsheet dropbox box office word quick question ' +
    'thanks hello good morning afternoon evening soy'
  ).split(' '),
);

export function extractIntroduction(sentence: string, context: PatternContext): { name: string; company: string } | undefined {
  const match = NAME_COMPANY_INTRO.exec(sentence.trim());
  const [, name = '', separator = '', rest = ''] = match ?? [];
  if (!match) return undefined;
  const words = name.toLowerCase().split(/\s+/);
  if (words.some((word) => NOT_NAMES.has(word) || NOT_PERSON.has(word) || COMPANY_STOP.has(word) || context.ownNames.has(word))) return undefined;
  const company = leadingCapitalised(rest, { maxWords: 4, stopWords: COMPANY_STOP, connectors: CONNECTORS })?.replace(/\.$/, '');
  if (!company || !acceptableCompany(company, context) || company.toLowerCase().split(/\s+/).some((word) => NOT_PERSON.has(word))) return undefined;
  // After a comma the company is a whole item of the list ("Maria Lopez, Acme Logistics, 25 people").
  if (separator.includes(',') && !/^[\s.,;!]*(?:$|[,;.])/.test(rest.slice(rest.indexOf(company) + company.length))) return undefined;
  return { name, company };
}

/**
 * A spoken introduction, as speech-to-text writes it (lower case, fillers first): "im dave from brightwater plumbing",
 * "eh soy marta garcia de transportes lopez somos unas 40 personas", "ich bin der tobias von der firma nordlicht
 * medien", "moi c'est camille de l'agence pixel rouge". Only in the frame "I'm <name> from <company>" (one or two
 * words of a name that are no common word, role or our own name), so "im calling from work" or "soy parte de" are not.
 */
const SPOKEN_INTRO = re(
  "^(?:(?:yeah|yes|so|um+|uh+|erm|eh+|euh+|äh+m?|ähm|ok|okay|well|hi|hello|hey|hola|bueno|pues|bonjour|salut|alors|bon|hallo|also|ja|oui|sí|si)[,!.]?\\s+)*" +
    "(?:i['’]?m|i am|my name is|(?:yo )?soy|me llamo|moi,? c['’]est|je suis|je m['’]appelle|ich bin(?:\\s+(?:der|die))?|ich hei(?:ß|ss)e|mein name ist)\\s+" +
    "(\\p{L}[\\p{L}'’-]+(?:\\s+\\p{L}[\\p{L}'’-]+)?)\\s+(?:from|de|del|chez|von|bei)\\s+" +
    "(?:(?:(?:the|la|el|le|l['’]|der|die|das)\\s*)?(?:company|firm|agency|empresa|compañía|agencia|société|entreprise|agence|boîte|firma|agentur|unternehmen)\\s+|l['’]|la\\s+|der\\s+|die\\s+)?" +
    "(\\p{L}[\\p{L}\\p{N}&'’-]*(?:\\s+[\\p{L}\\p{N}&'’-]+){0,3})",
);
/** Words that end a spoken company's name: the next clause ("… plumbing we have like 15 guys", "… lopez somos 40"). */
const SPOKEN_COMPANY_END = new Set(
  ("we we're were were and with our i so like um uh and y con somos tenemos nuestro nuestra e o et on nous avec genre euh notre und wir mit unser unsere haben sind " +
    'here there in at for en para pour für aus dans im the a an').split(' '),
);
/** Common words that follow "I'm" / "soy" / "je suis" / "ich bin" in a sentence that introduces no one. */
const NOT_SPOKEN_NAMES = new Set(
  ('parte part partie fan cliente clienta client cliento usuario usuaria miembro membre mitglied kunde kundin amigo amiga ami amie feliz capaz prêt prête sûr sûre fier fière ' +
    'yo done back off out away home calling coming writing reaching one fine good great new old big small glad happy sure tired based located originally ' +
    // Trades and roles ("soy diseñadora de una agencia", "im a designer from berlin", "je suis graphiste chez …").
    'designer engineer developer consultant accountant lawyer teacher student manager owner partner founder director coordinator analyst architect intern freelancer ' +
    'diseñador diseñadora ingeniero ingeniera abogado abogada contador contadora consultor consultora desarrollador desarrolladora programador programadora profesor profesora ' +
    'estudiante coordinador coordinadora analista arquitecto arquitecta autónomo autónoma becario becaria graphiste ingénieur ingénieure développeur développeuse consultante ' +
    'avocat avocate comptable professeur étudiant stagiaire architecte ingenieur ingenieurin designerin architekt architektin lehrer lehrerin praktikant praktikantin ' +
    'jefe jefa gerente dueño dueña socio socia fundador fundadora director directora encargado encargada chargé chargée cheffe').split(' '),
);
/** Words a company's name does not start with: an article or a possessive ("soy de una agencia", "from our office"). */
const NOT_COMPANY_START = new Set('a an the this that my our nuevo nueva again un una unos unas el los las mi nuestra nuestro une des le les mon ma notre ein eine einer der die das mein meine unser unsere'.split(' '));


export function extractSpokenIntroduction(sentence: string, context: PatternContext): { name: string; company: string } | undefined {
  const match = SPOKEN_INTRO.exec(sentence.trim());
  if (!match?.[1] || !match[2]) return undefined;
  const nameWords = match[1].toLowerCase().split(/\s+/);
  const common = (word: string) => NOT_NAMES.has(word) || NOT_SPOKEN_NAMES.has(word) || NOT_PERSON.has(word) || COMPANY_STOP.has(word) || context.ownNames.has(word);
  if (nameWords.some((word) => common(word) || word.length < 2 || /\d/.test(word)) || /(?:ing|ed)$/.test(nameWords[0] ?? '') || ROLE_ONLY.test(match[1])) return undefined;
  const companyWords: string[] = [];
  for (const word of match[2].split(/\s+/)) {
    const bare = word.replace(/[.,;:!?]+$/u, '');
    if (bare === '' || SPOKEN_COMPANY_END.has(bare.toLowerCase()) || /^\d/.test(bare)) break;
    companyWords.push(bare);
    if (bare !== word) break;
  }
  const company = companyWords.join(' ');
  const first = companyWords[0]?.toLowerCase() ?? '';
  if (company === '' || NOT_COMPANY_START.has(first) || !acceptableCompany(company, context) || (companyWords.length === 1 && NOT_PERSON.has(first))) return undefined;

  return { name: titleCase(match[1]), company: /\p{Lu}/u.test(company) ? company : titleCase(company) };
}

/**
 * A casual introduction typed in lower case, the name ending at a comma or the message: "im sam, ops lead at brightwave
 * logistics", "i'm mike", "je suis marc dupont, directeur financier chez ateliers rivoire", "ich bin lena,
 * projektmanagerin bei alpenblick reisen", "me llamo diego, soy gerente de operaciones en tacos el guero". The name is
 * one or two words that are no common word or role ("i'm good, thanks", "im calling from work" name no one); the
 * company only where a role says where it is held ("<role> at/of/chez/bei/en/de <company>").
 */
const CASUAL_INTRO = re(
  "^(?:(?:yeah|yes|so|um+|uh+|eh+|euh+|ok|okay|well|hi|hello|hey|hola|bueno|pues|bonjour|salut|alors|bon|hallo|also|ja|oui|sí|si)[,!.]?\\s+)*" +
    "(?:i['’]?m|i am|my name is|(?:yo )?soy|me llamo|moi,? c['’]est|je suis|je m['’]appelle|ich bin(?:\\s+(?:der|die))?|ich hei(?:ß|ss)e|mein name ist)\\s+" +
    "(\\p{L}[\\p{L}'’-]+(?:\\s+\\p{L}[\\p{L}'’-]+)?)\\s*(?:[,،]\\s*(.*?)|[.!]*)\\s*$",
);
/** Words after "I'm" that say how the prospect is, not who ("i'm lost", "je suis là", "ich bin da"). */
const NOT_CASUAL_NAMES = new Set('meinung ansicht überzeugung moment prinzip grunde lost late early down up there là da dabei alright all set confused stuck pretty quite kinda kind bit totally fully listening aboard hier ici aqui aquí'.split(' '));

export function extractCasualIntroduction(sentence: string, context: PatternContext): { name: string; role?: string; company?: string } | undefined {
  const match = CASUAL_INTRO.exec(sentence.trim());
  // ("Im Moment, …" is German: "im" there is "in the".)
  if (!match?.[1] || (/^im\s/i.test(match[0]) && GERMAN.test(sentence))) return undefined;
  const nameWords = match[1].toLowerCase().split(/\s+/);
  const at = ROLE_AT_COMPANY.exec(match[2]?.trim() ?? '');
  // (With a role and its company after the comma the frame is clear: "i'm ravi, founder of …" even though "ravi" is
  // also French for "glad".)
  const common = (word: string) =>
    (!at && (NOT_NAMES.has(word) || NOT_CASUAL_NAMES.has(word))) || NOT_SPOKEN_NAMES.has(word) || NOT_PERSON.has(word) || COMPANY_STOP.has(word) || context.ownNames.has(word);
  if (nameWords.some((word) => common(word) || word.length < 2) || /(?:ing|ed|ly|ful|ous|ive|able|ible)$/.test(nameWords[0] ?? '') || ROLE_ONLY.test(match[1])) return undefined;
  const name = titleCase(match[1]);
  // ("Soy la directora de operaciones": "de operaciones" is part of the role, no company.)
  const whole = (match[2] ?? '').trim().replace(ROLE_LEAD, '').replace(/[.!;]+$/u, '').trim();
  if (at && ROLE_ONLY.test(whole)) return { name, role: ACRONYM_ROLE.test(whole) ? whole.toUpperCase() : whole };
  const said = at?.[1] === undefined ? undefined : withoutFillers(at[1]).trim();
  const role = said && ACRONYM_ROLE.test(said) ? said.toUpperCase() : said;
  const where = at?.[2];
  if (!where || !role) return { name };
  const companyWords: string[] = [];
  for (const word of where.split(/\s+/)) {
    const bare = word.replace(/[.,;:!?…]+$/u, '');
    if (bare === '' || SPOKEN_COMPANY_END.has(bare.toLowerCase()) || /^\d/.test(bare)) break;
    companyWords.push(bare);
    if (bare !== word) break;
  }
  const company = companyWords.join(' ');
  const first = companyWords[0]?.toLowerCase() ?? '';
  if (company === '' || NOT_COMPANY_START.has(first) || !acceptableCompany(company, context) || (companyWords.length === 1 && NOT_PERSON.has(first))) return { name, role };
  return { name, role, company: /\p{Lu}/u.test(company) ? company : titleCase(company) };
}

export function extractName(sentence: string, context: PatternContext, messageEnd: boolean): Extracted | undefined {

  const introduced = extractIntroduction(sentence, context);
  if (introduced) return { value: introduced.name, confidence: 0.75 };
  for (const [index, pattern] of NAME_INTROS.entries()) {
    for (const match of sentence.matchAll(new RegExp(pattern.source, `${pattern.flags}g`))) {
      // "im" is a lazy "I'm" in English but "in the" in German ("Budget im Monat"): not an introduction there.
      if (/^im\s/i.test(match[0]) && GERMAN.test(sentence)) continue;
      const explicit = index === 0;
      const name = nameFrom(match[1] ?? '', context, explicit);
      if (name) return { value: name, confidence: explicit ? 0.9 : 0.8 };
    }
  }
  // "hi, im sam." — a greeting, then one lower-case word that ends the clause: typed fast, still a name.
  const greeted = GREETED_NAME.exec(sentence)?.[1]?.toLowerCase();
  if (greeted && !NOT_NAMES.has(greeted) && !/(?:ed|ing|ly|ful|ous|ive|able|ible)$/.test(greeted) && !context.ownNames.has(greeted)) {
    return { value: greeted.charAt(0).toUpperCase() + greeted.slice(1), confidence: 0.7 };
  }
  const here = NAME_HERE.exec(sentence)?.[1];
  // ("IT admin here", "Head of Ops here": a role, not a name.)
  const fromHere = here && !ROLE_ONLY.test(here.trim()) ? nameFrom(here.replace(re('\\s+(?:from|at|de)\\s+.*$'), ''), context, false) : undefined;
  if (fromHere && fromHere.split(' ').length <= 3) return { value: fromHere, confidence: 0.75 };
  // "Katrin hier, Leiterin IT", "Julien ici": only a first name we know ("hier" is also French for "yesterday").
  const ici = NAME_ICI.exec(sentence)?.[1];
  if (ici && FIRST_NAMES.has(ici.split(/\s+/)[0]?.toLowerCase() ?? '') && !context.ownNames.has(ici.toLowerCase())) return { value: ici, confidence: 0.75 };
  // "Mit freundlichen Grüßen\nHerr Schneider": a name with its title alone on the message's last line is a signature.
  const titled = messageEnd ? /^(?:Herr|Frau)\s+(?:(?:Dr|Prof)\.\s+)*(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?)\s*[.!]?$/u.exec(sentence.trim())?.[1] : undefined;
  if (titled && !context.ownNames.has(titled.toLowerCase())) return { value: titled, confidence: 0.7 };
  // Sign-offs count only at the end of a message ("Thanks,\nAna"), where they are a signature, not a thank-you.
  const signOff = messageEnd ? SIGN_OFF.exec(sentence)?.[1] : undefined;
  const signed = signOff ? nameFrom(signOff, context, false) : undefined;
  // ("Mit freundlichen Grüßen\nHerr Schneider": the title before the name is no part of it.)
  if (signed && signOff && signed.length >= signOff.replace(/[.!]$/, '').trim().replace(NAME_TITLE, '').length) return { value: signed, confidence: 0.7 };
  return extractArabicName(sentence, context);
}

/** A title before a name ("Dr. Katharina Weiß", "Frau Huber"): not part of the name. */
const NAME_TITLE = /^(?:(?:dr|prof|mr|mrs|ms|sr|sra|srta|mme|mlle)\.?|herr|frau|madame|monsieur)\s+(?=\p{L})/iu;

function nameFrom(rest: string, context: PatternContext, explicit: boolean): string | undefined {
  const trimmed = rest.trim().replace(NAME_TITLE, '');
  // "my name is ana" is explicit enough to accept lower case; "i'm ana" is not ("i'm looking…").
  const source = explicit ? trimmed.replace(/(?<![\p{L}'’])\p{Ll}/gu, (c) => c.toUpperCase()) : trimmed;
  const name = leadingCapitalised(source, { maxWords: 3, stopWords: NOT_NAMES });
  if (!name || ROLE_ONLY.test(name) || context.ownNames.has(name.toLowerCase()) || /\d/.test(name)) return undefined;
  const first = name.split(' ')[0]?.toLowerCase() ?? '';
  if (NOT_NAMES.has(first) || first.length < 2) return undefined;
  return name;
}

const ROLE_SOURCE =
  "(?:chief [a-z]+ officer|c[eotfmi]o|ciso|cpo|cro|vp(?: of [\\p{L}&]+(?: [\\p{L}&]+)?| (?:operations|ops|sales|marketing|engineering|finance|product|technology|it|people|hr|procurement))?|vice president(?: of [\\p{L}&]+)?|" +
  // ("Coordinadora en Fundación Mar Abierto", "project coordinator at …".)
  '(?:[\\p{L}-]+ )?coordinator|coordinador(?:a)?(?: de [\\p{L}]+)?|' +
  'head of [\\p{L}&]+(?: [\\p{L}&]+)?|director(?:a)?(?: of [\\p{L}&]+| de [\\p{L}&]+| financier[oa]| general| comercial| t[eé]cnic[oa]| ejecutiv[oa]| creativ[oa])?|(?:[\\p{L}-]+ )?manager|' +
  '(?:co-?)?founder|owner|(?:senior |lead |software |staff )?(?:engineer|developer)|team lead|tech lead|' +
  'consultant|president|partner|(?:it |system |systems )?admin(?:istrator)?|(?:[\\p{L}-]+ )?lead|' +
  'jef[ea] de [\\p{L}]+|gerente(?: de [\\p{L}]+)?|(?:co-?)?fundador(?:a)?|dueñ[oa]|socio|socia|' +
  // French
  "(?:directeur|directrice)(?: (?:général|générale|commercial|commerciale|technique|financier|financière|marketing|des ventes|du marketing|des opérations))?|" +
  "responsable (?:des |du |de la |de l['’]|de |d['’])?[\\p{L}]+|(?:co-?)?(?:fondateur|fondatrice)|pdg|dg|dsi|drh|daf|raf|rssi|dpo|gérant(?:e)?|propriétaire|proprio|" +
  "chef (?:de projet|d['’]équipe|de produit|des ventes)|ingénieur(?:e)?|développeur|développeuse|" +
  // German
  '(?:geschäftsführer|gründer|mitgründer|inhaber|teamleiter|abteilungsleiter|projektleiter|vertriebsleiter|marketingleiter|' +
  'it-leiter|leiter|entwickler|berater|prokurist|projektmanager|produktmanager)(?:in)?(?: (?:des|der) [\\p{L}-]+| (?:it|vertrieb|marketing|einkauf|finanzen|personal|technik|entwicklung|produktion|logistik|operations))?|vorstand|' +
  // Arabic
  '(?:ال)?(?:مدير|مديرة|رئيس|رئيسة)(?: تقنية المعلومات| (?:ال)?(?:تنفيذي|تنفيذية|تقني|تقنية|مالي|مالية)| الموارد البشرية| المشتريات| المنتج| المبيعات| التسويق| العمليات| المشروع| المشاريع| مشاريع| مشروع| قسم [\\p{L}]+| فريق [\\p{L}]+)?|' +
  '(?:ال)?(?:مؤسس|مؤسسة|مهندس|مهندسة|مطور|مطورة)|(?:ال)?شريك المؤسس|صاحب الشركة|صاحبة الشركة|(?:ال)?مسؤول(?:ة)? (?:عن )?[\\p{L}]+)';
const ROLE_ONLY = re(`^${ROLE_SOURCE}$`);
/** Roles said by their initials, stored in capitals ("cto" → "CTO"). */
const ACRONYM_ROLE = /^(?:c[eotfmi]o|ciso|cpo|cro|vp|pdg|dg|dsi|drh|daf|raf|rssi|dpo)$/i;
/** "ops lead at brightwave logistics", "je suis la proprio de studio boreal", "bin cto bei kitefox": a role, then where. */
const ROLE_AT_COMPANY = re(
  "^(?:(?:and|y|et|und)\\s+)?(?:(?:i['’]?m|i am|i work as|je suis|soy|trabajo como|ich bin|bin)\\s+)?(?:(?:the|a|an|el|la|un|una|le|l['’]|une|der|die|ein|eine)\\s*)?" +
    `(${ROLE_SOURCE})\\s+(?:at|of|for|with|chez|de|du|en|bei|von|in)\\s+(?:(?:the|la|le|l['’]|el|der|die|das)\\s*)?(\\p{L}[\\p{L}\\p{N}&'’-]*(?:\\s+[\\p{L}\\p{N}&'’-]+){0,3})`,
);
/** What comes before a role: "and I'm the", "soy la", "je suis le", "ich bin die". */
const ROLE_LEAD = re(
  "^(?:(?:and|y|et|und)\\s+)?(?:(?:i['’]?m|i am|i work as|je suis|soy|trabajo como|ich bin|bin)\\s+)?(?:(?:the|a|an|el|la|un|una|le|l['’]|une|der|die|ein|eine)\\s*)?",
);
const ROLE_INTROS = [
  re(
    "\\b(?:i'm|i’m|im|i am|as|my role is|my title is|i work as|soy|como|trabajo como|je suis|je travaille comme|en tant que|mon poste est|" +
      `mon rôle est|ich bin|ich arbeite als|als|meine position ist|meine rolle ist|أنا|انا|وأنا|وانا|بصفتي|منصبي)\\s+(?:the|a|an|el|la|un|una|our|le|l['’]|une|der|die|ein|eine)?\\s*(${ROLE_SOURCE})(?![\\p{L}])`,
  ),
  re(`(?:أعمل|اعمل|نعمل)\\s+كـ?\\s*(${ROLE_SOURCE})(?![\\p{L}])`),
  // "I run ops at a creative agency", "I head marketing": the head of that department.
  re("\\bi (?:run|head|lead|manage) ((?:ops|operations|marketing|sales|it|engineering|finance|hr|people|procurement|product|design|customer success|support))(?![\\p{L}])"),
  // "I'm in procurement at Meridian", "I work in IT": the department they work in.
  re("\\b(?:i['’]?m|i am|i work) in ((?:procurement|purchasing|finance|marketing|sales|operations|ops|it|hr|legal|engineering|security|it security))(?![\\p{L}])"),
  // "Ich leite die IT": the head of that department.
  re('\\bich leite (?:die|das|den|unsere|unser|unseren) ((?:it|[\\p{L}-]+abteilung|[\\p{L}-]+team|vertrieb|buchhaltung|entwicklung|technik|verwaltung|personalabteilung|produktion|logistik))(?![\\p{L}])'),
  re(`^(?:[\\p{L}]+,\\s*)?(${ROLE_SOURCE})\\s+(?:here|at|of|aquí|en|de|chez|bei)\\b`),
  // "I'm Sarah, the CEO"; never "…, our CEO is" / "…, the CTO decides" (someone else's role).
  re(`,\\s*(?:the|el|la|le|l['’]|der|die)\\s*(${ROLE_SOURCE})(?![\\p{L}])(?!\\s+(?:is|decides|signs|will|has|needs|must|does|would|approves|es|decide|est|décide|ist|entscheidet)\\b)`),
  // "I'm Sarah, VP of Sales at Contoso": without an article, only when the role is followed by where it is held.
  re(`[,،]\\s*(${ROLE_SOURCE})(?=\\s+(?:at|of|for|here|en|de|chez|à|bei|von|في|لدى)\\b|\\s*[,.;!،]|$)`),
];
const ROLE_STOP = re('\\s+(?:at|of|for|in|and|here|en|de|y|chez|à|et|bei|von|und|في|لدى)$');

export function extractRole(sentence: string): Extracted | undefined {
  for (const pattern of ROLE_INTROS) {
    const match = pattern.exec(sentence)?.[1];
    if (!match) continue;
    const whole = pattern.exec(sentence)?.[0] ?? '';
    const department = match.replace(/^it\b/i, 'IT');
    const role = withoutFillers(/^ich leite /i.test(whole) ? `Leitung ${department}` : /^i (?:run|head|lead|manage) /i.test(whole) ? `Head of ${department}` : /^(?:i['’]?m|i am|i work) in /i.test(whole) ? department : match).replace(ROLE_STOP, '').trim();
    // "I'm a bit of a lead" is rare; "I'm the lead" alone is too vague to be a role.
    if (/^lead$/i.test(role)) continue;
    const value = ACRONYM_ROLE.test(role) ? role.toUpperCase() : role.replace(/^vp\b/i, 'VP');
    return { value, confidence: 0.8 };
  }
  // A role on its own ("CTO", "Head of Operations"), as an answer to "who makes the decision?" or "what's your role?".
  const bare = sentence.trim().replace(/[.!]+$/, '');
  if (ROLE_ONLY.test(bare)) return { value: ACRONYM_ROLE.test(bare) ? bare.toUpperCase() : bare, confidence: 0.6 };
  return undefined;
}

/** Triggers after which any word may be the company, even lower-case ("i work at acme"). */
const COMPANY_STRONG = re(
  "\\b(?:(?:i|we)\\s+(?:work|am working|are working)|working)\\s+(?:for|at)\\s+(.+)|\\bour company(?:'s name)?(?: is|'s| name is)\\s+(.+)|" +
    '\\b(?:company|startup|business|agency|firm|organi[sz]ation) (?:is )?called\\s+(.+)|\\btrabajo (?:en|para)\\s+(.+)|' +
    '\\b(?:mi|nuestra|la) (?:empresa|compañía|compania|agencia) (?:es|se llama)\\s+(.+)|' +
    "\\b(?:je travaille|nous travaillons|on travaille|je bosse)\\s+(?:chez|pour)\\s+(.+)|" +
    "\\b(?:notre|mon|ma) (?:entreprise|société|boîte|start-?up|agence|organisation) (?:s['’]appelle|est|c['’]est|se nomme)\\s+(.+)|" +
    '\\b(?:ich arbeite|wir arbeiten)\\s+(?:bei|für)\\s+(.+)|' +
    '\\b(?:unser|unsere|mein|meine) (?:firma|unternehmen|startup|agentur|organisation) (?:heißt|heisst|ist|nennt sich)\\s+(.+)',
);
/** Triggers that need a capitalised name after them ("I'm with Acme", "CTO at Acme", "we're Acme"). */
const COMPANY_WEAK = re(
  `(?:\\b(?:i'm|i’m|im|i am|we're|we’re|we are|here|we|i|work(?:ing|s)?)|${ROLE_SOURCE})(?:\\s+(?!looking|look|good|great)[\\p{L}']+){0,3}?\\s+at\\s+(.+)|` +
    // "I'm Maria Lopez from Acme Logistics": a name between "I'm" and "from".
    // ("This is Priya by the way, from Nimbus", "Priya here, from Nimbus": an aside between the name and "from".)
    "\\b(?:i'm|i’m|im|i am|we're|we’re|we are|this is)(?:\\s+[\\p{L}']+){0,2}(?:,?\\s+(?:by the way|btw|here))?,?\\s+(?:from|with)\\s+(.+)|" +
    '^(?:(?:hi|hello|hey|hola)[,!]?\\s+)?[\\p{L}]+(?: [\\p{L}]+)? (?:from|de) (.+?) (?:here|aquí)\\b|' +
    '^(?:(?:hi|hello|hey|hola)[,!]?\\s+)?[\\p{L}]+(?: [\\p{L}]+)? (?:here|aquí),?\\s+(?:from|with|de)\\s+(.+)|' +
    "\\b(?:we're|we’re|we are|somos|nous sommes)\\s+(.+)|" +
    // "company is Acme Logistics", "Company: Acme" (a capitalised name: "company is about 50 people" names none).
    '^(?:(?:the|my)\\s+)?(?:company|employer|empresa|entreprise|société|firma|unternehmen)(?:\\s+name)?(?:[\\x27’]s|\\s+is|\\s+es|\\s+est|\\s+ist|\\s*:)\\s+(.+)|' +
    // French: "chez Acme", "de la société Acme"; German: "bei der Firma Acme" (a capitalised name after them).
    `\\b(?:je suis|je travaille|nous sommes|on est|nous travaillons|je viens|de|ici|${ROLE_SOURCE})\\s+chez\\s+(.+)|\\b(?:de|pour) (?:la société|l['’]entreprise|la boîte|l['’]agence|la start-?up)\\s+(.+)|` +
    '\\b(?:bei|von|für) der (?:firma|agentur)\\s+(.+)|' +
    // "Os escribo de parte de Talleres Ibarra", "le escribo desde Grupo Norte" (a capitalised name after it).
    '\\b(?:os|les|le|te)\\s+(?:escribo|escribimos|contacto|contactamos)\\s+(?:de parte de|desde)\\s+(.+)|' +
    // "Geschäftsführer bei Pixelwerk", "CTO en Acme": a role, then where.
    `(?:${ROLE_SOURCE})\\s+(?:bei|en)\\s+(.+)`,
);
/** "bei Acme GmbH": German nouns are capitalised, so "bei X" names a company only with its legal form. */
const GERMAN_LEGAL_FORM = /(?<![\p{L}])(?:bei|von|für|Bei|Von|Für|(?:[Ww]ir sind|[Ii]ch bin von)(?:\s+die|\s+der|\s+das)?)\s+(?:der\s+|dem\s+)?((?:[\p{Lu}\p{N}][\p{L}\p{N}&'’.-]*\s+(?:&\s+)?){1,3}(?:GmbH|AG|KG|SE|UG|mbH)(?:\s+&\s+Co\.\s+KG)?)(?![\p{L}])/u;
const COMPANY_STOP = new Set(
  (
    'the a an my our this that monday tuesday wednesday thursday friday saturday sunday january february march april ' +
    'may june july august september october november december christmas easter home night work noon ' +
    'looking interested here just not also new sure happy ready using based currently still trying evaluating ' +
    'comparing considering planning hiring growing a small big large i we you it they he she ' +
    'une un le la les l des du d mon ma mes notre nos votre vos moi nous vous lui eux ' +
    'ein eine einer einem einen der die das den dem des mein meine meiner meinem unser unsere unserer unserem uns mich mir ' +
    'ihnen sie ihr ihrem ihrer ihren euch bedarf'
  ).split(' '),
);
const CONNECTORS = new Set(['&', 'and', 'of', 'de', 'y', 'del']);

/**
 * "Soy Ana (Ruiz), de Logística Sur", "Je suis Marie de Studio Lumière", "Ich bin Jonas von Müller Bau": a capitalised
 * name between "soy / je suis / ich bin" and "de / von" (case matters: "soy el director de", "je suis directrice de").
 */
const SOY_NAME_DE = /(?:\b[Ss]oy|\b[Jj]e suis|\b[Ii]ch bin|\b[Mm]ein Name ist)(?:\s+(?:Dr|Dra|Prof)\.?)?(?:\s+\p{Lu}[\p{Ll}'’-]+){1,3}\s*,?\s+(?:de|del|d['’]|von(?: der| dem)?|bei(?: der)?)\s*(.+)/u;

/** "company is fernhill studio", "company name: fernhill", "my company's northpeak": the whole rest is the name. */
const COMPANY_IS = /^\s*(?:(?:and|oh|also|btw)[,\s]+)?(?:(?:the|my|our)\s+)?(?:company|employer)(?:\s+name)?(?:['’]s|\s+is|\s*:)\s+([\p{L}\p{N}&'’-]+(?:\s+[\p{L}\p{N}&'’-]+){0,2})\s*(?:btw|by the way)?\s*[.!]?\s*$/iu;
/** What follows "company is" that is no name: a size, a place, a kind ("about 50 people", "based in leeds", "growing"). */
const NOT_A_COMPANY_NAME = /^(?:about|around|roughly|approximately|like|pretty|very|quite|in|based|small|big|large|tiny|growing|new|old|not|still|the|a|an|\d)\b|\b(?:people|employees|staff|users|seats|ppl)\b/i;

export function extractCompany(sentence: string, context: PatternContext): Extracted | undefined {
  const introduced = extractIntroduction(sentence, context);
  if (introduced) return { value: introduced.company, confidence: 0.75 };
  const strong = COMPANY_STRONG.exec(sentence);
  const strongRest = strong?.slice(1).find((group) => group !== undefined);
  if (strongRest) {
    const capitalised = leadingCapitalised(strongRest, { maxWords: 4, stopWords: COMPANY_STOP, connectors: CONNECTORS });
    const value = capitalised ?? /^[\p{L}\p{N}][\p{L}\p{N}&.'-]*/u.exec(strongRest.trim())?.[0]?.replace(/\.$/, '');
    if (value && acceptableCompany(value, context)) return { value: value.replace(/\.$/, ''), confidence: 0.85 };
  }
  const spanish = SOY_NAME_DE.exec(sentence)?.[1];
  const fromSpanish = spanish ? leadingCapitalised(spanish, { maxWords: 4, stopWords: COMPANY_STOP, connectors: CONNECTORS })?.replace(/\.$/, '') : undefined;
  if (fromSpanish && acceptableCompany(fromSpanish, context)) return { value: fromSpanish, confidence: 0.75 };
  const legal = GERMAN_LEGAL_FORM.exec(sentence)?.[1];
  if (legal && acceptableCompany(legal, context)) return { value: legal, confidence: 0.8 };
  const listed = listedCompany(sentence, context);
  if (listed) return { value: listed, confidence: 0.7 };
  // "company is fernhill studio", typed in lower case: the whole rest of the sentence, one to three words, is the name.
  const named = COMPANY_IS.exec(sentence)?.[1];
  if (named && !COMPANY_STOP.has(named.split(/\s+/)[0]?.toLowerCase() ?? '') && !NOT_A_COMPANY_NAME.test(named) && acceptableCompany(titleCase(named), context)) return { value: titleCase(named), confidence: 0.8 };
  const weak = new RegExp(COMPANY_WEAK.source, `${COMPANY_WEAK.flags}g`);
  for (const match of sentence.matchAll(weak)) {
    const rest = match.slice(1).find((group) => group !== undefined);
    if (!rest) continue;
    const value = leadingCapitalised(rest, { maxWords: 4, stopWords: COMPANY_STOP, connectors: CONNECTORS });
    // "from X to Y" is a move between tools, not where the prospect works.
    if (value && acceptableCompany(value, context) && !re(`${escape(value)}\\s+(?:to|a)\\b`).test(rest)) {
      return { value: value.replace(/\.$/, ''), confidence: 0.75 };
    }
  }
  return extractArabicCompany(sentence, context);
}

/** A name said first: "me llamo Ana", "ich heiße Max", "je m'appelle Claire", "my name is", "soy", "I'm". */
const NAME_SAID = /(?<![\p{L}])(?:me llamo|mi nombre es|soy|ich hei(?:ß|ss)e|mein name ist|ich bin|je m['’]appelle|je suis|moi c['’]est|my name is|i['’]?m|i am)\s+\p{L}/iu;
/**
 * A company given as an item of a list after the name: "ich heiße Max Huber, Firma Kleinbau GmbH", "me llamo Andrés
 * Gómez, andres@x.org, de Fundación Luz", "je m'appelle Claire, société Atelier Lumière": a capitalised name, the item's end.
 */
const LISTED_COMPANY = /,\s*(?:((?:de|del|from|von|bei|chez)\s+(?:la\s+|der\s+|l['’])?)|(?:firma|unternehmen|empresa|compañía|company|entreprise|société|asso|association|verein|asociación|fundación)\s*:?\s+)([^,;.!?]+?)\s*(?:[,;.!?]|$)/giu;
function listedCompany(sentence: string, context: PatternContext): string | undefined {
  // (Or the name alone, capitalised, first: "Andrés Pérez, de FintechCo".)
  if (!NAME_SAID.test(sentence) && !/^\s*\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+){0,2}\s*,/u.test(sentence)) return undefined;
  for (const match of sentence.matchAll(LISTED_COMPANY)) {
    const item = match[2] ?? '';
    // (After "firma", "empresa", "société" the item is the company's name, however it is typed: "firma pixelwerk".)
    const bare = item.trim();
    const named = !match[1] && /^[\p{L}\p{N}][\p{L}\p{N}&.'’-]*(?:\s+[\p{L}\p{N}&.'’-]+){0,2}$/u.test(bare) && (/^\p{Lu}/u.test(bare) || !COMPANY_STOP.has(bare.split(/\s+/)[0]?.toLowerCase() ?? '')) ? (/\p{Lu}/u.test(bare) ? bare : titleCase(bare)) : undefined;
    const value = (leadingCapitalised(item, { maxWords: 4, stopWords: COMPANY_STOP, connectors: CONNECTORS }) ?? named)?.replace(/\.$/, '');
    // (The whole item: "de Madrid y somos 20" is no company; and after "de" one word is more likely a town: "de Sevilla".)
    // (A one-word name with a capital inside is a company's, not a town's: "de FintechCo".)
    if (!value || value.toLowerCase() !== bare.toLowerCase() || (match[1] && !/\s/u.test(value) && !/^\p{Lu}\p{Ll}+\p{Lu}/u.test(value))) continue;
    if (acceptableCompany(value, context)) return value;
  }
  return undefined;
}

/** "Globex, I'm head of IT", "Acme Corp - I am the CTO": a capitalised name said first, then the role held there. */
const COMPANY_THEN_ROLE = /^\s*([\p{Lu}][\p{L}\p{N}&.'’-]*(?:\s+(?:&\s+)?[\p{Lu}][\p{L}\p{N}&.'’-]*){0,3})\s*(?:,|\s[–—-])\s*(?:[Aa]nd\s+|[Yy]\s+|[Ee]t\s+|[Uu]nd\s+)?((?:[Ii]['’]?m|[Ii] am|[Ii]m|(?:[Yy]o\s+)?[Ss]oy|[Jj]e suis|[Ii]ch bin)\s.+)$/u;
const NOT_A_LEADING_COMPANY = /^(?:hi|hello|hey|yes|yeah|yep|no|nope|sure|ok|okay|well|so|actually|sorry|thanks|great|cool|right|also|oh|ah|hmm|anyway|honestly|basically|dear|good|hola|buenas|buenos d[ií]as|buenas tardes|s[ií]|vale|bueno|pues|gracias|perd[oó]n|bonjour|bonsoir|salut|oui|non|alors|bon|merci|pardon|d[ée]sol[ée]e?|hallo|servus|moin|guten tag|guten morgen|ja|nein|also|danke|entschuldigung|genau|yo|moi|ich)$/iu;

/** The company a message opens with before the role ("Globex, I'm head of IT"), when the rest is a role. */
export function extractCompanyBeforeRole(sentence: string, context: PatternContext): Extracted | undefined {
  const match = COMPANY_THEN_ROLE.exec(sentence);
  const company = match?.[1]?.replace(/\.$/, '');
  if (!company || !match?.[2] || NOT_A_LEADING_COMPANY.test(company) || !acceptableCompany(company, context) || !extractRole(match[2])) return undefined;
  // ("Sarah, I'm head of IT": a first name said before the role is who they are, not where they work.)
  if (isPersonName(company)) return undefined;
  return { value: company, confidence: 0.7 };
}

/** Words that make a name a company's ("Victor Logistics", "Martin & Co", "Paula GmbH"). */
const COMPANY_WORD = /^(?:&|inc|corp|corporation|ltd|llc|plc|gmbh|ag|kg|se|ug|sa|sas|sarl|sl|bv|co|company|group|groupe|gruppe|labs?|logistics|solutions|systems|studios?|media|tech|technologies|consulting|partners|agency|agencia|agence|agentur|holdings?|industries|services|software|digital|ventures|capital|global|international)\.?$/i;

/** A first name, alone or with one surname ("Sarah", "Sarah Connor"), and no word of a company's name after it. */
function isPersonName(value: string): boolean {
  const words = value.split(/\s+/);
  return words.length <= 2 && FIRST_NAMES.has(words[0]?.toLowerCase() ?? '') && !words.slice(1).some((word) => COMPANY_WORD.test(word));
}

/** A name, a comma, then the rest of the message (a role, when `extractRole` reads one there). */
/** A greeting a message opens with, and its comma ("Hi,", "Bonjour,", "Hallo,", "Buenas tardes,"). */
const LEADING_GREETING =
  /^\s*(?:hi|hello|hey|good (?:morning|afternoon|evening)|hola|buenas(?: tardes| noches)?|buenos d[ií]as|bonjour|bonsoir|salut|hallo|guten (?:tag|morgen|abend)|servus|moin)(?:\s+there)?\s*[,.:;]\s*/iu;
const NAME_THEN_ROLE = /^\s*(\p{Lu}\p{Ll}+(?:\s+\p{Lu}[\p{Ll}'’-]+)?)\s*(?:,|\s[–—-])\s*(.+)$/u;

/** The first name a message opens with before the role ("Sarah, I'm head of IT", "Jonas – I'm the CTO"). */
export function extractNameBeforeRole(sentence: string, context: PatternContext): Extracted | undefined {
  // ("Priya, head of operations", "Claire Martin, DSI chez Groupe Vauban": the role said without "I'm".)
  // ("Bonjour, Claire Dubois, responsable IT chez Atelier Bleu": the greeting first.)
  const body = sentence.replace(LEADING_GREETING, '');
  const match = COMPANY_THEN_ROLE.exec(body) ?? NAME_THEN_ROLE.exec(body);
  const name = match?.[1];
  if (!name || !match?.[2] || !isPersonName(name) || context.ownNames.has(name.toLowerCase()) || !extractRole(match[2])) return undefined;
  return { value: name, confidence: 0.7 };
}

function acceptableCompany(value: string, context: PatternContext): boolean {
  const lower = value.toLowerCase();
  if (COMPANY_STOP.has(lower) || NOT_NAMES.has(lower) || context.ownNames.has(lower) || ROLE_ONLY.test(value)) return false;
  // A bare number ("we're 20") is a team size, and "We're Ana and Luis" is not a company.
  return /\p{L}/u.test(value) && !/^\d/.test(value);
}

function escape(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const APPROX =
  "(?:about|around|roughly|approximately|approx\\.?|~|some|over|almost|nearly|close to|unos|unas|alrededor de|cerca de|casi|más de|" +
  'environ|à peu près|près de|presque|plus de|ungefähr|etwa|rund|circa|fast|über|mehr als|حوالي|حوالى|تقريبا|تقريبًا|نحو|أكثر من|اكثر من)';
const SEAT_WORDS =
  '(?:users?|seats?|licen[cs]es?|accounts?|usuarios?|licencias?|puestos?|cuentas?|utilisateurs?|utilisatrices?|postes?|comptes?|' +
  'nutzer(?:innen)?|benutzer(?:innen)?|lizenzen|lizenz|konten|plätze|مستخدم(?:ا|ين|ون)?|رخص(?:ة)?|تراخيص|ترخيص|حسابات)';
const PEOPLE_WORDS =
  '(?:people|ppl|pax|persons?|employees?|staff|members?|engineers?|developers?|devs|agents?|folks|heads|reps|person|guys|gals|workers|techs|drivers|' +
  // Who the team is, by trade ("a school with 40 teachers", "12 designers").
  'teachers|nurses|doctors|designers|consultants|lawyers|accountants|technicians|volunteers|editors|writers|analysts|recruiters|' +
  'profesores|docentes|enfermeras|enfermeros|abogados|consultores|voluntari[oa]s|bénévoles|benevoles|ehrenamtliche[n]?|freiwillige[n]?|متطوع(?:ا|ين|ون)?|enseignants|infirmières|infirmiers|avocats|consultants|lehrer(?:innen)?|lehrkräfte|pflegekräfte|berater(?:innen)?|' +
  'personas?|empleados?|trabajadores?|miembros?|integrantes|personnes?|salariés?|employés?|collaborateurs?|collaboratrices?|membres?|' +
  'développeurs?|commerciaux|personen|mitarbeiter(?:innen|n)?|mitarbeitende[n]?|leuten?|kollegen|kolleginnen|entwickler(?:innen)?|' +
  'beschäftigte[n]?|شخص(?:ا)?|أشخاص|اشخاص|موظف(?:ا|ين|ون)?|عضو(?:ا)?|أعضاء|اعضاء|فرد(?:ا)?|أفراد|افراد)';
/** Words said before a rough count ("we're like 35", "on est genre 35", "somos como 35", "wir sind so 35"). */
const LOOSELY = '(?:like|maybe|about|around|roughly|perhaps|unos|unas|como|m[aá]s o menos|environ|genre|etwa|ungefähr|so|so etwa|so um die|um die|يعني|تقريبا|تقريبًا)';
const RANGE = `(${COUNT})(?:\\s*(?:-|–|to|or|a|o|y|à|ou|bis|oder|إلى|الى|أو|او)\\s*(${COUNT}))?`;
/** Units after "we are 20" that make it something other than people: money, time, steps. */
const NOT_PEOPLE_UNITS =
  '%|[$€£]|k\\b|dollars|euros|days|weeks|months|years|días|semanas|meses|años|minutes|hours|steps|away|from|of the|' +
  'jours|semaines|mois|ans|années|heures|tage|wochen|monate|jahre|stunden|minuten|euro|dollar|يوم|أيام|ايام|أسبوع|أسابيع|شهر|أشهر|اشهر|سنة|سنوات|دولار|يورو|ساعة|دقيقة';
/** The team as it will be: "we'll be 30", "on sera 30", "seremos 30", "wir werden 30 sein", "سنكون ٢٠ فقط". */
const TEAM_TO_BE = "we['’]ll be|we will be|we['’]d be|we would be|seremos|ser[ií]amos|on sera|on serait|nous serons|nous serions|wir werden|wir w[äa]ren|سنكون|سوف نكون";
const TEAM_PATTERNS: { pattern: RegExp; confidence: number }[] = [
  // "Headcount is 45", "team size: 12", "tamaño del equipo: 12", "taille de l'équipe : 12", "Teamgröße 12".
  {
    pattern: re(
      `\\b(?:head ?count|team size|company size|size of (?:the|our) team|tama[ñn]o del equipo|taille de l['’][ée]quipe|teamgr[öo](?:ß|ss)e|mitarbeiterzahl)\\s*(?:is|of|are|es|de|est|ist|:|=)?\\s*(?:${APPROX}\\s+)?${RANGE}\\b(?!\\s*(?:${NOT_PEOPLE_UNITS}))`,
      'giu',
    ),
    confidence: 0.8,
  },
  // "On ne serait que 45 à l'utiliser", "nous ne sommes plus que 12": only that many (a correction, like "only 30 would use it").
  {
    pattern: re(`\\b(?:on|nous)\\s+(?:ne\\s+|n['’])(?:est|sera|serait|sommes|serons|serions)\\s+(?:plus\\s+)?que\\s+(?:${APPROX}\\s+)?${RANGE}\\b(?!\\s*(?:${NOT_PEOPLE_UNITS}))`, 'giu'),
    confidence: 0.86,
  },

  // "45 people but only 30 would use it": those who would use it are the seats (and beat the headcount).
  {
    pattern: re(
      `\\b(?:only|just|about|around|maybe)?\\s*${RANGE}\\s+(?:of (?:them|us)\\s+)?(?:would|will|need to|are going to|actually|really)?\\s*(?:use (?:it|the tool|the product|the app|the platform|the software|this|northwind(?: cloud)?)|be using (?:it|the tool|the product|the app|the platform|this)|need (?:it|access|a seat|seats|licen[cs]es)|log in)\\b`,
      'giu',
    ),
    confidence: 0.86,
  },
  // "pero lo usarían 40", "seuls 40 l'utiliseraient", "nur 40 würden es nutzen".
  {
    pattern: re(
      `\\b(?:(?:lo|la) (?:usar[ií]an|usar[aá]n|van a usar|necesitan)|(?:l['’])?utiliseraient|(?:l['’])?utiliseront|(?:en )?auraient besoin)\\s+(?:unos |unas |solo |s[oó]lo |seulement |environ )?${RANGE}\\b`,
      'giu',
    ),
    confidence: 0.86,
  },
  // (A pattern of its own: `extractTeamSize` reads the count from the first two groups.)
  {
    pattern: re(
      `\\b(?:solo |s[oó]lo |seuls? |seulement |nur |etwa |ungef[äa]hr )?${RANGE}\\s+(?:(?:lo|la) (?:usar[ií]an|usar[aá]n|van a usar|necesitan)|(?:l['’])?utiliseraient|(?:l['’])?utiliseront|w[üu]rden (?:es |das tool )?(?:nutzen|verwenden|brauchen)|werden (?:es )?(?:nutzen|verwenden))\\b`,
      'giu',
    ),
    confidence: 0.86,
  },
  { pattern: re(`(?:${APPROX}\\s+)?${RANGE}\\s*-?\\s*${SEAT_WORDS}\\b`, 'giu'), confidence: 0.85 },
  { pattern: re(`(?:${APPROX}\\s+)?${RANGE}\\s*-?\\s*${PEOPLE_WORDS}\\b`, 'giu'), confidence: 0.8 },
  {
    pattern: re(
      "\\b(?:team|company|agency|studio|firm|startup|shop|office|equipo|empresa|agencia|estudio|équipe|entreprise|société|agence|cabinet|boîte|boite|structure|pme|firma|unternehmen|agentur|büro|betrieb|kanzlei|فريق|فريقنا|شركة) (?:of|de|d['’]environ|is|es de|von|mit|aus|من|يضم|مكون من|مكوّن من)\\s+" +
        `(?:${APPROX}\\s+)?${RANGE}\\b`,
      'giu',
    ),
    confidence: 0.85,
  },
  {
    pattern: re(
      `\\b(?:we are|we're|we’re|there are|there're|somos|nous sommes|on est|wir sind|نحن|عددنا|فريقنا|احنا|إحنا)\\s+(?:${LOOSELY}\\s+)?(?:${APPROX}\\s+)?${RANGE}\\b(?!\\s*(?:${NOT_PEOPLE_UNITS}))`,
      'giu',
    ),
    confidence: 0.75,
  },
  // (Never a year: "wir werden 2027 starten" says when.)
  {
    pattern: re(`\\b(?:${TEAM_TO_BE})\\s+(?:${LOOSELY}\\s+)?(?:${APPROX}\\s+)?(?!(?:19|20)\\d{2}\\b)${RANGE}\\b(?!\\s*(?:${NOT_PEOPLE_UNITS}))`, 'giu'),
    confidence: 0.75,
  },
  { pattern: re(`\\b${RANGE}\\s+of us\\b`, 'giu'), confidence: 0.75 },
  // "We're a small team, like 4", "a team of maybe 6": the count after a word of approximation.
  {
    pattern: re(
      `\\b(?:team|company|agency|studio|firm|startup|shop|office|equipo|empresa|équipe|entreprise|unternehmen|firma)[,:]?\\s+(?:of\\s+)?${LOOSELY}\\s+${RANGE}\\b(?!\\s*(?:${NOT_PEOPLE_UNITS}))`,
      'giu',
    ),
    confidence: 0.75,
  },
];

/** "Two teams of 8", "3 oficinas de 12 personas", "deux équipes de 6", "zwei Teams mit je 5 Leuten": the product. */
const GROUPS_OF = re(
  `\\b(${COUNT})\\s+(?:teams|offices|groups|departments|squads|locations|branches|sites|stores|shops|studios|equipos|oficinas|sedes|grupos|departamentos|tiendas|` +
    `équipes|equipes|bureaux|agences|groupes|boutiques|büros|standorte|abteilungen|gruppen|filialen)\\s+(?:of|with|de|d['’]|von|mit|à|a)\\s*(?:je\\s+|about\\s+|around\\s+|unas?\\s+|environ\\s+|etwa\\s+)?(${COUNT})\\b(?!\\s*(?:${NOT_PEOPLE_UNITS}))`,
  'iu',
);

/** "45 people, about half would need seats", "la mitad lo usaría", "die Hälfte würde es nutzen": a share of the headcount. */
const SHARE_OF = re(
  '\\b(half|a third|one third|a quarter|one quarter|two thirds|la mitad|la moitié|die hälfte|un tercio|un tiers|un quart|ein drittel|ein viertel)\\b' +
    '(?:\\s+(?:of\\s+(?:them|us|the team|those)|de (?:ellos|nosotros|l[\'’]équipe)|davon))?\\s+(?:would|will|need|needs|are going to|actually|really|lo |la |l[\'’]|würde|wird|braucht|brauchen|necesita|necesitar|usar|utiliser|en aurait|aurait)',
  'iu',
);
const SHARES: Record<string, number> = { half: 1 / 2, 'a third': 1 / 3, 'one third': 1 / 3, 'a quarter': 1 / 4, 'one quarter': 1 / 4, 'two thirds': 2 / 3, 'la mitad': 1 / 2, 'la moitié': 1 / 2, 'die hälfte': 1 / 2, 'un tercio': 1 / 3, 'un tiers': 1 / 3, 'un quart': 1 / 4, 'ein drittel': 1 / 3, 'ein viertel': 1 / 4 };

/**
 * "15 people in the field and 3 in the office", "12 en oficina y 6 en almacén", "10 au bureau et 4 sur le terrain",
 * "8 im Büro und 5 im Lager": the parts of one team, counted where they work, add up to it.
 */
const TEAM_PARTS = re(
  `\\b(${COUNT})\\s+(?:${PEOPLE_WORDS}\\s+)?(?:in|at|on|en|dans|au|sur|im|am|in der|auf der)\\s+(?:the\\s+|la\\s+|el\\s+|le\\s+|l['’]|der\\s+|dem\\s+|das\\s+)?[\\p{L}-]+\\s+` +
    `(?:and|plus|y|et|und|\\+)\\s+(?:another\\s+|otr[oa]s\\s+|weitere\\s+)?(${COUNT})\\s+(?:${PEOPLE_WORDS}\\s+)?(?:in|at|on|en|dans|au|sur|im|am|in der|auf der)\\b`,
  'iu',
);

/**
 * "80 engineers and 20 sales", "30 developers, 10 designers and 5 support": groups of one team by trade, added up
 * (English, Spanish, French and German trade words).
 */
const TRADES =
  '(?:engineers?|developers?|devs|designers?|sales(?:people|\\s+reps|\\s+staff|\\s+people)?|salespeople|marketers|marketing|support(?:\\s+(?:agents|staff|people))?|ops|operations|' +
  'managers|pms|product managers|admins|analysts|accountants|finance|hr|recruiters|consultants|' +
  'ingenieros|desarrolladores|comerciales|vendedores|diseñadores|ingénieurs|développeurs|commerciaux|designers|ingenieure|entwickler(?:innen)?|vertriebler(?:innen)?|designer(?:innen)?)';
const TRADE_GROUPS = re(`\\b(${COUNT})\\s+${TRADES}(?:\\s*,\\s*(${COUNT})\\s+${TRADES})?\\s*,?\\s+(?:and|plus|y|et|und|&|\\+)\\s+(${COUNT})\\s+${TRADES}(?![\\p{L}])`, 'iu');

/**
 * With a team on record, the people added to it: "we just hired 4 more people", "4 new users", "contratamos 4 personas
 * más", "4 personnes de plus", "4 neue Mitarbeiter": the team grows by that many.
 */
const MORE_PEOPLE = re(
  `\\b(${COUNT})\\s+(?:more|new|additional|extra|nuev[oa]s|nouveaux|nouvelles|neue|weitere|zusätzliche)\\s+(?:${PEOPLE_WORDS}|${SEAT_WORDS})\\b|` +
    `\\b(${COUNT})\\s+(?:${PEOPLE_WORDS}|${SEAT_WORDS})\\s+(?:more|más|de plus|en plus|mehr)\\b`,
  'iu',
);

export function grownTeam(sentence: string, known: number | undefined): Extracted | undefined {
  if (known === undefined) return undefined;
  const match = MORE_PEOPLE.exec(sentence);
  const added = parseCount(match?.[1] ?? match?.[2] ?? '');
  return added !== undefined && Number.isInteger(added) && known + added <= 1_000_000 ? { value: known + added, confidence: 0.8 } : undefined;
}

/** A count alone after "for", as a reply to our prices ("for 25", "and for 40 people"): the seats to price. */
const FOR_ONLY = re(`^\\s*(?:(?:and|so|ok|okay|y|et|und)[,\\s]+)?(?:for|para|pour|für)\\s+(?:${APPROX}\\s+)?${RANGE}\\s*(?:${SEAT_WORDS}|${PEOPLE_WORDS})?\\s*[.!]*\\s*$`, 'iu');

/** Working alone ("solo founder", "it's just me", "I'm a one-person business"): a team of one. */
const SOLO = re(
  "\\b(?:solo (?:founder|entrepreneur|business|operator|consultant|freelancer|practitioner)|solopreneur|one[- ](?:person|man|woman) (?:company|business|team|shop|show|operation|agency|studio)|" +
    "(?:it['’]?s|it is) (?:just|only) me|(?:just|only) me (?:here|for now|right now|at the moment|so far)|i work (?:alone|on my own|by myself)|" +
    'trabajo sol[oa]|je travaille seule?|ich arbeite allein|einzelunternehmer(?:in)?)\\b',
);

/** A team of one, said as working alone: never from a question ("how much for just me?" asks, it does not state). */
export function extractSoloTeam(sentence: string): Extracted | undefined {
  return SOLO.test(sentence) ? { value: 1, confidence: 0.75 } : undefined;
}

export function extractTeamSize(sentence: string): Extracted | undefined {
  const alone = FOR_ONLY.exec(sentence);
  const priced = Math.max(parseCount(alone?.[1] ?? '') ?? 0, parseCount(alone?.[2] ?? '') ?? 0);
  if (alone && Number.isInteger(priced) && priced > 0 && priced <= 1_000_000) return { value: priced, confidence: 0.7 };
  const parts = TEAM_PARTS.exec(sentence);
  const sum = parts ? (parseCount(parts[1] ?? '') ?? 0) + (parseCount(parts[2] ?? '') ?? 0) : 0;
  if (Number.isInteger(sum) && sum > 1 && sum <= 1_000_000) return { value: sum, confidence: 0.85 };
  const trades = TRADE_GROUPS.exec(sentence);
  const added = trades ? [trades[1], trades[2], trades[3]].reduce((total, part) => total + (part ? parseCount(part) ?? 0 : 0), 0) : 0;
  if (Number.isInteger(added) && added > 1 && added <= 1_000_000) return { value: added, confidence: 0.85 };
  const groups = GROUPS_OF.exec(sentence);
  const product = groups ? (parseCount(groups[1] ?? '') ?? 0) * (parseCount(groups[2] ?? '') ?? 0) : 0;
  if (Number.isInteger(product) && product > 1 && product <= 1_000_000) return { value: product, confidence: 0.85 };
  const share = SHARES[SHARE_OF.exec(sentence)?.[1]?.toLowerCase() ?? ''];
  const headcount = share === undefined ? undefined : countedTeam(sentence);
  // Those who would use it are the seats (as "only 30 would use it" is).
  if (share !== undefined && headcount) return { value: Math.max(1, Math.ceil(Number(headcount.value) * share)), confidence: 0.86 };
  return countedTeam(sentence);
}

/** A negation right before a number: "not", "no", "nicht", "pas", "non", "وليس", "ليس". */
/** Words that negate in the five languages ("not", "no", "nicht", "pas", "ليس"…), for the patterns below. */
const NEGATIONS = "not|no|non|never|can['’]?t|cannot|won['’]?t|n['’]t|nunca|ne|n['’]|pas|nicht|kein\\p{L}*|ليس|وليس|لا|لن";
const NEGATED_BEFORE = new RegExp(`(?:^|[^\\p{L}])(?:${NEGATIONS})\\s*$`, 'iu');

/** Right after a team count, the count it is corrected to: "25 people, actually 28", "25 Leute, eigentlich 28". */
const CORRECTED_TO = re(
  `^[\\s,;:–—-]*(?:actually|sorry|i mean|make (?:it|that)|or rather|en realidad|mejor dicho|perdón|digo|en fait|plutôt|pardon|enfin|eigentlich|ich meine|bzw\\.?|besser gesagt|في الواقع|بل|أقصد)[\\s,]+(?:${APPROX}\\s+)?(${COUNT})\\b(?!\\s*(?:${NOT_PEOPLE_UNITS}))`,
);

/** People beside the team who need no paid seat ("18 staff and 40 volunteers"): counted only when no one else is. */
const SIDE_PEOPLE = re('\\b(?:volunteers|contractors|freelancers|guests)\\b');
/** People still to hire ("I might hire 2 people next year"): growth, not the team as it is. */
const HIRING_BEFORE = re('\\b(?:hire|hiring|hired|recruit|recruiting|recruited|contratar|embaucher|einstellen)\\s+(?:another\\s+|maybe\\s+|about\\s+|around\\s+)?$');

function countedTeam(sentence: string): Extracted | undefined {
  let best: (Extracted & { end: number }) | undefined;
  let side: (Extracted & { end: number }) | undefined;
  for (const { pattern, confidence } of TEAM_PATTERNS) {
    for (const match of sentence.matchAll(pattern)) {
      // "20-30 people": plan for the upper end.
      const value = Math.max(parseCount(match[1] ?? '') ?? 0, parseCount(match[2] ?? '') ?? 0);
      if (!Number.isInteger(value) || value <= 0 || value > 1_000_000) continue;
      const before = sentence.slice(0, match.index + match[0].indexOf(match[1] ?? ''));
      // "35, not 30", "نحن 35 وليس 30", "35 und nicht 30": the number corrected away is not the team.
      if (NEGATED_BEFORE.test(before) || HIRING_BEFORE.test(before)) continue;
      if (SIDE_PEOPLE.test(match[0])) {
        if (!side || confidence >= side.confidence) side = { value, confidence, end: match.index + match[0].length };
        continue;
      }
      // Seats/users beat headcount ("200 employees, but 30 would use it" → 30); otherwise the later mention wins.
      if (!best || confidence >= best.confidence) best = { value, confidence, end: match.index + match[0].length };
    }
    if (best && confidence === 0.85) break;
  }
  best ??= side;
  if (!best) return undefined;
  const corrected = parseCount(CORRECTED_TO.exec(sentence.slice(best.end))?.[1] ?? '');
  return { value: corrected !== undefined && Number.isInteger(corrected) && corrected <= 1_000_000 ? corrected : best.value, confidence: best.confidence };
}

/** An amount's digits, thousands grouped by a comma, a dot or a space (also the no-break spaces French writes): "30 000". */
const AMOUNT_DIGITS = '\\d+(?:[,.]\\d+|[ \\u00a0\\u202f]\\d{3}(?!\\d))*(?!\\d)';
/** A scale after an amount: "6k", "6 grand", "30 mil", "30 ألف". */
const AMOUNT_SCALE = '(?:k|m|thousand|grand|mil|ألف|الف|آلاف|الاف)(?![\\p{L}])';
const CURRENCY_AMOUNT =
  `(?:(?:us|u\\.s\\.)?(?:[$€£]|chf)\\s?${AMOUNT_DIGITS}(?:\\s?${AMOUNT_SCALE})?|${AMOUNT_DIGITS}(?:\\s?${AMOUNT_SCALE})?\\s?(?:dollars|usd|euros?|eur|bucks|dólares|dolares|dollar|chf|franken|francs?|pounds?|gbp|دولار|يورو|[$€£]))`;
const PERIOD =
  '(?:\\s*(?:a|per|/|each|every|al|por|cada|par|pro|im)\\s*(?:month|mo|year|yr|annum|seat|user|mes|año|usuario|puesto|mois|an|utilisateur|monat|jahr|nutzer)\\b|' +
  '\\s*(?:monthly|annually|yearly|mensuales|al mes|anuales|al año|mensuels|annuels|monatlich|jährlich|شهريا|شهريًا|سنويا|سنويًا|بالشهر|بالسنة|في الشهر|في السنة|كل شهر|كل سنة)(?![\\p{L}]))?';
const BUDGET_CUE = re(
  '\\b(?:budget|budgeted|spend|spending|afford|pay|invest|allocated|set aside|up to|max(?:imum)?|no more than|can do|presupuesto|gastar|pagar|invertir|hasta|como máximo|' +
    'dépenser|payer|investir|jusqu’à|ausgeben|zahlen|investieren|höchstens|maximal|ميزانية|ميزانيتنا|ميزانيتي|ندفع|ننفق)\\b',
);
// ("pro is $19 right": a plan's price checked, not what they can spend.)
const OUR_PRICE_CUE = re("\\b(?:your|you charge|it costs|costs|is too|too expensive|price of|priced|pricing|precio|cuesta|vuestro|su plan)\\b|\\b(?:starter|pro|business|enterprise)(?: plan| tier)? (?:is|was|at)\\b[^.?!]{0,20}\\bright\\b");
/** A bare number counts as money only after a money word, and never when it counts people ("pay for 20 seats"). */
const BARE_AMOUNT = `${AMOUNT_DIGITS}(?:\\s?${AMOUNT_SCALE})?(?!\\s*-?\\s*(?:${SEAT_WORDS}|${PEOPLE_WORDS}))`;
const BUDGET_NUMBER = re(
  `\\b(?:budget(?:ed|ing)?|set aside|allocated|presupuest(?:o|ado|amos)|spend|afford|pay|invest|gastar|pagar|invertir|dépenser|payer|ausgeben|zahlen|ميزانية|ميزانيتنا|ميزانيتي)\\b[^.?!\\d]{0,25}?((?:${APPROX}\\s+)?(?:${CURRENCY_AMOUNT}|${BARE_AMOUNT})${PERIOD})`,
);
const BUDGET_AMOUNT = re(`((?:${APPROX}\\s+)?${CURRENCY_AMOUNT}${PERIOD})`);
/** "We have around 500 a month", "tenemos unos 500 al mes", "wir haben etwa 500 im Monat": a bare amount they have, per a period. */
const HAVE_PER_PERIOD = re(
  `(?:\\b(?:we|i)(?:['’]ve| have)? (?:have|got|can do|can spend)|\\b(?:tenemos|disponemos de|on a|nous avons|wir haben)|(?:لدينا|عندنا))\\s+((?:${APPROX}\\s+)?${BARE_AMOUNT}${PERIOD.slice(0, -1)})(?![\\p{L}\\d])`,
);
const NO_BUDGET = re("\\b(?:no budget|don't have a budget|do not have a budget|haven't set a budget|budget (?:is )?not (?:set|defined)|sin presupuesto|no tenemos presupuesto|pas (?:encore )?de budget|(?:noch )?kein budget|لا توجد ميزانية|ليس لدينا ميزانية|لا نملك ميزانية)\\b");

/**
 * Calling something off, in the forms people type: "cancel (it)", "cancelled"; "cancelar", "cancela", "cancélala",
 * "cancele", "anúlala"; "annuler", "annulez-la", "annule"; "absagen", "sagen Sie den Termin ab", "stornieren"; "إلغاء".
 */
export const CANCEL_WORDS =
  /\b(?:cancel(?:l?ed|l?ing|s)?|call (?:it |the \w+ )?off|cancel(?:ar|a|e|en|o)(?:l[ao]s?)?|anul(?:ar|a|e)(?:l[ao])?|annul(?:er|ez|e|ons)|absagen|abzusagen|sagen sie (?:\S+ ){0,4}ab|sag (?:sie|ihn|es|den termin|die demo|das meeting|das) (?:bitte |doch |mal )?ab|stornier(?:en|e)?)\b|\b(?:canc[eé]l(?:al[ao]|el[ao])|an[uú]l(?:al[ao]|el[ao]))|إلغاء|الغاء|ألغ|إلغي|الغي|إلغ(?=ي?\s)|(?<!\p{L})الغ(?=\s)/iu;
/** Naming their own price for a plan ("give me Pro for $1 per seat", "can you do it for $10?"): a discount request. */
/** A price another vendor gave them, or a request to match one: "X quoted us $20/seat", "can you match?". */
export const COMPETITOR_QUOTE =
  /\b(?:quoted|offered|offers|charges?|charging|gave) (?:us|me)\b[^.?!]{0,12}(?:[$€£]\s?\d|\d+(?:[.,]\d+)?\s?(?:dollars?|euros?|usd|eur|[$€£]))|\b(?:can|could|will|would) you (?:match|beat)\b|\bprice[- ]match|\b(?:nos )?(?:cotiz[oó]|ofreci[oó]|cobra)\b[^.?!]{0,15}\d|\bigualar\b|\b(?:nous )?(?:propose|a propos[ée]|facture)\b[^.?!]{0,12}\d[^.?!]{0,30}\baligner\b|\bmithalten\b/iu;

export const HAGGLE =
  /\b(?:(?:give|sell|let) (?:me|us) (?:\p{L}+ ){0,2}(?:for|at)|(?:can|could|would) you (?:do|make|give) (?:it|that|this|me|us)?\s*(?:for|at)|make it|d[ée]jame|d[ée]jamelo|me lo dejas|d[ée]jenos|fais-le moi|faites-le nous|geben sie (?:es )?(?:mir|uns))\b[^.?!]{0,20}?(?:[$€£]\s?\d|\d+(?:[.,]\d+)?\s?(?:dollars?|euros?|usd|eur|bucks|[$€£]))/iu;

/** "More than" in each language, and the "up to" it becomes after a negation. */
const MORE_THAN: readonly [RegExp, string][] = [
  [/^(?:more than|over)\s+/iu, 'up to '],
  [/^más de\s+/iu, 'hasta '],
  [/^plus de\s+/iu, 'jusqu’à '],
  [/^(?:mehr als|über)\s+/iu, 'bis zu '],
  [/^(?:أكثر من|اكثر من)\s+/u, 'حتى '],
];
const NEGATION = new RegExp(`(?:^|[^\\p{L}])(?:${NEGATIONS})(?![\\p{L}])`, 'iu');

/**
 * "No podemos gastar más de 300 dólares", "we can't spend more than $300", "wir können nicht mehr als 400 Dollar
 * ausgeben": a ceiling, kept as "hasta 300 dólares" / "up to $300" / "bis zu 400 Dollar", never as "more than".
 */
function ceilingOf(sentence: string, amount: string): string {
  // The same clause, just before it: in "not sure, but we could spend more than $500" the "not" is about something else.
  const before = (sentence.slice(0, Math.max(0, sentence.indexOf(amount))).split(/[,.;:!?]/).at(-1) ?? '').slice(-40);
  if (!NEGATION.test(before)) return amount;
  for (const [more, upTo] of MORE_THAN) if (more.test(amount)) return amount.replace(more, upTo);
  return amount;
}

export function extractBudget(sentence: string): Extracted | undefined {
  if (NO_BUDGET.test(sentence)) return { value: 'no budget set', confidence: 0.7 };
  // A price they name for our plan is a discount request, not what they can spend.
  if (HAGGLE.test(sentence)) return undefined;
  // Nor is a competitor's quote ("Monday.com quoted us $20/seat, can you match?").
  if (COMPETITOR_QUOTE.test(sentence)) return undefined;
  const stated = BUDGET_NUMBER.exec(sentence)?.[1];
  if (stated) return { value: ceilingOf(sentence, tidy(stated)), confidence: 0.85 };
  const had = HAVE_PER_PERIOD.exec(sentence)?.[1];
  if (had && !OUR_PRICE_CUE.test(sentence)) return { value: ceilingOf(sentence, tidy(had)), confidence: 0.75 };
  const amount = BUDGET_AMOUNT.exec(sentence)?.[1];
  // An amount about our prices ("your Pro plan at $29 is too much") is not what they can spend.
  if (!amount || OUR_PRICE_CUE.test(sentence)) return undefined;
  return { value: ceilingOf(sentence, tidy(amount)), confidence: BUDGET_CUE.test(sentence) ? 0.8 : 0.65 };
}

const NEEDS_APPROVAL = re(
  // A decision shared with someone else ("I decide together with our CFO") is not theirs alone.
  "\\b(?:decide|decides|deciding|decision|make the call|sign off)\\b[^.?!]{0,25}?\\b(?:together with|jointly with|along with|with) (?:my|our|the) (?:boss|manager|ceo|cfo|cto|coo|founder|co-?founder|board|director|partners?|finance team)\\b|" +
    "\\b(?:lo )?decid(?:o|imos) (?:junto )?con (?:mi|nuestro|nuestra|el|la) (?:jefe|jefa|socio|socia|director|directora|cfo|ceo)\\b|" +
    "\\bje (?:décide|déciderai) (?:avec|en accord avec) (?:mon|ma|notre|le|la) (?:patron|patronne|associé|associée|directeur|directrice|daf|cfo|pdg)\\b|" +
    "\\bich entscheide (?:das )?(?:gemeinsam )?mit (?:meinem|meiner|unserem|unserer|dem|der) (?:chef|chefin|partner|partnerin|geschäftsführer|geschäftsführerin|cfo|finanzchef|finanzchefin)\\b|" +
    "\\b(?:need|needs|have to get|has to get|need to get|requires?)\\s+(?:my |our |the )?(?:[\\p{L}']+\\s+){0,2}(?:approval|sign-?off|ok|go-ahead)\\b|" +
    "\\b(?:check|run it|run this|clear it|talk|discuss it|consult) (?:by|with) (?:my|our|the) (?:boss|manager|team|ceo|cfo|cto|founder|board|director|partners?)\\b|" +
    // "Evaluating on behalf of our PMO": someone else decides.
    "\\b(?:evaluating|buying|looking|researching|asking) (?:this )?on behalf of (?:my|our|the) [\\p{L}]+|" +
    "\\b(?:not|isn't|isn’t) (?:my|the) (?:decision|call)\\b|\\bnot the decision[- ]maker\\b|\\b(?:my|our) (?:boss|manager|ceo|cfo|director|board|founder) (?:decides|signs|approves|makes the (?:final )?(?:call|decision)|has the final say)\\b|" +
    "\\b(?:tengo que|tendría que|necesito) (?:consultarlo|consultar|preguntar|la aprobación|aprobación)\\b|\\b(?:mi jefe|mi jefa|mi director|la dirección) (?:decide|aprueba|tiene la última palabra)\\b|\\bno (?:es|soy) (?:mi decisión|quien decide)\\b|" +
    "\\bje dois (?:en parler|demander|voir|valider|consulter)\\b|\\b(?:mon|ma|notre) (?:patron|patronne|chef|directeur|directrice|manager|responsable|direction) (?:décide|valide|doit valider|a le dernier mot)\\b|" +
    "\\bce n['’]est pas (?:moi qui décide|ma décision)\\b|\\b(?:besoin de|il (?:me )?faut) (?:l['’]accord|la validation|l['’]approbation)\\b|" +
    '\\bich muss (?:das )?(?:mit )?(?:meinem|meiner|unserem|unserer) (?:chef|chefin|vorgesetzten|geschäftsführer|geschäftsführerin|team|geschäftsführung)\\b|' +
    '\\b(?:mein|meine|unser|unsere) (?:chef|chefin|vorgesetzter|vorgesetzte|geschäftsführer|geschäftsführerin|geschäftsführung) (?:entscheidet|gibt frei|hat das letzte wort)\\b|' +
    '\\bnicht meine entscheidung\\b|\\bich entscheide (?:das |es )?nicht(?: allein)?\\b|\\bnicht (?:der|die) (?:entscheider|entscheiderin|entscheidungsträger|entscheidungsträgerin)\\b|' +
    "\\bje ne (?:suis pas (?:le |la )?(?:décideur|décideuse|décisionnaire)|décide pas)\\b|\\bno soy (?:el|la) que decide\\b|\\bno decido yo\\b|" +
    // Someone else named as the one who decides: "pero decide el director general", "but the CEO decides", "c'est le
    // DG qui décide", "décide la directrice", "aber der Geschäftsführer entscheidet", "entscheidet unsere Chefin".
    "\\b(?:decide|decidirá|aprueba|firma) (?:el|la|mi|nuestro|nuestra) (?:director|directora|jefe|jefa|ceo|cfo|gerente|dueño|dueña|socio|socia|consejo|junta|presidente|presidenta)\\b|\\bquien decide es (?:el|la|mi|nuestro|nuestra)\\b|" +
    "\\bthe (?:ceo|cfo|cto|coo|boss|owner|founder|board|director|md|managing director|president|manager) (?:decides|signs|approves|has the final say|makes the (?:final )?(?:call|decision))\\b|" +
    // A team that signs off after them: "I decide but finance signs off", "procurement has to approve it", "legal approves".
    "\\b(?:finance|procurement|purchasing|legal|accounting|management|leadership|(?:the|our) (?:finance|it|procurement|legal) (?:team|department)|the board|our board) (?:signs off|has to sign off|needs to sign off|must sign off|approves|has to approve|needs to approve|must approve|has the final say)\\b|" +
    "\\bc['’]est (?:le|la|mon|ma|notre) (?:[\\p{L}-]+ ){1,2}qui (?:décide|valide|signe)\\b|\\b(?:décide|valide|signe) (?:le|la|mon|ma|notre) (?:patron|patronne|chef|directeur|directrice|dg|pdg|daf|gérant|gérante|associé|associée)\\b|" +
    '\\b(?:entscheidet|unterschreibt) (?:der|die|unser|unsere|mein|meine) (?:chef|chefin|geschäftsführer|geschäftsführerin|inhaber|inhaberin|vorstand|cfo|ceo)\\b|\\b(?:der|die) (?:chef|chefin|geschäftsführer|geschäftsführerin|inhaber|inhaberin|vorstand) (?:entscheidet|unterschreibt)\\b|' +

    // "The decision is taken by someone else", said the ways people say it: "my boss makes the decisions", "it's up to my
    // manager", "la decisión la toma mi jefe", "la decisión es de mi jefa", "la décision revient à mon patron", "mon chef
    // prend la décision", "die Entscheidung trifft mein Chef", "die Entscheidung liegt bei meiner Chefin".
    "\\b(?:my|our|the) (?:boss|manager|ceo|cfo|cto|coo|director|board|founder|owner|supervisor|md|managing director|president|vp|head of [\\p{L}]+|team lead) (?:will |would |has to |needs to |must |gets to |usually )?(?:decides?|signs? off|approves?|(?:makes?|takes?) the (?:final )?(?:call|decisions?)|(?:has|have) the (?:final say|last word))\\b|" +
    "\\b(?:it['’]?s|it is|that['’]?s|that is|the (?:final )?(?:decision|call|say)(?:['’]s| is| lies| rests)?) (?:up to|with|on) (?:my|our|the) (?:boss|manager|ceo|cfo|cto|coo|director|board|founder|owner|supervisor|management|leadership)\\b|\\bdecision is (?:my|our) (?:boss|manager|ceo|cfo|director|founder)['’]s\\b|" +
    "\\bla decisi[oó]n (?:final )?(?:la (?:toma|tiene)|es de|depende de|corresponde a|recae en|est[aá] en manos de) (?:mi|el|la|nuestro|nuestra|los|las) (?:jefe|jefa|director|directora|gerente|ceo|cfo|dueño|dueña|socio|socia|socios|junta|consejo|dirección|superior|responsable|presidente|presidenta)\\b|" +
    "\\b(?:mi|nuestro|nuestra|el|la) (?:jefe|jefa|director|directora|gerente|dueño|dueña|socio|socia|junta|dirección|superior) (?:toma|tomará|tiene) la (?:última palabra|decisión)\\b|" +
    "\\bla décision (?:finale )?(?:revient|appartient|incombe) (?:à|au) (?:mon |ma |notre |la |le )?(?:patron|patronne|chef|directeur|directrice|direction|manager|responsable|dg|pdg|daf|gérant|gérante|associé|associée|conseil)\\b|" +
    "\\b(?:mon|ma|notre) (?:patron|patronne|chef|cheffe|directeur|directrice|manager|responsable|direction|dg|pdg|n\\+1) (?:prend|prendra|a) (?:la décision|le dernier mot)\\b|" +
    '\\bdie entscheidung (?:trifft|treffen|fällt) (?:mein|meine|unser|unsere|der|die) (?:chef|chefin|vorgesetzter|vorgesetzte|geschäftsführer|geschäftsführerin|geschäftsführung|inhaber|inhaberin|vorstand)\\b|' +
    '\\bdie entscheidung liegt bei (?:meinem|meiner|unserem|unserer|dem|der) (?:chef|chefin|vorgesetzten|geschäftsführer|geschäftsführerin|geschäftsführung|inhaber|inhaberin|vorstand)\\b|' +
    '\\b(?:mein|meine|unser|unsere) (?:chef|chefin|vorgesetzter|vorgesetzte|geschäftsführer|geschäftsführerin|geschäftsführung) (?:trifft|fällt) (?:die|diese) entscheidung\\b|' +
    '(?:أنا |انا )?(?:لست|لستُ|مش أنا|مش انا) (?:صاحب|صاحبة|اللي) (?:القرار|باخد القرار|بياخد القرار)|مش أنا اللي|مش انا اللي|' +
    '\\b(?:brauche|brauchen|benötige|benötigen) (?:die |eine )?(?:freigabe|genehmigung|zustimmung)\\b|' +
    '(?:مديري|المدير|رئيسي|الإدارة|الادارة) (?:يقرر|هو من يقرر|تقرر|هي من تقرر)|ليس قراري|القرار ليس لي|(?:أحتاج|احتاج|نحتاج) (?:إلى |الى )?موافقة|(?:يجب|علي) أن أستشير|(?:يجب|علي) ان استشير',
);
const DECISION_MAKER = re(
  "\\b(?:i'm|i’m|i am|im) (?:the |a )?(?:final )?decision[- ]maker\\b|\\bi (?:make|own) the (?:final )?(?:decision|call|budget)s?\\b|" +
    "\\bi (?:can )?(?:sign off|approve|decide|sign the contract)\\b|\\bit'?s my (?:call|decision)\\b|\\bi have the (?:final )?say\\b|\\bfinal say is mine\\b|" +
    '\\byo (?:decido|apruebo|firmo)\\b|\\bsoy (?:quien|el que|la que) (?:decide|firma|aprueba)\\b|\\bla decisión es mía\\b|' +
    "\\bc['’]est moi qui (?:décide|signe|valide)\\b|\\bje (?:décide|signe|valide)\\b|\\bje suis (?:le |la )?(?:décideur|décideuse|décisionnaire)\\b|\\bla décision (?:me revient|est la mienne)\\b|\\bc['’]est ma décision\\b|" +
    '\\bich (?:entscheide|unterschreibe|gebe frei)\\b|\\bich bin (?:der |die )?(?:entscheider|entscheiderin|entscheidungsträger|entscheidungsträgerin)\\b|\\bdie entscheidung liegt bei mir\\b|\\bich treffe die entscheidung\\b|' +
    '(?:أنا|انا) (?:صاحب|صاحبة|متخذ|متخذة) القرار|(?:أنا|انا) من (?:يقرر|يتخذ القرار)|القرار (?:لي|بيدي|قراري)|(?:أنا|انا) أقرر|(?:أنا|انا) اقرر',
);
const SENIOR_ROLE = re(
  '^(?:ceo|owner|founder|co-?founder|president|dueñ[oa]|fundador(?:a)?|socio|socia|partner|pdg|dg|(?:co-?)?(?:fondateur|fondatrice)|gérant(?:e)?|' +
    '(?:geschäftsführer|gründer|mitgründer|inhaber)(?:in)?|(?:ال)?(?:مؤسس|مؤسسة)|(?:ال)?شريك المؤسس|صاحب الشركة|صاحبة الشركة|(?:ال)?(?:مدير|رئيس) (?:ال)?تنفيذي|(?:ال)?(?:مديرة|رئيسة) (?:ال)?تنفيذية)$',
);

const DECISION_MAKER_ALL = new RegExp(DECISION_MAKER.source, `${DECISION_MAKER.flags}g`);

/** The text without its "I'm the decision maker" phrases: what is left says whether it also objects. */
export function withoutDecisionMaker(text: string): string {
  return text.replace(DECISION_MAKER_ALL, ' ');
}

/** A decision shared with someone ("together with our MD", "con mi socio"): someone else is involved. */
export const SHARED_DECISION = re(
  // ("me and our CFO", "my boss and I", "mi jefe y yo", "moi et mon DAF", "ich und mein Chef", "أنا ومديري": the two who decide.)
  "\\b(?:me|myself|i) and (?:my|our|the) (?:boss|manager|ceo|cfo|cto|coo|director|founder|co-?founder|partner|board|md|owner|head of [\\p{L}]+)\\b|\\b(?:my|our|the) (?:boss|manager|ceo|cfo|cto|coo|director|founder|co-?founder|partner|board|md|owner) and (?:i|me|myself)\\b|" +
    "\\b(?:yo|mi) y (?:mi|nuestro|nuestra|el|la) (?:jefe|jefa|director|directora|gerente|socio|socia|cfo|ceo|dueño|dueña)\\b|\\b(?:mi|nuestro|nuestra|el|la) (?:jefe|jefa|director|directora|gerente|socio|socia|cfo|ceo|dueño|dueña) y yo\\b|" +
    "\\bmoi et (?:mon|ma|notre|le|la) (?:patron|patronne|chef|directeur|directrice|associé|associée|daf|dg|pdg|cfo|ceo)\\b|\\b(?:mon|ma|notre|le|la) (?:patron|patronne|chef|directeur|directrice|associé|associée|daf|dg|pdg|cfo|ceo) et moi\\b|" +
    "\\bich und (?:mein|meine|unser|unsere|der|die) (?:chef|chefin|geschäftsführer|geschäftsführerin|partner|partnerin|cfo|ceo|vorstand)\\b|\\b(?:mein|meine|unser|unsere|der|die) (?:chef|chefin|geschäftsführer|geschäftsführerin|partner|partnerin|cfo|ceo|vorstand) und ich\\b|" +
    "(?:أنا|انا) و(?:مديري|المدير|شريكي|الشريك|رئيسي)|" +
    "\\b(?:together with|along with|jointly with|with my (?:boss|manager|ceo|cfo|cofounder|co-founder|partner)|junto con|con mi (?:jefe|jefa|socio|socia|director)|avec (?:mon|ma|notre) (?:patron|chef|directeur|directrice|associé|associée|dg|pdg)|zusammen mit|gemeinsam mit|mit (?:meinem|unserem|meiner|unserer) (?:chef|geschäftsführer|geschäftsführerin|partner|mitgründer)|مع (?:مديري|شريكي|المدير))\\b",
);
export function extractAuthority(sentence: string, role: string | number | undefined): Extracted | undefined {
  // ("Ich entscheide das zusammen mit unserem Geschäftsführer": theirs, and someone else's too.)
  if (NEEDS_APPROVAL.test(sentence) || SHARED_DECISION.test(sentence)) return { value: 'needs approval', confidence: 0.85 };
  if (DECISION_MAKER.test(sentence)) return { value: 'decision maker', confidence: 0.85 };
  // A founder or CEO usually decides; inferred, so it loses to anything they say outright.
  if (typeof role === 'string' && SENIOR_ROLE.test(role)) return { value: 'decision maker', confidence: 0.5 };
  return undefined;
}

const NEED_CUE = re(
  // ("We'd like to…": the contraction is written without a space after "we".)
  "\\b(?:(?:we|i)(?:\\s+(?:really\\s+|urgently\\s+|just\\s+)?(?:need|want|wanna|would like|would love)|\\s*['’]d (?:like|love))\\s+(?:to|a|an|some|something|better|help|more|one|our|the)\\b|" +
    "(?:(?:we|i) wanna\\b)|(?:we'?re|we’re|we are|i'?m|i am)?\\s*(?:looking for|looking to|searching for|trying to|hoping to)\\b|struggl\\w* with\\b|" +
    // "55 people, need SSO and audit logs": a requirement named after "need".
    "(?<!\\b(?:don['’]?t|do not|doesn['’]?t|does not|won['’]?t|no|not|never)\\s+(?:really\\s+)?)\\bneed\\s+(?=(?:sso|saml|scim|single sign|audit logs?|data residency|eu data|time tracking|dashboards|guest access)\\b)|" +
    '(?:(?:our|the|my) |^)(?:main |biggest )?(?:problem|challenge|issue|pain|pain point|goal|bottleneck)s? (?:is|are)\\b|' +
    "(?:we|i) (?:have|are having|'re having|keep having) (?:trouble|problems|issues|difficulty|a hard time) (?:with|keeping|getting)\\b|" +
    '(?:we|i) (?:spend|waste|lose) too much time\\b|(?:need|want) a (?:way|tool|solution|platform|system|place) to\\b|' +
    'necesitamos|necesito|buscamos|estamos buscando|busco|queremos|quiero|(?:nos|me) gustar[ií]a|quisi[ée]ramos|quisiera|nuestro (?:principal |mayor |gran |m[aá]s grande )?problema es|el problema es|tenemos problemas con|nos cuesta|' +
    "(?:nous avons|on a|j['’]ai) besoin (?:de|d['’]|du|des)|nous (?:re)?cherchons|on cherche|je cherche|nous voulons|on veut|je veux|nous aimerions|j['’]aimerais|on aimerait|on voudrait|nous voudrions|je voudrais|" +
    "nous souhaitons|je souhaite|notre (?:principal |plus gros |grand )?(?:problème|défi|objectif|souci) (?:est|c['’]est)|(?:nous avons|on a) du mal (?:à|avec)|nous perdons trop de temps|" +
    // ("Brauchen SSO und Audit-Logs": the "wir" left out, as people type.)
    'wir brauchen|^(?:brauchen|benötigen)(?= (?!wir |kein|nicht))|(?:und|aber|auch) brauchen|brauchen wir(?! (?:kein|nicht))|wir benötigen|benötigen wir|ich brauche|wir suchen|ich suche|wir möchten|ich möchte|wir wollen|ich will|(?:wir|ich) (?:hätten|hätte|würden|würde) gerne?|wir wünschen uns|unser (?:größtes |hauptsächliches |eigentliches )?(?:problem|ziel) ist|' +
    'wir haben (?:probleme|schwierigkeiten) (?:mit|bei)|wir verlieren zu viel zeit|unser (?:größtes |hauptsächliches )?problem(?=\\s*:)|' +
    'و?نحتاج(?: إلى| الى)?|و?محتاجين|أحتاج(?: إلى| الى)?|احتاج(?: إلى| الى)?|نبحث عن|أبحث عن|ابحث عن|نريد|أريد|اريد|مشكلتنا(?: الرئيسية)?(?: هي)?|نعاني من|هدفنا(?: هو)?)\\b',
);
const NOT_A_NEED = re(
  '^(?:to |a |an |the |some |more |una |un )?(?:demo|call|meeting|quote|discount|price|pricing|human|person|someone|real person|' +
    'talk|speak|book|schedule|check|ask|think|know|run (?:it|this) (?:by|past)|clear (?:it|this) with|consult|see the price|get a quote|start|begin|buy|sign up|get started|try|trial|go live|be live|roll (?:it |this )?out|launch|be up and running|decide|move forward|proceed|' +
    'd[ée]ployer|lancer|d[ée]marrer|implanter|desplegar|implantar|einf[üu]hren|ausrollen|starten|' +
    'my boss|more info|more information|info|infos|information|details|more details|more time|hablar|informaci[oó]n|m[aá]s informaci[oó]n|detalles|saber|demo|precio|agendar|programar|reservar|concertar|llamada|descuento|empezar|arrancar|comenzar|iniciar|lanzar|comprar|probar|\\d+)\\b|' +
    // "We need approval from my boss", "we need to get sign-off" (but "we need to automate our approval workflows" is a need).
    "^(?:to )?(?:get |have |obtain |wait for )?(?:(?:an? |the |some |his |her |their |my |our |formal |final )*(?:boss['’]?s? |manager['’]?s? |management['’]?s? |ceo['’]?s? |cfo['’]?s? )?)?(?:approv|sign-?off|ok\\b|go-ahead)|aprobación|" +
    "^(?:une |un |le |la |l['’]|des |du |d['’]|eine |einen |ein |den |die |das |mit )?(?:demo|démo|démonstration|rendez-vous|rdv|appel|réunion|devis|remise|prix|tarifs?|parler|savoir|" +
    'réserver|acheter|essayer|commencer|termin|gespräch|anruf|angebot|rabatt|preis|sprechen|wissen|buchen|kaufen|testen|starten|beginnen|mehr zeit|infos?|informations?|détails|plus d[’\x27] ?infos?|informationen|mehr infos?)\\b|' +
    '^(?:معلومات|تفاصيل|عرض|موعد|مكالمة|اجتماع|التحدث|أتحدث|اتحدث|التكلم|معرفة|السعر|الأسعار|الاسعار|سعر|خصم|حجز|أحجز|احجز|شراء|تجربة|أن نعرف|ان نعرف|أن أعرف|ان اعرف|أن أتحدث|ان اتحدث)|validation|freigabe|genehmigung|موافقة|' +
    // "Wir brauchen es nächstes Quartal" says when, not what.
    "^(?:es|ça|cela|ca)\\b",
);

/** What goes wrong at work today, said as a fact: the subject of the pain (its first words are kept in the value). */
const WORK_THINGS =
  '(?:projects?|deadlines?|tasks?|things|work|handoffs?|handovers?|deliverables?|launches|releases|requests|tickets|campaigns|jobs|orders|priorities|updates|timelines?|schedules?|budgets?|approvals?|reports|invoices|documents|files)';
/**
 * A problem stated rather than a wish ("our projects keep slipping", "we lose track of tasks", "perdemos mucho tiempo
 * con correos", "nos projets prennent du retard", "wir verlieren den Überblick"): that is the need the prospect came
 * with, and asking "what are you hoping to solve?" after it is asking again.
 */
const PAIN = re(
  `(?:(?:our|the|my|all (?:our|the)|most of our|half (?:of )?our)\\s+)?(?:[\\p{L}-]+\\s+)?${WORK_THINGS}\\s+(?:(?:keep|keeps|are|is|get|gets|go|goes|always|often|constantly|regularly|still|just)\\s+){1,2}(?:slipping|slip|late|missed|lost|forgotten|dropped|delayed|behind|overdue|falling through|fall through|getting lost|getting missed|running (?:late|over)|over budget|out of control|a mess|chaotic|all over the place|stuck)\\b|` +
    '(?:we|i)\\s+(?:keep\\s+|always\\s+|often\\s+|constantly\\s+)?(?:miss|missing|lose|losing|lost|waste|wasting)\\s+(?:track of|deadlines|visibility|sight of|so much time|a lot of time|too much time|hours|time on|days on)\\b|' +
    // ("we keep missing client deadlines", "we're losing customer requests": whose deadlines, said in between.)
    "(?:we|i|we['’]re|we are|i['’]m|i am)\\s+(?:keep\\s+|always\\s+|often\\s+|constantly\\s+)?(?:miss|missing|lose|losing|lost)\\s+" + '(?:(?:our|the|all|so many|too many)\\s+)?(?:client|customer|project|team|internal|important|key|sales)\\s+(?:deadlines|requests|tickets|tasks|orders|leads|handoffs|emails)\\b|' +
    "(?:we're|we’re|we are|i'm|i’m|i am)\\s+(?:drowning|buried|swamped|overwhelmed|juggling)\\b|" +
    '(?:no|zero|little|not enough|lack of|poor)\\s+(?:visibility|overview|insight|transparency|accountability)\\b|' +
    '(?:clients|customers|the team|managers|stakeholders|my boss)\\s+(?:keep\\s+|are\\s+|always\\s+)?(?:complain|complaining|chasing us|frustrated)\\b|' +
    // "approvals take forever", "status reports take our PMs half a day every Friday".
    '(?:(?:our|the|all)\\s+)?(?:[\\p{L}-]+\\s+)?[\\p{L}-]+\\s+(?:take|takes|taking|took)\\s+(?:(?:us|me|them|(?:our|the|my)\\s+[\\p{L}-]+)\\s+)?(?:forever|ages|way too long|too long|so long|days|weeks|hours|half a day|a whole day|a full day|all day)\\b|' +
    "(?:nobody|no one|no-one)\\s+(?:trusts|knows where|can find|has (?:an )?overview of)\\b|" +
    '(?:is|are)\\s+(?:a nightmare|a pain|a mess|chaos|painful)\\b|' +
    "too many (?:tools|spreadsheets|emails|meetings|apps)\\b|(?:everything|it all) (?:lives|is) (?:in|on) (?:spreadsheets|email|slack)\\b|(?:things|stuff|tasks) (?:fall|falls|slip|slips|falling|slipping) through the cracks\\b|" +
    // Spanish, French, German, Arabic.
    'perdemos (?:mucho |demasiado |bastante )?tiempo\\b|(?:los |nuestros )?(?:proyectos|plazos|entregas) (?:se (?:nos )?(?:retrasan|atrasan|escapan)|van (?:con )?retrasad[oa]s|llegan tarde)\\b|se nos (?:escapan|pasan) (?:los )?(?:plazos|proyectos|entregas|tareas)\\b|no tenemos visibilidad\\b|los clientes se quejan\\b|' +
    "(?:nos |les )?(?:projets|délais|livrables|tâches) (?:prennent du retard|dérapent|glissent|sont en retard)\\b|(?:nous perdons|on perd) (?:beaucoup de |trop de |du )?temps\\b|(?:nous manquons|on manque) de visibilité\\b|les clients se plaignent\\b|" +
    '(?:wir )?verlieren (?:den|jeden) überblick\\b|wir verlieren (?:viel|sehr viel) zeit\\b|(?:unsere |die )?(?:projekte|deadlines|fristen|termine) (?:verzögern sich|sind (?:oft |immer )?(?:verspätet|zu spät)|werden (?:oft )?verpasst|laufen aus dem ruder)\\b|(?:wir haben )?keinen überblick\\b|kunden beschweren sich\\b|' +
    '(?:نضيع|نفقد) (?:الكثير من )?(?:الوقت|وقتا)|(?:المشاريع|مشاريعنا|المواعيد) (?:تتأخر|متأخرة)|العملاء يشتكون',
);

/** Where the clause holding `index` starts: after the last comma, semicolon, colon or dash before it. */
function clauseStart(sentence: string, index: number): number {
  const before = sentence.slice(0, index);
  const cut = Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf(':'), before.lastIndexOf(' - '), before.lastIndexOf(' – '));
  return cut < 0 ? 0 : cut + 1;
}

function extractPain(sentence: string): Extracted | undefined {
  const match = PAIN.exec(sentence);
  if (!match) return undefined;
  // From the problem's own subject to the end of the sentence: "deadlines keep slipping and clients complain". A match
  // that starts at its verb ("… are a mess") takes its subject from the start of the clause: "our approvals are a mess".
  const start = /^(?:is|are)\b/iu.test(match[0]) ? clauseStart(sentence, match.index) : match.index;
  const value = tidy(sentence.slice(start).replace(/^(?:and|but|so|also|y|pero|et|mais|und|aber)\s+/iu, ''));
  return value.split(/\s+/).length >= 2 ? { value: value.length > 140 ? tidy(value.slice(0, 140).replace(/\s+\S*$/u, '')) : value, confidence: 0.7 } : undefined;
}

export function extractNeed(sentence: string): Extracted | undefined {
  return wishedNeed(sentence) ?? extractPain(sentence);
}

/** Starting, going live, launching: beside a date, a timeline ("to start in February", "bis Ende Q1 starten"). */
const START_WORDS = re(
  '\\b(?:to )?(?:start|starting|begin|go live|launch|roll (?:it )?out|empezar|arrancar|comenzar|iniciar|lanzar|commencer|d[ée]marrer|lancer|starten|beginnen|loslegen|live gehen|ausrollen)\\b|(?:ب|ال)?(?:البدء|نبدأ|نبدا|الانطلاق|الإطلاق|التشغيل)',
  'giu',
);

/** A comma and a new subject: where a list of facts moves on from the need ("…, we want it next month"). */

// ("need sso, budget 2k/mo, want to start asap": the budget and the start are facts of their own, not the need.)
const NEXT_CLAUSE = re(
  ",\\s*(?:we|we're|we’re|i|i'm|i’m|my|our|nosotros|somos|soy|mi|nuestro|nuestra|nous|on|je|mon|ma|notre|wir|ich|mein|meine|unser|unsere|" +
    'budget|want|wanna|start|starting|timeline|deadline|e-?mail|phone|presupuesto|queremos|empezar|plazo|correo|d[ée]marrer|commencer|d[ée]lai|wollen|starten|frist)\\b',
);

/** A need said as a wish or a search ("we're looking for…", "necesitamos…"). */
function wishedNeed(sentence: string): Extracted | undefined {
  const match = NEED_CUE.exec(sentence);
  if (!match) return undefined;
  // ("No necesitamos SSO", "wir brauchen kein SSO", "we don't really need SSO": what they do without.)
  if (/(?:\b(?:no|not|don['’]?t|do not)\s*$)/iu.test(sentence.slice(0, match.index)) || /^\s*(?:kein\w*|nicht)\b/iu.test(sentence.slice(match.index + match[0].length))) return undefined;
  // The longer openings first: "we are looking for" keeps "looking for", not "are looking for".
  // ("…und brauchen SSO", "ونحتاج …": the need without the "and" that joined it to the team size.)
  const cue = match[0].trim().replace(/^(?:und|aber|auch)\s+/iu, '').replace(/^و(?=نحتاج|محتاجين)/u, '').replace(/^(?:we|i)\s*['’]d (like|love)\b/i, 'would $1').replace(/^(?:we'?re|we’re|we are|i'?m|i am|we|i)\s+/i, '');
  // Up to the next clause that says something else: "we need better reporting, we want it next month, I'm …".
  const rest = sentence.slice(match.index + match[0].length).split(NEXT_CLAUSE)[0]?.trim() ?? '';
  // "Lo necesitamos para abril" says when, not what; so do "Wir wollen bis Ende Q1 starten" and "نريد البدء في فبراير".
  if (rest.length < 3 || NOT_A_NEED.test(rest) || isOnlyTimeline(rest) || isOnlyTimeline(rest.replace(START_WORDS, ' '))) return undefined;
  // "Unser Problem: Statusberichte kosten jede Woche Stunden": the problem itself, after its colon.
  if (rest.startsWith(':')) return rest.length > 4 ? { value: tidy(rest.slice(1)), confidence: 0.75 } : undefined;
  // A feature they need ("need SSO and audit logs") is a need, but a problem they tell beside it says more.
  // ("Nous avons besoin d'automatiser…": an elided "d'" joins the next word without a space.)
  return { value: tidy(/['’]$/u.test(cue) ? `${cue}${rest}` : `${cue} ${rest}`), confidence: /^need$/i.test(cue) ? 0.65 : 0.75 };
}

const MONTHS =
  'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|' +
  'enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre';
const SMALL_NUMBER = '(?:\\d+|a|an|one|two|three|four|five|six|a few|a couple of|un|una|dos|tres|cuatro|seis|unos|unas|unos pocos)';
/** Month names in Arabic: the Egyptian and Gulf ones ("فبراير") and the Levantine ones ("شباط"). */
export const ARABIC_MONTHS =
  'يناير|فبراير|مارس|أبريل|ابريل|إبريل|مايو|يونيو|يونيه|يوليو|يوليه|أغسطس|اغسطس|سبتمبر|أكتوبر|اكتوبر|نوفمبر|ديسمبر|' +
  'كانون الثاني|شباط|آذار|اذار|نيسان|أيار|ايار|حزيران|تموز|أيلول|ايلول|تشرين الأول|تشرين الاول|تشرين الثاني|كانون الأول|كانون الاول';
const MONTHS_FR_DE =
  'janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|' +
  'januar|februar|märz|maerz|april|juni|juli|august|september|oktober|november|dezember';
const SOON_FR_DE_AR =
  "(?:le |la |l['’])?(?:trimestre|mois|semaine|année|an) prochaine?|(?:le |la |l['’])?prochaine? (?:trimestre|mois|semaine|année)|ce (?:trimestre|mois(?:-ci)?)|cette (?:semaine|année)|" +
  "d['’]ici (?:la fin (?:du mois|de l['’]année|du trimestre|de la semaine)|(?:\\d+|un|une|deux|trois|quatre|six|quelques) (?:jours|semaines|mois)|" + `(?:${MONTHS_FR_DE}))|` +
  "dès que possible|au plus vite|le plus (?:vite|tôt) possible|tout de suite|immédiatement|dans (?:les )?(?:\\d+|un|une|deux|trois|quatre|six|quelques) (?:jours|semaines|mois)|" +
  `(?:avant|début|fin|mi-?|pour|en|bis|vor|im|in|anfang|ende|mitte) (?:${MONTHS_FR_DE})|(?:avant |d['’]ici )?la fin de l['’]année|fin d['’]année|` +
  '(?:im )?nächste[nmsr]? (?:quartal|monat|woche|jahr)|(?:in )?diese[nmsr]? (?:quartal|monat|woche|jahr)|so schnell wie möglich|schnellstmöglich|möglichst bald|sofort|umgehend|' +
  '(?:in|innerhalb von|innerhalb der nächsten|in den nächsten) (?:\\d+|einem|einer|zwei|drei|vier|sechs|ein paar|wenigen) (?:tagen|wochen|monaten|woche|monat)|' +
  'bis (?:zum )?ende (?:des|dieses) (?:monats|quartals|jahres)|bis jahresende|zum jahresende|' +
  // "Au deuxième trimestre", "en el segundo trimestre", "im zweiten Quartal": a quarter by its number.
  '(?:au|en|d[ée]but|fin|pour le|el|en el|a finales del|im|ab dem|bis zum|bis ende des) (?:premier|deuxi[èe]me|second|troisi[èe]me|quatri[èe]me|primer|segundo|tercer|cuarto|ersten|zweiten|dritten|vierten) (?:trimestre|quartal)s?|' +
  // "الربع القادم" and, after the preposition li- ("for"), "للربع القادم".
  '(?:ال|لل)(?:ربع|شهر|أسبوع|اسبوع|عام|فصل) (?:القادم|المقبل)|(?:ال|لل)سنة (?:القادمة|المقبلة)|هذا (?:الربع|الشهر|الأسبوع|الاسبوع|العام)|هذه السنة|' +
  '(?:في )?(?:أقرب|اقرب) وقت(?: ممكن)?|(?:بأسرع|باسرع) وقت(?: ممكن)?|فورا|فورًا|حالا|' +
  'خلال (?:\\d+ )?(?:يوم|أيام|ايام|أسبوع|اسبوع|أسابيع|اسابيع|شهر|شهرين|أشهر|اشهر|شهور)|(?:قبل|بحلول) نهاية (?:الشهر|الربع|العام|السنة)|' +
  // "نريد البدء في فبراير": a month by its name (Egyptian and Gulf names, and the Levantine ones).
  `(?:(?:في|قبل|بحلول|بداية|نهاية|منتصف|خلال|مع|من) )?(?:شهر )?(?:${ARABIC_MONTHS})`;
const TIMELINE = re(
  '\\b(?:asap|a\\.s\\.a\\.p|as soon as possible|right away|immediately|urgently|this (?:week|month|quarter|year)|' +
    // "by the end of next month" keeps its "end of": a month later than "next month" alone.
    '(?:by |before )?(?:the )?(?:end|start|beginning|middle) of next (?:week|month|quarter|year)|(?:early|late|mid)[- ]next (?:week|month|quarter|year)|' +
    'next (?:week|month|quarter|year|few (?:weeks|months))|(?:with)?in (?:the next )?' + SMALL_NUMBER + ' (?:days?|weeks?|months?|quarters?)|' +
    `(?:by|before|in|for|around|early|late|mid|end of|until|para|antes de|en|a finales de|a principios de) (?:the end of |the start of )?(?:${MONTHS}|q[1-4])(?: \\d{4})?|` +
    'by (?:the )?end of (?:the |this )?(?:week|month|quarter|year)|end of (?:the |this )?(?:month|quarter|year)|q[1-4](?: \\d{4})?|' +
    'cuanto antes|lo antes posible|ya mismo|de inmediato|(?:el|la) (?:mes|semana|año|trimestre) que viene|(?:el|la) próxim[oa] (?:mes|semana|año|trimestre)|' +
    'este (?:mes|trimestre|año)|esta semana|en ' + SMALL_NUMBER + ' (?:días|semanas|mes|meses)|para fin(?:ales)? de (?:mes|año|trimestre)|a fin de (?:mes|año)|' +
    SOON_FR_DE_AR + ')\\b',
);
/** A time phrase about when to meet is a booking preference, not a buying timeline. */
/** A meeting talked about (its numbers are days and hours, never a head count or a timeline). */
export const MEETING_WORDS = re(
  '\\b(?:call|meet|meeting|demo|chat|talk|speak|book|booking|schedule|reschedule|appointment|available|free|llamada|reunión|reunion|hablar|disponible|cita|reserva\\w*|buch\\w*|' +
    'démo|rendez-vous|rdv|réunion|appel|appeler|disponibles?|termin|gespräch|anruf|treffen|vorführung|verfügbar|موعد|اجتماع|مكالمة|عرض|عرضًا|متاح|متاحة)\\b',
);

const TIMELINE_ALL = new RegExp(TIMELINE.source, `${TIMELINE.flags}g`);
/** Hedges and small words around a stated timeline ("hopefully next quarter", "le trimestre prochain, j'espère"). */
const TIMELINE_FILLER = re(
  "^(?:[\\s\\p{P}\\p{S}]|\\b(?:maybe|probably|hopefully|ideally|perhaps|around|the|in|by|for|ok|okay|so|quizás|quizá|probablemente|idealmente|ojalá|" +
    "peut-être|probablement|idéalement|j['’]espère|plutôt|le|la|l|au|en|dans|pour|vers|oui|vielleicht|wahrscheinlich|hoffentlich|idealerweise|eher|im|bis|zum|ab|ja|" +
    // ("bis Ende Q1": the end of a period the timeline names.)
    'end|ende|anfang|mitte|fin|début|finales|principios|' +

    'ربما|غالبا|غالبًا|نأمل|إن شاء الله|ان شاء الله|في|خلال|بحلول|نعم)\\b)*$',
);

/**
 * Whether the text is a timeline and nothing more ("next quarter", "le trimestre prochain", "الربع القادم"): an answer
 * to "when?", which the knowledge base's timing objection ("not now, next quarter") must not claim.
 */
export function isOnlyTimeline(text: string): boolean {
  const rest = withoutTimeline(text);
  return rest !== text && TIMELINE_FILLER.test(rest);
}

/** The text with every timeline phrase, in any of the five languages, blanked out. */
export function withoutTimeline(text: string): string {
  return text.replace(TIMELINE_ALL, ' ');
}

/** Growing the team ("we'll grow to 55 by Q3", "seremos 30 en junio"): its date is the growth's, not the rollout's. */
const GROWING = re("\\b(?:add(?:ing)? \\d+ (?:more|new|extra)|bring(?:ing)? on \\d+|grow|growing|hire|hiring|expand|expanding|scale|scaling|double|crecer|creceremos|seremos|contratar|grandir|embaucher|nous serons|wachsen|einstellen|wir werden \\d+|will be \\d+|['’]ll (?:probably |likely |soon )?be \\d+)\\b|سنكون|سننمو");

/** "Timeline moved to March", "start date is now April", "el arranque pasó a marzo": the new date. */
const TIMELINE_MOVED = re(
  '\\b(?:timeline|start(?: date)?|roll-?out|go-live|launch|deadline|kick-?off|arranque|lanzamiento|plazo|lancement|déploiement|démarrage|start|einführung|starttermin)\\b[^.?!]{0,15}?\\b(?:moved|changed|pushed(?: back)?|slipped|shifted|is now|now|pasó|se movió|cambió|passe|passé|est décalé|verschoben|ist jetzt)\\s+(?:to|until|back to|a|al|à|au|auf)?\\s*([\\p{L}\\d][^.?!,]{1,30})',
);

export function extractTimeline(sentence: string): Extracted | undefined {
  const moved = TIMELINE_MOVED.exec(sentence)?.[1];
  if (moved) return { value: tidy(moved), confidence: 0.8 };
  const match = TIMELINE.exec(sentence)?.[0];
  if (!match || MEETING_WORDS.test(sentence) || GROWING.test(sentence)) return undefined;
  return { value: match.trim(), confidence: 0.75 };
}

/** A message that is only a count: "10", "about 25", "~40 people". */
export const BARE_COUNT = /^\s*(?:~|about|around|roughly|approx\.?|unos|unas|environ|etwa|ca\.?)?\s*\d{1,6}\s*(?:people|ppl|users|seats|personas|usuarios|personnes|utilisateurs|leute|personen|nutzer)?\s*[.!]?\s*$/iu;

/** Choosing a plan: "let's go with Business", "we'll take Pro", "vamos con Pro", "on part sur Business", "wir nehmen Pro". */
export const PLAN_CHOICE = re(
  "^(?:(?:ok(?:ay)?|so|alright|then|fine|great|vale|bueno|bon|alors|gut|ok dann)[,!]?\\s+)?(?:(?:let['’]?s|let us|we['’]?ll|i['’]?ll|we will|i will) (?:go|take|pick|choose) (?:with |for )?(?:the )?\\p{L}|(?:the )?\\p{L}+ (?:it is|then)\\s*[.!]*$|" +
    '(?:vamos con|nos quedamos con|me quedo con|elegimos|escogemos|on (?:prend|part sur)|je prends|nous prenons|nehmen wir|wir nehmen|ich nehme)\\b)',
);

/** Trailing punctuation and spaces off a captured phrase. */
export function tidy(value: string): string {
  const trimmed = (text: string) => text.replace(/\s+/g, ' ').replace(/[\s.,;:!?…]+$/u, '').trim();
  // ("Head of operations so", "next month yeah": the filler a sentence trails off with is not part of the value.)
  return trimmed(withoutFillers(trimmed(value)));
}
