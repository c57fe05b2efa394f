// Generates the people directory and the seat lists of the bundled example organization,
// Northwind Instruments GmbH, as of 2026-11-23. Deterministic: a seeded PRNG, no clock, no I/O
// besides writing the files. The licenses, contracts, vendors and org.yaml are written by hand;
// this script knows their tiers and adoption dates and prints the seat counts, so that the
// contract quantities can be set to match (see the summary it prints).
//
// It also writes three usage snapshots in the exact form `lac pull` writes them (figma, copilot,
// and the SOLIDWORKS floating pool with daily peaks per feature), as if pulled on Friday 2026-11-20.
//
//   node scripts/example/generate.ts   # rewrites inventory/people.yaml, inventory/assignments/*.yaml, inventory/usage/*.yaml
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Account, Usage } from '../../src/inventory/schema/index.ts';
import { serializeSnapshot } from '../../src/usage/snapshot/serialize.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const TODAY = '2026-11-23';
const DOMAIN = 'northwind.example';
const OLD_DOMAIN = 'nordwind-messtechnik.example'; // the company's name until the 2021 rebrand

// ---- deterministic randomness -------------------------------------------------------------

function mulberry32(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = mulberry32(20261123);
const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
/** A number drawn from a key alone, so that editing one list does not reshuffle the dates of another. */
function keyedInt(key: string, lo: number, hi: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return lo + Math.floor(mulberry32(h)() * (hi - lo + 1));
}

// ---- dates --------------------------------------------------------------------------------

const day = (s: string) => Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10)) / 86_400_000;
const iso = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);
const addDays = (s: string, n: number) => iso(day(s) + n);
const maxDate = (a: string, b: string) => (a > b ? a : b);
/** A weekday between two dates (inclusive), the way start dates fall. */
function dateBetween(from: string, to: string): string {
  let d = iso(int(day(from), day(to)));
  while ([0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay())) d = addDays(d, 1);
  return d > to ? from : d;
}
/** Companies hire on the first of a month more often than not. */
function startBetween(from: string, to: string): string {
  const d = dateBetween(from, to);
  return rand() < 0.6 ? `${d.slice(0, 8)}01` : d;
}

// ---- names --------------------------------------------------------------------------------

