/**
 * Who may do what with alarms. Seeing an alarm is visibility.ts's business (the owner, the park by
 * default for emission and safety alarms, whoever the owner shares with). Rules are the owner's
 * configuration, kept by its administrators and operators (and the park administrator); acting on
 * an alarm — acknowledging, shelving, commenting — is for the people who run the plant that owns it
 * (and the park administrator), never for read-only roles, and never for a partner the owner only
 * shows its alarms to: its operators answer for the alarm.
 */
import { definePolicy, parkAdminOr } from '../../core/policy.ts';

const FIELD = parkAdminOr('enterprise_admin', 'enterprise_operator');

export const alarmRulePolicy = definePolicy('alarm_rule', 'alarm rules', { create: FIELD, update: FIELD, delete: FIELD });
export const alarmPolicy = definePolicy('alarm', 'alarms', { acknowledge: FIELD, shelve: FIELD, unshelve: FIELD, comment: FIELD });
export const alarmSharePolicy = definePolicy('alarm_share', 'alarm share rules', {
  create: parkAdminOr('enterprise_admin'),
  update: parkAdminOr('enterprise_admin'),
  delete: parkAdminOr('enterprise_admin'),
});

export const ALARM_POLICIES = [alarmRulePolicy, alarmPolicy, alarmSharePolicy];
