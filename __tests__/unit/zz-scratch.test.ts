/** @jest-environment node */
import { offlineReply } from '@/lib/llm/offline/model';
import { getKnowledgeBase } from '@/lib/sales/knowledge';
import { buildSystemPrompt } from '@/lib/llm/prompt';
it('prints', () => {
  const kb = getKnowledgeBase();
  const qs = ['Can I get a quote for 300 seats?', 'what about business', 'is it good for my business?', 'pro or business?', 'how much is the business plan for my team of 30?'];
  const out = qs.map((q) => `### ${q}\n${offlineReply([{ role: 'user', content: [{ type: 'text', text: q }] }], kb)}`).join('\n\n');
  console.log(out );
});
