/** The park's own record: name, time zone, location, identifier prefix. Park administrators edit it. */
import { useState } from 'react';
import { App, Button, Card, Descriptions, Form, Input, Select } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useFormatTime } from '../api/hooks';
import { usePark, useUpdatePark } from '../api/registry';
import { useCan } from '../auth/session';
import FormDrawer from '../components/FormDrawer';
import QueryState from '../components/QueryState';
import { LocationFields } from './common';

const TIME_ZONES: string[] = (() => {
  try {
    return (Intl as unknown as { supportedValuesOf(k: string): string[] }).supportedValuesOf('timeZone');
  } catch {
    return ['Asia/Shanghai', 'UTC'];
  }
})();

export default function ParkPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const fmt = useFormatTime();
  const [editing, setEditing] = useState(false);
  const query = usePark();
  const update = useUpdatePark();
  const can = useCan();
  const editable = can('update', 'park');

  return (
    <Card
      title={t('menu.park')}
      data-testid="park-page"
      extra={
        editable && (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="park-edit">
            {t('action.edit')}
          </Button>
        )
      }
    >
      <QueryState query={query}>
        {(park) => (
          <>
            <Descriptions bordered column={{ xs: 1, md: 2 }} size="middle">
              <Descriptions.Item label={t('field.code')}>{park.code}</Descriptions.Item>
              <Descriptions.Item label={t('field.name')}>{park.name}</Descriptions.Item>
              <Descriptions.Item label={t('field.nameEn')}>{park.nameEn}</Descriptions.Item>
              <Descriptions.Item label={t('park.timezone')}>{park.timezone}</Descriptions.Item>
              <Descriptions.Item label={t('field.address')}>{park.address}</Descriptions.Item>
              <Descriptions.Item label={t('park.location')}>{park.lat !== null && park.lng !== null ? `${park.lat}, ${park.lng}` : ''}</Descriptions.Item>
              <Descriptions.Item label={t('park.identifierPrefix')}>{park.identifierPrefix}</Descriptions.Item>
              <Descriptions.Item label={t('field.updatedAt')}>{fmt(park.updatedAt)}</Descriptions.Item>
            </Descriptions>
            <FormDrawer
              open={editing}
              title={t('park.editTitle')}
              initial={park as unknown as Record<string, unknown>}
              onClose={() => setEditing(false)}
              onSubmit={async (body) => {
                await update.mutateAsync(body);
                message.success(t('message.saved'));
              }}
            >
              {() => (
                <>
                  <Form.Item name="code" label={t('field.code')} rules={[{ required: true, message: t('validation.required') }, { pattern: /^[a-z0-9][a-z0-9-]{0,63}$/, message: t('validation.code') }]}>
                    <Input />
                  </Form.Item>
                  <Form.Item name="name" label={t('field.name')} rules={[{ required: true, message: t('validation.required') }]}>
                    <Input maxLength={200} />
                  </Form.Item>
                  <Form.Item name="nameEn" label={t('field.nameEn')}>
                    <Input maxLength={200} />
                  </Form.Item>
                  <Form.Item name="timezone" label={t('park.timezone')} rules={[{ required: true, message: t('validation.required') }]}>
                    <Select showSearch={{ optionFilterProp: 'label' }} options={TIME_ZONES.map((z) => ({ value: z, label: z }))} />
                  </Form.Item>
                  <LocationFields />
                  <Form.Item name="identifierPrefix" label={t('park.identifierPrefix')} extra={t('park.identifierPrefixHelp')}>
                    <Input />
                  </Form.Item>
                </>
              )}
            </FormDrawer>
          </>
        )}
      </QueryState>
    </Card>
  );
}
