/** Providers and routes of the console. */
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api/client';
import { SessionProvider, useSession } from './auth/session';
import AppLayout from './components/AppLayout';
import AccountPage from './pages/Account';
import AlarmRulesPage from './pages/AlarmRules';
import AlarmsPage from './pages/Alarms';
import AlarmWebhooksPage from './pages/AlarmWebhooks';
import IncidentDetailPage from './pages/IncidentDetail';
import IncidentsPage from './pages/Incidents';
import AuditPage from './pages/Audit';
import DeviceDetailPage from './pages/DeviceDetail';
import DevicesPage from './pages/Devices';
import EnterpriseDetailPage from './pages/EnterpriseDetail';
import EnterprisesPage from './pages/Enterprises';
import ExchangeDealsPage from './pages/ExchangeDeals';
import ExchangeMarketPage from './pages/ExchangeMarket';
import ExchangeMatchesPage from './pages/ExchangeMatches';
import ExchangeSettingsPage from './pages/ExchangeSettings';
import FlowBalancesPage from './pages/FlowBalances';
import FlowLedgerPage from './pages/FlowLedger';
import FlowMeterLinksPage from './pages/FlowMeterLinks';
import FlowNodesPage from './pages/FlowNodes';
import FlowSharesPage from './pages/FlowShares';
import FlowsPage from './pages/Flows';
import IdentifierDetailPage from './pages/IdentifierDetail';
import KpiInputsPage from './pages/KpiInputs';
import KpiReportsPage from './pages/KpiReports';
import KpisPage from './pages/Kpis';
import KpiSettingsPage from './pages/KpiSettings';
import KpiTargetsPage from './pages/KpiTargets';
import IdentifierLabelPage from './pages/IdentifierLabel';
import IdentifierLookupPage from './pages/IdentifierLookup';
import IdentifiersPage from './pages/Identifiers';
import LoginPage from './pages/Login';
import ManifestDetailPage from './pages/ManifestDetail';
import ManifestSettingsPage from './pages/ManifestSettings';
import ManifestsPage from './pages/Manifests';
import ManifestsWatchPage from './pages/ManifestsWatch';
import MaterialsPage from './pages/Materials';
import NotFoundPage from './pages/NotFound';
import OverviewPage from './pages/Overview';
import ParkPage from './pages/Park';
import RecallPage from './pages/Recall';
import SitesPage from './pages/Sites';
import TagDetailPage from './pages/TagDetail';
import TagsPage from './pages/Tags';
import TracePage from './pages/Trace';
import TraceSharesPage from './pages/TraceShares';
import UnitsPage from './pages/Units';
import UsersPage from './pages/Users';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx will not change by asking again.
      retry: (count, err) => !(err instanceof ApiError && err.status >= 400 && err.status < 500) && count < 2,
      refetchOnWindowFocus: false,
      staleTime: 5_000,
    },
  },
});

function RequireAuth() {
  const { user } = useSession();
  const location = useLocation();
  if (user === undefined) return <Spin size="large" style={{ display: 'block', marginTop: '30vh' }} />;
  if (user === null) {
    const next = location.pathname + location.search;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return <AppLayout />;
}

function Localized() {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN} theme={{ token: { colorPrimary: '#1677ff', borderRadius: 6 } }}>
      <AntApp>
        <SessionProvider>
          <Routes>
            <Route path="/login" element={<LoginPage />} />
            <Route element={<RequireAuth />}>
              <Route index element={<OverviewPage />} />
              <Route path="park" element={<ParkPage />} />
              <Route path="enterprises" element={<EnterprisesPage />} />
              <Route path="enterprises/:id" element={<EnterpriseDetailPage />} />
              <Route path="sites" element={<SitesPage />} />
              <Route path="units" element={<UnitsPage />} />
              <Route path="devices" element={<DevicesPage />} />
              <Route path="devices/:id" element={<DeviceDetailPage />} />
              <Route path="tags" element={<TagsPage />} />
              <Route path="tags/:id" element={<TagDetailPage />} />
              <Route path="materials" element={<MaterialsPage />} />
              <Route path="identifiers" element={<IdentifiersPage />} />
              <Route path="identifiers/:id" element={<IdentifierDetailPage />} />
              <Route path="identifiers/lookup" element={<IdentifierLookupPage />} />
              <Route path="identifiers/:id/label" element={<IdentifierLabelPage />} />
              <Route path="identifiers/:id/recall" element={<RecallPage />} />
              <Route path="trace" element={<TracePage />} />
              <Route path="recall" element={<RecallPage />} />
              <Route path="trace-shares" element={<TraceSharesPage />} />
              <Route path="alarms" element={<AlarmsPage />} />
              <Route path="alarm-rules" element={<AlarmRulesPage />} />
              <Route path="alarm-webhooks" element={<AlarmWebhooksPage />} />
              <Route path="incidents" element={<IncidentsPage />} />
              <Route path="incidents/:id" element={<IncidentDetailPage />} />
              <Route path="flows" element={<FlowsPage />} />
              <Route path="flows/balances" element={<FlowBalancesPage />} />
              <Route path="flows/ledger" element={<FlowLedgerPage />} />
              <Route path="flows/nodes" element={<FlowNodesPage />} />
              <Route path="flows/meter-links" element={<FlowMeterLinksPage />} />
              <Route path="flows/shares" element={<FlowSharesPage />} />
              <Route path="kpis" element={<KpisPage />} />
              <Route path="kpis/inputs" element={<KpiInputsPage />} />
              <Route path="kpis/targets" element={<KpiTargetsPage />} />
              <Route path="kpis/settings" element={<KpiSettingsPage />} />
              <Route path="kpis/reports" element={<KpiReportsPage />} />
              <Route path="exchange" element={<ExchangeMarketPage />} />
              <Route path="exchange/matches" element={<ExchangeMatchesPage />} />
              <Route path="exchange/deals" element={<ExchangeDealsPage />} />
              <Route path="exchange/settings" element={<ExchangeSettingsPage />} />
              <Route path="manifests" element={<ManifestsPage />} />
              <Route path="manifests/watch" element={<ManifestsWatchPage />} />
              <Route path="manifests/settings" element={<ManifestSettingsPage />} />
              <Route path="manifests/:id" element={<ManifestDetailPage />} />
              <Route path="users" element={<UsersPage />} />
              <Route path="account" element={<AccountPage />} />
              <Route path="audit" element={<AuditPage />} />
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Routes>
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}

export default function Root() {
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <Localized />
      </BrowserRouter>
    </QueryClientProvider>
  );
}
