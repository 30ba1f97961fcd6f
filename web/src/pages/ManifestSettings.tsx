/**
 * The park's manifest settings (park administrator; everyone else reads them): the number format
 * and region code, the discrepancy tolerances and the pick-up and transit allowances after which a
 * manifest is overdue. The server's validation problems are shown on their fields.
 */
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormatTime } from '../api/hooks';
import { useManifestSettings, usePutManifestSettings, type ManifestSettingsIn } from '../api/manifests';
import { useSession } from '../auth/session';
import { applyFieldErrors, ErrorAlert } from '../components/errors';
import QueryState from '../components/QueryState';

const FIELDS = ['numberFormat', 'regionCode', 'discrepancyTolerancePct', 'containerTolerance', 'pickupAllowanceDays', 'transitAllowanceHours'] as const;

export default function ManifestSettingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const formatTime = useFormatTime();
  const { can } = useSession();
  const editable = can('update', 'manifest_settings');
  const settings = useManifestSettings();
  const put = usePutManifestSettings();
  const [form] = Form.useForm<ManifestSettingsIn>();
  const [rest, setRest] = useState<string[]>([]);
  const required = [{ required: true, message: t('validation.required') }];

  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);

  const save = async (v: ManifestSettingsIn) => {
    setRest([]);
    try {
      await put.mutateAsync({ ...v, regionCode: v.regionCode?.trim() ? v.regionCode.trim() : null });
      message.success(t('message.saved'));
    } catch (err) {
      setRest(applyFieldErrors(form, err, FIELDS));
    }
  };

  return (
    <Card title={t('manifests.title.settings')} data-testid="manifest-settings-page">
      <QueryState query={settings}>
        {(s) => (
          <Form<ManifestSettingsIn> form={form} layout="vertical" initialValues={s} onFinish={save} disabled={!editable} style={{ maxWidth: 880 }} data-testid="manifest-settings-form">
            {!editable && <Alert type="info" showIcon title={t('manifests.settings.readOnly')} style={{ marginBottom: 16 }} data-testid="manifest-settings-readonly" />}
            {put.error != null && <ErrorAlert error={put.error} extra={rest} testId="manifest-settings-error" />}
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item name="numberFormat" label={t('manifests.settings.numberFormat')} extra={t('manifests.settings.numberFormatHelp')} rules={required}>
                  <Input maxLength={64} data-testid="settings-number-format" />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="regionCode" label={t('manifests.settings.regionCode')} extra={t('manifests.settings.regionCodeHelp')} rules={[{ pattern: /^\d{6}$/, message: t('manifests.settings.regionCodeFormat') }]}>
                  <Input maxLength={6} data-testid="settings-region-code" />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="discrepancyTolerancePct" label={t('manifests.settings.tolerancePct')} extra={t('manifests.settings.tolerancePctHelp')} rules={required}>
                  <InputNumber min={0} max={100} suffix="%" style={{ width: '100%' }} data-testid="settings-tolerance" />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="containerTolerance" label={t('manifests.settings.containerTolerance')} extra={t('manifests.settings.containerToleranceHelp')} rules={required}>
                  <InputNumber min={0} precision={0} style={{ width: '100%' }} data-testid="settings-container-tolerance" />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="pickupAllowanceDays" label={t('manifests.settings.pickupDays')} extra={t('manifests.settings.pickupDaysHelp')} rules={required}>
                  <InputNumber min={0} precision={0} suffix={t('manifests.settings.days')} style={{ width: '100%' }} data-testid="settings-pickup-days" />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="transitAllowanceHours" label={t('manifests.settings.transitHours')} extra={t('manifests.settings.transitHoursHelp')} rules={required}>
                  <InputNumber min={1} precision={0} suffix={t('manifests.settings.hours')} style={{ width: '100%' }} data-testid="settings-transit-hours" />
                </Form.Item>
              </Col>
            </Row>
            {s.updatedAt !== null && (
              <Typography.Paragraph type="secondary">{t('manifests.settings.updated', { by: s.updatedBy ?? '–', at: formatTime(s.updatedAt) })}</Typography.Paragraph>
            )}
            {editable && (
              <Button type="primary" htmlType="submit" loading={put.isPending} data-testid="settings-save">
                {t('action.save')}
              </Button>
            )}
          </Form>
        )}
      </QueryState>
    </Card>
  );
}
