/** Pieces the registry pages share: name and parent columns, filter selects, common form items. */
import { Form, Input, InputNumber, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useAll, useFormatTime, useNameOf } from '../api/hooks';
import { isParkRole, type Device, type Enterprise, type Site, type Unit } from '../api/types';
import { useUser } from '../auth/session';
import { DeviceSelect, EnterpriseSelect, SiteSelect, UnitSelect } from '../components/fields';

export const required = (t: (k: string) => string) => ({ required: true, message: t('validation.required') });

/** Whether the current user sees more than one enterprise (then enterprise columns and filters show). */
export function useSeesAllEnterprises(): boolean {
  const user = useUser();
  return isParkRole(user.role);
}

export function useLookups(which: { enterprises?: boolean; sites?: boolean; units?: boolean; devices?: boolean }) {
  const enterprises = useAll<Enterprise>('enterprises', {}, !!which.enterprises);
  const sites = useAll<Site>('sites', {}, !!which.sites);
  const units = useAll<Unit>('units', {}, !!which.units);
  const devices = useAll<Device>('devices', {}, !!which.devices);
  return { enterprises: enterprises.byId, sites: sites.byId, units: units.byId, devices: devices.byId };
}

/**
 * A name in a table cell: at most maxWidth wide, wrapping onto more lines rather than being cut,
 * so that a long name (an enterprise's full legal name in English) stays readable whole without
 * widening the table past the fixed Actions column. The full name is in its tooltip as well.
 */
const wrap = (maxWidth: number) => ({ display: 'inline-block', maxWidth, whiteSpace: 'normal', overflowWrap: 'break-word', verticalAlign: 'middle' }) as const;

/** Default widths of names in tables: a record's own name, and a parent's (enterprise, site …). */
export const NAME_WIDTH = 220;
export const PARENT_WIDTH = 180;

/** A record's name in the current language, wrapped within maxWidth (0: never wrapped), the full name in its tooltip. */
export function NameCell({ row, maxWidth = NAME_WIDTH }: { row: { name: string; nameEn: string | null }; maxWidth?: number }) {
  const nameOf = useNameOf();
  const name = nameOf(row);
  if (!maxWidth) return <>{name}</>;
  return (
    <span title={name} style={wrap(maxWidth)} data-testid="name-cell">
      {name}
    </span>
  );
}

/** A link to a parent record by its name, wrapped within maxWidth in a table (the full name in its tooltip). */
export function LinkedName({ to, row, missing, maxWidth = PARENT_WIDTH }: { to: string; row: { name: string; nameEn: string | null } | undefined; missing?: number | null; maxWidth?: number }) {
  const nameOf = useNameOf();
  if (!row) return missing ? <Typography.Text type="secondary">#{missing}</Typography.Text> : null;
  const name = nameOf(row);
  return (
    <Link to={to} onClick={(e) => e.stopPropagation()} title={name} style={wrap(maxWidth)} data-testid="linked-name">
      {name}
    </Link>
  );
}

/** A column title that wraps within maxWidth (a long title over short values, e.g. 一般固废代码 (SW)). */
export function WrapTitle({ children, maxWidth = 90 }: { children: string; maxWidth?: number }) {
  return <span style={wrap(maxWidth)}>{children}</span>;
}

export function TimeCell({ ms }: { ms: number | null | undefined }) {
  const fmt = useFormatTime();
  return <span style={{ whiteSpace: 'nowrap' }}>{fmt(ms)}</span>;
}

export function NameFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="name" label={t('field.name')} rules={[required(t), { max: 200 }]}>
        <Input maxLength={200} data-testid="field-name" />
      </Form.Item>
      <Form.Item name="nameEn" label={t('field.nameEn')} rules={[{ max: 200 }]}>
        <Input maxLength={200} data-testid="field-nameEn" />
      </Form.Item>
    </>
  );
}

/** Where a place is: its address and coordinates (the park, a site). */
export function LocationFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="address" label={t('field.address')}>
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item name="lat" label={t('field.lat')}>
        <InputNumber min={-90} max={90} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="lng" label={t('field.lng')}>
        <InputNumber min={-180} max={180} style={{ width: '100%' }} />
      </Form.Item>
    </>
  );
}

type SetFilter = (name: string, value: unknown) => void;
type Filters = Record<string, unknown>;

/** Enterprise → site → unit / device filter selects; a parent's change clears its children. */
export function ParentFilters({
  filters, setFilter, levels, fixed,
}: { filters: Filters; setFilter: SetFilter; levels: ('enterprise' | 'site' | 'unit' | 'device')[]; fixed?: Filters }) {
  const { t } = useTranslation();
  const all = useSeesAllEnterprises();
  const enterpriseId = (fixed?.enterpriseId ?? filters.enterpriseId) as number | undefined;
  const siteId = filters.siteId as number | undefined;
  const show = (l: 'enterprise' | 'site' | 'unit' | 'device') => levels.includes(l);
  return (
    <>
      {show('enterprise') && all && fixed?.enterpriseId === undefined && (
        <EnterpriseSelect
          placeholder={t('filter.enterprise')}
          value={filters.enterpriseId as number | undefined}
          onChange={(v) => {
            setFilter('enterpriseId', v);
            setFilter('siteId', undefined);
            setFilter('unitId', undefined);
            setFilter('deviceId', undefined);
          }}
          style={{ width: 220 }}
          data-testid="filter-enterprise"
        />
      )}
      {show('site') && (
        <SiteSelect
          placeholder={t('filter.site')}
          filter={{ enterpriseId }}
          value={siteId}
          onChange={(v) => {
            setFilter('siteId', v);
            setFilter('unitId', undefined);
          }}
          style={{ width: 220 }}
          data-testid="filter-site"
        />
      )}
      {show('unit') && (
        <UnitSelect
          placeholder={t('filter.unit')}
          filter={{ enterpriseId, siteId }}
          value={filters.unitId as number | undefined}
          onChange={(v) => setFilter('unitId', v)}
          style={{ width: 220 }}
          data-testid="filter-unit"
        />
      )}
      {show('device') && fixed?.deviceId === undefined && (
        <DeviceSelect
          placeholder={t('filter.device')}
          filter={{ enterpriseId }}
          value={filters.deviceId as number | undefined}
          onChange={(v) => setFilter('deviceId', v)}
          style={{ width: 240 }}
          data-testid="filter-device"
        />
      )}
    </>
  );
}

/**
 * The enterprise a new child record belongs to, as a helper field (`_enterpriseId`, never sent):
 * park administrators choose it to narrow the parent selects; enterprise users have their own.
 */
export function EnterpriseHelperField({ disabled, onChange }: { disabled?: boolean; onChange?: () => void }) {
  const { t } = useTranslation();
  const all = useSeesAllEnterprises();
  if (!all) return null;
  return (
    <Form.Item name="_enterpriseId" label={t('field.enterprise')}>
      <EnterpriseSelect disabled={disabled} onChange={onChange} data-testid="field-enterprise" />
    </Form.Item>
  );
}

