/**
 * Splits one delimited line, honouring double quotes ("" inside quotes is a quote).
 * Returns undefined for an unterminated quote, which the caller reports as malformed.
 */
export function splitDelimited(line: string, delimiter: string): string[] | undefined {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (ch === delimiter) {
      fields.push(field);
      field = '';
    } else field += ch;
  }
  if (quoted) return undefined;
  fields.push(field);
  return fields;
}

/** Tab when the line has tabs, else comma: CMS publishes both. */
export function guessDelimiter(headerLine: string): string {
  return headerLine.includes('\t') ? '\t' : ',';
}

export function splitLines(text: string): string[] {
  const lines = text.split(/\r?\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}
