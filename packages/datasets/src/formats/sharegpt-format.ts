import { z } from 'zod';
import type { SftSample } from '../sample/sft-sample';

/**
 * ShareGPT conversation. A system prompt is the first turn with `from: "system"`, which LLaMA-Factory
 * lifts into the system slot when `system_tag` is set (see the dataset_info entry).
 */
export const shareGptRecordSchema = z.object({
  conversations: z
    .array(z.object({ from: z.enum(['system', 'human', 'gpt']), value: z.string() }))
    .min(2),
});

export type ShareGptRecord = z.infer<typeof shareGptRecordSchema>;

export function toShareGptRecord(sample: SftSample): ShareGptRecord {
  return {
    conversations: [
      ...(sample.system ? [{ from: 'system' as const, value: sample.system }] : []),
      { from: 'human', value: sample.instruction },
      { from: 'gpt', value: sample.output },
    ],
  };
}
