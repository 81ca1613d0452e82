import type { OfflineTurn } from '@/lib/llm/offline/context';
import { westernDigits } from '@/lib/llm/offline/reading';
import { KEPT_TEAM } from '@/lib/sales/lead/patterns';

/**
 * "No actually we stay at 9", "non en fait on reste à 9", "no, al final seguimos siendo 9", "nein, doch 9" after a
 * what-if for another size: the team on record kept, so the plan for it is priced again (never "that's helpful
 * context", with the sentence stored as their need).
 */
export function keepsTeam(turn: OfflineTurn): boolean {
  const team = turn.state.lead.fields.teamSize?.value;
  const said = westernDigits(turn.text);
  const numbers = said.match(/\d+/g) ?? [];
  return typeof team === 'number' && numbers.length === 1 && Number(numbers[0]) === team && KEPT_TEAM.test(said.trim());
}
