import type { OfflineTurn } from '@/lib/llm/offline/context';
import { PHRASES, type Phrases } from '@/lib/llm/offline/phrases';
import { bookingReply, humanReply } from '@/lib/llm/offline/replies-actions';
import { competitorReply, knowledgeReply, objectionReply } from '@/lib/llm/offline/replies-knowledge';
import { comparePlansReply, overviewReply, planFeaturesReply, priceReply, recommendReply } from '@/lib/llm/offline/replies-pricing';
import { freshFields, type Topic } from '@/lib/llm/offline/topic';
import { questionFor } from '@/lib/sales/playbook';
import type { LeadField } from '@/lib/sales/types';

/**
 * The offline agent's reply for a topic, from this turn's tool results, passages and lead state: short Markdown
 * paragraphs, an acknowledgement of what the prospect just told us, and the playbook's next question when the stage
 * has one and the reply does not already end with a question.
 */
export function composeReply(topic: Topic, turn: OfflineTurn): string {
  const ph = PHRASES[turn.locale];
  const paragraphs = [acknowledgement(topic, turn, ph), ...body(topic, turn, ph)].filter((paragraph) => paragraph.trim() !== '');
  const question = nextQuestion(topic, turn);
  // One question per reply: a reply that already asks something (when to meet, which email) does not ask another.
  if (question && !paragraphs.at(-1)?.includes('?')) paragraphs.push(question);
  return paragraphs.join('\n\n');
}

function body(topic: Topic, turn: OfflineTurn, ph: Phrases): string[] {
  const { kb } = turn;
  const company = kb.company.name;
  switch (topic.kind) {
    case 'injection':
      return [ph.injection(company)];
    case 'human':
      return humanReply(turn, ph);
    case 'booking':
      return bookingReply(topic, turn, ph);
    case 'price':
      return priceReply(topic, turn, ph);
    case 'overview':
      return overviewReply(turn, ph);
    case 'compare-plans':
      return comparePlansReply(topic, turn, ph);
    case 'competitor':
      return competitorReply(topic.passage, turn, ph);
    case 'objection':
      return objectionReply(topic, turn, ph);
    case 'plan-features':
      return planFeaturesReply(topic.plan, turn, ph);
    case 'knowledge':
      return knowledgeReply(topic.passages);
    case 'recommend':
      return recommendReply(turn, ph);
    case 'contact':
      // The acknowledgement is the answer; without anything new to acknowledge, a short thanks.
      return freshFields(turn).length > 0 ? [] : [ph.unknownStatement];
    case 'greeting': {
      const tagline = turn.locale === 'es' ? (kb.localized.es?.tagline ?? kb.company.tagline) : kb.company.tagline;
      return [ph.greeting(company, tagline), ph.canHelp];
    }
    case 'thanks':
      return [ph.thanks(company)];
    case 'small-talk':
      return [/\b(how are you|how's it going|que tal|como esta)/i.test(turn.text) ? ph.howAreYou : ph.smallTalk];
    case 'off-topic':
      return [ph.offTopic(company)];
    case 'unknown':
      return [topic.wasQuestion ? ph.unknownQuestion(kb.company.salesEmail) : ph.unknownStatement];
  }
}

/** "Thanks, Ana! I've noted your email …": confirms in words what the lead card shows. */
function acknowledgement(topic: Topic, turn: OfflineTurn, ph: Phrases): string {
  // The handoff and booking confirmations name the email themselves; a refused injection acknowledges nothing.
  const booked = topic.kind === 'booking' && turn.exchanges.some((exchange) => exchange.toolName === 'book_meeting');
  if (topic.kind === 'injection' || topic.kind === 'human' || booked) return '';
  const fresh = freshFields(turn);
  if (fresh.length === 0) return '';
  const { fields } = turn.state.lead;
  const value = (field: LeadField) => fields[field]?.value;
  const items: string[] = [];
  const email = value('email');
  if (typeof email === 'string' && fresh.includes('email')) items.push(ph.notedEmail(email));
  const company = value('company');
  if (typeof company === 'string' && fresh.includes('company')) items.push(ph.notedCompany(company));
  const seats = value('teamSize');
  // A price topic for the team says the size itself ("For a team of 25…").
  if (typeof seats === 'number' && fresh.includes('teamSize') && topic.kind !== 'price') items.push(ph.notedTeam(seats));
  const name = fresh.includes('name') ? String(value('name') ?? '').split(' ')[0] : undefined;
  if (items.length === 0 && !name) return '';
  return ph.noted(name || undefined, items);
}

/**
 * The playbook's next question, in the reply's language. After a handoff only the email matters (so the team can
 * reply); after a booking only who we are meeting; an objection is answered, not followed by a form field.
 */
function nextQuestion(topic: Topic, turn: OfflineTurn): string | undefined {
  const field = turn.nextField;
  const known = (name: LeadField) => turn.state.lead.fields[name] !== undefined;
  if (topic.kind === 'human') return known('email') ? undefined : questionFor('email', turn.locale);
  if (topic.kind === 'booking') return field === 'name' || field === 'company' ? questionFor(field, turn.locale) : undefined;
  if (topic.kind === 'objection' || topic.kind === 'thanks') return undefined;
  if (topic.kind === 'recommend' && !known('teamSize')) return questionFor('teamSize', turn.locale);
  if (field) return questionFor(field, turn.locale);
  // Small talk with nothing left to ask still hands the conversation back to the prospect.
  return topic.kind === 'greeting' || topic.kind === 'small-talk' ? PHRASES[turn.locale].howCanIHelp : undefined;
}
