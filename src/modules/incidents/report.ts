/**
 * The closing report: generated as a draft from what the incident's record already says (the
 * timeline's actions, the checklist, the alarms it came from), so that the person closing it
 * edits rather than remembers; and rendered as printable Markdown. The cause is never guessed:
 * the draft leaves it empty, and closing waits until someone has written it (model.ts).
 * Pure: times are formatted in the park's time zone, which the caller passes.
 */
import { SEVERITY_NAMES, type IncidentKind, type Report, type SeverityLevel } from './model.ts';
import type { ChecklistItem, Incident, TimelineEntry } from './schemas.ts';

export type ReportLang = 'zh-CN' | 'en';

const KIND_NAMES: Record<IncidentKind, { zh: string; en: string }> = {
  leak_release: { zh: '泄漏/有毒气体释放', en: 'Leak or toxic release' },
  fire_explosion: { zh: '火灾/爆炸', en: 'Fire or explosion' },
  emission_exceedance: { zh: '废气排放超标', en: 'Emission exceedance' },
  wastewater_overload: { zh: '污水处理厂超负荷', en: 'Wastewater treatment overload' },
  utility_failure: { zh: '停电/公用工程故障', en: 'Power or utility failure' },
  other: { zh: '其他突发事件', en: 'Other incident' },
};

const WORDS = {
  'zh-CN': {
    level: (s: SeverityLevel) => `${SEVERITY_NAMES[s].roman}级（${SEVERITY_NAMES[s].zh}）`,
    opened: '发生/接报', contained: '得到控制', closed: '关闭', affected: '受影响企业', units: '受影响装置', alarms: '关联报警',
    none: '无', kind: '类型', severity: '响应级别', state: '状态', location: '位置',
    summary: '概述', cause: '原因', actions: '处置措施', followUps: '后续措施', checklist: '处置清单', timeline: '时间线',
    done: '已完成', na: '不适用', open: '未完成', corrected: '（已更正）', by: '由', title: '事件报告', draftNote: '草稿', frozenNote: '定稿',
    sep: '；', stop: '。', colon: '：',
  },
  en: {
    level: (s: SeverityLevel) => `Level ${SEVERITY_NAMES[s].roman} (${SEVERITY_NAMES[s].en}, ${SEVERITY_NAMES[s].zh})`,
    opened: 'Opened', contained: 'Contained', closed: 'Closed', affected: 'Affected enterprises', units: 'Affected units', alarms: 'Linked alarms',
    none: 'none', kind: 'Kind', severity: 'Response level', state: 'State', location: 'Location',
    summary: 'Summary', cause: 'Cause', actions: 'Actions taken', followUps: 'Follow-ups', checklist: 'Checklist', timeline: 'Timeline',
    done: 'done', na: 'not applicable', open: 'open', corrected: ' (corrected)', by: 'by', title: 'Incident report', draftNote: 'draft', frozenNote: 'final',
    sep: '; ', stop: '.', colon: ': ',
  },
} as const;

export const kindName = (kind: IncidentKind, lang: ReportLang) => (lang === 'en' ? KIND_NAMES[kind].en : KIND_NAMES[kind].zh);

/** `YYYY-MM-DD HH:mm` in the park's time zone. */
export function formatTime(ms: number, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(ms))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/**
 * Each posted entry as it finally reads: an entry corrected by later ones takes the last
 * correction's text (the correction entries themselves are folded into it).
 */
export function currentEntries(timeline: readonly TimelineEntry[]): { entry: TimelineEntry; text: string; corrected: boolean }[] {
  const latest = new Map<number, string>();
  const root = new Map<number, number>();
  for (const e of timeline) {
    if (e.corrects === null) continue;
    const target = root.get(e.corrects) ?? e.corrects;
    root.set(e.id, target);
    latest.set(target, e.text);
  }
  return timeline
    .filter((e) => e.corrects === null)
    .map((e) => ({ entry: e, text: latest.get(e.id) ?? e.text, corrected: latest.has(e.id) }));
}

const itemText = (i: ChecklistItem, lang: ReportLang) => (lang === 'en' && i.textEn ? i.textEn : i.text);

type DraftInput = Pick<Incident, 'kind' | 'severity' | 'title' | 'description' | 'openedAt' | 'containedAt' | 'enterprises' | 'units' | 'alarms' | 'timeline' | 'checklist'>;

