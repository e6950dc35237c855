import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidInputError } from '@longform/core';
import { describe, expect, it } from 'vitest';
import { parseGamedData } from './gamed-data';
import { alpacaEvalLcDir } from './test-data';

const header = 'preference,index,std_delta_len,instruction_difficulty,not_gamed_baseline,model\n';

describe('parseGamedData', () => {
  it('parses the official df_gamed.csv: 1610 rows, 805 difficulties, correctly rounded', () => {
    const path = join(alpacaEvalLcDir, 'df_gamed.csv');
    const data = parseGamedData(readFileSync(path, 'utf8'), { file: path });
    expect(data.rows).toHaveLength(1610);
    expect(data.difficultyByIndex).toHaveLength(805);
    expect(data.rows[0]).toEqual({
      preference: 0.9972850149000001,
      index: 0,
      stdDeltaLen: -1.0693489112580563,
      instructionDifficulty: 0,
      notGamedBaseline: false,
    });
    expect(data.difficultyByIndex[1]).toBe(-0.1013596549407234);
    expect(data.rows[805]!.index).toBe(0);
    expect(Array.from(data.difficultyByIndex).filter(g => g === 0)).toHaveLength(26);
  });

  it('takes γ from the first row of each index', () => {
    const data = parseGamedData(`${header}0.5,0,1,0.25,False,a\n0.5,0,1,0.75,False,b\n`);
    expect(Array.from(data.difficultyByIndex)).toEqual([0.25]);
  });

  it('names the file, line and field of a bad value', () => {
    const bad = `${header}0.5,0,1,0.25,False,a\n1.5,1,1,0.25,False,a\n`;
    expect(() => parseGamedData(bad, { file: 'g.csv' })).toThrow(
      /g\.csv, line 3, field "preference"/,
    );
    const notNumber = `${header}0.5,0,abc,0.25,False,a\n`;
    expect(() => parseGamedData(notNumber, { file: 'g.csv' })).toThrow(
      /line 2, field "std_delta_len"/,
    );
    const short = `${header}0.5,0,1\n`;
    expect(() => parseGamedData(short, { file: 'g.csv' })).toThrow(/line 2: expected 6 fields/);
  });

  it('rejects a file without the required columns or rows', () => {
    expect(() => parseGamedData('preference,index\n1,2\n', { file: 'g.csv' })).toThrow(
      /missing column "std_delta_len"/,
    );
    expect(() => parseGamedData(header, { file: 'g.csv' })).toThrow(InvalidInputError);
    expect(() => parseGamedData('', { file: 'g.csv' })).toThrow(/empty file/);
  });
});
