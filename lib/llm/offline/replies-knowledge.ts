import type { OfflineTurn } from '@/lib/llm/offline/context';
import type { Phrases } from '@/lib/llm/offline/phrases';
import { bullets } from '@/lib/llm/offline/replies-pricing';
import type { Topic } from '@/lib/llm/offline/topic';
import type { Passage } from '@/lib/sales/retrieval';

/**
 * Answers read from the retrieved passages: FAQ topics, objections and competitor comparisons. The passage text is
 * the knowledge base's own wording, so the offline agent says exactly what the deployer wrote.
 */

export function knowledgeReply(passages: readonly Passage[]): string[] {
  if (passages.length === 1) return [passages[0]?.text ?? ''];
  return passages.map((passage) => `**${passage.title}** ${passage.text}`);
}

export function objectionReply(topic: Extract<Topic, { kind: 'objection' }>, turn: OfflineTurn, ph: Phrases): string[] {
  // Without a matching entry the concern is still acknowledged, and the sales team is the honest next step.
  const answer = topic.passage?.text ?? ph.unknownQuestion(turn.kb.company.salesEmail);
  return [answer, ph.objectionCheck];
}

export function competitorReply(passage: Passage, turn: OfflineTurn, ph: Phrases): string[] {
  const { kb } = turn;
  const id = passage.id.slice('competitor:'.length);
  const competitor = kb.competitors.find((entry) => entry.id === id);
  if (!competitor) return [`**${passage.title}** ${passage.text}`];
  return [
    `${ph.competitorIntro(kb.company.name, competitor.name)} ${competitor.summary}`,
    ph.competitorOurs(kb.company.name),
    bullets(competitor.ourAdvantages),
    ph.competitorTheirs(competitor.name),
    bullets(competitor.theirStrengths),
  ];
}
