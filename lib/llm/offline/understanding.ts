import { knownTools } from '@/lib/sales/memory';
import type { KnowledgeBase } from '@/lib/sales/knowledge/schema';
import type { LeadField } from '@/lib/sales/types';
import { splitSentences } from '@/lib/sales/sentences';
import { DECLINES_TO_SAY } from '@/lib/sales/lead/text';
import { MORE_RECALL, PLAN_RECOMMENDED_ASK } from '@/lib/llm/offline/memory-asks';

/**
 * Readings of a message that come before any knowledge lookup: a question about what the prospect said earlier, a
 * question about what the company does (in any wording), and a tool we work alongside
 * named as an alternative. English, Spanish, French, German and Arabic. Pure.
 */

export type RecallField = LeadField | 'tools' | 'growth';

const RECALL = [
  // (And those of memory-asks.ts: "how many are on my team?", "wie lautet meine E-Mail?", "كم عدد أعضاء فريقي؟".)
  ...MORE_RECALL,
  /\b(what|which|who|when|how many|how much|where)\b.{0,50}\b(did i|i (said|told|mentioned|gave|say))\b/i,
  // ("What is my booking time now?" asks about the meeting, which is answered from the booking.)
  /\bwhat('s|’s|s| is| was) my\b(?! (?:demo|meeting|call|appointment|booking)\b)/i,
  // "What tool are we using today?", "on utilise quoi comme outil ?", "¿Qué herramientas usamos ahora?", "Welches Tool
  // nutzen wir aktuell?", "وما الأداة التي نستخدمها حاليا؟", "وقلتلك بنستخدم ايه؟": the tools they told us they use.
  /\b(?:what|which) (?:tools?|software|apps?) (?:are|do|did) (?:we|i) (?:use|using|have|say|work with)\b|\bwhat (?:are|do) we (?:use|using) (?:now|today|currently|at the moment)\b/i,
  /\bon utilise quoi\b|\bquels? (?:outils?|logiciels?) (?:utilisons-nous|on utilise|nous utilisons|j['’]utilise)\b|(?<!\p{L})qu[eé] (?:herramientas?|programas?|software) (?:usamos|utilizamos|tenemos)(?!\p{L})|\bwelche[sn]? (?:tools?|software|werkzeuge?|programme?) (?:nutzen|verwenden|benutzen) wir\b/iu,
  /(?:ما|ماهي|ما هي|وما|وش|ايش|إيش) (?:هي )?(?:ال)?(?:أداة|اداة|أدوات|ادوات) (?:التي|اللي) (?:نستخدم|نستعمل)|(?:ب|)نستخدم (?:ايه|إيه|ايش|وش)(?!\p{L})/u,
  // "C'était quoi déjà notre budget ?", "Wie hoch war nochmal unser Budget?", "a qué empresa pertenezco?", "انا قلتلك احنا كام؟".
  /\bc['’]?(?:[ée]tait|est) quoi (?:d[ée]j[àa] )?(?:notre|mon|ma|nos|mes)\b/iu,
  /\bwie hoch (?:war|ist) (?:nochmal |noch mal |denn |eigentlich |gleich )*(?:unser|mein)e?s? budget\b/iu,
  /(?<!\p{L})(?:a|de|en|para) qu[eé] empresa (?:pertenezco|pertenecemos)(?!\p{L})/iu,
  /(?:قلتلك|قلت لك)|(?:احنا|إحنا|كنا) كام(?!\p{L})/u,
  // "And how many people are we?", "what's our budget again?": about what they told us, in the first person plural.
  /\bhow (many|big) (people |seats |users |employees )?(are we|is (our|my) team|did we say)\b/i,
  /\bwhat('s|’s|s| is| was) our (budget|team size|timeline|company|email|name|deadline)\b/i,
  // "What's the number you have for me?", "which email do you have on file?", "do you have my number?".
  /\b(?:what|which)(?:'s|’s| is| was)? (?:the |my )?(?:number|phone(?: number)?|e-?mail(?: address)?|address|name|company) (?:do )?you (?:have|got|'ve got|’ve got|have on file|have on record)\b|\bdo you (?:have|still have) my (?:number|phone(?: number)?|e-?mail(?: address)?|name)\b/i,
  // "What email do you have for me?", "which number do you have on file?", "do you have my email?"
  /\b(what|which)( \w+)? (email|e-mail|name|company|number|phone|address|details)( \w+)? do you have\b/i,
  /\bdo you have my (email|e-mail|name|number|phone|details)\b/i,
  // "What do you know about me so far?", "what have I told you?": everything on record.
  /\bwhat (do|did) you (know|have|remember) (about|on) (me|us)\b/i,
  /\bwhat have (i|we) told you\b/i,
  // "Recap what you know about us", "summarise what I told you", "which tools do we use?", "who decides?".
  /\b(recap|summari[sz]e|sum up|go over)\b.{0,30}\b(what (you know|i told you|we told you|i said|we said)|everything)\b/i,
  /\bwhat you know about (me|us)\b/i,
  /^\s*(and |so |ok,? )?(which|what) tools do (we|i) (use|have|work with)\s*\??\s*$/i,
  /^\s*(and |so |ok,? )?who (decides|makes the (final )?decision|signs off)\s*\??\s*$/i,
  /\bqu[eé] sabes (de|sobre) (m[ií]|nosotros)\b/i,
  /\bque (savez-vous|sais-tu) (de|sur) (moi|nous)\b/i,
  /\bqu['’]est-ce que (vous savez|tu sais) (de|sur) (moi|nous)\b/i,
  /(ماذا|ما الذي) (تعرف|تعرفه) (عني|عنا)|ما (المعلومات|البيانات) (التي )?(لديك|عندك) (عني|عنا)/u,
  /\bwas wissen sie (über|ueber|von) (mich|uns)\b/i,
  /\b(qu[eé]|cu[aá]l) (correo|nombre|tel[eé]fono|email)( \w+)? tienes?\b/i,
  /\b(quel(le)?) (e-?mail|adresse|nom|num[ée]ro)( \w+)? avez[- ]vous\b/i,
  /\bwelche (e-?mail|adresse|telefonnummer|nummer)( \w+)? haben sie\b/i,
  /\b(do you remember|remind me)\b/i,
  // "And the go-live date I gave you?", "the budget I mentioned?": a fact of theirs named, then "I gave you".
  /^\s*(?:and |so |ok,? )?(?:what about |how about )?(?:the|my|our) [\p{L}\s-]{2,30}? (?:i|we) (?:gave|told|mentioned|said|shared)(?: (?:you|to you|earlier|before))*\s*[?!.]*\s*$/iu,
  /\b(what|which) (company|team|email|name|organi[sz]ation)\b.{0,20}\b(am i|do i|are we|did i say)\b/i,
  /\b(who do i work for|where do i work)\b/i,
  // (Letter look-arounds, not \b: "¿Qué te dije…?" ends its first word on an accented letter, which \b does not see.)
  /(?<!\p{L})(qu[eé]|cu[aá]l|cu[aá]nt[oa]s?|cu[aá]ndo|qui[eé]n)(?!\p{L}).{0,50}(?<!\p{L})(dije|te dije|le dije|mencion[eé]|coment[eé]|cont[eé]|(?:te |le )?(?:hab[ií]a|he) (?:dicho|mencionado|comentado|contado))(?!\p{L})/iu,
  /\bcu[aá]l (es|era) (mi|nuestro|nuestra)\b/i,
  // "¿Qué necesitábamos?", "¿qué era lo que necesitábamos?", "de quoi avions-nous besoin ?", "was brauchten wir nochmal?",
  // "ماذا كنا نحتاج؟": the need they stated, asked in the past tense (the present "¿qué necesitamos?" asks for advice).
  /(?<!\p{L})qu[eé] (?:era lo que |es lo que )?(?:necesit[aá]bamos|necesitaba|quer[ií]amos|busc[aá]bamos)(?!\p{L})/iu,
  /(?<!\p{L})de quoi (?:avions-nous|avais-je|on avait|nous avions|j['’]avais) besoin(?!\p{L})/iu,
  /(?<!\p{L})was (?:brauchten|wollten) wir(?!\p{L})|(?<!\p{L})was hatten wir (?:nochmal |noch mal |doch |gleich )*(?:gebraucht|gewollt)(?!\p{L})/iu,
  /(?:ماذا|ما|ما الذي|ايش|إيش|وش|شو) (?:اللي |الذي )?كنا (?:نحتاج|نحتاجه|نريد|نريده)/u,
  // Short follow-ups about the record: "and our budget?", "Und unser Budget?", "and my company?", "¿Cuál era el
  // presupuesto?", "cuanto era nuestro presupuesto?", "كم كانت ميزانيتنا؟".
  /^\s*(?:and|so|ok,?|y|et|und)\s+(?:(?:what about|how about|qu[eé] hay de|et pour|was ist mit)\s+)?(?:our|my|nuestro|nuestra|mi|notre|mon|ma|unser|unsere|mein|meine)\s+(?:budget|company|name|email|e-mail|timeline|team size|team|presupuesto|empresa|nombre|correo|plazo|entreprise|soci[ée]t[ée]|nom|d[ée]lai|firma|unternehmen|zeitplan|teamgr(?:ö|o)(?:ß|ss)e)\s*[?!.]*\s*$/iu,
  /(?<!\p{L})cu[aá]l era (?:el|la) (?:presupuesto|empresa|plazo|nombre|correo|fecha)(?!\p{L})|(?<!\p{L})cu[aá]nt[oa] (?:era|es) (?:mi|nuestro|nuestra)(?!\p{L})|(?<!\p{L})cu[aá]nt[oa] era (?:el|la) (?:presupuesto)(?!\p{L})/iu,
  /كم (?:كانت|كان|هي|هو) (?:ميزانيتنا|ميزانيتي|ميزانيتكم)|^\s*و\s?(?:ميزانيتنا|ميزانيتي|شركتنا|شركتي|اسمي|بريدي)\s*[؟?]\s*$/u,
  // "¿Cuántos somos?", "combien sommes-nous ?", "wie viele sind wir?"; "¿de qué empresa soy?", "von welcher Firma bin ich?".
  /\bcu[aá]nt[oa]s (somos|[eé]ramos|(?:personas|usuarios|empleados) (?:somos|[eé]ramos))(?!\p{L})/iu,
  /\b(de|en|para) qu[eé] empresa (soy|estoy|trabajo)(?!\p{L})/iu,
  /\bcombien (sommes[- ]nous|on est|nous sommes|[ée]tions[- ]nous)(?!\p{L})/iu,
  /\b(de|dans|pour) quelle (entreprise|soci[ée]t[ée]|bo[iî]te) (suis[- ]je|je suis|est-ce que je travaille|je travaille)(?!\p{L})/iu,
  /\b(ai|avais)[- ]je (dit|indiqu|mentionn|pr[ée]cis)/iu,
  // ("Wie viele Leute waren wir nochmal?": a noun between them too.)
  /\bwie (viele|gro(ß|ss))(?: (?:leute|personen|mitarbeiter|mitarbeitende|nutzer|user|köpfe|koepfe))? (sind|waren) wir\b/iu,
  // "On etait combien deja ?", "nous étions combien ?"; "und was war das Budget?", "was war nochmal unsere Firma?".
  /(?<!\p{L})(?:on [ée]tait|nous [ée]tions) combien(?!\p{L})|(?<!\p{L})combien (?:on [ée]tait|nous [ée]tions)(?!\p{L})/iu,
  /(?<!\p{L})(?:wie|was) war (?:nochmal |noch mal |doch |gleich )?(?:das|der|die) (?:budget|teamgr(?:ö|o)(?:ß|ss)e|firma|e-?mail(?:-adresse)?)(?!\p{L})/iu,
  /\b(von|bei|aus|f(ü|u)r) welche[rmn]? (firma|unternehmen) (bin|komme|arbeite) ich\b/iu,
  /\b(recuerdas?|recuerda usted)\b/i,
  // French, German, Arabic: "Quelle taille d'équipe vous ai-je indiquée ?", "Was habe ich Ihnen gesagt?", "ما الذي ذكرته لك؟"
  /\b(vous ai[- ]je|t['’]ai[- ]je)\s+(dit|indiqu|donn|mentionn|communiqu|parl)/i,
  /\b(qu['’]est-ce que|que|quel\w*|combien|quand|qui)\b.{0,60}\b(je vous (?:ai|avais)|je t['’](?:ai|avais))\s+(dit|indiqu|donn|mentionn|communiqu)/i,
  /\bquel(le)?s? (est|[ée]tait|sont|[ée]taient) (mon|ma|mes|notre|nos)\b/i,
  /\b(vous (vous )?souvenez|tu te souviens|rappelez-moi|rappelle-moi)\b/i,
  // ("Wie groß hatte ich unser Team angegeben?": letter look-arounds, \b does not see the ß.)
  /(?<!\p{L})(was|welche\p{L}*|wie viele|wie gro(ß|ss)|wann|wer|wo)(?!\p{L}).{0,60}\b(habe|hatte|hab) ich\b.{0,40}\b(gesagt|genannt|erw(ä|a)hnt|angegeben|erz(ä|a)hlt|mitgeteilt)\b/iu,
  /\b(wie|was) (war|ist) (?:(?:nochmal|noch mal|doch|eigentlich|gleich) )?(mein|meine|unser|unsere)\b/i,
  // "Wie groß ist unser Team, hatte ich gesagt?", "Was weißt du über mich?" (letter look-arounds: \b does not see ß).
  /(?<!\p{L})wie gro(?:ß|ss) (?:ist|war) (?:unser|mein)e?(?!\p{L})|(?<!\p{L})(?:hatte|habe|hab) ich (?:gesagt|genannt|erwähnt|erw[äa]hnt)(?!\p{L})|(?<!\p{L})was wei(?:ß|ss)t du (?:über|ueber|von) (?:mich|uns)(?!\p{L})/iu,
  /\b(erinnern sie sich|erinnerst du dich|wissen sie noch)\b/i,
  /(ما|ماذا|كم|متى|من|أي|اي)\s[^؟?]{0,60}(قلت|قلته|ذكرت|ذكرته|أخبرتك|اخبرتك)/u,
  /(هل )?(تتذكر|تذكر ما)/u,
  // "When do we want to roll out?", "¿para cuándo queremos arrancar?", "quand voulons-nous déployer ?", "Wann wollen wir starten?".
  /\bwhen (?:do|did) (?:we|i) (?:want|need|plan|hope) to (?:roll (?:it )?out|start|go live|launch|be live|be up and running)\b/i,
  /(?<!\p{L})(?:para )?cu[aá]ndo (?:queremos|quer[ií]amos|quiero|quer[ií]a|necesitamos) (?:arrancar|empezar|lanzar|tenerlo|implantar)(?!\p{L})/iu,
  /\bquand (?:voulons-nous|voulions-nous|veut-on|voulait-on|est-ce qu['’]on veut) (?:d[ée]ployer|d[ée]marrer|commencer|lancer)/iu,
  /\bwann (?:wollen|wollten|m[öo]chten|möchten) wir (?:starten|loslegen|ausrollen|beginnen|live gehen)\b/iu,
  /متى (?:نريد|كنا نريد|نبغى|نبي|بدنا) (?:البدء|أن نبدأ|ان نبدأ|ان نبدا|الانطلاق|التشغيل|نبدأ|نبدا)/u,
  /(ما|ماذا) (هو |هي |كان |كانت )?(اسمي|بريدي|شركتي|حجم فريقي|ميزانيتي|منصبي|اسم شركتي|اسم شركتنا|شركتنا|ميزانيتنا|حجم فريقنا|عددنا)/u,
  // "What's my name?" as it is asked in each language: "Wie heiße ich?", "¿cómo me llamo?", "comment je m'appelle ?",
  // "je m'appelle comment ?", "who am I?", "do you know my name?", "شو اسمي؟", "اسمي إيه؟".
  /(?<!\p{L})(?:wie hei(?:ß|ss)e ich|c[oó]mo me llamo|comment (?:est-ce que )?je m['’]appelle|je m['’]appelle comment|do you know my (?:name|email|e-mail|company))(?!\p{L})|^\s*(?:and |so |ok,? )?who am i\s*[?!.]*\s*$|(?:شو|ايش|إيش|وش) (?:اسمي|بريدي|شركتي|اسم شركتي)|اسمي (?:ايه|إيه|شو)/iu,
  /كم (عددنا|عدد فريقنا|شخصًا نحن|شخصا نحن)/u,
  // "¿Cómo se llama mi empresa?", "comment s'appelle notre société ?"; "¿y del plazo?", "¿y lo del presupuesto?".
  /(?<!\p{L})(?:c[oó]mo se llama (?:mi|nuestra) (?:empresa|compañ[ií]a)|comment s['’]appelle (?:mon|ma|notre) (?:entreprise|soci[ée]t[ée]|bo[iî]te))(?!\p{L})/iu,
  /^\s*¿?\s*y (?:del|lo del|de la|lo de la|sobre el|sobre la) (?:plazo|presupuesto|tama[nñ]o del equipo|equipo|empresa|nombre|correo|fecha)\s*[?!.]*\s*$/iu,
  // "On est combien déjà ?", "on était combien ?", "combien on est déjà ?", "combien je vous ai dit qu'on était ?".
  /(?<!\p{L})(?:on (?:est|[ée]tait) combien|combien (?:on (?:est|[ée]tait)|(?:sommes|[ée]tions)-nous|de personnes on (?:est|[ée]tait)) d[ée]j[àa]|combien (?:je vous ai|vous ai-je) dit|combien de (?:personnes|gens|utilisateurs) (?:j['’]ai|je vous ai|je t['’]ai|on a|nous avons|vous ai-je) dit)(?!\p{L})/iu,
];

const RECALL_FIELDS: [RecallField, RegExp][] = [
  ['email', /\b(e-?mail|correo|courriel|adresse)\b|بريد|إيميل|ايميل/iu],
  ['name', /\b(name|nombre|who am i|me llamo|nom|appelle|hei(ß|ss)e)\b(?! of (?:my|our|the) company)|اسم(?!\s*(?:شركت|الشركة))/iu],
  ['company', /\b(company|empresa|work (at|for)|organi[sz]ation|employer|entreprise|soci(é|e)t(é|e)|firma|unternehmen|arbeitgeber)\b|شركة|شركتي/iu],
  ['teamSize', /\b(team size|how many|people|seats|users|size|cu[aá]nt[oa]s|personas|usuarios|tama[nñ]o|taille|combien|personnes|utilisateurs|teamgr(ö|o)(ß|ss)e|wie viele|personen|nutzer|mitarbeiter)\b|(?<!\p{L})wie gro(?:ß|ss)(?!\p{L})|حجم|عدد|كم|كام|أشخاص|مستخدم/iu],
  ['timeline', /\b(timeline|when|start|go[- ]live|launch|roll[- ]?out|be live|deadline|cu[aá]ndo|plazo|empezar|quand|calendrier|d(é|e)lai|d(é|e)marrer|wann|zeitplan|starten|termin)\b|متى|موعد/iu],
  ['budget', /\b(budget|presupuesto)\b|ميزاني/iu],
  ['authority', /\b(decision|decides?|decisi[oó]n|decide|d(é|e)cision|d(é|e)cide|entscheid\w*)\b|قرار|يقرر/iu],
  ['need', /\b(need|problem|solve|goal|issue|pain|pain point|challenge|necesit\w*|problema|resolver|reto|besoin|objectif|probl(è|e)me|souci|bedarf|ziel|herausforderung|brauchten|gebraucht|wollten|gewollt)\b|هدف|مشكلة|حاجة|كنا (?:نحتاج|نريد)/iu],
  ['role', /\b(role|job title|cargo|puesto|poste|r(ô|o)le|position|rolle)\b|منصب|وظيف/iu],
  ['phone', /\b(phone|(?:phone )?number(?! of)|tel[eé]fono|t(é|e)l(é|e)phone|telefon\w*)\b|هاتف|جوال/iu],
  ['growth', /\b(hir(?:e|ed|es|ing)|grow|growing|growth|adding|add(?:ed)? more|expand\w*|headcount|new (?:people|hires))\b|(?<!\p{L})(?:contrat\p{L}*|crec\p{L}*|crecimiento|entran|incorpor\p{L}*|embauch\p{L}*|recrut\p{L}*|croissance|agrandi\p{L}*|einstell\p{L}*|wachs\p{L}*|wachstum|neue leute|توظيف|نوظف|نمو|ينضم)(?!\p{L})/iu],
  ['tools', /\b(tools?|software|use|using|herramientas?|usamos|usan|outils?|logiciels?|utilis\w*|werkzeuge?|nutzen)\b|أدوات|ادوات|أداة|اداة|نستخدم/iu],
];

/** "My company name", "el nombre de mi empresa", "le nom de mon entreprise", "unser Firmenname", "اسم شركتي". */
const COMPANY_NAME = /\b(?:company|business|organi[sz]ation) name\b|(?<!\p{L})(?:nombre de (?:mi|nuestra|la) empresa|nom de (?:mon|notre|l['’])\s?(?:entreprise|soci[ée]t[ée])|firmenname)(?!\p{L})|اسم (?:شركتي|شركتنا|الشركة)/iu;

/** The facts a "what did I say…" question asks about: none named means everything we know. Undefined: not a recall. */
/** "What do you know about me?" in any wording: everything on record, whatever else the question names ("who am I and …"). */
const EVERYTHING =
  /\bwhat (?:do|did) you (?:know|have|remember) (?:about|on) (?:me|us)\b|\bwhat you know about (?:me|us)\b|(?<!\p{L})qu[eé] (?:sabes?|sabe usted) (?:de|sobre) (?:m[ií]|nosotros)(?!\p{L})|\b(?:que|qu['’]est-ce que) (?:savez-vous|sais-tu|vous savez|tu sais) (?:de|sur) (?:moi|nous)\b|\bwas wissen sie (?:über|ueber|von) (?:mich|uns)\b|(?<!\p{L})was wei(?:ß|ss)t du (?:über|ueber|von) (?:mich|uns)(?!\p{L})|(?:ماذا|ما الذي) (?:تعرف|تعرفه) (?:عني|عنا)|(?:ذكرني|ذكّرني|فكرني) (?:بما|بماذا|باللي|بكل ما) (?:تعرف|تعرفه) (?:عني|عنا)|(?:ايه|إيه) (?:اللي )?(?:تعرفه|بتعرفه|تعرف) (?:عني|عنا)|ما (?:المعلومات|البيانات) (?:التي )?(?:لديك|عندك) (?:عني|عنا)/iu;

export function recallQuestion(text: string): RecallField[] | undefined {
  if (EVERYTHING.test(text)) return [];
  // ("Prefiero no decir cuántos somos" declines to say: no question about what they said.)
  if (DECLINES_TO_SAY.test(text.trim()) || !RECALL.some((pattern) => pattern.test(text))) return undefined;
  // ("كم كانت ميزانيتنا؟": "how much" of the budget, not a head count.)
  const fields = RECALL_FIELDS.filter(([field, pattern]) => pattern.test(text) && !(field === 'teamSize' && /كم (?:كانت |كان |هي |هو )?ميزاني/u.test(text))).map(([field]) => field);

  // "How many people did I say we use it for" is about the team, not tools; "how many seats did I say we need" is
  // not about the goal either (the verb "need", not the noun).
  // ("Besoin" is the goal as "notre besoin", not in "en avoir besoin", which is the verb.)
  // ("What's my company name again?" asks for the company, not their name.)
  if (COMPANY_NAME.test(text)) return fields.filter((field) => field !== 'name');
  const aboutGoal = /\b(problem|solve|goal|objective|necesidad|objetivo|objectif|ziel)\b|\b(?:mon|notre|nos|le|les) besoins?\b|هدف|مشكلة/iu.test(text);
  // "When did I say we need it?" is about the timeline: "need" the verb beside another fact is not the goal.
  if (!fields.includes('teamSize')) return fields.length > 1 && !aboutGoal ? fields.filter((field) => field !== 'need') : fields;
  return fields.filter((field) => field !== 'tools' && (field !== 'need' || aboutGoal));
}

/**
 * When the meeting is, asked in words the booking replies' own reading does not know: "what's the date and time of my
 * meeting?", "what is my booking time now?", "¿A qué hora queda?", "متى موعدي؟".
 */
export const MEETING_WHEN_ASK =
  /\bwhat(?:'s|’s| is| was)? (?:the )?(?:date|time|day)(?: and (?:date|time|day))? (?:of|for) (?:my|the|our) (?:demo|meeting|call|appointment|booking)\b|\bwhat(?:'s|’s| is| was) (?:my|the|our) (?:demo|meeting|call|appointment|booking) (?:time|date|day)\b|(?<!\p{L})a qu[eé] hora (?:queda|qued[oó]|quedamos)(?!\p{L})|متى موعدي|موعدي (?:متى|امتى|إمتى)|(?:امتى|إمتى) (?:ال)?(?:معاد|موعد)|^\s*(?:(?:and|so|ok(?:ay)?|wait)[,\s]+)?when(?:'s|’s| is| was) it(?: again| now| then)?\s*[?!.]*\s*$|^\s*(?:y\s+)?¿?\s*cu[aá]ndo (?:es|era|queda)(?: entonces)?\s*[?!.]*\s*$|^\s*(?:et\s+)?(?:c['’]est quand|quand est-ce|c['’]est à quelle heure)(?: d[ée]j[àa])?\s*[?!.]*\s*$|^\s*(?:und\s+)?wann (?:ist|war) (?:er|es|der termin)(?: nochmal| noch mal)?\s*[?!.]*\s*$/iu;

/** "Remind me the price", "rappelez-moi le prix que vous m'avez donné": the last quote, said again in full. */
export const PRICE_REMINDER =
  /\b(?:remind me|tell me again)(?: of| what)? (?:the|that|your|our)? ?(?:price|cost|quote|pricing)\b|\bthe (?:price|quote) (?:you|that you) (?:gave|quoted|said|mentioned)\b|(?<!\p{L})(?:rappelez|rappelle)[- ]moi (?:le|votre|ce) (?:prix|tarif|devis)(?!\p{L})|(?<!\p{L})le (?:prix|tarif) que vous m['’]avez (?:donn|indiqu|dit)|(?<!\p{L})(?:recu[eé]rdame|recu[eé]rdeme) (?:el|su) (?:precio|presupuesto)(?!\p{L})|(?<!\p{L})el precio que me (?:dio|diste|dieron)(?!\p{L})|(?<!\p{L})erinnern sie mich (?:nochmal )?an den preis(?!\p{L})|(?<!\p{L})was war (?:nochmal |noch mal )?der preis(?!\p{L})|\bwhat(?: was|(?:'s|’s| is) (?=[^?!.]*\bagain\b)) (?:the|that|our) (?:total|cost|quote|monthly total|monthly cost)\b/iu;

/**
 * The plan recommended, asked again: "und welchen Plan hast du mir empfohlen?", "welchen Plan nehmen wir jetzt?",
 * "وش الباقة اللي نصحتني فيها؟", "alors quel plan ?", "ok y cuál nos conviene entonces", "what did you just say the price was?".
 */
export const RECOMMENDED_AGAIN = new RegExp(
  `${/\bwelche[nsr]? (?:plan|tarif|paket) (?:hast du|hattest du|haben sie|hatten sie) (?:mir |uns )?empfohlen\b|(?<!\p{L})was (?:hast du|hattest du|haben sie|hatten sie) (?:mir |uns )?(?:nochmal |noch mal |denn )?empfohlen(?!\p{L})|(?<!\p{L})qu[eé] (?:me|nos) (?:recomendaste|recomend[oó]|hab[ií]as recomendado|hab[ií]a recomendado|has recomendado|ha recomendado)(?!\p{L})|(?<!\p{L})(?:qu['’]est-ce que|que) (?:vous m['’]avez|tu m['’]as|vous nous avez) (?:recommand|conseill)|(?<!\p{L})que m['’]avez-vous (?:recommand|conseill)|(?<!\p{L})(?:ماذا|ايش|إيش|وش|شو) (?:نصحتني|نصحتنا|اقترحت علي|اقترحت علينا)|\bwelche[nsr]? (?:plan|tarif|paket) nehmen wir\b|(?:أي|اي|وش|ايش|إيش) (?:ال)?(?:باقة|خطة) (?:اللي |التي )?(?:نصحتني|نصحتنا|اقترحتها|اقترحت)|^\s*(?:alors|donc|et|bon)?,?\s*quel(?:le)? (?:plan|offre|formule)\s*[?!.]*\s*$|(?<!\p{L})cu[aá]l (?:nos|me) conviene(?!\p{L})|\bwhat did you (?:just )?say the (?:price|cost) (?:was|is)\b|\bwhat was (?:that|the) price(?: again)?\b/iu.source}|${PRICE_REMINDER.source}|${PLAN_RECOMMENDED_ASK.source}`,
  'iu',
);

/** "What does Northwind Cloud do?", "what do you guys do?", "tell me about your product", "¿qué hace Northwind?". */
export function asksAboutCompany(text: string, kb: KnowledgeBase): boolean {
  const name = kb.company.name.toLowerCase();
  const first = name.split(/\s+/)[0] ?? name;
  const us = `(you|you guys|y'?all|your (company|team|product|platform|tool|app|software)|the (product|platform|tool)|${escape(name)}|${escape(first)})`;
  // ("whats northwind", typed without its apostrophe, asks the same.)
  const folded = text.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/\bwhats\b/g, 'what is');
  return [
    new RegExp(`\\bwhat (exactly )?(do|does) ${us}( guys)? (actually |exactly )?(do|offer|sell|make|provide)\\b`),
    new RegExp(`\\bwhat (is|'s|are) ${us}\\b`),
    new RegExp(`\\btell me (a bit |more |a little )?(more )?about ${us}\\b`),
    /\bwhat('s| is) (this|it) (all )?about\b/,
    new RegExp(`\\bque (hace|hacen|haceis|ofrece|ofrecen|ofreceis|es) (${escape(first)}|ustedes|su (empresa|producto|plataforma))`),
    /\ba que se dedica/,
    new RegExp(`\\bhableme (mas )?de (ustedes|su (empresa|producto)|${escape(first)})`),
    new RegExp(`\\b(que (fait|font|propose)|qu['’]est[- ]ce que|c['’]est quoi) (${escape(first)}|${escape(name)}|votre (entreprise|produit|solution))\\b`),
    /\bque (faites|proposez)[- ]vous\b/,
    // ("Vous faites quoi exactement ?", "ustedes qué hacen?", "was macht ihr genau?": the same, said casually.)
    /\bvous (faites|proposez|vendez) quoi\b|\bqu['’]est[- ]ce que vous (faites|proposez|vendez)\b|\bustedes (que|a que) (hacen|se dedican)\b|\bque hacen (ustedes )?exactamente\b|\bwas (macht|machen|bietet) ihr\b|\bwas genau (macht|machen|bietet|bieten) (ihr|sie)\b/,
    new RegExp(`\\bparlez[- ]moi (un peu )?(plus )?de (vous|votre (entreprise|produit)|${escape(first)})`),
    new RegExp(`\\b(was (macht|machen|bietet|bieten|ist) (${escape(first)}|${escape(name)}|sie|ihr (unternehmen|produkt)|ihre firma))\\b`),
    new RegExp(`\\berz(a|ä)hlen sie mir (etwas |mehr )*(uber|über) (sie|ihr (unternehmen|produkt)|${escape(first)})`),
    /(ماذا (تفعل|تفعلون|تقدم|تقدمون)|ما (هي|هو) (نورثويند|شركتكم|منتجكم)|حدثني عن (شركتكم|منتجكم|نفسك))/,
  ].some((pattern) => pattern.test(folded));
}

const ALTERNATIVE = /\b(why not|instead of|rather than|vs\.?|versus|better than|compared? (to|with)|just use|stick with|en vez de|por qu[eé] no|mejor que|au lieu de|plut(ô|o)t que|pourquoi pas|mieux que|statt|anstatt|warum nicht|besser als)\b|بدلا من|بدلًا من|لماذا لا|أفضل من/iu;

/** A tool we integrate with, named as an alternative to us ("why not just use HubSpot?"). */
export function alternativeTool(text: string, kb: KnowledgeBase): string | undefined {
  if (!ALTERNATIVE.test(text)) return undefined;
  const competitors = new Set(kb.competitors.map((competitor) => competitor.name));
  // In the sentence that sets it against us: a long message's "rather than going back and forth by email" does not
  // make the Salesforce it needs, three sentences earlier, an alternative.
  const sentences = splitSentences(text).filter((sentence) => ALTERNATIVE.test(sentence));
  return knownTools(kb).find((tool) => !competitors.has(tool) && sentences.some((sentence) => new RegExp(`\\b${escape(tool)}\\b`, 'i').test(sentence)));
}

function escape(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
