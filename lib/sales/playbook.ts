import type { SalesLocale } from '@/lib/sales/turn-state';
import type { LeadField, SalesState, Stage, StageChange } from '@/lib/sales/types';

/**
 * The sales playbook: what each stage tries to achieve, when the conversation moves to another stage, and the one
 * question worth asking next. Stages move on evidence in the conversation (facts given, an objection, a booking),
 * never on turn counts, so ten turns of small talk leave the agent where it was. Pure and client-safe.
 */

export const STAGE_GOALS: Record<Stage, string> = {
  greeting: 'Welcome the prospect briefly and find out what brought them here.',
  discovery: 'Understand the problem they want to solve and how many people it is for, one question at a time.',
  qualification: 'Learn their timeline, who makes the decision and their budget, without interrogating them.',
  recommendation: 'Recommend the plan that fits their team and need, with catalogue prices only, and offer a demo.',
  objection_handling: 'Acknowledge the concern, answer it from the knowledge base, and check that it is resolved.',
  closing: 'Confirm their email and book a meeting (or agree the next step) with a clear time and time zone.',
  handoff: 'A human was requested: confirm how the team will follow up, and collect an email if it is missing.',
};

export function stageGoal(stage: Stage): string {
  return STAGE_GOALS[stage];
}

export interface StageSignals {
  /** The intent the agent recognised in the prospect's message (offline intents or the OpenAI agent's tool use). */
  intent?: string;
  /** Lead fields whose value changed this turn (from mergeLead). */
  changed: LeadField[];
  objection?: boolean;
  bookingMade?: boolean;
  handoffRequested?: boolean;
  recommendationGiven?: boolean;
  /** The prospect's sentence behind this turn's signals, recorded in the stage change's reason. */
  evidence?: string;
}

/** Intents that carry nothing about buying: they never move a stage forward. */
const SMALL_TALK_INTENTS = new Set(['greeting', 'thanks', 'small-talk', 'small_talk', 'smalltalk', 'off-topic', 'off_topic', 'injection', 'prompt-injection']);
/** Intents that ask for a meeting or to buy. */
const BOOKING_INTENTS = new Set(['booking', 'book', 'book-meeting', 'demo', 'meeting', 'contact', 'buy']);
/** Intents about plans or prices: with a seat count they are ready for a recommendation. */
const PLAN_INTENTS = new Set(['pricing', 'plan-price', 'plan-features', 'plan-compare', 'pricing-overview', 'recommend', 'team-size', 'comparison', 'features']);

/** The forward path; objection handling and handoff are detours from it. */
const FORWARD: readonly Stage[] = ['greeting', 'discovery', 'qualification', 'recommendation', 'closing'];
const rank = (stage: Stage): number => FORWARD.indexOf(stage);

interface Move {
  stage: Stage;
  reason: string;
}

/**
 * The stage after this turn. Call it after mergeLead, with the state holding the merged lead. Priority: a human
 * request, then (in handoff) whether the prospect carries on, an objection, a booking, an email from a qualified lead,
 * the return from an answered objection, and finally forward progress earned by what the lead record now holds.
 */
export function advanceStage(state: SalesState, signals: StageSignals, now: number): { state: SalesState; change?: StageChange } {
  const move = decide(state, signals);
  if (!move || move.stage === state.stage) return { state };
  const change: StageChange = { from: state.stage, to: move.stage, reason: move.reason, at: now };
  return { state: { ...state, stage: move.stage, stageHistory: [...state.stageHistory, change] }, change };
}

