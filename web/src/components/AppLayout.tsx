/** The frame of every page after log-in: a side menu, a header with language and account. */
import { useState } from 'react';
import { Avatar, Badge, Button, Dropdown, Layout, Menu, Space, Typography, theme } from 'antd';
import type { MenuProps } from 'antd';
import {
  ApartmentOutlined, AuditOutlined, BankOutlined, ClusterOutlined, DashboardOutlined, DownOutlined,
  EnvironmentOutlined, ExperimentOutlined, QrcodeOutlined, LogoutOutlined, SettingOutlined, ShareAltOutlined, TagsOutlined, TeamOutlined,
  ThunderboltOutlined, UserOutlined,
  AlertOutlined, ApiOutlined, ControlOutlined, FireOutlined, BranchesOutlined, CalculatorOutlined, DatabaseOutlined, NodeIndexOutlined, PartitionOutlined, LinkOutlined,
} from '@ant-design/icons';
import { AimOutlined, FilePdfOutlined, FormOutlined, FundOutlined, LineChartOutlined } from '@ant-design/icons';
import { InteractionOutlined, ShopOutlined, SolutionOutlined, SyncOutlined } from '@ant-design/icons';
import { EyeOutlined, FileProtectOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useNameOf } from '../api/hooks';
import { useSession, useUser } from '../auth/session';
import LanguageSwitch from './LanguageSwitch';
import { useAlarmStream, useUnacknowledgedCount } from '../api/alarms';

const { Header, Sider, Content } = Layout;

export interface MenuEntry {
  key: string;
  path: string;
  icon: React.ReactNode;
}

