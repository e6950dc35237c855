import { z } from 'zod';
import type { FilterVerdict } from '../sample/filter-verdict';
import { type SftSample, sftSampleMetadataSchema } from '../sample/sft-sample';

/**
 * One line of `metadata.jsonl`, row-aligned with the data files: the sample id and its metadata,
 * with the exporter's verdicts appended to any the producer recorded.
 */
export const metadataRecordSchema = z.object({
  id: z.string().min(1),
  metadata: sftSampleMetadataSchema,
});

export type MetadataRecord = z.infer<typeof metadataRecordSchema>;

export function toMetadataRecord(
  sample: SftSample,
  verdicts: readonly FilterVerdict[],
): MetadataRecord {
  const earlier = sample.metadata.filterVerdicts ?? [];
  return {
    id: sample.id,
    metadata: {
      ...sample.metadata,
      ...(earlier.length + verdicts.length > 0 && { filterVerdicts: [...earlier, ...verdicts] }),
    },
  };
}
