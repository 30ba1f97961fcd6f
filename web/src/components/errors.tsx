/** Showing API errors: a toast for actions, an alert in forms, field errors on their fields. */
import { useCallback } from 'react';
import { Alert, App, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError, fieldErrors } from '../api/client';

/**
 * The text of an error. The API's details are in English; in Chinese the translated kind of
 * problem comes first so that the message is understood at a glance.
 */
export function errorText(err: unknown, t: (k: string, o?: Record<string, unknown>) => string, lang = 'en'): string {
  if (err instanceof ApiError) {
    if (err.status === 0) return t('error.network');
    const kind = t(`error.${err.type}`, { defaultValue: '' });
    if (!err.detail) return kind || err.message;
    return lang !== 'en' && kind ? `${kind}：${err.detail}` : err.detail;
  }
  return err instanceof Error ? err.message : String(err);
}

/** A toast with the problem's detail, for actions outside forms (delete, disable, …). */
export function useNotifyError() {
  const { message } = App.useApp();
  const { t, i18n } = useTranslation();
  return useCallback((err: unknown) => void message.error({ content: errorText(err, t, i18n.language), duration: 6 }), [message, t, i18n.language]);
}

/**
 * Puts a validation problem's field errors on the form's fields. Returns the messages that
 * belong to no field of the form (to be shown in an alert).
 */
export function applyFieldErrors(form: FormInstance, err: unknown, known: readonly string[]): string[] {
  const byField = fieldErrors(err);
  const rest: string[] = [];
  const fields: { name: string; errors: string[] }[] = [];
  for (const [field, messages] of byField) {
    if (field && known.includes(field)) fields.push({ name: field, errors: messages });
    else rest.push(...messages.map((m) => (field ? `${field}: ${m}` : m)));
  }
  if (fields.length) form.setFields(fields);
  return rest;
}

export function ErrorAlert({ error, extra, testId = 'error-alert' }: { error: unknown; extra?: string[]; testId?: string }) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      data-testid={testId}
      title={errorText(error, t, i18n.language)}
      description={extra && extra.length ? <ul style={{ margin: 0, paddingLeft: 18 }}>{extra.map((m) => <li key={m}>{m}</li>)}</ul> : undefined}
      style={{ marginBottom: 16 }}
    />
  );
}
