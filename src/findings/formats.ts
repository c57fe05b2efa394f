// The finding output formats: a module of their own, so that the command's options load without the formatter (start-up, issue 16).

export const FORMATS = ['text', 'json', 'github'] as const;
export type FindingFormat = (typeof FORMATS)[number];
