/** The manifests' text names every value of the vocabulary the pages look up by key, in both languages. */
import { describe, expect, it } from 'vitest';
import { TEXT, type Tree } from '../../i18n/resources';
import {
  DISCREPANCY_STATES, HAZARD_CHARACTERISTICS, LICENCE_PROBLEMS, MANIFEST_ACTIONS, MANIFEST_KINDS, MANIFEST_PARTIES, MANIFEST_STATES, PACKAGINGS, PHYSICAL_FORMS, REJECTION_ROUTES,
} from '../../api/manifestShapes';
import { CORRECTABLE, RECEIPT_DECISIONS, workflowSteps } from './workflow';

const at = (tree: Tree, key: string): unknown => key.split('.').reduce<unknown>((t, k) => (t && typeof t === 'object' ? (t as Tree)[k] : undefined), tree);

describe('the manifests’ text', () => {
  const steps = workflowSteps([...MANIFEST_ACTIONS]);
  const keys = [
    ...MANIFEST_STATES.map((v) => `manifests.state.${v}`),
    ...MANIFEST_KINDS.map((v) => `manifests.kind.${v}`),
    ...MANIFEST_PARTIES.map((v) => `manifests.party.${v}`),
    ...PHYSICAL_FORMS.map((v) => `manifests.form.${v}`),
    ...PACKAGINGS.map((v) => `manifests.packaging.${v}`),
    ...HAZARD_CHARACTERISTICS.map((v) => `manifests.hazard.${v}`),
    ...MANIFEST_ACTIONS.map((v) => `manifests.actionDone.${v}`),
    ...DISCREPANCY_STATES.map((v) => `manifests.discrepancyState.${v}`),
    ...LICENCE_PROBLEMS.map((v) => `manifests.licenceProblem.${v}`),
    ...REJECTION_ROUTES.flatMap((v) => [`manifests.rejection.${v}`, `manifests.rejectionRoute.${v}`]),
    ...RECEIPT_DECISIONS.map((v) => `manifests.decision.${v}`),
    ...steps.flatMap((s) => [`manifests.step.button.${s}`, `manifests.step.title.${s}`, `manifests.step.ok.${s}`]),
    ...[...CORRECTABLE.generator, ...CORRECTABLE.receiver].map((f) => `manifests.correct.field.${f}`),
    ...['not_picked_up', 'not_delivered'].map((r) => `manifests.overdue.${r}`),
    ...['asking', 'unavailable'].map((s) => `manifests.step.position.${s}`),
  ];

  it('has every step of the workflow', () => {
    expect(steps).toEqual(['sign', 'hand_over', 'take_over', 'receive', 'process', 'resolve_discrepancy', 'close', 'correct', 'cancel']);
  });

  for (const lang of ['en', 'zh-CN'] as const) {
    it(`names every state, action, party and code in ${lang}`, () => {
      expect(keys.filter((k) => typeof at(TEXT[lang], k) !== 'string')).toEqual([]);
    });
  }
});
