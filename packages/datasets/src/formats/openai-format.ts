import { z } from 'zod';
import type { SftSample } from '../sample/sft-sample';

/** One line of an OpenAI chat fine-tuning file. */
export const openAiRecordSchema = z.object({
  messages: z
    .array(z.object({ role: z.enum(['system', 'user', 'assistant']), content: z.string() }))
    .min(2),
});

export type OpenAiRecord = z.infer<typeof openAiRecordSchema>;

export function toOpenAiRecord(sample: SftSample): OpenAiRecord {
  return {
    messages: [
      ...(sample.system ? [{ role: 'system' as const, content: sample.system }] : []),
      { role: 'user', content: sample.instruction },
      { role: 'assistant', content: sample.output },
    ],
  };
}