/** The report as the record tells it; `cause` is left for a person to write. */
export function draftReport(i: DraftInput, lang: ReportLang, timeZone: string): Report {
  const w = WORDS[lang];
  const name = (x: { name: string; nameEn: string | null }) => (lang === 'en' && x.nameEn ? x.nameEn : x.name);
  const facts = [
    `${i.title}${w.stop}`,
    `${w.kind}${w.colon}${kindName(i.kind, lang)}${w.sep}${w.severity}${w.colon}${w.level(i.severity as SeverityLevel)}${w.stop}`,
    `${w.opened}${w.colon}${formatTime(i.openedAt, timeZone)}${i.containedAt !== null ? `${w.sep}${w.contained}${w.colon}${formatTime(i.containedAt, timeZone)}` : ''}${w.stop}`,
    `${w.affected}${w.colon}${i.enterprises.map(name).join(lang === 'en' ? ', ' : '、') || w.none}${w.stop}`,
  ];
  if (i.units.length) facts.push(`${w.units}${w.colon}${i.units.map(name).join(lang === 'en' ? ', ' : '、')}${w.stop}`);
  if (i.alarms.length) facts.push(`${w.alarms}${w.colon}${i.alarms.map((a) => (a.raisedAt === null ? a.message : `${a.message} (${formatTime(a.raisedAt, timeZone)})`)).join(w.sep)}${w.stop}`);
  const summary = [facts.join(lang === 'en' ? ' ' : ''), i.description.trim()].filter(Boolean).join('\n\n');

  const actions: string[] = [];
  for (const { entry, text, corrected } of currentEntries(i.timeline)) {
    if (entry.kind !== 'action') continue;
    actions.push(`- ${formatTime(entry.at, timeZone)} ${entry.actor}${w.colon}${text}${corrected ? w.corrected : ''}`);
  }
  for (const item of i.checklist) {
    if (item.status === 'open') continue;
    const when = item.statusAt !== null ? ` ${formatTime(item.statusAt, timeZone)}` : '';
    const state = item.status === 'done' ? w.done : w.na;
    actions.push(`- ${itemText(item, lang)}（${state}${item.statusBy ? `, ${w.by} ${item.statusBy}` : ''}${when}）${item.note ? `${w.colon}${item.note}` : ''}`);
  }
  const followUps = i.checklist.filter((x) => x.status === 'open').map((x) => `- ${itemText(x, lang)}`);
  return { summary, cause: '', actions: actions.join('\n'), followUps: followUps.join('\n') };
}

/** Markdown table cells hold one line and no pipes. */
const cell = (s: string) => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

/** The printable report: the record's facts, the report's four parts, the checklist and the timeline. */
export function renderMarkdown(i: Incident, lang: ReportLang, timeZone: string): string {
  const w = WORDS[lang];
  const name = (x: { name: string; nameEn: string | null }) => (lang === 'en' && x.nameEn ? x.nameEn : x.name);
  const status = i.report.status === 'frozen' ? w.frozenNote : w.draftNote;
  const out: string[] = [`# ${w.title}: ${cell(i.title)}`, '', `*#${i.id} · ${status}*`, '', '| | |', '|---|---|'];
  const row = (k: string, v: string) => out.push(`| ${k} | ${cell(v)} |`);
  row(w.kind, kindName(i.kind, lang));
  row(w.severity, w.level(i.severity as SeverityLevel));
  row(w.opened, `${formatTime(i.openedAt, timeZone)} (${i.openedBy})`);
  if (i.containedAt !== null) row(w.contained, formatTime(i.containedAt, timeZone));
  if (i.closedAt !== null) row(w.closed, formatTime(i.closedAt, timeZone));
  row(w.affected, i.enterprises.map(name).join(', ') || w.none);
  if (i.units.length) row(w.units, i.units.map(name).join(', '));
  if (i.lat !== null && i.lng !== null) row(w.location, `${i.lat.toFixed(5)}, ${i.lng.toFixed(5)}`);
  for (const [key, heading] of [['summary', w.summary], ['cause', w.cause], ['actions', w.actions], ['followUps', w.followUps]] as const) {
    out.push('', `## ${heading}`, '', i.report[key].trim() || `*${w.none}*`);
  }
  out.push('', `## ${w.checklist}`, '');
  for (const item of i.checklist) {
    const mark = item.status === 'done' ? '[x]' : item.status === 'not_applicable' ? '[-]' : '[ ]';
    const who = item.statusBy && item.statusAt !== null ? ` — ${item.statusBy}, ${formatTime(item.statusAt, timeZone)}` : '';
    out.push(`- ${mark} ${cell(itemText(item, lang))}${who}${item.note ? ` (${cell(item.note)})` : ''}`);
  }
  if (i.alarms.length) {
    out.push('', `## ${w.alarms}`, '');
    for (const a of i.alarms) out.push(`- #${a.alarmId} ${a.raisedAt === null ? '' : formatTime(a.raisedAt, timeZone)} [${a.severity}/${a.category}] ${cell(a.message)}`);
  }
  out.push('', `## ${w.timeline}`, '');
  for (const e of i.timeline) {
    const corr = e.corrects !== null ? ` ↳ #${e.corrects}` : '';
    out.push(`- ${formatTime(e.at, timeZone)} · ${cell(e.actor)} · ${e.kind}${corr}: ${cell(e.text)}`);
  }
  if (i.report.frozenAt !== null) out.push('', `*${w.frozenNote}: ${formatTime(i.report.frozenAt, timeZone)} ${i.report.frozenBy ?? ''}*`);
  return out.join('\n') + '\n';
}
