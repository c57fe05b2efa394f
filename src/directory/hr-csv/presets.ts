// Column names of common HR systems' exports, so that an export can be read without writing a
// mapping. A `columns` block in org.yaml overrides single names of a preset.

/** The fields an HR export can fill, by our name. */
export const HR_FIELDS = ['directory_id', 'email', 'name', 'first_name', 'last_name', 'department', 'title', 'cost_centre', 'location', 'employment_type', 'manager', 'start', 'end', 'status'] as const;
export type HrField = (typeof HR_FIELDS)[number];
export type HrColumns = Partial<Record<HrField, string>>;

export const HR_PRESETS: Record<string, HrColumns> = {
  // BambooHR's employee fields as its directory and employee reports name them
  // (docs.workato.com/connectors/bamboo-hr: "Employee ID", "Work Email", "Supervisor ID", ...).
  bamboohr: {
    directory_id: 'Employee ID',
    first_name: 'First name',
    last_name: 'Last name',
    email: 'Work Email',
    department: 'Department',
    title: 'Job title',
    manager: 'Supervisor ID',
    start: 'Hire date',
    end: 'Termination date',
    status: 'Status',
  },
  // Workday's "Worker Data" custom report (faros-ai/airbyte-connectors, sources/workday-source).
  workday: {
    directory_id: 'Employee_ID',
    name: 'Full_Name',
    email: 'Email',
    department: 'Team_Name',
    manager: 'Manager_ID',
    start: 'Start_Date',
    end: 'Termination_Date',
  },
};
