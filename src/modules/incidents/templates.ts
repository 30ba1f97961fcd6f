/**
 * The checklists shipped for each kind of incident, in Chinese and English. They follow the order
 * in which a park's emergency plan (园区突发环境事件应急预案 / 生产安全事故应急预案) has things done:
 * protect people first, then stop the source, then report, then limit the consequences, then
 * prove it is over. `required` items must be done or marked not applicable before an incident can
 * be closed: they are the steps a regulator will ask about (the initial report above all).
 */
import type { IncidentKind } from './model.ts';

export interface TemplateItem {
  /** Stable within its template: checklist rows keep it, so a report can say which step it was. */
  key: string;
  text: string;
  textEn: string;
  required: boolean;
}

export interface ChecklistTemplate {
  kind: IncidentKind;
  name: string;
  nameEn: string;
  items: readonly TemplateItem[];
}

const item = (key: string, text: string, textEn: string, required = false): TemplateItem => ({ key, text, textEn, required });

// 突发环境事件信息报告办法: the initial report is due within hours; "within the required time" is
// what the checklist can say without pretending to know each event's classification.
const notifyBureaus = item(
  'notify-authority',
  '按规定时限向生态环境局、应急管理局初报（事件类型、时间、地点、影响范围、已采取措施）',
  'Initial report to the Ecology and Environment Bureau and the Emergency Management Bureau within the required time (what, when, where, extent, actions taken)',
  true,
);

