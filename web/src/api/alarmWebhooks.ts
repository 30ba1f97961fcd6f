/**
 * Alarm webhooks: the list, create (answering the secret once), edit, delete, a new secret, a test
 * ping, and each webhook's deliveries with the dead letters and their retry. Shapes follow
 * docs/alarm-webhooks.md; the vocabulary (severities, categories, transitions) is the backend's own.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Query } from './client';
import { invalidateAfterWrite } from './hooks';
import type { Page } from './types';
import { useSession } from '../auth/session';
import { allowedBy, type Ability } from '../auth/permissions';
import type { AlarmCategory, Severity } from '../../../src/modules/alarms/rule-model.ts';
export { WEBHOOK_TRANSITIONS, DEFAULT_TRANSITIONS } from '../../../src/modules/alarms/webhooks/matching.ts';
import type { WEBHOOK_TRANSITIONS } from '../../../src/modules/alarms/webhooks/matching.ts';

export type WebhookTransition = (typeof WEBHOOK_TRANSITIONS)[number];

const COLLECTION = 'alarm-webhooks';

export interface AlarmWebhook {
  id: number;
  /** null: a park webhook. */
  enterpriseId: number | null;
  url: string;
  description: string | null;
  enabled: boolean;
  minSeverity: Severity;
  categories: AlarmCategory[];
  transitions: WebhookTransition[];
  createdAt: number;
  updatedAt: number;
}

export type DeliveryStatus = 'pending' | 'delivered' | 'dead';

export interface WebhookDelivery {
  id: number;
  webhookId: number;
  event: string;
  alarmId: number | null;
  transitionId: number | null;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: number | null;
  lastAttemptAt: number | null;
  lastStatus: number | null;
  lastError: string | null;
  deliveredAt: number | null;
  createdAt: number;
}

export type WebhookBody = Partial<Omit<AlarmWebhook, 'id' | 'createdAt' | 'updatedAt'>>;

/** What the caller may do to alarm webhooks (the API's `alarm_webhook.*` abilities), for a row's owner. */
export function useWebhookCan() {
  const { abilities, user } = useSession();
  return (action: 'create' | 'update' | 'delete' | 'rotate' | 'retry' | 'test', owner?: number | null): boolean => {
    const a = abilities[`alarm_webhook.${action}`];
    const ability: Ability = a === 'any' || a === 'own' ? a : 'none';
    return allowedBy(ability, user?.enterpriseId ?? null, owner);
  };
}

export function useAlarmWebhooks(query: Query) {
  return useQuery({
    queryKey: [COLLECTION, 'list', query],
    queryFn: ({ signal }) => api.get<Page<AlarmWebhook>>(`/${COLLECTION}`, query, signal),
    placeholderData: (prev) => prev,
  });
}

export function useCreateWebhook() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: WebhookBody) => api.post<AlarmWebhook & { secret: string }>(`/${COLLECTION}`, body),
    onSuccess: () => invalidateAfterWrite(qc, COLLECTION),
  });
}

export function useUpdateWebhook() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: WebhookBody }) => api.patch<AlarmWebhook>(`/${COLLECTION}/${id}`, body),
    onSuccess: () => invalidateAfterWrite(qc, COLLECTION),
  });
}

export function useDeleteWebhook() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.del(`/${COLLECTION}/${id}`),
    onSuccess: () => invalidateAfterWrite(qc, COLLECTION),
  });
}

export function useRotateSecret() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.post<{ id: number; secret: string }>(`/${COLLECTION}/${id}/rotate-secret`),
    onSuccess: () => invalidateAfterWrite(qc, COLLECTION),
  });
}

/** Sends a signed ping now; answers the delivery it made. */
export function useTestWebhook() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.post<WebhookDelivery>(`/${COLLECTION}/${id}/test`),
    onSuccess: (d) => void qc.invalidateQueries({ queryKey: [COLLECTION, 'deliveries', d.webhookId] }),
  });
}

/** A webhook's deliveries, newest first; pending ones are polled so retries show as they happen. */
export function useDeliveries(webhookId: number, status: DeliveryStatus | undefined, page: { limit: number; offset: number }) {
  return useQuery({
    queryKey: [COLLECTION, 'deliveries', webhookId, status, page],
    queryFn: ({ signal }) => api.get<Page<WebhookDelivery>>(`/${COLLECTION}/${webhookId}/deliveries`, { status, ...page }, signal),
    placeholderData: (prev) => prev,
    refetchInterval: (q) => (q.state.data?.items.some((d) => d.status === 'pending') ? 3_000 : false),
  });
}

export function useRetryDelivery() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.post<WebhookDelivery>(`/${COLLECTION}/deliveries/${id}/retry`),
    onSuccess: (d) => {
      void qc.invalidateQueries({ queryKey: [COLLECTION, 'deliveries', d.webhookId] });
      void qc.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}
