/**
 * What an incident is and the rules of its life, with no I/O: the service loads an incident's facts,
 * asks `decide` whether a command may happen and what the incident becomes, and writes that.
 * Keeping the rules here lets a property test drive them with any sequence of commands.
 *
 * States: open → contained → closed; contained → open when containment is lost; closed → open
 * (reopened). Going back needs a reason; an open incident is not closed without being contained
 * first (the record must say when the danger stopped growing). Closing needs a complete report and
 * every required checklist item done or marked not applicable, and freezes the report; a closed
 * incident takes no change except being reopened, which thaws the report for editing again.
 */

export const INCIDENT_KINDS = ['leak_release', 'fire_explosion', 'emission_exceedance', 'wastewater_overload', 'utility_failure', 'other'] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

export const INCIDENT_STATES = ['open', 'contained', 'closed'] as const;
export type IncidentState = (typeof INCIDENT_STATES)[number];

/**
 * China's emergency response levels (国家突发事件应急响应分级): I is the most severe. Stored as 1..4.
 * The console shows the level and its name together, as the plans do (Ⅰ级 特别重大).
 */
export const SEVERITY_LEVELS = [1, 2, 3, 4] as const;
export type SeverityLevel = (typeof SEVERITY_LEVELS)[number];
export const SEVERITY_NAMES: Readonly<Record<SeverityLevel, { roman: string; zh: string; en: string }>> = {
  1: { roman: 'I', zh: '特别重大', en: 'Especially serious' },
  2: { roman: 'II', zh: '重大', en: 'Serious' },
  3: { roman: 'III', zh: '较大', en: 'Relatively serious' },
  4: { roman: 'IV', zh: '一般', en: 'General' },
};

export const CHECKLIST_STATUSES = ['open', 'done', 'not_applicable'] as const;
export type ChecklistStatus = (typeof CHECKLIST_STATUSES)[number];

