// The `lac diff` output formats: a module of their own, so that the command's options load without the formatter (start-up, issue 16).

export const DIFF_FORMATS = ['text', 'md', 'json'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];
