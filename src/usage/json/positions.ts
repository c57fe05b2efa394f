/**
 * The line (1-based) on which each element of the array at `steps` (object keys from the
 * root; none for a root array) starts, so import errors can point at the record's line.
 * A small scanner over already-valid JSON; returns [] when the path is not found.
 */
export function recordLines(text: string, steps: string[]): number[] {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\r\n'.includes(text[i] ?? '')) i++;
  };
  const skipString = () => {
    i++; // opening quote
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
  };
  const readString = (): string => {
    const start = i;
    skipString();
    return JSON.parse(text.slice(start, i)) as string;
  };
  const skipValue = (): void => {
    ws();
    const ch = text[i];
    if (ch === '"') return skipString();
    if (ch === '{' || ch === '[') {
      const close = ch === '{' ? '}' : ']';
      i++;
      ws();
      if (text[i] === close) {
        i++;
        return;
      }
      for (;;) {
        if (close === '}') {
          ws();
          skipString();
          ws();
          i++; // colon
        }
        skipValue();
        ws();
        if (text[i++] === close) return;
      }
    }
    while (i < text.length && !',}] \t\r\n'.includes(text[i] ?? '')) i++;
  };
  const lineAt = (offset: number) => {
    let line = 1;
    for (let k = 0; k < offset; k++) if (text.charCodeAt(k) === 10) line++;
    return line;
  };
  for (const step of steps) {
    ws();
    if (text[i] !== '{') return [];
    i++;
    let found = false;
    for (;;) {
      ws();
      if (text[i] === '}') return [];
      const key = readString();
      ws();
      i++; // colon
      if (key === step) {
        found = true;
        break;
      }
      skipValue();
      ws();
      if (text[i++] === '}') return [];
    }
    if (!found) return [];
  }
  ws();
  if (text[i] !== '[') return [];
  i++;
  const offsets: number[] = [];
  ws();
  if (text[i] === ']') return [];
  for (;;) {
    ws();
    offsets.push(i);
    skipValue();
    ws();
    if (text[i++] !== ',') break;
  }
  return offsets.map(lineAt);
}
