import { z } from 'zod';

/** An entry of LLaMA-Factory's `data/dataset_info.json`. */
export const llamaFactoryDatasetEntrySchema = z.object({
  file_name: z.string().min(1),
  formatting: z.enum(['alpaca', 'sharegpt']),
  columns: z.record(z.string(), z.string()),
  tags: z
    .object({
      role_tag: z.string(),
      content_tag: z.string(),
      user_tag: z.string(),
      assistant_tag: z.string(),
      system_tag: z.string(),
    })
    .optional(),
});

export const llamaFactoryDatasetInfoSchema = z.record(
  z.string().min(1),
  llamaFactoryDatasetEntrySchema,
);

export type LlamaFactoryDatasetEntry = z.infer<typeof llamaFactoryDatasetEntrySchema>;
export type LlamaFactoryDatasetInfo = z.infer<typeof llamaFactoryDatasetInfoSchema>;

export function alpacaDatasetEntry(fileName: string): LlamaFactoryDatasetEntry {
  return {
    file_name: fileName,
    formatting: 'alpaca',
    columns: { prompt: 'instruction', query: 'input', response: 'output', system: 'system' },
  };
}

export function shareGptDatasetEntry(fileName: string): LlamaFactoryDatasetEntry {
  return {
    file_name: fileName,
    formatting: 'sharegpt',
    columns: { messages: 'conversations' },
    tags: {
      role_tag: 'from',
      content_tag: 'value',
      user_tag: 'human',
      assistant_tag: 'gpt',
      system_tag: 'system',
    },
  };
}

/** LLaMA-Factory reads OpenAI `messages` files as sharegpt with OpenAI role names. */
export function openAiDatasetEntry(fileName: string): LlamaFactoryDatasetEntry {
  return {
    file_name: fileName,
    formatting: 'sharegpt',
    columns: { messages: 'messages' },
    tags: {
      role_tag: 'role',
      content_tag: 'content',
      user_tag: 'user',
      assistant_tag: 'assistant',
      system_tag: 'system',
    },
  };
}
