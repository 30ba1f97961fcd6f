/**
 * Identifiers: the API's shapes, the kinds, compact forms of GS1 Digital Link references, units of
 * EPCIS quantities, and the QR label (fetched with the session, inlined). Genealogy: api/trace.ts.
 */
import { useMemo } from 'react';
import { Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import type { Item } from '../api/types';
import { ErrorAlert } from './errors';
import QueryState from './QueryState';

export const IDENTIFIER_KINDS = ['lot', 'product', 'package', 'waste_batch', 'device', 'other'] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

export interface IdentifierValue {
  index: number;
  type: string;
  value: string;
  ttl: number;
  ts: number;
  publicRead: boolean;
}

export interface Identifier extends Item {
  handle: string;
  prefix: string;
  suffix: string;
  kind: IdentifierKind | string;
  enterpriseId: number;
  gtin: string | null;
  lot: string | null;
  serial: string | null;
  url: string;
  digitalLink: string | null;
  values: IdentifierValue[];
}

// Genealogy lives in api/trace.ts; these names are kept here for the pages that import them from here.
export { TRACE_DIRECTIONS, handlePath, type Trace, type TraceDirection, type TraceEdge, type TraceNode } from '../api/trace';

/** The kind of an identifier, translated, as a tag. */
export function KindTag({ kind }: { kind: string }) {
  const { t } = useTranslation();
  return <Tag color="geekblue">{t(`enum.identifierKind.${kind}`, { defaultValue: kind })}</Tag>;
}

const DIGITAL_LINK = /^https?:\/\/[^/]+\/01\/(\d{8,14})(?:\/(10|21)\/([^/?#]+))?/;

/**
 * A reference in short: a GS1 Digital Link as "GTIN · lot" (or "GTIN · #serial"), an EPC URN
 * without its scheme, anything else as written.
 */
export function compactRef(ref: string): string {
  const m = DIGITAL_LINK.exec(ref);
  if (m) {
    const value = m[3] ? decodeURIComponent(m[3]) : '';
    return m[2] === '21' ? `${m[1]} · #${value}` : value ? `${m[1]} · ${value}` : m[1];
  }
  const urn = /^urn:epc:(?:id|class):[a-z]+:(.+)$/i.exec(ref);
  if (urn) return urn[1];
  return ref.replace(/^https?:\/\//, '');
}

/** UN/CEFACT unit codes of EPCIS quantities as their usual symbols; others as written. */
const UOM_SYMBOLS: Record<string, string> = {
  TNE: 't', KGM: 'kg', GRM: 'g', LTR: 'L', MTQ: 'm³', MTK: 'm²', MTR: 'm', KWH: 'kWh', MWH: 'MWh', GJ: 'GJ', NM3: 'Nm³', H87: 'pcs', EA: 'pcs',
};
export const uomSymbol = (uom: string | null | undefined) => (uom ? (UOM_SYMBOLS[uom] ?? uom) : '');

/** Drops scripts and event handlers from an SVG document before it is inlined. */
function cleanSvg(text: string): string | null {
  const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
  const svg = doc.documentElement;
  if (svg.nodeName.toLowerCase() !== 'svg' || doc.getElementsByTagName('parsererror').length) return null;
  for (const s of [...svg.querySelectorAll('script, foreignObject')]) s.remove();
  for (const el of [svg, ...svg.querySelectorAll('*')]) {
    for (const a of [...el.attributes]) if (/^on/i.test(a.name)) el.removeAttribute(a.name);
  }
  svg.setAttribute('width', '100%');
  svg.removeAttribute('height');
  return new XMLSerializer().serializeToString(svg);
}

/** The QR label of an identifier (SVG from the API, asked with the session cookie), inlined. */
export function LabelSvg({ id, width = 240 }: { id: number; width?: number }) {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['identifiers', 'label', id],
    queryFn: async ({ signal }) => {
      const res = await fetch(`/api/v1/identifiers/${id}/label.svg`, { credentials: 'same-origin', signal, headers: { accept: 'image/svg+xml' } });
      if (!res.ok) throw new ApiError(res.status, null, `${res.status} ${res.statusText}`);
      return res.text();
    },
    staleTime: 300_000,
  });
  const html = useMemo(() => (q.data ? cleanSvg(q.data) : null), [q.data]);
  return (
    <QueryState query={q} errorTestId="label-error" notFound={<ErrorAlert error={q.error} testId="label-error" />}>
      {() =>
        html ? (
          <div data-testid="identifier-label" style={{ width, maxWidth: '100%' }} dangerouslySetInnerHTML={{ __html: html }} />
        ) : (
          <ErrorAlert error={new Error(t('identifier.labelInvalid'))} testId="label-error" />
        )
      }
    </QueryState>
  );
}