function decide(state: SalesState, signals: StageSignals): Move | undefined {
  const said = quote(signals.evidence);
  if (signals.handoffRequested) return { stage: 'handoff', reason: `human requested${said}` };
  if (state.stage === 'handoff') {
    // Handoff is terminal while the prospect just waits; carrying on with substance resumes the sale where it stands.
    if (!isSubstantive(signals)) return undefined;
    return { stage: earned(state, signals)?.stage ?? 'discovery', reason: `prospect continued after the handoff${said}` };
  }
  if (signals.objection) return { stage: 'objection_handling', reason: `objection raised${said}` };
  if (signals.bookingMade) return { stage: 'closing', reason: `meeting booked${said}` };
  if (signals.intent && BOOKING_INTENTS.has(signals.intent)) return { stage: 'closing', reason: `asked for a meeting${said}` };
  if (signals.changed.includes('email') && isQualified(state)) {
    return { stage: 'closing', reason: `email given by a qualified lead${quote(state.lead.fields.email?.evidence)}` };
  }
  if (state.stage === 'objection_handling') {
    // The objection was answered last turn and this turn is not another one: go back to where the sale was.
    const before = [...state.stageHistory].reverse().find((change) => change.to === 'objection_handling')?.from ?? 'discovery';
    const resume = earned(state, signals)?.stage ?? 'discovery';
    const back = rank(before) >= rank(resume) && before !== 'handoff' ? before : resume;
    return { stage: back, reason: `objection answered, prospect moved on${said}` };
  }
  const next = earned(state, signals);
  return next && rank(next.stage) > rank(state.stage) ? next : undefined;
}

/** The furthest forward stage the lead record and this turn justify (never closing: that needs an explicit ask). */
function earned(state: SalesState, signals: StageSignals): Move | undefined {
  const { fields } = state.lead;
  const need = fields.need && fields.need.confidence >= 0.5 ? fields.need : undefined;
  const seats = fields.teamSize && fields.teamSize.confidence >= 0.5 ? fields.teamSize : undefined;
  if (need && seats) return { stage: 'recommendation', reason: `team size and need known${quote(seats.evidence)}` };
  if (signals.intent && PLAN_INTENTS.has(signals.intent) && fields.teamSize) {
    return { stage: 'recommendation', reason: `asked about a plan with seats${quote(fields.teamSize.evidence)}` };
  }
  if (signals.recommendationGiven) return { stage: 'recommendation', reason: `plan recommended${quote(signals.evidence)}` };
  if (need) return { stage: 'qualification', reason: `need given${quote(need.evidence)}` };
  if (isSubstantive(signals)) return { stage: 'discovery', reason: `prospect engaged${quote(signals.evidence)}` };
  return undefined;
}

function isSubstantive(signals: StageSignals): boolean {
  if (signals.changed.length > 0 || signals.objection || signals.bookingMade || signals.recommendationGiven) return true;
  return signals.intent !== undefined && !SMALL_TALK_INTENTS.has(signals.intent);
}

function isQualified(state: SalesState): boolean {
  const { need, teamSize } = state.lead.fields;
  return rank(state.stage) >= rank('recommendation') || state.stage === 'objection_handling' || (need !== undefined && teamSize !== undefined);
}

function quote(evidence: string | undefined): string {
  if (!evidence) return '';
  const text = evidence.replace(/\s+/g, ' ').trim();
  return `: '${text.length > 120 ? `${text.slice(0, 119)}…` : text}'`;
}

/** What is worth asking at each stage, in order. Objection handling asks nothing: it answers. */
export const STAGE_QUESTIONS: Record<Stage, readonly LeadField[]> = {
  greeting: ['need'],
  discovery: ['need', 'teamSize'],
  qualification: ['timeline', 'authority', 'budget'],
  // After the plan is on the table, what is still missing for a proposal, then the email to send it to.
  recommendation: ['teamSize', 'need', 'timeline', 'authority', 'email'],
  objection_handling: [],
  closing: ['email', 'name', 'company'],
  handoff: ['email', 'name'],
};

/**
 * How often a field is asked in general, where not twice. The e-mail once: it is asked again only where it is needed
 * (the booking's invite, where the team should reach them), never as one more question in between.
 */
const ASKS: Partial<Record<LeadField, number>> = { email: 1 };

/**
 * The single next field worth asking for, never one already known. The field asked last time and still unanswered
 * is skipped: the prospect chose not to answer, and asking twice in a row feels like a form. So are the fields asked
 * in the last few replies (`askedRecently`): an unanswered question comes back reworded only a few turns later.
 */
export function nextField(state: SalesState, askedRecently: readonly LeadField[] = []): LeadField | undefined {
  // A question asked twice and still unanswered is one the prospect chose to leave: it is not asked a third time.
  const open = STAGE_QUESTIONS[state.stage].filter((field) => state.lead.fields[field] === undefined && (state.asked?.[field] ?? 0) < (ASKS[field] ?? 2));
  return open.find((field) => field !== state.lastAskedField && !askedRecently.includes(field));
}

