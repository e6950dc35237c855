type YamlValue =
  | string
  | number
  | boolean
  | readonly YamlValue[]
  | { readonly [key: string]: YamlValue };

/**
 * Minimal YAML emitter for the dataset card header. Strings are written as JSON strings, which are
 * valid YAML double-quoted scalars, so no user text can break the header or inject keys.
 */
export function renderYamlFrontMatter(data: Record<string, YamlValue>): string {
  return `---\n${renderMapping(data, 0)}---\n`;
}

function renderMapping(data: { readonly [key: string]: YamlValue }, indent: number): string {
  const pad = ' '.repeat(indent);
  let out = '';
  for (const [key, value] of Object.entries(data)) {
    const safeKey = /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) ? key : JSON.stringify(key);
    if (Array.isArray(value)) {
      out +=
        value.length === 0
          ? `${pad}${safeKey}: []\n`
          : `${pad}${safeKey}:\n${renderSequence(value, indent)}`;
    } else if (value !== null && typeof value === 'object') {
      out += `${pad}${safeKey}:\n${renderMapping(value as { [key: string]: YamlValue }, indent + 2)}`;
    } else {
      out += `${pad}${safeKey}: ${scalar(value as string | number | boolean)}\n`;
    }
  }
  return out;
}

function renderSequence(values: readonly YamlValue[], indent: number): string {
  const pad = ' '.repeat(indent);
  let out = '';
  for (const value of values) {
    if (Array.isArray(value)) {
      out += `${pad}-\n${renderSequence(value, indent + 2)}`;
    } else if (value !== null && typeof value === 'object') {
      const body = renderMapping(value as { [key: string]: YamlValue }, indent + 2);
      out += `${pad}- ${body.slice(indent + 2)}`;
    } else {
      out += `${pad}- ${scalar(value as string | number | boolean)}\n`;
    }
  }
  return out;
}

function scalar(value: string | number | boolean): string {
  if (typeof value === 'string') {
    // Plain scalars for simple identifiers keep the header readable (`license: apache-2.0`).
    return /^[A-Za-z][A-Za-z0-9_.<>/-]*$/.test(value) &&
      !/^(true|false|null|yes|no|on|off|~)$/i.test(value)
      ? value
      : JSON.stringify(value);
  }
  if (typeof value === 'number' && !Number.isFinite(value))
    throw new RangeError('YAML number must be finite');
  return String(value);
}
