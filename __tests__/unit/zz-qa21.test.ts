/** @jest-environment node */
import { conversation } from '../support/offline-agent';

const scripts: Array<{ locale?: 'en' | 'es' | 'fr' | 'de' | 'ar'; tz?: string; turns: string[] }> = JSON.parse(process.env.SCRATCH ?? '[]');

it('scratch', async () => {
  for (const script of scripts) {
    const { say } = conversation({ locale: script.locale ?? 'en', visitorTimeZone: script.tz ?? 'America/New_York' });
    let out = `\n===== ${script.locale ?? 'en'}\n`;
    for (const turn of script.turns) {
      const r = await say(turn);
      const f = r.session.state.lead.fields as Record<string, { value: unknown } | undefined>;
      out += `\n> ${turn}\n${r.text}\n  tools: ${JSON.stringify(r.tools)}\n  lead: ${JSON.stringify(Object.fromEntries(Object.entries(f).map(([k, v]) => [k, v?.value])))}\n`;
    }
    console.log(out);
  }
});
