/**
 * The console's text, per language: the shared file and one file per module area (alarms,
 * incidents, flows), each under its own top-level key so that areas are written apart and merged here.
 */
import en from './en.json';
import zhCN from './zh-CN.json';
import alarmsEn from './alarms.en.json';
import alarmsZh from './alarms.zh-CN.json';
import incidentsEn from './incidents.en.json';
import incidentsZh from './incidents.zh-CN.json';
import webhooksEn from './webhooks.en.json';
import webhooksZh from './webhooks.zh-CN.json';
import flowsEn from './flows.en.json';
import flowsZh from './flows.zh-CN.json';
import kpisEn from './kpis.en.json';
import kpisZh from './kpis.zh-CN.json';
import exchangeEn from './exchange.en.json';
import exchangeZh from './exchange.zh-CN.json';
import manifestsEn from './manifests.en.json';
import manifestsZh from './manifests.zh-CN.json';

export type Tree = { [k: string]: string | Tree };

export const TEXT: Record<'en' | 'zh-CN', Tree> = {
  en: { ...en, ...alarmsEn, ...incidentsEn, ...webhooksEn, ...flowsEn, ...kpisEn, ...exchangeEn, ...manifestsEn },
  'zh-CN': { ...zhCN, ...alarmsZh, ...incidentsZh, ...webhooksZh, ...flowsZh, ...kpisZh, ...exchangeZh, ...manifestsZh },
};
