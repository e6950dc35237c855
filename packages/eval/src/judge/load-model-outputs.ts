import { readFile } from 'node:fs/promises';
import { InvalidInputError, readJsonLines } from '@longform/core';
import { type AlpacaModelOutput, alpacaModelOutputSchema } from './alpaca-annotation';

/**
 * Reads model outputs in AlpacaEval's `model_outputs.json` shape (a JSON array of
 * `{instruction, output, generator}`) or as JSONL with the same fields. Bad entries throw an
 * `InvalidInputError` naming the file and the entry (array index) or line.
 */
export async function loadModelOutputs(file: string): Promise<AlpacaModelOutput[]> {
  const text = await readFile(file, 'utf8');
  if (!text.trimStart().startsWith('[')) {
    const outputs: AlpacaModelOutput[] = [];
    for await (const { value } of readJsonLines(file, alpacaModelOutputSchema)) outputs.push(value);
    return outputs;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new InvalidInputError({
      message: `not valid JSON (${(cause as Error).message})`,
      file,
      cause,
    });
  }
  const rows = json as unknown[];
  return rows.map((row, index) => {
    const parsed = alpacaModelOutputSchema.safeParse(row);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new InvalidInputError({
        message: `entry ${index}: ${issue.message}`,
        file,
        field: issue.path.join('.') || undefined,
        cause: parsed.error,
      });
    }
    return parsed.data;
  });
}