const CULTURES: [string[], string[]][] = [
  [['Lukas', 'Hannah', 'Jonas', 'Lea', 'Felix', 'Mia', 'Maximilian', 'Sophie', 'Jan', 'Anna', 'Tobias', 'Katrin'], ['Becker', 'Schulz', 'Hoffmann', 'Krüger', 'Wagner', 'Fischer', 'Schröder', 'Neumann', 'Braun', 'Zimmermann', 'Hartmann', 'Lange']],
  [['Emre', 'Ayşe', 'Mehmet', 'Zeynep', 'Burak', 'Can', 'Deniz', 'Selin', 'Kerem', 'Merve'], ['Kaya', 'Demir', 'Şahin', 'Çelik', 'Arslan', 'Aydın', 'Öztürk', 'Doğan']],
  [['Łukasz', 'Agnieszka', 'Piotr', 'Katarzyna', 'Marek', 'Zofia', 'Paweł', 'Magdalena'], ['Nowicki', 'Wójcik', 'Kowalczyk', 'Mazur', 'Krawczyk', 'Zając', 'Król', 'Wieczorek']],
  [['Chinedu', 'Ngozi', 'Oluwaseun', 'Adaeze', 'Tunde', 'Funmilayo', 'Emeka', 'Chiamaka'], ['Adeyemi', 'Okonkwo', 'Eze', 'Balogun', 'Nwosu', 'Afolabi', 'Obi', 'Okeke']],
  [['Arjun', 'Ananya', 'Vikram', 'Deepa', 'Rohan', 'Kavya', 'Sanjay', 'Meera', 'Aditya', 'Neha'], ['Sharma', 'Iyer', 'Reddy', 'Nair', 'Patel', 'Krishnan', 'Gupta', 'Bhat', 'Desai', 'Kulkarni']],
  [['Wei', 'Xiaoling', 'Jun', 'Mei', 'Hao', 'Yan', 'Lei', 'Qing'], ['Zhang', 'Wang', 'Liu', 'Chen', 'Zhao', 'Huang', 'Wu', 'Zhou']],
  [['Haruto', 'Sakura', 'Kenji', 'Aiko', 'Takumi', 'Yui', 'Daisuke', 'Naomi'], ['Sato', 'Suzuki', 'Takahashi', 'Watanabe', 'Ito', 'Nakamura', 'Kobayashi', 'Yamamoto']],
  [['João', 'Ana', 'Rafael', 'Beatriz', 'Thiago', 'Larissa', 'Gustavo', 'Camila'], ['Silva', 'Santos', 'Oliveira', 'Souza', 'Pereira', 'Costa', 'Almeida', 'Carvalho']],
  [['Javier', 'Lucía', 'Alejandro', 'Marta', 'Pablo', 'Carmen', 'Sergio', 'Elena'], ['García', 'Fernández', 'López', 'Martínez', 'Sánchez', 'Romero', 'Navarro', 'Torres']],
  [['Omar', 'Layla', 'Karim', 'Nour', 'Yusuf', 'Rania', 'Tarek', 'Salma'], ['Khalil', 'Mansour', 'Nasser', 'Farouk', 'Saleh', 'Aziz', 'Hamdan', 'Barakat']],
  [['Minh', 'Linh', 'Duc', 'Thao', 'Quang', 'Hoa'], ['Nguyen', 'Tran', 'Le', 'Pham', 'Vu', 'Hoang']],
  [['Jiwoo', 'Minjun', 'Seoyeon', 'Hyunwoo', 'Jisoo', 'Dohyun'], ['Kim', 'Park', 'Lee', 'Choi', 'Jung', 'Kang']],
  [['Kofi', 'Ama', 'Yaw', 'Efua', 'Kwesi', 'Akosua'], ['Asante', 'Boateng', 'Owusu', 'Osei', 'Appiah', 'Darko']],
  [['Erik', 'Astrid', 'Oskar', 'Ingrid', 'Nils', 'Freja'], ['Johansson', 'Lindberg', 'Nyström', 'Berglund', 'Holm', 'Sandberg']],
  [['Nikos', 'Eleni', 'Giorgos', 'Katerina', 'Dimitris', 'Despina'], ['Papadopoulos', 'Georgiou', 'Nikolaidis', 'Christodoulou', 'Alexiou', 'Vlachos']],
  [['Oleksandr', 'Iryna', 'Dmytro', 'Olena', 'Andriy', 'Kateryna'], ['Shevchenko', 'Bondarenko', 'Kovalenko', 'Tkachenko', 'Melnyk', 'Kravchenko']],
  [['Dariush', 'Shirin', 'Reza', 'Parisa', 'Kaveh', 'Mina'], ['Ahmadi', 'Karimi', 'Hosseini', 'Rahimi', 'Moradi', 'Jafari']],
  [['Diego', 'Valeria', 'Santiago', 'Ximena', 'Emiliano', 'Fernanda'], ['Hernández', 'Ramírez', 'Flores', 'Cruz', 'Morales', 'Reyes']],
  [['Wanjiru', 'Brian', 'Achieng', 'Kevin', 'Njeri', 'Faith'], ['Kamau', 'Odhiambo', 'Mutua', 'Kariuki', 'Chebet', 'Omondi']],
  [['Giulia', 'Matteo', 'Chiara', 'Lorenzo', 'Francesca', 'Davide'], ['Rossi', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino']],
  [['Camille', 'Julien', 'Manon', 'Théo', 'Inès', 'Antoine'], ['Martin', 'Bernard', 'Dubois', 'Lefèvre', 'Moreau', 'Girard']],
  [['Siobhán', 'Ciarán', 'Aoife', 'Niamh', 'Conor', 'Róisín'], ['Murphy', "O'Brien", 'Kelly', 'Byrne', 'Walsh', 'Doyle']],
  [['Maricel', 'Jericho', 'Andrea', 'Paolo', 'Kristine', 'Ramon'], ['Bautista', 'Dela Cruz', 'Villanueva', 'Mendoza', 'Aquino', 'Castillo']],
  [['Daan', 'Sanne', 'Bram', 'Femke', 'Joris', 'Lotte'], ['de Vries', 'Jansen', 'Bakker', 'Visser', 'Smit', 'van Dijk']],
];

const slug = (s: string) =>
  s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ł/g, 'l').replace(/Ł/g, 'L').replace(/ı/g, 'i').replace(/ø/g, 'o').replace(/ß/g, 'ss')
    .toLowerCase().replace(/['\s]/g, '');

const usedIds = new Set<string>();
function newName(fixed?: string): { first: string; last: string; name: string; id: string } {
  for (;;) {
    let first: string, last: string;
    if (fixed) [first, last] = [fixed.split(' ')[0]!, fixed.split(' ').slice(1).join(' ')];
    else {
      const [firsts, lasts] = pick(CULTURES);
      [first, last] = [pick(firsts), pick(lasts)];
    }
    const id = `${slug(first)}.${slug(last)}`;
    if (usedIds.has(id)) {
      if (fixed) throw new Error(`duplicate fixed name ${fixed}`);
      continue;
    }
    usedIds.add(id);
    return { first, last, name: `${first} ${last}`, id };
  }
}

// ---- the organization ---------------------------------------------------------------------

type Status = 'active' | 'on-leave' | 'leaver';
interface Person {
  id: string; name: string; email: string; aliases?: string[]; github?: string;
  department: string; cost_centre?: string; manager?: string; title: string;
  status: Status; start: string; end?: string;
  role: string; first: string; last: string; comment?: string;
}

interface Team { role: string; title: string; count: number; lead?: string }
interface Dept { id: string; head: string; headTitle: string; headStart: string; leads: { name: string; title: string; role: string; start: string }[]; teams: Team[] }

// Heads and leads have fixed names: licenses, contracts and org.yaml refer to them.
const DEPTS: Dept[] = [
  { id: 'executive', head: 'Katharina Vogel', headTitle: 'Chief Executive Officer', headStart: '2016-04-01', leads: [], teams: [
    { role: 'cos', title: 'Chief of Staff', count: 1 },
    { role: 'ea', title: 'Executive Assistant', count: 1 },
  ] },
  { id: 'engineering', head: 'Priya Raman', headTitle: 'VP Engineering', headStart: '2017-02-01', leads: [
    { name: 'Tomasz Wieczorek', title: 'Engineering Manager, Platform', role: 'em-platform', start: '2018-03-01' },
    { name: 'Adaeze Okonkwo', title: 'Engineering Manager, Cloud', role: 'em-cloud', start: '2019-06-03' },
    { name: 'Haruto Nakamura', title: 'Engineering Manager, Frontend', role: 'em-frontend', start: '2020-01-15' },
    { name: 'Ingrid Berglund', title: 'Engineering Manager, Data', role: 'em-data', start: '2021-09-01' },
    { name: 'Mateus Ferreira', title: 'Engineering Manager, Embedded Software', role: 'em-embedded', start: '2018-10-01' },
  ], teams: [
    { role: 'swe', title: 'Software Engineer', count: 9, lead: 'em-platform' },
    { role: 'sre', title: 'Site Reliability Engineer', count: 3, lead: 'em-platform' },
    { role: 'swe', title: 'Senior Software Engineer', count: 7, lead: 'em-cloud' },
    { role: 'swe', title: 'Software Engineer', count: 4, lead: 'em-cloud' },
    { role: 'fe', title: 'Frontend Engineer', count: 8, lead: 'em-frontend' },
    { role: 'data', title: 'Data Engineer', count: 5, lead: 'em-data' },
    { role: 'data', title: 'Data Scientist', count: 2, lead: 'em-data' },
    { role: 'embedded', title: 'Embedded Software Engineer', count: 6, lead: 'em-embedded' },
    { role: 'qa', title: 'QA Engineer', count: 4, lead: 'em-platform' },
  ] },
  { id: 'hardware', head: 'Henrik Lindqvist', headTitle: 'Head of Hardware Engineering', headStart: '2016-09-01', leads: [
    { name: 'Giulia Ferraro', title: 'Lead Mechanical Engineer', role: 'lead-mech', start: '2017-05-02' },
    { name: 'Dmytro Savchenko', title: 'Lead Electronics Engineer', role: 'lead-elec', start: '2018-02-01' },
  ], teams: [
    { role: 'mech', title: 'Mechanical Design Engineer', count: 7, lead: 'lead-mech' },
    { role: 'elec', title: 'Electronics Engineer', count: 5, lead: 'lead-elec' },
    { role: 'fw', title: 'Firmware Engineer', count: 4, lead: 'lead-elec' },
    { role: 'dsp', title: 'Signal Processing Engineer', count: 2, lead: 'lead-elec' },
    { role: 'labtech', title: 'Lab Technician', count: 4, lead: 'lead-mech' },
    { role: 'test', title: 'Test Engineer', count: 2, lead: 'lead-elec' },
  ] },
  { id: 'product', head: 'Sofia Marques', headTitle: 'VP Product', headStart: '2018-05-02', leads: [
    { name: 'Nils Halvorsen', title: 'Design Lead', role: 'lead-design', start: '2019-11-01' },
  ], teams: [
    { role: 'pm', title: 'Product Manager', count: 5 },
    { role: 'designer', title: 'Product Designer', count: 6, lead: 'lead-design' },
    { role: 'uxr', title: 'UX Researcher', count: 2, lead: 'lead-design' },
    { role: 'writer', title: 'Technical Writer', count: 1 },
  ] },
  { id: 'sales', head: 'Kwame Mensah', headTitle: 'VP Sales', headStart: '2017-08-01', leads: [
    { name: 'Franziska Albrecht', title: 'Sales Director DACH', role: 'lead-dach', start: '2018-04-03' },
    { name: 'Rodrigo Alves', title: 'Sales Director International', role: 'lead-intl', start: '2020-02-03' },
  ], teams: [
    { role: 'ae', title: 'Account Executive', count: 6, lead: 'lead-dach' },
    { role: 'ae', title: 'Account Executive', count: 6, lead: 'lead-intl' },
    { role: 'sdr', title: 'Sales Development Representative', count: 6, lead: 'lead-intl' },
    { role: 'se', title: 'Sales Engineer', count: 4, lead: 'lead-dach' },
    { role: 'salesops', title: 'Sales Operations Analyst', count: 1 },
  ] },
  { id: 'marketing', head: 'Chloé Durand', headTitle: 'Head of Marketing', headStart: '2019-03-01', leads: [], teams: [
    { role: 'pmm', title: 'Product Marketing Manager', count: 3 },
    { role: 'mktdesign', title: 'Brand Designer', count: 3 },
    { role: 'content', title: 'Content Marketing Manager', count: 2 },
    { role: 'perf', title: 'Performance Marketing Manager', count: 1 },
    { role: 'events', title: 'Events Manager', count: 1 },
    { role: 'student', title: 'Working Student, Marketing', count: 1 },
  ] },
  { id: 'customer-success', head: 'Yuki Tanaka', headTitle: 'VP Customer Success', headStart: '2018-01-08', leads: [
    { name: 'Bongani Dlamini', title: 'Support Team Lead', role: 'lead-support', start: '2019-04-01' },
    { name: 'Ewa Lewandowska', title: 'Customer Success Team Lead', role: 'lead-csm', start: '2020-06-01' },
  ], teams: [
    { role: 'support', title: 'Technical Support Engineer', count: 10, lead: 'lead-support' },
    { role: 'csm', title: 'Customer Success Manager', count: 6, lead: 'lead-csm' },
    { role: 'fieldtech', title: 'Field Service Technician', count: 3, lead: 'lead-support' },
  ] },
  { id: 'operations', head: 'Amara Okafor', headTitle: 'Chief Financial Officer', headStart: '2017-01-09', leads: [
    { name: 'Lina Haddad', title: 'Head of IT & Security', role: 'lead-it', start: '2018-07-02' },
    { name: 'Elif Yılmaz', title: 'Head of People', role: 'lead-people', start: '2019-01-07' },
    { name: 'Dariusz Nowak', title: 'Procurement Manager', role: 'procurement', start: '2020-04-01' },
    { name: 'Marit Solberg', title: 'Finance Controller', role: 'lead-finance', start: '2018-11-01' },
  ], teams: [
    { role: 'itadmin', title: 'IT Administrator', count: 3, lead: 'lead-it' },
    { role: 'security', title: 'Security Engineer', count: 1, lead: 'lead-it' },
    { role: 'hr', title: 'People Partner', count: 2, lead: 'lead-people' },
    { role: 'recruiter', title: 'Recruiter', count: 2, lead: 'lead-people' },
    { role: 'finance', title: 'Accountant', count: 3, lead: 'lead-finance' },
    { role: 'legal', title: 'Legal Counsel', count: 1 },
    { role: 'office', title: 'Office Manager', count: 1, lead: 'lead-people' },
  ] },
];

const ENGINEERING_ROLES = new Set(['swe', 'sre', 'fe', 'data', 'embedded', 'qa', 'em-platform', 'em-cloud', 'em-frontend', 'em-data', 'em-embedded', 'fw', 'dsp', 'test']);

function githubLogin(first: string, last: string): string {
  const f = slug(first).replace(/[^a-z0-9]/g, '');
  const l = slug(last).replace(/[^a-z0-9]/g, '');
  // Every login carries the company's mark, so that none can be mistaken for a real account.
  const forms = [`${f}-${l}-nwi`, `${f[0]}${l}-nwi`, `${f}${l[0]}-nwi`, `nwi-${f}${l}`, `nwi-${l}-${f[0]}`];
  return pick(forms).slice(0, 39);
}

const people: Person[] = [];
const ceoId = slug('Katharina') + '.' + slug('Vogel');

function addPerson(n: ReturnType<typeof newName>, p: Omit<Person, 'id' | 'name' | 'email' | 'first' | 'last'>): Person {
  const person: Person = { id: n.id, name: n.name, email: `${n.id}@${DOMAIN}`, first: n.first, last: n.last, ...p };
  if (person.start < '2021-03-01' && rand() < 0.35) person.aliases = [`${n.id}@${OLD_DOMAIN}`];
  if (ENGINEERING_ROLES.has(person.role) || (person.role === 'lead-elec') || (person.department === 'engineering')) person.github = githubLogin(n.first, n.last);
  people.push(person);
  return person;
}

for (const d of DEPTS) {
  const head = addPerson(newName(d.head), { department: d.id, title: d.headTitle, status: 'active', start: d.headStart, role: d.id === 'executive' ? 'ceo' : `head-${d.id}`, ...(d.id === 'executive' ? {} : { manager: ceoId }) });
  const leads = new Map<string, string>();
  for (const l of d.leads) leads.set(l.role, addPerson(newName(l.name), { department: d.id, title: l.title, status: 'active', start: l.start, role: l.role, manager: head.id }).id);
  for (const t of d.teams) {
    for (let i = 0; i < t.count; i++) {
      const manager = t.lead ? leads.get(t.lead)! : head.id;
      const mgrStart = people.find((p) => p.id === manager)!.start;
      const senior = t.title.startsWith('Senior');
      const start = startBetween(maxDate(mgrStart, senior ? '2017-06-01' : '2018-01-01'), '2026-10-01');
      addPerson(newName(), { department: d.id, title: t.title, status: 'active', start, role: t.role, manager });
    }
  }
}

// Aliases that matter for matching vendor accounts: usernames some tools still use.
const byId = (id: string) => people.find((p) => p.id === id)!;
byId('henrik.lindqvist').aliases = ['hlindqvist', `henrik.lindqvist@${OLD_DOMAIN}`];
byId('lina.haddad').aliases = ['lhaddad-admin@northwind.example'];
byId('priya.raman').aliases = [`priya.raman@${OLD_DOMAIN}`, 'praman'];

// People who review pull requests in the license repository need a GitHub login too: license and
// contract owners, IT, procurement and finance (CODEOWNERS names them by login).
const REVIEWERS = new Set(['lead-it', 'itadmin', 'security', 'procurement', 'lead-finance', 'lead-design', 'salesops']);
for (const p of people) {
  if (p.github || !(p.role.startsWith('head-') || REVIEWERS.has(p.role))) continue;
  const f = slug(p.first).replace(/[^a-z0-9]/g, '');
  const l = slug(p.last).replace(/[^a-z0-9]/g, '');
  p.github = [`${f}-${l}-nwi`, `${f[0]}${l}-nwi`, `nwi-${f}${l}`][keyedInt(p.id, 0, 2)]!;
}

// Sales engineers are paid from the presales cost centre.
for (const p of people) if (p.role === 'se') p.cost_centre = 'CC-3150';

// Statuses: people on leave, fixed-term contracts ending after today, and one leaver in notice.
const members = people.filter((p) => !p.role.startsWith('head-') && !p.role.startsWith('lead-') && !p.role.startsWith('em-') && p.role !== 'ceo' && p.role !== 'procurement');
const onLeave = [pick(members.filter((p) => p.department === 'engineering')), pick(members.filter((p) => p.department === 'sales')), pick(members.filter((p) => p.department === 'product')), pick(members.filter((p) => p.department === 'customer-success')), pick(members.filter((p) => p.department === 'hardware'))];
// Only the expected return date: the reason for a leave is HR's business, not this repository's.
const leaveNotes = ['on leave until 2027-04', 'on leave until 2027-02', 'sabbatical until 2027-01', 'on leave until 2027-06', 'on leave, return date open'];
onLeave.forEach((p, i) => { p.status = 'on-leave'; p.comment = leaveNotes[i]; });
const student = people.find((p) => p.role === 'student')!;
student.start = '2025-10-01';
student.end = '2027-02-28';
student.comment = 'working-student contract ends with the winter semester';
const fixedTerm = people.find((p) => p.role === 'recruiter')!;
fixedTerm.end = '2027-03-31';
fixedTerm.comment = 'fixed-term contract (hiring push), may be extended';
// Resigned, works until mid-December: the seats stay until the last day (`lac check` warns).
const leaving = members.find((p) => p.role === 'finance' && p.status === 'active')!;
leaving.status = 'leaver';
leaving.end = '2026-12-18';
leaving.comment = 'resigned 2026-11-13; IT removes access on the last day (ticket IT-4821)';

// Former employees: seats already removed when they left.
const LEAVERS: [string, string, string, string][] = [
  ['engineering', 'Software Engineer', 'em-platform', '2024-03-31'],
  ['sales', 'Account Executive', 'lead-dach', '2024-09-30'],
  ['engineering', 'Frontend Engineer', 'em-frontend', '2025-02-28'],
  ['customer-success', 'Technical Support Engineer', 'lead-support', '2025-06-30'],
  ['hardware', 'Mechanical Design Engineer', 'lead-mech', '2025-10-31'],
  ['marketing', 'Brand Designer', 'head-marketing', '2026-03-31'],
  ['sales', 'Sales Development Representative', 'lead-intl', '2026-06-30'],
  ['engineering', 'Data Engineer', 'em-data', '2026-08-31'],
  ['operations', 'IT Administrator', 'lead-it', '2026-11-20'],
];
for (const [dept, title, mgrRole, end] of LEAVERS) {
  const manager = people.find((p) => p.role === mgrRole)!;
  const start = startBetween(maxDate(manager.start, '2018-01-01'), addDays(end, -400));
  const p = addPerson(newName(), { department: dept, title, status: 'leaver', start, end, role: 'former', manager: manager.id });
  if (end === '2026-11-20') p.comment = 'offboarded 2026-11-20: seats removed the same day';
}

// ---- seats --------------------------------------------------------------------------------

interface Seat { person?: string; device?: string; tier: string; since: string; note?: string; comment?: string }
const holders = people.filter((p) => p.status !== 'leaver' || (p.end !== undefined && p.end >= TODAY));
const has = (...roles: string[]) => (p: Person) => roles.includes(p.role);
const inDept = (...ds: string[]) => (p: Person) => ds.includes(p.department);

/** The day a seat was given: on or after both the start date and the product's roll-out. */
function since(p: Person, adopted: string): string {
  const base = maxDate(p.start, adopted);
  const key = `${adopted}/${p.id}`;
  const d = addDays(base, p.start >= adopted ? keyedInt(key, 0, 3) : keyedInt(key, 0, 20));
  return d > TODAY ? TODAY : d;
}
const seat = (p: Person, tier: string, adopted: string, note?: string): Seat => ({ person: p.id, tier, since: since(p, adopted), ...(note ? { note } : {}) });

const lists = new Map<string, { header: string; seats: Seat[] }>();
function list(license: string, header: string, seats: Seat[]) {
  lists.set(license, { header, seats });
}

// Company-wide tools: everyone who works here.
list('okta', 'Everyone with a directory account. Okta provisions Slack, Microsoft 365 and 1Password from these groups.', holders.map((p) => seat(p, 'workforce', '2019-02-01')));
list('slack', 'Every employee. Guests are invited per channel and are not listed here.', holders.map((p) => seat(p, 'member', '2018-06-01')));
list('1password', 'Every employee gets a 1Password Business account on day one.', holders.map((p) => seat(p, 'business', '2020-03-01')));

const frontline = holders.filter(has('labtech', 'fieldtech', 'student'));
list('microsoft-365', 'E3 for office staff; Apps for business for lab and field technicians (no Exchange mailbox needed: they use the shared service mailbox).',
  holders.map((p) => seat(p, frontline.includes(p) ? 'apps' : 'e3', '2018-01-15')));

const ghRoles = holders.filter((p) => p.github !== undefined);
list('github-enterprise', 'Everyone with a GitHub login in people.yaml: engineers, and the people who review this license repository (owners, IT, procurement, finance).',
  ghRoles.map((p) => seat(p, 'enterprise', '2019-09-01', p.role === 'lead-design' ? 'also reviews UI pull requests' : undefined)));
const copilotUsers = holders.filter((p) => (ENGINEERING_ROLES.has(p.role) || p.role === 'lead-elec') && !p.role.startsWith('em-') && p.role !== 'test');
list('github-copilot', 'Developers who asked for Copilot (Okta group gh-copilot). Engineering managers and test engineers opted out in the 2024 survey.',
  copilotUsers.map((p) => seat(p, 'business', '2024-05-06')));

const jiraUsers = holders.filter(inDept('engineering', 'hardware', 'product', 'customer-success'));
const jiraExtra = holders.filter(has('lead-it', 'itadmin', 'security', 'salesops'));
list('jira', 'Engineering, hardware, product and customer success; IT and sales ops for their service desks.', [...jiraUsers, ...jiraExtra].map((p) => seat(p, 'standard', '2019-09-02')));

const figmaFull = holders.filter((p) => p.department === 'product' && p.role !== 'writer' || has('mktdesign', 'head-marketing')(p));
const figmaDev = holders.filter(has('fe', 'em-frontend'));
const figmaViewer = holders.filter((p) => p.status === 'active' && !figmaFull.includes(p) && !figmaDev.includes(p) && (inDept('sales', 'marketing', 'customer-success')(p) || has('swe', 'qa', 'writer', 'head-engineering', 'ceo', 'cos')(p)));
list('figma', 'Full seats for designers and product managers, Dev Mode for frontend engineers, free viewers for everyone who comments. Viewer accounts of people on long leave are removed and re-invited on their return; paid seats stay until the reclaim review.', [
  ...figmaFull.map((p) => seat(p, 'full', '2021-04-06', p.role === 'head-marketing' ? 'signs off brand work; exempt from reclaim' : undefined)),
  ...figmaDev.map((p) => seat(p, 'dev', '2023-07-03')),
  ...figmaViewer.map((p) => seat(p, 'viewer', '2021-04-06')),
]);

const zoomLicensed = holders.filter((p) => inDept('sales', 'customer-success', 'executive')(p) || has('head-marketing', 'pmm', 'events', 'lead-people', 'recruiter', 'hr', 'head-product', 'pm')(p));
list('zoom', 'Licensed (Pro) for people who host customer calls, webinars and interviews; everyone else joins as a basic user (free, not listed).',
  zoomLicensed.map((p) => seat(p, 'licensed', '2020-03-16')));

const sfFull = holders.filter(inDept('sales'));
const sfPlatform = holders.filter(has('head-customer-success', 'lead-csm', 'lead-finance', 'head-operations', 'csm'));
list('salesforce', 'Sales Cloud for the sales team; Platform licenses for customer success and finance, who read accounts and opportunities.', [
  ...sfFull.map((p) => seat(p, 'sales-cloud', '2019-01-14')),
  ...sfPlatform.slice(0, 7).map((p) => seat(p, 'platform', '2021-02-01')),
]);

const zdAgents = holders.filter((p) => p.department === 'customer-success' && p.role !== 'head-customer-success');
const zdLight = holders.filter(has('sre', 'em-platform', 'em-cloud', 'head-customer-success'));
list('zendesk', 'Agents: support and customer success. Light agents (free) for the on-call engineers who answer escalations.', [
  ...zdAgents.map((p) => seat(p, 'agent', '2020-09-01')),
  ...zdLight.map((p) => seat(p, 'light-agent', '2020-09-01')),
]);

const adobeAll = holders.filter(has('mktdesign', 'lead-design'));
const adobeSingle = holders.filter(has('content', 'perf', 'events')).slice(0, 3);
list('adobe-creative-cloud', 'All Apps for the brand designers and the design lead; single-app (Photoshop) for content and campaign work.', [
  ...adobeAll.map((p) => seat(p, 'all-apps', '2018-04-03')),
  ...adobeSingle.map((p) => seat(p, 'single-app', '2022-01-10')),
]);

const swAnalysts = new Set(holders.filter(has('mech', 'lead-mech')).slice(0, 4).map((p) => p.id));
const swUsers = holders.filter(has('mech', 'lead-mech', 'elec', 'lead-elec', 'labtech', 'head-hardware'));
list('solidworks', 'Named users of the floating pool on nw-srv-lic-01. More people than floating seats by design: the license server caps concurrent use. Premium (with Simulation) only for the structural analysts.',
  swUsers.map((p) => seat(p, swAnalysts.has(p.id) ? 'premium' : 'professional', '2017-06-12')));

const iarUsers = holders.filter(has('fw', 'embedded', 'em-embedded', 'lead-elec')).slice(0, 10);
list('iar-embedded-workbench', 'Perpetual licenses, one per firmware developer (node-locked to the developer\'s laptop).', iarUsers.map((p) => seat(p, 'arm', '2023-03-20')));

const matlabUsers = holders.filter(has('dsp', 'lead-elec', 'data', 'test')).slice(0, 5);
list('matlab', 'Perpetual individual licenses (R2019a, later updated to R2026a under maintenance).', matlabUsers.map((p) => seat(p, 'individual', '2019-05-20')));

const deeplUsers = holders.filter(has('writer', 'em-cloud', 'content')).slice(0, 4);
list('deepl-api', 'Holders of a DeepL API key (the key is in 1Password, vault "API keys"). Billed by characters translated, not per key.', deeplUsers.map((p) => seat(p, 'api', '2024-02-12')));

// Paid seats of people on leave stay until the reclaim review; the line says why it is idle.
for (const license of ['figma', 'github-copilot', 'salesforce', 'zoom']) {
  for (const s of lists.get(license)!.seats) {
    const p = s.person ? people.find((x) => x.id === s.person) : undefined;
    if (p?.status === 'on-leave' && s.tier !== 'viewer') s.note = `${p.comment}; seat kept until the reclaim review`;
  }
}

// Devices: one laptop per person, the lab workstations and the servers.
const laptops: Seat[] = holders
  .slice()
  .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.id < b.id ? -1 : 1))
  .map((p, i) => ({ device: `nw-lt-${String(1001 + i * 2 + keyedInt(p.id, 0, 1)).padStart(4, '0')}`, tier: 'endpoint', since: since(p, '2022-02-07') }));
const labs: Seat[] = [1, 2, 3, 4, 5, 6].map((n) => ({ device: `nw-lab-ws${String(n).padStart(2, '0')}`, tier: 'endpoint', since: '2022-02-21', note: n >= 5 ? 'air-gapped test bench; signatures updated from USB weekly' : undefined }));
const servers: Seat[] = ['nw-srv-dc-01', 'nw-srv-dc-02', 'nw-srv-files-01', 'nw-srv-backup-01', 'nw-srv-build-01', 'nw-srv-build-02', 'nw-srv-build-03', 'nw-srv-ci-01', 'nw-srv-ci-02', 'nw-srv-lic-01', 'nw-srv-mon-01', 'nw-srv-vpn-01', 'nw-srv-print-01', 'nw-srv-lab-db-01']
  .map((device) => ({ device, tier: 'server', since: device.startsWith('nw-srv-build-03') ? '2025-05-12' : '2022-02-14' }));
list('sophos-endpoint', 'Devices with the Sophos agent: laptops (nw-lt-*), lab workstations (nw-lab-*), servers (nw-srv-*). Exported from Sophos Central > Devices.',
  [...laptops, ...labs, ...servers].map((s) => (s.note ? s : (({ note, ...rest }) => rest)(s))));

// ---- writing ------------------------------------------------------------------------------

const needsQuote = (v: string) => !/^[A-Za-z0-9À-ɏ][A-Za-z0-9À-ɏ .@_+\-/&]*$/.test(v) || /[ ]$/.test(v) || /: | #/.test(v);
const scalar = (v: string) => (needsQuote(v) ? JSON.stringify(v) : v);
function flow(entries: [string, string | string[] | undefined][]): string {
  const parts = entries.filter(([, v]) => v !== undefined).map(([k, v]) => `${k}: ${Array.isArray(v) ? `[${v.map(scalar).join(', ')}]` : scalar(v!)}`);
  return `{ ${parts.join(', ')} }`;
}

function writePeople() {
  const sorted = people.slice().sort((a, b) => (a.id < b.id ? -1 : 1));
  const lines = [
    '# yaml-language-server: $schema=../schemas/people.schema.json',
    '# The directory of Northwind Instruments, exported from the HR system (Personio) every night and',
    '# reviewed in a pull request. One line per person, sorted by ID. Leavers stay in the file: old',
    '# contracts, seats and git history refer to them.',
    'people:',
    ...sorted.map((p) => {
      const line = `  - ${flow([
        ['id', p.id], ['name', p.name], ['email', p.email], ['aliases', p.aliases], ['github', p.github],
        ['department', p.department], ['cost_centre', p.cost_centre], ['manager', p.manager], ['title', p.title],
        ['status', p.status], ['start', p.start], ['end', p.end],
      ])}`;
      return p.comment ? `${line}  # ${p.comment}` : line;
    }),
  ];
  write('inventory/people.yaml', lines);
}

const TIER_ORDER = ['workforce', 'member', 'business', 'e3', 'apps', 'enterprise', 'standard', 'full', 'dev', 'viewer', 'licensed', 'sales-cloud', 'platform', 'agent', 'light-agent', 'all-apps', 'single-app', 'professional', 'premium', 'arm', 'individual', 'api', 'endpoint', 'server'];
function writeAssignments() {
  for (const [license, { header, seats }] of lists) {
    const sorted = seats.slice().sort((a, b) => TIER_ORDER.indexOf(a.tier) - TIER_ORDER.indexOf(b.tier) || ((a.person ?? a.device)! < (b.person ?? b.device)! ? -1 : 1));
    const lines = [
      '# yaml-language-server: $schema=../../schemas/assignments.schema.json',
      ...wrap(header).map((l) => `# ${l}`),
      `license: ${license}`,
      'seats:',
      ...sorted.map((s) => `  - ${flow([['person', s.person], ['device', s.device], ['tier', s.tier], ['since', s.since], ['note', s.note]])}`),
    ];
    write(`inventory/assignments/${license}.yaml`, lines);
  }
}

function wrap(text: string, width = 96): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) { out.push(line); line = word; } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out;
}

