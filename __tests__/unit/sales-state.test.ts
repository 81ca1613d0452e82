import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeState } from '@/lib/store/conversation-data';
import { emptySalesState, parseSalesState, salesStateSchema } from '@/lib/sales/state';

/** The sales state has one shape: the zod schema in lib/sales/state.ts, used by the store and the offline agent. */
describe('the sales state schema', () => {
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  afterAll(() => warn.mockRestore());

  it('accepts the empty state and a full one, and fills the defaults of an older stored state', () => {
    expect(parseSalesState(emptySalesState(5))).toEqual(emptySalesState(5));
    const older = { stage: 'discovery', lead: { fields: { email: { value: 'ana@acme.com', evidence: 'ana@acme.com', confidence: 0.95 } } } };
    expect(parseSalesState(older)).toEqual({
      stage: 'discovery',
      stageHistory: [],
      bookings: [],
      lead: { fields: { email: { value: 'ana@acme.com', evidence: 'ana@acme.com', confidence: 0.95, asked: false, capturedAt: 0 } }, score: 0, reasons: [], updatedAt: 0 },
    });
  });

  it('refuses what is not a state: an unknown stage, an unknown lead field, a fact without evidence', () => {
    expect(parseSalesState({ ...emptySalesState(0), stage: 'negotiation' })).toBeNull();
    expect(salesStateSchema.safeParse({ ...emptySalesState(0), lead: { fields: { shoeSize: { value: 9, evidence: 'x', confidence: 1 } } } }).success).toBe(false);
    expect(parseSalesState({ ...emptySalesState(0), lead: { fields: { name: { value: 'Ana', confidence: 1 } } } })).toBeNull();
    expect(parseSalesState('not a state')).toBeNull();
  });

  it('is what the store decodes with: a corrupt stored state reads as absent and is logged, never thrown', () => {
    expect(decodeState('c1', JSON.stringify(emptySalesState(3)))).toEqual(emptySalesState(3));
    expect(decodeState('c1', '{not json')).toBeNull();
    expect(decodeState('c1', JSON.stringify({ stage: 'greeting', lead: 'nope' }))).toBeNull();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('corrupt sales state in conversation c1'));
  });

  it('exists once: no other module declares the state with an interface or its own zod object', () => {
    const files = ['lib/sales/types.ts', 'lib/llm/offline/context.ts', 'lib/store/conversation-data.ts', 'lib/store/types.ts'];
    for (const file of files) {
      const source = readFileSync(join(__dirname, '../..', file), 'utf8');
      expect(source).not.toMatch(/interface (SalesState|LeadFact|LeadRecord|Booking)\b/);
      expect(source).not.toMatch(/stage: z\.enum/);
    }
  });
});

describe('the UI message types', () => {
  it('live on the ground floor: lib/sales and lib/store import nothing from lib/chat', () => {
    const { execSync } = jest.requireActual<typeof import('node:child_process')>('node:child_process');
    const upward = execSync("grep -rln \"from '@/lib/chat/\" lib/sales lib/store || true", { cwd: join(__dirname, '../..'), encoding: 'utf8' });
    expect(upward.trim()).toBe('');
    const source = readFileSync(join(__dirname, '../../lib/sales/ui-message.ts'), 'utf8');
    expect(source).toMatch(/InferUITools<SalesTools>/);
    expect(source).not.toMatch(/^import (?!type)/m);
  });
});
