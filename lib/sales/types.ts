/**
 * The sales state's types, kept importable from here for existing callers: the one definition is the zod schema in
 * lib/sales/state.ts (types by `z.infer`).
 */
export * from '@/lib/sales/state';
