/**
 * Which slice of the ledger a flow page shows, kept in the page's address (period, level, layer,
 * element or material, enterprise) so that a view can be linked, reloaded and opened by a test.
 * Pure: no I/O.
 */
import { BALANCED_ELEMENTS, BALANCE_LAYERS, BALANCE_LEVELS, type BalanceLayer, type BalanceLevel, type FlowView } from '../../api/flowShapes';

/** The layer as one choice: total mass, one material's mass, one element, or energy. */
export type LayerChoice = { layer: 'mass'; material?: string } | { layer: 'element'; element: string } | { layer: 'energy' };

const ELEMENT_PATTERN = /^[A-Z][a-z]?$/;
const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const PERIOD_PATTERN = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** Reads a view from the address; what is missing or malformed falls back (the period to `fallbackPeriod`). */
export function viewFromParams(params: URLSearchParams, fallbackPeriod: string | undefined, defaultLevel: BalanceLevel): FlowView | undefined {
  const rawPeriod = params.get('period') ?? '';
  const period = PERIOD_PATTERN.test(rawPeriod) ? rawPeriod : fallbackPeriod;
  if (!period) return undefined;
  const level = (BALANCE_LEVELS as readonly string[]).includes(params.get('level') ?? '') ? (params.get('level') as BalanceLevel) : defaultLevel;
  const layerParam = params.get('layer') ?? '';
  const layer: BalanceLayer = (BALANCE_LAYERS as readonly string[]).includes(layerParam) ? (layerParam as BalanceLayer) : 'mass';
  const element = params.get('element') ?? '';
  const material = params.get('material') ?? '';
  const enterprise = Number(params.get('enterpriseId'));
  const view: FlowView = { period, level, layer };
  if (layer === 'element') view.element = ELEMENT_PATTERN.test(element) ? element : BALANCED_ELEMENTS[0];
  if (layer === 'mass' && CODE_PATTERN.test(material)) view.material = material;
  if (Number.isSafeInteger(enterprise) && enterprise > 0) view.enterpriseId = enterprise;
  return view;
}

/** The address parameters of a view (the inverse of viewFromParams). */
export function paramsOfView(view: FlowView): Record<string, string> {
  const out: Record<string, string> = { period: view.period, level: view.level, layer: view.layer };
  if (view.layer === 'element' && view.element) out.element = view.element;
  if (view.layer === 'mass' && view.material) out.material = view.material;
  if (view.enterpriseId !== undefined) out.enterpriseId = String(view.enterpriseId);
  return out;
}

/** The layer choice of a view, as the layer select shows it. */
export function layerOf(view: Pick<FlowView, 'layer' | 'element' | 'material'>): LayerChoice {
  if (view.layer === 'element') return { layer: 'element', element: view.element ?? BALANCED_ELEMENTS[0] };
  if (view.layer === 'energy') return { layer: 'energy' };
  return view.material ? { layer: 'mass', material: view.material } : { layer: 'mass' };
}

/** A layer choice as one select value: `mass`, `mass:CODE`, `element:Cl`, `energy`. */
export function encodeLayer(choice: LayerChoice): string {
  if (choice.layer === 'element') return `element:${choice.element}`;
  if (choice.layer === 'mass' && choice.material) return `mass:${choice.material}`;
  return choice.layer;
}

export function decodeLayer(value: string): LayerChoice {
  const [layer, arg] = value.split(/:(.*)/s, 2);
  if (layer === 'element' && arg) return { layer: 'element', element: arg };
  if (layer === 'energy') return { layer: 'energy' };
  return arg ? { layer: 'mass', material: arg } : { layer: 'mass' };
}

/** The view with another layer choice (the element or material of the old one dropped). */
export function withLayer(view: FlowView, choice: LayerChoice): FlowView {
  const { element: _e, material: _m, ...rest } = view;
  return { ...rest, ...choice };
}
