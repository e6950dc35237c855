import { InvalidInputError } from '@longform/core';

export interface CsvRecord {
  /** 1-based line on which the record starts. */
  line: number;
  fields: string[];
}

/**
 * A small RFC 4180 CSV parser: quoted fields, doubled quotes, embedded newlines, LF or CRLF. Values
 * stay strings; callers convert them with a correctly rounded parser (`Number`), never pandas'
 * fast-but-inexact one.
 */
export function parseCsv(text: string, { file }: { file?: string } = {}): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  let fieldStarted = false;
  const endRecord = () => {
    fields.push(field);
    records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    fieldStarted = false;
  };
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (i = start; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"' && field === '' && !fieldStarted) {
      const quoteLine = line;
      i++;
      for (;;) {
        if (i >= text.length) {
          throw new InvalidInputError({
            message: 'unterminated quoted field',
            file,
            line: quoteLine,
          });
        }
        const q = text[i]!;
        if (q === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          break;
        }
        if (q === '\n') line++;
        field += q;
        i++;
      }
      fieldStarted = true;
      const after = text[i + 1];
      if (after !== undefined && after !== ',' && after !== '\n' && after !== '\r') {
        throw new InvalidInputError({
          message: 'unexpected character after a closing quote',
          file,
          line,
        });
      }
      continue;
    }
    if (ch === ',') {
      fields.push(field);
      field = '';
      fieldStarted = false;
      continue;
    }
    if (ch === '\r' && text[i + 1] === '\n') continue;
    if (ch === '\n') {
      endRecord();
      line++;
      recordLine = line;
      continue;
    }
    field += ch;
    fieldStarted = true;
  }
  if (field !== '' || fields.length > 0 || fieldStarted) endRecord();
  return records;
}
