import { InvalidInputError } from '@longform/core';
import { readLines } from '../io/read-lines';
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
    for await (const { line, text } of readLines(file)) {
      if (text.trim() === '') continue;
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (cause) {
        throw new InvalidInputError({
          message: `not valid JSON (${(cause as Error).message})`,
          file,
          line,
          cause,
        });
      }
      const parsed = instructionRowSchema.safeParse(json);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new InvalidInputError({
          message:
            issue.path.length === 0
              ? 'expected a JSON object with a "prompt" string'
              : issue.message,
          file,
          line,
          field: issue.path.length > 0 ? issue.path.join('.') : undefined,
          cause: parsed.error,
        });
      }
      const { prompt, id: rawId, length, words, ...extra } = parsed.data;
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
