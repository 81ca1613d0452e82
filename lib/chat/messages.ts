/**
 * The UI message types moved to the ground floor, lib/sales/ui-message.ts (typed from the sales tools with
 * InferUITools). Re-exported here for the chat components that import them from this path.
 */
export * from '@/lib/sales/ui-message';