function write(rel: string, lines: string[]) {
  const path = join(ROOT, rel);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${lines.join('\n')}\n`);
}

// ---- usage snapshots ----------------------------------------------------------------------

const TAKEN = '2026-11-20T06:00:00Z';
const PULLED = '2026-11-20';
const personOf = (id: string) => people.find((p) => p.id === id)!;
/** A recent working day of activity, never before the seat was given. */
function recent(license: string, s: Seat, within: number): string {
  let d = addDays(PULLED, -keyedInt(`${license}/${s.person}`, 1, within));
  while ([0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay())) d = addDays(d, -1);
  return d < s.since ? s.since : d;
}
/** People on leave have not used anything since their leave began. */
const LEAVE_BEGAN: Record<string, string> = {};
onLeave.forEach((p, i) => { LEAVE_BEGAN[p.id] = ['2026-09-11', '2026-10-02', '2026-08-28', '2026-07-31', '2026-10-02'][i]!; });

function snapshot(license: string, source: string, accounts: Account[], extra: Partial<Usage> = {}) {
  const text = serializeSnapshot({ license, source, taken: TAKEN, accounts, ...extra });
  write(`inventory/usage/${license}.yaml`, text.trimEnd().split('\n'));
}

{
  const seats = lists.get('figma')!.seats;
  const fullIds = seats.filter((s) => s.tier === 'full').map((s) => s.person!);
  // Two full seats that only looked at files this quarter: the rightsizing candidates.
  const viewOnly = new Set(fullIds.filter((id) => personOf(id).role === 'pm').slice(0, 2));
  const accounts: Account[] = seats.map((s) => {
    const p = personOf(s.person!);
    const last = LEAVE_BEGAN[p.id] ?? recent('figma', s, 20);
    const signals: Record<string, number> | undefined = s.tier === 'full' ? { edits_90d: viewOnly.has(p.id) || LEAVE_BEGAN[p.id] ? 0 : keyedInt(`edits/${p.id}`, 4, 260) } : s.tier === 'dev' ? { dev_mode_sessions_90d: keyedInt(`dev/${p.id}`, 3, 70) } : undefined;
    return { account: p.email, person: p.id, email: p.email, name: p.name, tier: s.tier, status: 'active', last_active: last, ...(signals ? { signals } : {}) };
  });
  // The brand agency's login, invited for the 2026 trade-fair campaign and never removed.
  accounts.push({ account: 'studio@brightline-agency.example', email: 'studio@brightline-agency.example', name: 'Brightline Studio', tier: 'full', status: 'active', last_active: '2026-10-29', signals: { edits_90d: 37 } });
  snapshot('figma', 'csv', accounts);
}
{
  const seats = lists.get('github-copilot')!.seats;
  const accounts: Account[] = seats.map((s) => {
    const p = personOf(s.person!);
    return { account: p.github!, person: p.id, login: p.github!, tier: 'business', status: 'active', last_active: LEAVE_BEGAN[p.id] ?? recent('github-copilot', s, 9) };
  });
  snapshot('github-copilot', 'github-copilot', accounts);
}
{
  const seats = lists.get('solidworks')!.seats;
  const accounts: Account[] = seats.map((s) => {
    const p = personOf(s.person!);
    return { account: p.id, person: p.id, tier: s.tier, last_active: LEAVE_BEGAN[p.id] ?? recent('solidworks', s, p.role === 'labtech' || p.role === 'elec' ? 40 : 12) };
  });
  // Daily peaks per feature from the FlexNet debug log over the last 13 weeks; weekends stay near
  // zero. After Orion's two extra seats ended on 2026-10-31, the Professional pool of 8 was full
  // twice in November and people were turned away.
  const peaks: Usage['peaks'] = [];
  const DENIED: Record<string, [number, number]> = { '2026-11-10': [8, 1], '2026-11-17': [8, 3] };
  for (let d = addDays(PULLED, -90); d < PULLED; d = addDays(d, 1)) {
    const weekend = [0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay());
    const [pro, denials] = DENIED[d] ?? [weekend ? keyedInt(d, 0, 1) : keyedInt(d, 4, 7), 0];
    const premium = weekend ? 0 : keyedInt(`${d}/premium`, 1, 3);
    for (const [tier, n, refused] of [['premium', premium, 0], ['professional', pro, denials]] as const) {
      peaks.push({ date: d, tier, in_use: n, hours: Math.round(n * keyedInt(`${d}/${tier}/h`, 30, 70)) / 10, users: n === 0 ? 0 : Math.min(n + keyedInt(`${d}/${tier}/u`, 0, 2), tier === 'premium' ? 4 : 15), ...(refused ? { denials: refused } : {}) });
    }
  }
  snapshot('solidworks', 'flexnet', accounts, { peaks });
}

writePeople();
writeAssignments();

// The summary to size the contracts by.
const counts = [...lists].map(([license, { seats }]) => {
  const byTier = new Map<string, number>();
  for (const s of seats) byTier.set(s.tier, (byTier.get(s.tier) ?? 0) + 1);
  return `${license}: ${[...byTier].map(([t, n]) => `${t} ${n}`).join(', ')}`;
});
console.log(`people: ${people.length} (${people.filter((p) => p.status === 'leaver').length} leavers, ${people.filter((p) => p.status === 'on-leave').length} on leave)`);
console.log(counts.join('\n'));
