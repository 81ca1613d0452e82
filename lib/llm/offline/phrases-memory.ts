import { capitalise, type MemoryPhrases } from '@/lib/llm/offline/phrasebook';
import { arMemory, arYourWords } from '@/lib/llm/offline/phrases-ar';
import { deMemory, deYourWords } from '@/lib/llm/offline/phrases-de';
import { frMemory, frYourWords } from '@/lib/llm/offline/phrases-fr';
import type { SalesLocale } from '@/lib/sales/turn-state';

export type { MemoryPhrases } from '@/lib/llm/offline/phrasebook';

/**
 * The offline agent's sentences about the conversation itself — recall, acknowledgements, "I didn't follow", and the
 * variants it picks from so that no sentence repeats across its last replies — in English and Spanish (French, German
 * and Arabic in phrases-fr.ts, phrases-de.ts and phrases-ar.ts).
 */
/** The prospect's words turned to the agent's point of view: "our agency" → "your agency", "we" → "you". */
function secondPerson(text: string): string {
  const swaps: Record<string, string> = { we: 'you', us: 'you', our: 'your', ours: 'yours', i: 'you', me: 'you', my: 'your', mine: 'yours', "we're": "you're", 'we’re': 'you’re', "i'm": "you're", 'i’m': 'you’re' };
  return text.replace(/\b(?:we['’]re|i['’]m|we|us|our|ours|i|me|my|mine)\b/gi, (word) => swaps[word.toLowerCase()] ?? word);
}

/** A Spanish need in the prospect's words, said back: "necesitamos" → "necesitan", "nuestro CRM" → "su CRM". */
function terceraPersona(text: string): string {
  const swaps: Record<string, string> = { nos: 'les', nuestro: 'su', nuestra: 'su', nuestros: 'sus', nuestras: 'sus', mi: 'su', mis: 'sus' };
  return text
    // (Verbs only: "mínimos", "próximos" carry an accent, a first person plural of the present does not.)
    .replace(/(?<!\p{L})([a-zñ]{2,})(?:amos|emos|imos)(?!\p{L})/gu, (word, stem: string) => `${stem}${word.endsWith('amos') ? 'an' : 'en'}`)
    .replace(/(?<!\p{L})(?:nos|nuestr[oa]s?|mis?)(?!\p{L})/giu, (word) => swaps[word.toLowerCase()] ?? word);
}