export const CHECKLIST_TEMPLATES: readonly ChecklistTemplate[] = [
  {
    kind: 'leak_release',
    name: '泄漏/有毒气体释放（如氯气泄漏）',
    nameEn: 'Leak or toxic release (e.g. chlorine)',
    items: [
      item('alert-downwind', '向下风向企业和人员发出警报，通知关闭门窗和新风', 'Alert neighbours and people downwind; have them shut windows and fresh-air intakes', true),
      item('isolate-source', '切断泄漏源：关闭紧急切断阀，泄压或倒罐', 'Isolate the source: close the emergency shut-off valves, depressurise or transfer the inventory', true),
      item('evacuate', '按应急预案疏散无关人员，划定并把守警戒区', 'Evacuate per the emergency plan; set up and guard the cordon', true),
      notifyBureaus,
      item('ppe', '处置人员佩戴正压式空气呼吸器和防化服，两人一组进入', 'Responders in SCBA and chemical protective suits, entering in pairs'),
      item('water-curtain', '启动水幕、喷淋稀释吸收扩散气体', 'Start the water curtain and spray to knock down the gas'),
      item('absorb-neutralise', '碱液吸收或中和（氯气：事故氯吸收塔 NaOH 循环）', 'Absorb or neutralise (chlorine: run the emergency caustic scrubber)'),
      item('fence-line-monitoring', '厂界及下风向敏感点空气监测，记录浓度与时间', 'Air monitoring at the fence line and downwind receptors, with concentrations and times', true),
      item('runoff-containment', '收集消防和喷淋废水进事故应急池，关闭雨水排口', 'Collect spray and firefighting water in the emergency basin; close the stormwater outfalls', true),
      item('all-clear', '监测连续达标后解除警报并通知周边', 'Lift the alert once monitoring is consistently safe, and tell the neighbours', true),
    ],
  },
  {
    kind: 'fire_explosion',
    name: '火灾/爆炸',
    nameEn: 'Fire or explosion',
    items: [
      item('call-fire-brigade', '拨打 119 并通知园区消防站', 'Call 119 and the park fire station', true),
      item('evacuate-muster', '疏散并在集合点清点人数', 'Evacuate and account for everyone at the muster point', true),
      item('emergency-shutdown', '紧急停车，切断物料和能源', 'Emergency shutdown; cut off feed and energy', true),
      item('cool-adjacent', '冷却相邻储罐和设备，防止事故扩大', 'Cool adjacent tanks and equipment so the fire does not spread'),
      item('casualties', '伤员救治并送医（120）', 'Treat casualties and send them to hospital (120)'),
      notifyBureaus,
      item('firewater-containment', '消防废水导入事故应急池，关闭雨水排口', 'Divert firewater to the emergency basin; close the stormwater outfalls', true),
      item('air-monitoring', '下风向有毒有害气体及烟气监测', 'Monitor toxic gases and smoke downwind', true),
      item('secondary-hazards', '排查次生事故隐患（再次爆炸、泄漏、坍塌）', 'Check for secondary hazards (further explosions, releases, collapse)', true),
    ],
  },
  {
    kind: 'emission_exceedance',
    name: '废气排放超标',
    nameEn: 'Emission exceedance',
    items: [
      item('confirm-reading', '核实在线监测数据：排除仪表故障，必要时手工比对监测', 'Confirm the reading: rule out an analyser fault, take a manual comparison sample if needed', true),
      item('reduce-load', '降负荷或停运相关工序', 'Reduce load or stop the process concerned', true),
      item('check-abatement', '检查治理设施（脱硫、脱硝、除尘）运行和药剂', 'Check the abatement units (desulphurisation, denitrification, dust) and their reagents', true),
      item('notify-authority', '按排污许可证要求向生态环境局报告超标情况', 'Report the exceedance to the Ecology and Environment Bureau as the discharge permit requires', true),
      item('flag-data', '记录异常时段并在在线监测数据中标记', 'Record the abnormal period and flag it in the CEMS data'),
      item('fence-line-monitoring', '厂界及敏感点监测', 'Monitoring at the fence line and sensitive receptors'),
      item('root-cause', '原因分析与整改措施', 'Root-cause analysis and corrective actions', true),
    ],
  },
  {
    kind: 'wastewater_overload',
    name: '污水处理厂超负荷/来水超标',
    nameEn: 'Wastewater treatment plant overload',
    items: [
      item('divert-to-basin', '超量或超标来水切换至事故应急池', 'Divert the excess or off-spec inflow to the emergency basin', true),
      item('identify-source', '排查来水企业和超标因子（COD、氨氮、pH、毒性）', 'Find the discharging enterprise and the pollutant (COD, ammonia, pH, toxicity)', true),
      item('limit-discharge', '通知相关企业限排或停排', 'Tell the enterprises concerned to cut or stop their discharge', true),
      item('protect-biology', '保护生化系统：调整曝气、回流，投加营养或药剂', 'Protect the biological stage: adjust aeration and return sludge, dose nutrients or chemicals'),
      item('outfall-monitoring', '加密总排口监测', 'Sample the final outfall more often', true),
      notifyBureaus,
      item('restore-flow', '恢复正常进水，分批处理应急池存水', "Restore the normal inflow; treat the basin's contents in batches"),
    ],
  },
  {
    kind: 'utility_failure',
    name: '停电/公用工程故障',
    nameEn: 'Power or utility failure',
    items: [
      item('assess-scope', '确认停电、停汽、停水或停气范围及受影响装置', 'Establish which supplies failed (power, steam, water, gas) and which units are affected', true),
      item('safe-state', '受影响装置转入安全状态（紧急停车或保压）', 'Bring the affected units to a safe state (shutdown or hold)', true),
      item('backup-supply', '启动备用电源、应急发电机或备用汽源', 'Start the backup supplies (emergency generators, standby boilers)', true),
      item('flare-venting', '监控火炬和放空，防止超标排放', 'Watch flaring and venting so that emissions stay within limits'),
      item('notify-enterprises', '通知园区内受影响企业', "Notify the park's affected enterprises", true),
      item('restoration-order', '商定分批恢复供应的顺序', 'Agree the order in which supplies are restored'),
      item('restart-checks', '开车前安全检查', 'Safety checks before restart', true),
    ],
  },
  {
    kind: 'other',
    name: '其他突发事件',
    nameEn: 'Other incident',
    items: [
      item('assess', '现场核实并评估风险', 'Verify on site and assess the risk', true),
      item('notify-enterprises', '通知受影响企业', 'Notify the affected enterprises', true),
      item('response', '确定并落实处置措施', 'Agree and carry out the response'),
      item('notify-authority', '视情况向主管部门报告', 'Report to the authorities where required'),
    ],
  },
];

export function templateOf(kind: IncidentKind): ChecklistTemplate {
  const t = CHECKLIST_TEMPLATES.find((x) => x.kind === kind);
  // Every kind has a template (templates.test in model.test.ts); a missing one is a programming error.
  if (!t) throw new Error(`no checklist template for incident kind ${kind}`);
  return t;
}
