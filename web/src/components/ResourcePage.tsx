/**
 * A collection as a page: a toolbar (search, filters, create), a paged table, and a drawer form
 * for create and edit, with delete behind a confirmation. Write actions the current role may not
 * perform are not shown.
 */
import { useMemo, useState, type ReactNode } from 'react';
import { App, Button, Card, Input, Popconfirm, Space, Table, Tooltip, type ButtonProps, type FormInstance, type TableProps } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Query } from '../api/client';
import { useCreate, useDelete, useList, useUpdate } from '../api/hooks';
import type { Item } from '../api/types';
import type { Resource } from '../auth/permissions';
import { useCan } from '../auth/session';
import { ErrorAlert, useNotifyError } from './errors';
import FormDrawer from './FormDrawer';

type Values = Record<string, unknown>;

export interface FormSpec<T> {
  render(form: FormInstance, editing: T | null): ReactNode;
  /** Form values of a record (default: the record itself). */
  toValues?(row: T): Values;
  /** Starting values of a new record. */
  defaults?: Values;
  width?: number;
  /** The request body from the body FormDrawer builds and the form's values (default: that body). */
  toBody?(body: Values, values: Values, editing: T | null): Values;
}

export interface ResourcePageProps<T extends Item> {
  collection: string;
  resource: Resource;
  testId: string;
  title?: ReactNode;
  columns: ColumnsType<T>;
  /** Query parameters that are always sent (e.g. the enterprise of a detail page's tab). */
  fixed?: Query;
  /** Filter controls; `filters` holds their values, sent as query parameters. */
  toolbar?(filters: Query, setFilter: (name: string, value: unknown) => void): ReactNode;
  form?: FormSpec<T>;
  /** Sort by code and name from the column headers. */
  sortable?: boolean;
  /** More actions on a row, before edit and delete. */
  rowActions?(row: T): ReactNode;
  /** The extra write rule of a row (beyond the role's), e.g. only private materials. */
  rowWritable?(row: T): boolean;
  onRowClick?(row: T): void;
  expandable?: TableProps<T>['expandable'];
  extraTools?: ReactNode;
  /** The search box's placeholder (default: code or name). */
  searchPlaceholder?: string;
  /** The collection has no delete. */
  noDelete?: boolean;
  /** The collection has no text search. */
  noSearch?: boolean;
  /** Shown above the toolbar (an explanation of the page). */
  intro?: ReactNode;
  /**
   * The collection answers every visible row at once and takes no paging, search or sort
   * parameters (a directory of a few hundred rows): only the filters are sent, the table pages itself.
   */
  unpaged?: boolean;
  /** The record's name in the create drawer's title (default: entity.<resource>). */
  entityLabel?: string;
}

/**
 * A row's action as an icon button, its name in a tooltip and for screen readers: the fixed
 * Actions column stays narrow, so that at 1440 px it covers none of the data columns.
 */
export function RowAction({ label, ...rest }: { label: string; 'data-testid'?: string } & Omit<ButtonProps, 'children' | 'size' | 'type'>) {
  return (
    <Tooltip title={label}>
      <Button size="small" type="link" aria-label={label} {...rest} />
    </Tooltip>
  );
}

