import { countBySeverity, type Finding } from './finding.ts';
import { FORMATS, type FindingFormat } from './formats.ts';
export { FORMATS, type FindingFormat };

/** Compiler-style lines: `path:line:col  severity  rule  message`, then a summary. */
export function formatText(findings: Finding[]): string {
  const lines = findings.map((f) => `${f.file}:${f.line}:${f.column}  ${f.severity}  ${f.rule}  ${f.message}${f.hint ? `\n    hint: ${f.hint}` : ''}`);
  const c = countBySeverity(findings);
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  lines.push(findings.length === 0 ? 'no problems found' : `${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}, ${plural(c.notice, 'notice')}`);
  return `${lines.join('\n')}\n`;
}

// Workflow commands treat these characters specially in data and in properties.
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** GitHub workflow annotations, one per finding. */
export function formatGithub(findings: Finding[]): string {
  return findings
    .map((f) => `::${f.severity} file=${escapeProperty(f.file)},line=${f.line},col=${f.column},title=${escapeProperty(f.rule)}::${escapeData(f.message + (f.hint ? ` (${f.hint})` : ''))}\n`)
    .join('');
}

/** A stable machine form: version, today, counts, findings in sorted order. */
export function formatJson(findings: Finding[], today: string): string {
  const out = {
    version: 1,
    today,
    summary: countBySeverity(findings),
    findings: findings.map((f) => ({ file: f.file, line: f.line, column: f.column, severity: f.severity, rule: f.rule, message: f.message, ...(f.hint ? { hint: f.hint } : {}) })),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

export function formatFindings(findings: Finding[], format: FindingFormat, today: string): string {
  return format === 'json' ? formatJson(findings, today) : format === 'github' ? formatGithub(findings) : formatText(findings);
}