export default function AppLayout() {
  const { t } = useTranslation();
  const user = useUser();
  const { park, logout, can } = useSession();
  const nameOf = useNameOf();
  const navigate = useNavigate();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  // A phone (a driver signing a manifest at the gate): the menu folds away entirely and the frame's margins shrink.
  const [narrow, setNarrow] = useState(false);
  const { token } = theme.useToken();
  // One alarm stream for the whole console: it keeps the lists and this badge current.
  useAlarmStream();
  const unacknowledged = useUnacknowledgedCount();

  const entries: (MenuEntry | false)[] = [
    { key: 'overview', path: '/', icon: <DashboardOutlined /> },
    { key: 'alarms', path: '/alarms', icon: <AlertOutlined /> },
    { key: 'alarmRules', path: '/alarm-rules', icon: <ControlOutlined /> },
    { key: 'incidents', path: '/incidents', icon: <FireOutlined /> },
    { key: 'park', path: '/park', icon: <BankOutlined /> },
    { key: 'enterprises', path: '/enterprises', icon: <ApartmentOutlined /> },
    { key: 'sites', path: '/sites', icon: <EnvironmentOutlined /> },
    { key: 'units', path: '/units', icon: <ClusterOutlined /> },
    { key: 'devices', path: '/devices', icon: <ThunderboltOutlined /> },
    { key: 'tags', path: '/tags', icon: <TagsOutlined /> },
    { key: 'materials', path: '/materials', icon: <ExperimentOutlined /> },
    { key: 'identifiers', path: '/identifiers', icon: <QrcodeOutlined /> },
    { key: 'traceShares', path: '/trace-shares', icon: <ShareAltOutlined /> },
    { key: 'alarmWebhooks', path: '/alarm-webhooks', icon: <ApiOutlined /> },
    // Users are listed to those who may manage some; everyone else sees only their own account.
    can('update', 'user') && { key: 'users', path: '/users', icon: <TeamOutlined /> },
    can('read', 'audit') && { key: 'audit', path: '/audit', icon: <AuditOutlined /> },
    { key: 'account', path: '/account', icon: <SettingOutlined /> },
  ];
  const items: NonNullable<MenuProps['items']> = entries
    .filter((e): e is MenuEntry => !!e)
    .map((e) => ({
      key: e.path,
      icon: e.icon,
      label:
        e.key === 'alarms' ? (
          <span>
            <span data-testid={`menu-${e.key}`}>{t(`menu.${e.key}`)}</span>
            <Badge count={unacknowledged} overflowCount={999} size="small" offset={[8, -2]} data-testid="alarms-badge" data-count={unacknowledged} />
          </span>
        ) : (
          <span data-testid={`menu-${e.key}`}>{t(`menu.${e.key}`)}</span>
        ),
    }));

  // The flow ledger's pages, one group after the incidents (their labels are the flows area's text).
  const flowPages: [string, string, React.ReactNode][] = [
    ['/flows', 'sankey', <NodeIndexOutlined key="i" />],
    ['/flows/balances', 'balances', <CalculatorOutlined key="i" />],
    ['/flows/ledger', 'ledger', <DatabaseOutlined key="i" />],
    ['/flows/nodes', 'nodes', <PartitionOutlined key="i" />],
    ['/flows/meter-links', 'meterLinks', <LinkOutlined key="i" />],
    ['/flows/shares', 'shares', <ShareAltOutlined key="i" />],
  ];
  const flowsGroup = {
    key: 'flows',
    icon: <BranchesOutlined />,
    label: <span data-testid="menu-flows">{t('flows.menu.group')}</span>,
    children: flowPages.map(([path, key, icon]) => ({ key: path, icon, label: <span data-testid={`menu-flows-${key}`}>{t(`flows.menu.${key}`)}</span> })),
  };
  const incidentsAt = items.findIndex((i) => i?.key === '/incidents') + 1;
  items.splice(incidentsAt, 0, flowsGroup);
  // The green KPIs' pages, one group after the flows (their labels are the KPI area's text).
  const kpiPages: [string, string, React.ReactNode][] = [
    ['/kpis', 'dashboard', <FundOutlined key="i" />],
    ['/kpis/inputs', 'inputs', <FormOutlined key="i" />],
    ['/kpis/targets', 'targets', <AimOutlined key="i" />],
    ['/kpis/settings', 'settings', <ControlOutlined key="i" />],
    ['/kpis/reports', 'reports', <FilePdfOutlined key="i" />],
  ];
  const kpisGroup = {
    key: 'kpis',
    icon: <LineChartOutlined />,
    label: <span data-testid="menu-kpis">{t('kpis.menu.group')}</span>,
    children: kpiPages.map(([path, key, icon]) => ({ key: path, icon, label: <span data-testid={`menu-kpis-${key}`}>{t(`kpis.menu.${key}`)}</span> })),
  };
  items.splice(incidentsAt + 1, 0, kpisGroup);
  // The symbiosis exchange's pages, one group after the KPIs (their labels are the exchange area's text).
  const exchangePages: [string, string, React.ReactNode][] = [
    ['/exchange', 'market', <ShopOutlined key="i" />],
    ['/exchange/matches', 'matches', <SyncOutlined key="i" />],
    ['/exchange/deals', 'deals', <SolutionOutlined key="i" />],
    ['/exchange/settings', 'settings', <ControlOutlined key="i" />],
  ];
  const exchangeGroup = {
    key: 'exchange',
    icon: <InteractionOutlined />,
    label: <span data-testid="menu-exchange">{t('exchange.menu.group')}</span>,
    children: exchangePages.map(([path, key, icon]) => ({ key: path, icon, label: <span data-testid={`menu-exchange-${key}`}>{t(`exchange.menu.${key}`)}</span> })),
  };
  items.splice(incidentsAt + 2, 0, exchangeGroup);
  // The hazardous-waste manifests' pages, one group after the exchange (their labels are the manifests area's text).
  const manifestPages: [string, string, React.ReactNode][] = [
    ['/manifests', 'list', <FileProtectOutlined key="i" />],
    ['/manifests/watch', 'watch', <EyeOutlined key="i" />],
    ['/manifests/settings', 'settings', <ControlOutlined key="i" />],
  ];
  const manifestsGroup = {
    key: 'manifests',
    icon: <SafetyCertificateOutlined />,
    label: <span data-testid="menu-manifests">{t('manifests.menu.group')}</span>,
    children: manifestPages.map(([path, key, icon]) => ({ key: path, icon, label: <span data-testid={`menu-manifests-${key}`}>{t(`manifests.menu.${key}`)}</span> })),
  };
  items.splice(incidentsAt + 3, 0, manifestsGroup);

  const first = '/' + (location.pathname.split('/')[1] ?? '');
  // Tracing any identifier and its recall belong with the identifiers; each flow page is its own entry.
  const selected = first === '/trace' || first === '/recall' ? '/identifiers' : first === '/flows' || first === '/kpis' || first === '/exchange' ? location.pathname.replace(/\/$/, '') : first === '/manifests' ? (/^\/manifests\/(watch|settings)/.test(location.pathname) ? location.pathname.replace(/\/$/, '') : '/manifests') : first;

  const userMenu: MenuProps['items'] = [
    { key: 'account', icon: <SettingOutlined />, label: <span data-testid="user-menu-account">{t('menu.account')}</span> },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, label: <span data-testid="logout">{t('action.logout')}</span> },
  ];

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} width={208} theme="dark" breakpoint="md" collapsedWidth={narrow ? 0 : 80} zeroWidthTriggerStyle={{ top: 12 }} onBreakpoint={(broken) => { setNarrow(broken); setCollapsed(broken); }} data-testid="sider">
        <div
          style={{ height: 56, display: 'flex', alignItems: 'center', gap: 8, padding: '0 20px', color: '#fff', fontWeight: 600, fontSize: 17, cursor: 'pointer', whiteSpace: 'nowrap', overflow: 'hidden' }}
          onClick={() => navigate('/')}
        >
          <img src="/favicon.svg" alt="" width={24} height={24} />
          {!collapsed && <span>Symbiont</span>}
        </div>
        <Menu theme="dark" mode="inline" selectedKeys={[selected]} defaultOpenKeys={first === '/flows' ? ['flows'] : first === '/kpis' ? ['kpis'] : first === '/exchange' ? ['exchange'] : first === '/manifests' ? ['manifests'] : undefined} items={items} onClick={(e) => navigate(e.key)} data-testid="side-menu" />
      </Sider>
      <Layout>
        <Header
          style={{
            background: token.colorBgContainer,
            // On a phone the menu's trigger sits in the header's left corner.
            padding: narrow ? '0 8px 0 48px' : '0 24px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
            height: 56,
          }}
        >
          <Typography.Text strong ellipsis style={{ fontSize: 16, minWidth: 0 }} data-testid="park-name">
            {park ? nameOf(park) : ''}
          </Typography.Text>
          <Space size="middle">
            <LanguageSwitch />
            <Dropdown
              trigger={['click']}
              menu={{
                items: userMenu,
                onClick: async ({ key }) => {
                  if (key === 'account') navigate('/account');
                  if (key === 'logout') {
                    await logout();
                    navigate('/login', { replace: true });
                  }
                },
              }}
            >
              <Button type="text" data-testid="user-menu">
                <Space size={6}>
                  <Avatar size="small" icon={<UserOutlined />} />
                  {!narrow && <span>{user.displayName}</span>}
                  {!narrow && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t(`enum.role.${user.role}`)}
                    </Typography.Text>
                  )}
                  <DownOutlined style={{ fontSize: 10 }} />
                </Space>
              </Button>
            </Dropdown>
          </Space>
        </Header>
        <Content style={{ padding: narrow ? 8 : 24, minWidth: 0 }}>
          <Outlet />
        </Content>
      </Layout>
    </Layout>
  );
}