export default function ResourcePage<T extends Item>(p: ResourcePageProps<T>) {
  const { t } = useTranslation();
  const can = useCan();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const create = useCreate<T>(p.collection);
  const update = useUpdate<T>(p.collection);
  const del = useDelete(p.collection);
  const [filters, setFilters] = useState<Query>({});
  const [q, setQ] = useState('');
  const [page, setPage] = useState({ current: 1, pageSize: 20 });
  const [sort, setSort] = useState<{ sort?: string; order?: 'asc' | 'desc' }>({});
  const [editing, setEditing] = useState<T | null | undefined>(undefined);

  const query: Query = p.unpaged
    ? { ...filters, ...p.fixed }
    : { ...filters, ...p.fixed, q: q || undefined, limit: page.pageSize, offset: (page.current - 1) * page.pageSize, ...sort };
  const list = useList<T>(p.collection, query);

  const setFilter = (name: string, value: unknown) => {
    setFilters((f) => ({ ...f, [name]: value === undefined || value === null || value === '' ? undefined : (value as string | number | boolean) }));
    setPage((pg) => ({ ...pg, current: 1 }));
  };

  const fixedOwner = typeof p.fixed?.enterpriseId === 'number' ? { enterpriseId: p.fixed.enterpriseId } : undefined;
  const mayCreate = !!p.form && can('create', p.resource, fixedOwner);
  const writable = (row: T, action: 'update' | 'delete') => can(action, p.resource, row) && (p.rowWritable?.(row) ?? true);

  const remove = async (row: T) => {
    try {
      await del.mutateAsync(row.id);
      message.success(t('message.deleted'));
    } catch (err) {
      notifyError(err);
    }
  };

  const columns = useMemo<ColumnsType<T>>(() => {
    const cols = p.columns.map((c) => {
      const key = (c as { dataIndex?: string }).dataIndex;
      if (p.sortable && (key === 'code' || key === 'name')) return { ...c, sorter: true, sortOrder: sort.sort === key ? (sort.order === 'desc' ? 'descend' : 'ascend') : null } as typeof c;
      return c;
    });
    const hasRowActions = !!p.rowActions || (!!p.form && (can('update', p.resource) || (!p.noDelete && can('delete', p.resource))));
    if (!hasRowActions) return cols;
    return [
      ...cols,
      {
        key: '_actions',
        title: t('common.actions'),
        fixed: 'right' as const,
        width: 1,
        render: (_: unknown, row: T) => (
          <Space size={0} onClick={(e) => e.stopPropagation()} style={{ whiteSpace: 'nowrap' }}>
            {p.rowActions?.(row)}
            {p.form && writable(row, 'update') && <RowAction label={t('action.edit')} icon={<EditOutlined />} data-testid="row-edit" onClick={() => setEditing(row)} />}
            {!p.noDelete && writable(row, 'delete') && (
              <Popconfirm
                title={t('confirm.delete')}
                okText={t('action.delete')}
                cancelText={t('action.cancel')}
                okButtonProps={{ danger: true, ...({ 'data-testid': 'confirm-ok' } as object) }}
                onConfirm={() => remove(row)}
              >
                <RowAction label={t('action.delete')} danger icon={<DeleteOutlined />} data-testid="row-delete" />
              </Popconfirm>
            )}
          </Space>
        ),
      },
    ];
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [p.columns, p.form, p.rowActions, can, sort, t]);

  const onTableChange: TableProps<T>['onChange'] = (pagination, _f, sorter) => {
    setPage({ current: pagination.current ?? 1, pageSize: pagination.pageSize ?? 20 });
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const field = s?.order ? String(s.field ?? s.columnKey ?? '') : '';
    setSort(field ? { sort: field, order: s.order === 'descend' ? 'desc' : 'asc' } : {});
  };

  const save = async (formBody: Values, values: Values) => {
    const body = p.form?.toBody ? p.form.toBody(formBody, values, editing ?? null) : formBody;
    if (editing) await update.mutateAsync({ id: editing.id, body });
    else await create.mutateAsync(body);
    message.success(t('message.saved'));
  };

  const createButton = mayCreate && (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="create-button">
      {t('action.create')}
    </Button>
  );
  const body = (
    <>
      {p.intro}
      <div style={{ display: 'flex', gap: 8, alignItems: 'flex-start', marginBottom: 16 }}>
        <Space wrap style={{ flex: 1 }}>
          {!p.noSearch && (
            <Input.Search
              allowClear
              placeholder={p.searchPlaceholder ?? t('common.search')}
              onSearch={(v) => {
                setQ(v.trim());
                setPage((pg) => ({ ...pg, current: 1 }));
              }}
              style={{ width: 240 }}
              data-testid="search"
            />
          )}
          {p.toolbar?.(filters, setFilter)}
          {p.extraTools}
        </Space>
        {p.title === undefined && createButton}
      </div>
      <ErrorAlert error={list.error} testId="list-error" />
      <Table<T>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        onChange={onTableChange}
        scroll={{ x: 'max-content' }}
        expandable={p.expandable}
        onRow={p.onRowClick ? (row) => ({ onClick: () => p.onRowClick?.(row), style: { cursor: 'pointer' } }) : undefined}
        pagination={{
          current: page.current,
          pageSize: page.pageSize,
          total: p.unpaged ? list.data?.items.length : (list.data?.total ?? 0),
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { count: total }),
        }}
        data-testid={`${p.testId}-table`}
      />
      {p.form && (
        <FormDrawer
          open={editing !== undefined}
          title={editing ? t('action.editTitle', { name: (editing as unknown as { code?: string; key?: string; username?: string }).code ?? (editing as unknown as { key?: string }).key ?? (editing as unknown as { username?: string }).username ?? editing.id }) : t('action.createTitle', { entity: p.entityLabel ?? t(`entity.${p.resource}`) })}
          initial={editing ? (p.form.toValues?.(editing) ?? (editing as unknown as Values)) : null}
          defaults={{ ...p.form.defaults, ...(p.fixed ?? {}), ...(p.fixed?.enterpriseId !== undefined ? { _enterpriseId: p.fixed.enterpriseId } : {}) }}
          width={p.form.width}
          onClose={() => setEditing(undefined)}
          onSubmit={save}
        >
          {(form) => p.form!.render(form, editing ?? null)}
        </FormDrawer>
      )}
    </>
  );
  // With a title the list is a card of its own; without, it sits inside another (a detail page's tab).
  return p.title !== undefined ? (
    <Card title={p.title} data-testid={`${p.testId}-page`} extra={createButton}>
      {body}
    </Card>
  ) : (
    <div data-testid={`${p.testId}-page`}>{body}</div>
  );
}
