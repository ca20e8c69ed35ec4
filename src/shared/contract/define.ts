import type { z } from 'zod';

/** One entry of a domain contract: the shape of what goes in and what comes out. */
export interface HandlerSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly output: O;
}

export function handler<I extends z.ZodType, O extends z.ZodType>(
  input: I,
  output: O,
): HandlerSpec<I, O> {
  return { input, output };
}

export type ContractMap = Readonly<Record<string, HandlerSpec>>;

/** What a caller passes (before defaults are applied) and what it gets back. */
export type InputOf<C extends ContractMap, K extends keyof C> = z.input<C[K]['input']>;
export type OutputOf<C extends ContractMap, K extends keyof C> = z.output<C[K]['output']>;

/** What an implementation receives: the parsed input, defaults applied. */
export type ParsedInputOf<C extends ContractMap, K extends keyof C> = z.output<C[K]['input']>;

/** The map a process implements: one async function per contract entry. */
export type HandlerImpls<C extends ContractMap> = {
  readonly [K in keyof C]: (input: ParsedInputOf<C, K>) => Promise<OutputOf<C, K>>;
};
