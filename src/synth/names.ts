// Word lists for synthetic people and products. A few names carry apostrophes, hyphens and
// non-ASCII letters on purpose: real directories do, and IDs must still come out as slugs.

export const FIRST_NAMES = [
  'Ada', 'Alan', 'Grace', 'Linus', 'Margaret', 'Dennis', 'Barbara', 'Ken', 'Frances', 'John', 'Mary', 'James', 'Patricia', 'Robert',
  'Jennifer', 'Michael', 'Linda', 'William', 'Elizabeth', 'David', 'Susan', 'Richard', 'Jessica', 'Joseph', 'Sarah', 'Thomas', 'Karen',
  'Charles', 'Nancy', 'Christopher', 'Lisa', 'Daniel', 'Betty', 'Matthew', 'Sandra', 'Anthony', 'Ashley', 'Mark', 'Kimberly', 'Donald',
  'Emily', 'Steven', 'Donna', 'Paul', 'Michelle', 'Andrew', 'Carol', 'Joshua', 'Amanda', 'Kenneth', 'Melissa', 'Kevin', 'Deborah',
  'Brian', 'Stephanie', 'George', 'Rebecca', 'Timothy', 'Sharon', 'Ronald', 'Laura', 'Edward', 'Cynthia', 'Jason', 'Amy', 'Jeffrey',
  'Angela', 'Ryan', 'Helen', 'Jacob', 'Anna', 'Gary', 'Brenda', 'Nicholas', 'Pamela', 'Eric', 'Nicole', 'Jonathan', 'Emma', 'Stephen',
  'Samantha', 'Larry', 'Katherine', 'Justin', 'Christine', 'Scott', 'Debra', 'Brandon', 'Rachel', 'Benjamin', 'Carolyn', 'Samuel',
  'Janet', 'Gregory', 'Maria', 'Alexander', 'Olivia', 'Patrick', 'Heather', 'Frank', 'Diane', 'Raymond', 'Julie', 'Jack', 'Joyce',
  'Wei', 'Mei', 'Hiroshi', 'Yuki', 'Priya', 'Arjun', 'Ananya', 'Rahul', 'Fatima', 'Omar', 'Aisha', 'Mohammed', 'Sofia', 'Mateo',
  'Lucía', 'José', 'Camila', 'Diego', 'Zoë', 'Søren', 'Łukasz', 'Agnieszka', 'Björn', 'Ingrid', 'Jürgen', 'Françoise', 'Chloé',
  'Noah', 'Liam', 'Mia', 'Lena', 'Finn', 'Kofi', 'Amara', 'Chidi', 'Ngozi', 'Thabo', 'Sipho', 'Nguyen', 'Linh', 'Min-jun', 'Seo-yeon',
  'Aleksandr', 'Olga', 'Dmitri', 'Tatiana', 'Giulia', 'Marco', 'Elena', 'Pierre', 'Amélie', 'Hannah', 'Jonas', 'Ines', 'Tiago',
];

export const LAST_NAMES = [
  'Lovelace', 'Turing', 'Hopper', 'Torvalds', 'Hamilton', 'Ritchie', 'Liskov', 'Thompson', 'Allen', 'Smith', 'Johnson', 'Williams',
  'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Hernandez', 'Lopez', 'Gonzalez', 'Wilson', 'Anderson',
  'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee', 'Perez', 'White', 'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson',
  'Walker', 'Young', 'King', 'Wright', 'Scott', 'Torres', 'Nguyen', 'Hill', 'Flores', 'Green', 'Adams', 'Nelson', 'Baker', 'Hall',
  'Rivera', 'Campbell', 'Mitchell', 'Carter', 'Roberts', 'Gomez', 'Phillips', 'Evans', 'Turner', 'Diaz', 'Parker', 'Cruz', 'Edwards',
  'Collins', 'Reyes', 'Stewart', 'Morris', 'Morales', 'Murphy', 'Cook', 'Rogers', 'Gutierrez', 'Ortiz', 'Morgan', 'Cooper', 'Peterson',
  'Bailey', 'Reed', 'Kelly', 'Howard', 'Ramos', 'Kim', 'Cox', 'Ward', 'Richardson', 'Watson', 'Brooks', 'Chavez', 'Wood', 'James',
  'Bennett', 'Gray', 'Mendoza', 'Ruiz', 'Hughes', 'Price', 'Alvarez', 'Castillo', 'Sanders', 'Patel', 'Myers', 'Long', 'Ross',
  "O'Brien", "O'Connor", "D'Angelo", 'Smith-Jones', 'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker',
  'Schulz', 'Hoffmann', 'Dubois', 'Lefèvre', 'Moreau', 'Laurent', 'Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Nowak',
  'Kowalski', 'Wiśniewski', 'Jensen', 'Nielsen', 'Hansen', 'Johansson', 'Andersson', 'Larsson', 'Virtanen', 'Korhonen', 'Tanaka',
  'Suzuki', 'Takahashi', 'Watanabe', 'Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Singh', 'Kumar', 'Sharma',
  'Gupta', 'Khan', 'Ali', 'Hassan', 'Ibrahim', 'Okafor', 'Mensah', 'Dlamini', 'Silva', 'Santos', 'Oliveira', 'Pereira', 'Costa',
  'Ivanov', 'Petrova', 'Popescu', 'Horvat', 'Novak', 'Papadopoulos', 'Yilmaz', 'Kaya', 'Cohen', 'Levi', 'Park', 'Choi', 'Tran',
];

export const PRODUCT_PREFIXES = [
  'Nimbus', 'Quartz', 'Vertex', 'Helix', 'Orbit', 'Lumen', 'Cobalt', 'Aurora', 'Beacon', 'Cascade', 'Delta', 'Ember', 'Fathom', 'Granite',
  'Harbor', 'Ion', 'Juniper', 'Kestrel', 'Lattice', 'Meridian', 'Nova', 'Onyx', 'Pylon', 'Quill', 'Radius', 'Summit', 'Tundra', 'Umbra',
  'Vector', 'Willow', 'Xenon', 'Yonder', 'Zephyr', 'Atlas', 'Borealis', 'Cirrus', 'Drift', 'Echo', 'Flux', 'Glacier', 'Horizon', 'Iris',
];

export const PRODUCT_SUFFIXES = [
  'Analytics', 'CRM', 'Docs', 'Chat', 'Boards', 'Vault', 'Monitor', 'Deploy', 'Design', 'Notes', 'Sign', 'Forms', 'Survey', 'Mail',
  'Backup', 'Scan', 'Test', 'Build', 'Tickets', 'Wiki', 'Planner', 'Sheets', 'BI', 'ETL', 'Observe', 'Secrets', 'Identity', 'Learn',
  'Payroll', 'Expense', 'Recruit', 'Video', 'Whiteboard', 'Roadmap', 'Support', 'Telemetry', 'Search', 'Translate', 'CAD', 'Render',
];

/** Letters a slug may keep: diacritics stripped, a few letters that do not decompose spelt out. */
const SPELL: Record<string, string> = { ø: 'o', Ø: 'o', ł: 'l', Ł: 'l', ß: 'ss', æ: 'ae', Æ: 'ae', đ: 'd' };

/** Lowercase ASCII slug of a name: "Łukasz O'Brien" → "lukasz-obrien" (with the given joiner). */
export function slug(text: string, joiner = '-'): string {
  const ascii = text
    .replace(/[øØłŁßæÆđ]/g, (c) => SPELL[c] ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/'/g, '');
  return ascii.replace(/[^a-z0-9]+/g, joiner).replace(new RegExp(`^\\${joiner}+|\\${joiner}+$`, 'g'), '');
}
