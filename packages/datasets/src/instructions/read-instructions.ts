import { InvalidInputError, readJsonLines } from '@longform/core';
import { type Instruction, instructionRowSchema } from './instruction';
import { instructionId } from './instruction-id';

/**
 * Reads a JSONL instruction file (`{"prompt": …}` per line; blank lines ignored). Every problem is
 * an `InvalidInputError` naming the file, line and field: bad JSON, a missing prompt, a bad length,
 * `length` and `words` disagreeing, or a duplicate id (ids derived from the prompt make two identical
 * prompts a duplicate too).
 */
export async function readInstructions(file: string): Promise<Instruction[]> {
  const instructions: Instruction[] = [];
  const firstLineOfId = new Map<string, number>();
  try {
    for await (const { line, value } of readJsonLines(file, instructionRowSchema)) {
      const { prompt, id: rawId, length, words, ...extra } = value;
      if (length !== undefined && words !== undefined && length !== words) {
        throw new InvalidInputError({
          message: `"words" (${words}) disagrees with "length" (${length}); give one of them`,
          file,
          line,
          field: 'words',
        });
      }
      const id = rawId !== undefined ? String(rawId) : instructionId(prompt);
      const earlier = firstLineOfId.get(id);
      if (earlier !== undefined) {
        throw new InvalidInputError({
          message:
            rawId !== undefined
              ? `duplicate id "${id}" (first used on line ${earlier})`
              : `same prompt as line ${earlier}; give both lines distinct "id" fields to keep both`,
          file,
          line,
          field: rawId !== undefined ? 'id' : 'prompt',
        });
      }
      firstLineOfId.set(id, line);
      const requiredLength = length ?? words;
      instructions.push({
        id,
        prompt,
        ...(requiredLength !== undefined && { requiredLength }),
        line,
        extra,
      });
    }
  } catch (error) {
    if (InvalidInputError.isInstance(error)) throw error;
    throw new InvalidInputError({
      message: `cannot read instructions (${(error as Error).message})`,
      file,
      cause: error,
    });
  }
  return instructions;
}
