import type { Random } from './random.ts';

export interface DeptSpec {
  id: string;
  name: string;
  /** Share of the headcount. */
  weight: number;
  titles: readonly string[];
  /** Engineers get GitHub logins. */
  engineering?: boolean;
}

/** Departments of very different sizes, as in a real company. */
export const DEPARTMENTS: readonly DeptSpec[] = [
  { id: 'engineering', name: 'Engineering', weight: 28, engineering: true, titles: ['Software Engineer', 'Senior Software Engineer', 'Staff Engineer', 'Engineering Manager', 'Site Reliability Engineer'] },
  { id: 'sales', name: 'Sales', weight: 14, titles: ['Account Executive', 'Sales Development Representative', 'Sales Engineer', 'Regional Sales Manager'] },
  { id: 'support', name: 'Customer Support', weight: 10, titles: ['Support Specialist', 'Senior Support Specialist', 'Support Team Lead'] },
  { id: 'customer-success', name: 'Customer Success', weight: 7, titles: ['Customer Success Manager', 'Onboarding Specialist'] },
  { id: 'product', name: 'Product Management', weight: 5, titles: ['Product Manager', 'Senior Product Manager', 'Group Product Manager'] },
  { id: 'marketing', name: 'Marketing', weight: 6, titles: ['Marketing Manager', 'Content Strategist', 'Growth Marketer', 'Brand Designer'] },
  { id: 'data', name: 'Data & Analytics', weight: 4, engineering: true, titles: ['Data Engineer', 'Data Scientist', 'Analytics Engineer'] },
  { id: 'design', name: 'Design', weight: 3, titles: ['Product Designer', 'UX Researcher', 'Design Manager'] },
  { id: 'operations', name: 'Operations', weight: 6, titles: ['Operations Analyst', 'Operations Manager', 'Facilities Coordinator'] },
  { id: 'finance', name: 'Finance', weight: 3, titles: ['Accountant', 'Financial Analyst', 'Procurement Specialist', 'Controller'] },
  { id: 'people-ops', name: 'People Operations', weight: 2.5, titles: ['Recruiter', 'People Partner', 'Payroll Specialist'] },
  { id: 'it', name: 'IT', weight: 2, engineering: true, titles: ['IT Support Engineer', 'Systems Administrator', 'License Manager'] },
  { id: 'security', name: 'Security', weight: 1.5, engineering: true, titles: ['Security Engineer', 'Security Analyst'] },
  { id: 'legal', name: 'Legal', weight: 1, titles: ['Counsel', 'Paralegal', 'Contracts Manager'] },
  { id: 'research', name: 'Research', weight: 2, engineering: true, titles: ['Research Scientist', 'Research Engineer'] },
  { id: 'executive', name: 'Executive Office', weight: 0.3, titles: ['Chief Executive Officer', 'Chief Operating Officer', 'Executive Assistant'] },
];

/** A department's cost centre code. */
export const costCentre = (index: number) => `CC-${100 + index * 10}`;

/** Draws a department index by weight. */
export function drawDepartment(rng: Random): number {
  return rng.weighted(
    DEPARTMENTS.map((_, i) => i),
    DEPARTMENTS.map((d) => d.weight),
  );
}
