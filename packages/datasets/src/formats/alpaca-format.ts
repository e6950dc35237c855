import { z } from 'zod';
import type { SftSample } from '../sample/sft-sample';

/** Alpaca row as LLaMA-Factory reads it; `input` is always empty for single-turn samples. */
export const alpacaRecordSchema = z.object({
  instruction: z.string(),
  input: z.string(),
  output: z.string(),
  system: z.string().optional(),
});

export type AlpacaRecord = z.infer<typeof alpacaRecordSchema>;

export function toAlpacaRecord(sample: SftSample): AlpacaRecord {
  return {
    instruction: sample.instruction,
    input: '',
    output: sample.output,
    ...(sample.system ? { system: sample.system } : {}),
  };
}
