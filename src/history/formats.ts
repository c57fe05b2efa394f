// The `lac history` output formats: a module of their own, so that the command's options load without the formatter (start-up, issue 16).

export const HISTORY_FORMATS = ['text', 'json', 'csv', 'md'] as const;
export type HistoryFormat = (typeof HISTORY_FORMATS)[number];
