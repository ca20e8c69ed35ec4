// JSON columns and stored details are read defensively: a damaged or older value reads as
// empty rather than crashing a screen.

export function asStringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export function asObject(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

export function parseStringArray(text: string): string[] {
  return asStringArray(parseJson(text));
}

export function parseObject(text: string): Record<string, unknown> {
  return asObject(parseJson(text));
}

export function parseArray(text: string): unknown[] {
  const value = parseJson(text);
  return Array.isArray(value) ? value : [];
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
