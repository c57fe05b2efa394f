// The output formats of the report commands: a module of their own, so that the commands' options load without the formatters (start-up, issue 16).

export const REPORT_FORMATS = ['text', 'json', 'csv', 'md'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export const POSITION_FORMATS = ['text', 'md', 'csv', 'json'] as const;
export type PositionFormat = (typeof POSITION_FORMATS)[number];
export const FORECAST_FORMATS = ['text', 'md', 'csv', 'json'] as const;
export type ForecastFormat = (typeof FORECAST_FORMATS)[number];
export const EVIDENCE_FORMATS = ['text', 'md', 'csv', 'json'] as const;
export type EvidenceFormat = (typeof EVIDENCE_FORMATS)[number];
