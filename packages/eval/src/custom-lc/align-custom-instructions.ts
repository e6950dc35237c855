import { InvalidInputError } from '@longform/core';
import type { LcRow } from '../lc/lc-design';
import type { CustomLcAnnotationSet } from './custom-lc-annotations';

export interface AlignedCustomInstructions {
  /** Every instruction once, in the order first seen across the sets. */
  instructions: string[];
  /** Per set, its rows in file order with `instructionIndex` into `instructions`. */
  rows: LcRow[][];
}

/**
 * Aligns several models' annotations by instruction text. The joint difficulty fit needs every
 * model judged on the same instructions, so a duplicate in one file, or an instruction one model
 * lacks, is an error naming that file and the instruction (and a file that has it).
 */
export function alignCustomInstructions(
  sets: readonly Pick<CustomLcAnnotationSet, 'instructions' | 'rows' | 'source'>[],
): AlignedCustomInstructions {
  if (sets.length === 0) throw new InvalidInputError({ message: 'no annotation sets to align' });
  const index = new Map<string, number>();
  const firstSource: string[] = [];
  for (const set of sets) {
    if (set.instructions.length !== set.rows.length) {
      throw new InvalidInputError({
        message: `${set.instructions.length} instructions for ${set.rows.length} rows`,
        file: set.source,
      });
    }
    const seen = new Map<string, number>();
    set.instructions.forEach((instruction, row) => {
      const earlier = seen.get(instruction);
      if (earlier !== undefined) {
        throw new InvalidInputError({
          message: `row ${row}: instruction ${preview(instruction)} is already annotated in row ${earlier}`,
          file: set.source,
          field: `[${row}].instruction`,
        });
      }
      seen.set(instruction, row);
      if (!index.has(instruction)) {
        index.set(instruction, index.size);
        firstSource.push(set.source);
      }
    });
  }
  const instructions = [...index.keys()];
  const rows = sets.map(set => {
    if (set.instructions.length < instructions.length) {
      const present = new Set(set.instructions);
      const missing = instructions.findIndex(instruction => !present.has(instruction));
      const count = instructions.length - set.instructions.length;
      throw new InvalidInputError({
        message: `no annotation for instruction ${preview(instructions[missing]!)} (annotated in ${firstSource[missing]}); every model must be judged on the same instructions (${count} missing)`,
        file: set.source,
        field: 'instruction',
      });
    }
    return set.rows.map((row, i) => ({
      ...row,
      instructionIndex: index.get(set.instructions[i]!)!,
    }));
  });
  return { instructions, rows };
}

function preview(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);
}
