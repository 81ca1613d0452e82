/**
 * A knowledge base or overlay that failed validation: `issues` lists every problem, each naming the entry by id.
 * Its own module so the base (index.ts) and the overlays (overlay.ts) share it without importing each other.
 */
export class KnowledgeBaseError extends Error {
  constructor(
    readonly issues: string[],
    /** What failed: "knowledge base" or "knowledge overlays". */
    subject = 'knowledge base',
  ) {
    super(`Invalid ${subject}:\n${issues.map((line) => `  - ${line}`).join('\n')}`);
    this.name = 'KnowledgeBaseError';
  }
}