const en: MemoryPhrases = {
  labels: { name: 'name', email: 'email', company: 'company', role: 'role', phone: 'phone number', teamSize: 'team size', budget: 'budget', authority: 'decision', need: 'goal', timeline: 'timeline', tools: 'tools', growth: 'team growth' },
  recallFact: (label, value) => `You told me your ${label} is **${value}**.`,
  recallNeed: (need) => {
    const yours = secondPerson(need);
    if (/^(?:looking|searching|trying|hoping|struggling)\b/i.test(need)) return `You told me you're **${yours}**.`;
    if (/^(?:need|want|would like|'d like|’d like|spend|waste|lose|have|are having|keep having)\b/i.test(need)) return `You told me you **${yours}**.`;
    return `You told me **${yours}**.`;
  },
  recallTeamGrowing: (now, then, when) => `You told me your team is **${now}** people now, growing to **${then}**${when ? ` ${when}` : ''}.`,
  recallTools: (tools) => `You told me you use **${tools}**.`,
  recallMissing: (label) => `You haven't told me your ${label} yet.`,
  recallAuthority: (decides) => (decides ? 'You said you make the decision.' : 'You said the decision needs someone else’s approval.'),
  recallAll: "Here's what you've told me so far:",
  recallSaid: (said) => `You told me: “${said}”.`,
  recallNothing: "You haven't told me anything about yourself or your team yet.",
  emailIncomplete: (address, meant) => (meant ? `The address **${address}** looks mistyped — did you mean **${meant}**?` : `The address **${address}** looks incomplete — could you check it and send it again?`),
  decisionMaker: 'you make the decision',
  needsApproval: 'the decision needs someone else’s approval',
  notedTimeline: (timeline) => `${capitalise(timeline)} — noted.`,
  notedBudget: 'Budget noted.',
  notedAuthority: (decides) => (decides ? 'Good to know the decision is yours.' : 'Understood — someone else signs off too.'),
  notedNeed: 'That’s helpful context.',
  notedTools: (tools) => `${tools} — noted.`,
  notedGrowth: (said) => `${capitalise(said)} — noted; I'll size plans with that in mind.`,
  recallGrowth: (said, then) => `You told me ${said.startsWith('growing') ? "you're" : 'your team is growing:'} **${said}**${then === undefined ? '' : `, so **${then} people** then`}.`,
  itemTimeline: (timeline) => `your timeline (${timeline})`,
  itemBudget: 'your budget',
  itemTools: (tools) => `that you use ${tools}`,
  integratesWith: (company, tools, many) => `${company} connects with ${tools}, so your team keeps working in ${many ? 'them' : 'it'}.`,
  notOnPlan: (tools, many, plan, from, fromLast) => `${tools} ${many ? "aren't" : "isn't"} included in **${plan}**: ${many ? 'they come' : 'it comes'} with **${from}**${fromLast ? '' : ' and above'}.`,
  rivalNotIntegration: (tool) => `**${tool}** is a tool like ours, and it isn't among the integrations we list.`,
  importsFrom: (tool) => `And coming from ${tool}, our importers bring your projects over.`,
  alongside: (tool, company) => `${company} doesn't replace **${tool}** — it works alongside it, through our built-in ${tool} integration.`,
  unclear: ["Sorry, I didn't quite follow that.", "I'm not sure I follow — could you put that another way?", "I didn't catch what you meant there."],
  unclearPrompt: [
    'I can tell you what a plan would cost for your team, how we compare with a tool you use, or set up a demo.',
    'For example, ask me about pricing for your team, security, integrations or a demo.',
    'Try asking about a plan, an integration you need, or booking a call with the team.',
  ],
  asMentioned: ['As I mentioned,', 'Just to recap,', 'Again,'],
  objectionCheck: ['Does that address your concern?', 'Does that help with the concern?', 'Is that reassuring, or is something else holding you back?'],
  unknownQuestion: [
    (salesEmail) => `Good question — I don't have a confirmed answer to that, and I'd rather not guess. Our team at ${salesEmail} can give you a definite answer.`,
    (salesEmail) => `I'd rather not guess on that one; the team at ${salesEmail} will know for sure.`,
    (salesEmail) => `That's one for our team at ${salesEmail}: I don't have a confirmed answer.`,
  ],
  englishOnly: (topic, salesEmail) => `I have the details${topic ? ` on ${topic}` : ''} in English only; our team at ${salesEmail} can go through them with you.`,
  objectionHeard: 'I understand the concern.',
  and: 'and',
};

const es: MemoryPhrases = {
  labels: { name: 'nombre', email: 'correo', company: 'empresa', role: 'cargo', phone: 'teléfono', teamSize: 'tamaño de equipo', budget: 'presupuesto', authority: 'decisión', need: 'objetivo', timeline: 'plazo', tools: 'herramientas', growth: 'crecimiento del equipo' },
  // ("¿cuántos te dije que éramos?": "Me dijo que son **15**", not "su tamaño de equipo es 15".)
  notedGrowth: (said) => `${capitalise(said)}: anotado, lo tendré en cuenta al recomendarle un plan.`,
  recallGrowth: (said, then) => `Me dijo que el equipo crece: **${said}**${then === undefined ? '' : `, es decir, **${then} personas** entonces`}.`,
  recallFact: (label, value) => (label === 'tamaño de equipo' ? `Me dijo que son **${value}**.` : `Me dijo que su ${label} es **${value}**.`),
  // "necesitamos SSO e integrar con Salesforce": "Me dijo que necesitan SSO…", not "su objetivo es necesitamos…".
  recallNeed: (need) =>
    /^(?:necesit|quer|busc|tenemos|nos hace falta|nos falta)/iu.test(need) ? `Me dijo que **${terceraPersona(need)}**.` : `Me dijo que su objetivo es **${need}**.`,
  recallTeamGrowing: (now, then, when) => `Me dijo que ahora son **${now}** y que serán **${then}** ${when ?? 'más adelante'}.`,
  recallTools: (tools) => `Me dijo que usan **${tools}**.`,
  recallMissing: (label) => `Todavía no me ha dicho su ${label}.`,
  recallAuthority: (decides) => (decides ? 'Me dijo que la decisión es suya.' : 'Me dijo que la decisión necesita la aprobación de otra persona.'),
  recallAll: 'Esto es lo que me ha contado hasta ahora:',
  recallNothing: 'Todavía no me ha contado nada sobre usted ni su equipo.',
  emailIncomplete: (address, meant) => (meant ? `La dirección **${address}** parece mal escrita: ¿quiso decir **${meant}**?` : `La dirección **${address}** parece incompleta: ¿podría revisarla y enviármela de nuevo?`),
  decisionMaker: 'la decisión es suya',
  needsApproval: 'la decisión necesita la aprobación de otra persona',
  notedTimeline: (timeline) => `${capitalise(timeline)}: anotado.`,
  notedBudget: 'Presupuesto anotado.',
  notedAuthority: (decides) => (decides ? 'Bien saber que la decisión es suya.' : 'Entendido: alguien más tiene que aprobarlo.'),
  notedNeed: 'Me sirve para entender lo que buscan.',
  notedTools: (tools) => `${tools}: anotado.`,
  itemTimeline: (timeline) => `su plazo (${timeline})`,
  itemBudget: 'su presupuesto',
  itemTools: (tools) => `que usan ${tools}`,
  integratesWith: (company, tools, many) => `${company} se conecta con ${tools}, así que su equipo puede seguir usándolo${many ? 's' : ''}.`,
  notOnPlan: (tools, many, plan, from, fromLast) => `${tools} no ${many ? 'están incluidos' : 'está incluido'} en **${plan}**: ${many ? 'vienen' : 'viene'} con **${from}**${fromLast ? '' : ' y superiores'}.`,
  rivalNotIntegration: (tool) => `**${tool}** es una herramienta como la nuestra y no figura entre las integraciones que ofrecemos.`,
  importsFrom: (tool) => `Y si viene de ${tool}, nuestros importadores traen sus proyectos.`,
  alongside: (tool, company) => `${company} no sustituye a **${tool}**: funciona junto a él, con nuestra integración de ${tool}.`,
  unclear: ['Perdone, no le he entendido bien.', 'No estoy seguro de haberle entendido: ¿puede decirlo de otra forma?', 'No he captado lo que quería decir.'],
  unclearPrompt: [
    'Puedo decirle cuánto costaría un plan para su equipo, cómo nos comparamos con la herramienta que usan o reservar una demo.',
    'Por ejemplo, pregúnteme por precios para su equipo, seguridad, integraciones o una demo.',
    'Pruebe a preguntarme por un plan, una integración que necesite o una llamada con el equipo.',
  ],
  asMentioned: ['Como le comentaba,', 'Para recapitular,', 'De nuevo,'],
  objectionCheck: ['¿Responde eso a su duda?', '¿Le ayuda eso con la duda?', '¿Le tranquiliza, o hay algo más que le frene?'],
  unknownQuestion: [
    (salesEmail) => `Buena pregunta: no tengo una respuesta confirmada y prefiero no adivinar. Nuestro equipo en ${salesEmail} puede darle una respuesta definitiva.`,
    (salesEmail) => `Prefiero no adivinar: el equipo en ${salesEmail} se lo confirma.`,
    (salesEmail) => `Eso se lo responde mejor nuestro equipo en ${salesEmail}: no tengo una respuesta confirmada.`,
  ],
  englishOnly: (topic, salesEmail) => `El detalle${topic ? ` sobre ${topic}` : ''} lo tengo solo en inglés; nuestro equipo en ${salesEmail} puede explicárselo en español.`,
  objectionHeard: 'Entiendo la preocupación.',
  and: 'y',
};

export const MEMORY_PHRASES: Record<SalesLocale, MemoryPhrases> = { en, es, fr: frMemory, de: deMemory, ar: arMemory };

/** The prospect's own words (a need as stored) turned to the agent's point of view: "nous avons besoin" → "vous avez besoin". */
export const YOUR_WORDS: Record<SalesLocale, (text: string) => string> = { en: secondPerson, es: terceraPersona, fr: frYourWords, de: deYourWords, ar: arYourWords };