/** What people may write on the timeline; the other kinds are written by the platform as things happen. */
export const POSTED_ENTRY_KINDS = ['message', 'action'] as const;
export type PostedEntryKind = (typeof POSTED_ENTRY_KINDS)[number];
export const ENTRY_KINDS = ['raised', ...POSTED_ENTRY_KINDS, 'state', 'checklist', 'alarms', 'details', 'report'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

export interface Report {
  summary: string;
  cause: string;
  actions: string;
  followUps: string;
}
export const REPORT_FIELDS = ['summary', 'cause', 'actions', 'followUps'] as const satisfies readonly (keyof Report)[];
/** The parts a closed incident's report must not leave blank (follow-ups may honestly be none). */
export const REQUIRED_REPORT_FIELDS = ['summary', 'cause', 'actions'] as const satisfies readonly (keyof Report)[];

export interface ChecklistFacts {
  id: number;
  required: boolean;
  status: ChecklistStatus;
}

/** The part of an incident its rules depend on. */
export interface IncidentFacts {
  state: IncidentState;
  /** The report as it stands: the edited one, or the generated draft while nobody has edited it. */
  report: Report;
  reportFrozen: boolean;
  checklist: readonly ChecklistFacts[];
}

export type Command =
  | { type: 'transition'; to: IncidentState; reason: string | null }
  | { type: 'edit-report'; report: Partial<Report> }
  | { type: 'set-item'; itemId: number; status: ChecklistStatus }
  | { type: 'add-item'; id: number; required: boolean }
  /** Details, affected parties, linked alarms, timeline posts: allowed exactly while not closed. */
  | { type: 'edit' };

export interface Refusal {
  /** `conflict`: not now, in this state; `validation`: not like this. */
  kind: 'conflict' | 'validation';
  detail: string;
  /** JSON pointer of the offending field, for a validation refusal. */
  path?: string;
}

export type Decision = { ok: true; facts: IncidentFacts } | { ok: false; refusal: Refusal };

/** The transitions there are, and whether each needs a reason. */
export const TRANSITIONS: readonly { from: IncidentState; to: IncidentState; needsReason: boolean }[] = [
  { from: 'open', to: 'contained', needsReason: false },
  { from: 'contained', to: 'open', needsReason: true },
  { from: 'contained', to: 'closed', needsReason: false },
  { from: 'closed', to: 'open', needsReason: true },
];

export const transitionFrom = (from: IncidentState, to: IncidentState) => TRANSITIONS.find((t) => t.from === from && t.to === to);

/** The states an incident in `from` may go to next (the console's buttons). */
export const nextStates = (from: IncidentState): IncidentState[] => TRANSITIONS.filter((t) => t.from === from).map((t) => t.to);

/** The report's parts that stop it from closing an incident, empty when complete. */
export function missingReportParts(report: Report): (keyof Report)[] {
  return REQUIRED_REPORT_FIELDS.filter((f) => report[f].trim() === '');
}

/** The required checklist items still open (closing waits for them). */
export const unresolvedRequired = (checklist: readonly ChecklistFacts[]) => checklist.filter((i) => i.required && i.status === 'open');

const conflictOf = (detail: string): Decision => ({ ok: false, refusal: { kind: 'conflict', detail } });
const invalid = (detail: string, path: string): Decision => ({ ok: false, refusal: { kind: 'validation', detail, path } });

/** Whether `command` may happen to an incident with these facts, and the facts after it. */
export function decide(facts: IncidentFacts, command: Command): Decision {
  if (command.type === 'transition') return decideTransition(facts, command.to, command.reason);
  if (facts.state === 'closed') return conflictOf('The incident is closed; reopen it (with a reason) to change it');
  switch (command.type) {
    case 'edit':
      return { ok: true, facts };
    case 'edit-report':
      return { ok: true, facts: { ...facts, report: { ...facts.report, ...definedOnly(command.report) } } };
    case 'add-item':
      if (facts.checklist.some((i) => i.id === command.id)) return conflictOf(`Checklist item ${command.id} exists`);
      return { ok: true, facts: { ...facts, checklist: [...facts.checklist, { id: command.id, required: command.required, status: 'open' }] } };
    case 'set-item': {
      const found = facts.checklist.find((i) => i.id === command.itemId);
      if (!found) return conflictOf(`Checklist item ${command.itemId} is not on this incident's checklist`);
      return { ok: true, facts: { ...facts, checklist: facts.checklist.map((i) => (i.id === command.itemId ? { ...i, status: command.status } : i)) } };
    }
  }
}

function decideTransition(facts: IncidentFacts, to: IncidentState, reason: string | null): Decision {
  const rule = transitionFrom(facts.state, to);
  if (!rule) {
    const allowed = nextStates(facts.state);
    return conflictOf(`An incident that is ${facts.state} cannot become ${to}; it may become ${allowed.join(' or ')}`);
  }
  if (rule.needsReason && !(reason ?? '').trim()) return invalid(`Going from ${facts.state} back to ${to} needs a reason`, '/body/reason');
  if (to === 'closed') {
    const missing = missingReportParts(facts.report);
    if (missing.length) return conflictOf(`Closing needs a report: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} empty`);
    const open = unresolvedRequired(facts.checklist);
    if (open.length) return conflictOf(`Closing needs every required checklist item done or marked not applicable; still open: ${open.map((i) => i.id).join(', ')}`);
    return { ok: true, facts: { ...facts, state: 'closed', reportFrozen: true } };
  }
  // Leaving closed thaws the report: the reopened incident's report is edited again and refrozen at the next close.
  return { ok: true, facts: { ...facts, state: to, reportFrozen: false } };
}

function definedOnly(patch: Partial<Report>): Partial<Report> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<Report>;
}

/** Incident levels compared: whether `a` is more severe than `b` (I is the most severe). */
export const moreSevere = (a: SeverityLevel, b: SeverityLevel) => a < b;

/**
 * The level a new incident is proposed at from the alarms it is raised from: a critical alarm
 * proposes III (较大), anything less IV (一般). Levels I and II are declared by government
 * (they follow casualties and off-site consequences), never inferred from a sensor.
 */
export function proposedSeverity(alarmSeverities: readonly string[]): SeverityLevel {
  return alarmSeverities.includes('critical') ? 3 : 4;
}