const QUESTIONS: Record<SalesLocale, Record<LeadField, string>> = {
  en: {
    need: 'What are you hoping to solve or improve with a tool like ours?',
    teamSize: 'How many people on your team would be using it?',
    timeline: 'When are you hoping to have something in place?',
    authority: 'Will you be the one making the decision, or is someone else involved too?',
    budget: 'Do you have a budget in mind for this?',
    email: "What's the best email to send the details to?",
    name: 'Who am I speaking with, by the way?',
    company: 'Which company are you with?',
    role: "What's your role there?",
    phone: "What's a good phone number to reach you on, if you'd like a call?",
  },
  es: {
    need: '¿Qué le gustaría resolver o mejorar con una herramienta como la nuestra?',
    teamSize: '¿Cuántas personas de su equipo la usarían?',
    timeline: '¿Para cuándo le gustaría tenerlo funcionando?',
    authority: '¿La decisión es suya o participa alguien más?',
    budget: '¿Tienen un presupuesto pensado para esto?',
    email: '¿A qué correo le envío los detalles?',
    name: 'Por cierto, ¿con quién tengo el gusto de hablar?',
    company: '¿En qué empresa trabaja?',
    role: '¿Cuál es su cargo allí?',
    phone: '¿En qué número de teléfono podemos llamarle, si prefiere una llamada?',
  },
  fr: {
    need: 'Qu’aimeriez-vous résoudre ou améliorer avec un outil comme le nôtre ?',
    teamSize: 'Combien de personnes de votre équipe l’utiliseraient ?',
    timeline: 'Pour quand aimeriez-vous que ce soit en place ?',
    authority: 'Est-ce vous qui prendrez la décision, ou quelqu’un d’autre y participe-t-il ?',
    budget: 'Avez-vous un budget en tête pour ce projet ?',
    email: 'À quelle adresse e-mail puis-je vous envoyer les détails ?',
    name: 'Au fait, à qui ai-je le plaisir de parler ?',
    company: 'Dans quelle entreprise travaillez-vous ?',
    role: 'Quel est votre poste ?',
    phone: 'À quel numéro de téléphone pouvons-nous vous joindre, si vous préférez un appel ?',
  },
  de: {
    need: 'Was möchten Sie mit einem Tool wie unserem lösen oder verbessern?',
    teamSize: 'Wie viele Personen in Ihrem Team würden es nutzen?',
    timeline: 'Bis wann möchten Sie eine Lösung im Einsatz haben?',
    authority: 'Treffen Sie die Entscheidung selbst, oder ist noch jemand beteiligt?',
    budget: 'Haben Sie dafür schon ein Budget im Blick?',
    email: 'An welche E-Mail-Adresse darf ich Ihnen die Details schicken?',
    name: 'Mit wem spreche ich eigentlich?',
    company: 'Für welches Unternehmen sind Sie tätig?',
    role: 'Welche Position haben Sie dort?',
    phone: 'Unter welcher Telefonnummer erreichen wir Sie, falls Sie einen Anruf möchten?',
  },
  ar: {
    need: 'ما الذي تودّ حلّه أو تحسينه بأداة مثل أداتنا؟',
    teamSize: 'كم شخصًا في فريقك سيستخدمها؟',
    timeline: 'متى تأمل أن يكون الحل جاهزًا للعمل؟',
    authority: 'هل ستتخذ القرار بنفسك، أم يشارك فيه شخص آخر أيضًا؟',
    budget: 'هل لديك ميزانية محددة لهذا؟',
    email: 'ما أفضل بريد إلكتروني لأرسل إليه التفاصيل؟',
    name: 'بالمناسبة، مع من أتحدث؟',
    company: 'في أي شركة تعمل؟',
    role: 'ما منصبك هناك؟',
    phone: 'ما رقم الهاتف المناسب للتواصل معك إن كنت تفضّل مكالمة؟',
  },
};

