// The `lac export focus` output formats: a module of their own, so that the command's options load without the formatter (start-up, issue 16).

export const FOCUS_FORMATS = ['csv', 'json', 'parquet'] as const;
export type FocusFormat = (typeof FOCUS_FORMATS)[number];