/** The second time a field is asked, in other words (a repeated question reads like a form). */
const REWORDED: Record<SalesLocale, Record<LeadField, string>> = {
  en: {
    need: "What's the main problem you'd like a tool like this to take off your plate?",
    teamSize: 'Roughly how big is the team that would use it?',
    timeline: 'Is there a date you need this working by?',
    authority: 'Who else, if anyone, would weigh in on the decision?',
    budget: 'Is there a spending range you need to stay within?',
    email: 'Where should I send a summary of this — which email address?',
    name: 'And may I ask your name?',
    company: 'What company are you with, if you don’t mind me asking?',
    role: 'What do you do there?',
    phone: 'Would you like a call? If so, what number suits you?',
  },
  es: {
    need: '¿Cuál es el principal problema que le gustaría quitarse de encima?',
    teamSize: '¿Más o menos cuántas personas usarían la herramienta?',
    timeline: '¿Hay alguna fecha para la que necesiten tenerlo funcionando?',
    authority: '¿Quién más participaría en la decisión, si hay alguien?',
    budget: '¿Hay un rango de gasto dentro del que tengan que moverse?',
    email: '¿A qué dirección de correo le envío un resumen?',
    name: '¿Me dice su nombre?',
    company: '¿Y en qué empresa está, si no es indiscreción?',
    role: '¿Y a qué se dedica allí?',
    phone: '¿Prefiere una llamada? Si es así, ¿a qué número?',
  },
  fr: {
    need: 'Quel est le principal problème dont un outil comme celui-ci devrait vous débarrasser ?',
    teamSize: 'À peu près, quelle est la taille de l’équipe qui l’utiliserait ?',
    timeline: 'Y a-t-il une date à laquelle cela doit fonctionner ?',
    authority: 'Qui d’autre, le cas échéant, aurait son mot à dire dans la décision ?',
    budget: 'Y a-t-il une fourchette de dépenses à respecter ?',
    email: 'Où dois-je vous envoyer un récapitulatif — à quelle adresse e-mail ?',
    name: 'Puis-je vous demander votre nom ?',
    company: 'Pour quelle entreprise travaillez-vous, si ce n’est pas indiscret ?',
    role: 'Et quel est votre rôle là-bas ?',
    phone: 'Souhaitez-vous un appel ? Si oui, à quel numéro ?',
  },
  de: {
    need: 'Welches Problem soll Ihnen so ein Tool vor allem abnehmen?',
    teamSize: 'Wie groß ist das Team ungefähr, das es nutzen würde?',
    timeline: 'Gibt es einen Termin, bis zu dem es laufen muss?',
    authority: 'Wer würde bei der Entscheidung sonst noch mitreden?',
    budget: 'Gibt es einen Kostenrahmen, in dem Sie bleiben müssen?',
    email: 'Wohin soll ich Ihnen eine Zusammenfassung schicken — an welche E-Mail-Adresse?',
    name: 'Darf ich nach Ihrem Namen fragen?',
    company: 'Bei welchem Unternehmen sind Sie, wenn ich fragen darf?',
    role: 'Und was ist Ihre Aufgabe dort?',
    phone: 'Möchten Sie einen Anruf? Wenn ja, unter welcher Nummer?',
  },
  ar: {
    need: 'ما المشكلة الرئيسية التي تريد أن تتخلص منها بأداة كهذه؟',
    teamSize: 'ما حجم الفريق الذي سيستخدمها تقريبًا؟',
    timeline: 'هل هناك موعد محدد تحتاج أن يعمل الحل بحلوله؟',
    authority: 'من غيرك سيكون له رأي في القرار، إن وُجد؟',
    budget: 'هل هناك نطاق إنفاق عليك الالتزام به؟',
    email: 'إلى أي عنوان بريد إلكتروني أرسل لك ملخصًا لهذا؟',
    name: 'هل لي أن أعرف اسمك؟',
    company: 'في أي شركة تعمل، إن لم يكن في السؤال إزعاج؟',
    role: 'وما طبيعة عملك هناك؟',
    phone: 'هل تفضّل مكالمة؟ إن كان كذلك، فعلى أي رقم؟',
  },
};

/** The question for a field; `times` is how often it was asked before, so a second ask is worded differently. */
export function questionFor(field: LeadField, locale: SalesLocale, times = 0): string {
  return times > 0 ? REWORDED[locale][field] : QUESTIONS[locale][field];
}
