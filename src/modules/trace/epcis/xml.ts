/**
 * EPCIS 2.0 XML binding → EPCIS 2.0 JSON/JSON-LD binding.
 *
 * `epcisXmlToJson` takes an EPCIS XML document (EPCISDocument or EPCISQueryDocument,
 * EPCIS 1.x or 2.0 namespace) and returns the JSON-LD document the JSON binding
 * (EPCIS 2.0 §12) gives for the same content. It is pure and never throws.
 *
 * Streaming: the document is read with a SAX parser (saxes). Only one event (or the
 * header) is held as a small element tree at a time; the tree is converted to JSON as
 * soon as its end tag is read and then dropped.
 *
 * Mapping choices (where the standard leaves room) are documented next to the code:
 *  - standard CBV values (bizStep, disposition, bizTransaction/source/destination type,
 *    error reason, persistent disposition, sensor component) given as URN
 *    (`urn:epcglobal:cbv:bizstep:shipping`) or Web URI
 *    (`https://ref.gs1.org/cbv/BizStep-shipping`) become the bare term (`shipping`);
 *    values outside the standard vocabulary are kept as given;
 *  - sensorReport `type` / `exception` in the GS1 Web vocabulary (`gs1:Temperature`,
 *    `https://gs1.org/voc/Temperature`) become the bare term (`Temperature`);
 *  - user extensions become `prefix:localName` keys (the XML prefix; a numbered prefix
 *    where that is taken or empty); repeated elements become arrays; leaf text is a
 *    (trimmed) string whatever `xsi:type` says; attributes on extension elements become
 *    keys of the element's object, and text next to attributes or child elements goes
 *    under `#text`;
 *  - every user namespace declared in the XML gets an `@context` prefix entry; a namespace
 *    that does not end with a delimiter (`/`, `#`, `:`) gets a `/` appended, as the GS1
 *    JSON examples do (`http://ns.example.com/epcis` → `http://ns.example.com/epcis/`).
 *    Namespaces that the standard context already defines (cbvmda, gs1, cbv, xsd …) are
 *    not redeclared.
 */
import { SaxesParser } from 'saxes';
import type { SaxesTagNS } from 'saxes';

export type EpcisXmlError = { eventIndex: number | null; path: string; message: string };
export type EpcisXmlResult = { ok: true; document: object } | { ok: false; errors: EpcisXmlError[] };

export const EPCIS_CONTEXT_URL = 'https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld';

export const EPCIS_EVENT_TYPES = [
  'ObjectEvent',
  'AggregationEvent',
  'TransactionEvent',
  'TransformationEvent',
  'AssociationEvent',
] as const;

const MAX_ERRORS = 100;
const CHUNK = 64 * 1024;

const NS_EPCIS = new Set(['urn:epcglobal:epcis:xsd:1', 'urn:epcglobal:epcis:xsd:2']);
const NS_EPCIS_QUERY = new Set(['urn:epcglobal:epcis-query:xsd:1', 'urn:epcglobal:epcis-query:xsd:2']);
const NS_XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const NS_XMLNS = 'http://www.w3.org/2000/xmlns/';
const NS_XML = 'http://www.w3.org/XML/1998/namespace';

/** Namespaces that are part of the EPCIS/XML machinery: never an @context entry. */
const NON_EXTENSION_NAMESPACES = new Set([
  ...NS_EPCIS,
  ...NS_EPCIS_QUERY,
  'urn:epcglobal:epcis-masterdata:xsd:1',
  'urn:epcglobal:epcis-masterdata:xsd:2',
  'http://www.unece.org/cefact/namespaces/StandardBusinessDocumentHeader',
  NS_XSI,
  NS_XMLNS,
  NS_XML,
]);

/** Namespaces the standard EPCIS 2.0 JSON-LD context already binds to a prefix. */
const STANDARD_PREFIXES: Record<string, string> = {
  'urn:epcglobal:cbv:mda': 'cbvmda',
  'urn:epcglobal:cbv:mda#': 'cbvmda',
  'https://gs1.org/voc/': 'gs1',
  'https://ref.gs1.org/cbv/': 'cbv',
  'https://ref.gs1.org/epcis/': 'epcis',
  'http://www.w3.org/2001/XMLSchema': 'xsd',
  'http://www.w3.org/2001/XMLSchema#': 'xsd',
  'http://www.w3.org/2000/01/rdf-schema#': 'rdfs',
  'http://www.w3.org/1999/02/22-rdf-syntax-ns#': 'rdf',
  'http://www.w3.org/2002/07/owl#': 'owl',
  'http://purl.org/dc/terms/': 'dcterms',
};

/** Prefixes a user namespace may not take (they are terms of the standard context). */
const RESERVED_PREFIXES = new Set([
  'epcis', 'cbv', 'cbvmda', 'gs1', 'xsd', 'rdf', 'rdfs', 'owl', 'dcterms', 'dc', 'sh', 'schema',
  'id', 'type', 'xml', 'xmlns',
]);

// ---------------------------------------------------------------------------------------
// CBV vocabularies (CBV 2.0 standard terms, as in the EPCIS 2.0 JSON schema)
// ---------------------------------------------------------------------------------------

type Vocab = { urn: string | null; web: string[]; terms: Set<string> };

const words = (s: string) => new Set(s.trim().split(/\s+/));

/** CBV 2.0 standard vocabularies: the bare terms and the URN / Web URI prefixes they may be written with. */
export const VOCAB = {
  bizStep: {
    urn: 'urn:epcglobal:cbv:bizstep:',
    web: ['https://ref.gs1.org/cbv/BizStep-', 'cbv:BizStep-'],
    terms: words(`accepting arriving assembling collecting commissioning consigning creating_class_instance
      cycle_counting decommissioning departing destroying disassembling dispensing encoding entering_exiting
      holding inspecting installing killing loading other packing picking receiving removing repackaging
      repairing replacing reserving retail_selling shipping staging_outbound stock_taking stocking storing
      transporting unloading unpacking void_shipping sensor_reporting sampling`),
  },
  disposition: {
    urn: 'urn:epcglobal:cbv:disp:',
    web: ['https://ref.gs1.org/cbv/Disp-', 'cbv:Disp-'],
    terms: words(`active container_closed damaged destroyed dispensed disposed encoded expired in_progress
      in_transit inactive no_pedigree_match non_sellable_other partially_dispensed recalled reserved
      retail_sold returned sellable_accessible sellable_not_accessible stolen unknown available
      completeness_verified completeness_inferred conformant container_open mismatch_instance mismatch_class
      mismatch_quantity needs_replacement non_conformant unavailable`),
  },
  btt: {
    urn: 'urn:epcglobal:cbv:btt:',
    web: ['https://ref.gs1.org/cbv/BTT-', 'cbv:BTT-'],
    terms: words('bol cert desadv inv pedigree po poc prodorder recadv rma testprd testres upevt'),
  },
  sdt: {
    urn: 'urn:epcglobal:cbv:sdt:',
    web: ['https://ref.gs1.org/cbv/SDT-', 'cbv:SDT-'],
    terms: words('owning_party possessing_party location'),
  },
  er: {
    urn: 'urn:epcglobal:cbv:er:',
    web: ['https://ref.gs1.org/cbv/ER-', 'cbv:ER-'],
    terms: words('did_not_occur incorrect_data'),
  },
  component: {
    urn: null,
    web: ['https://ref.gs1.org/cbv/Comp-', 'cbv:Comp-'],
    terms: words(`x y z axial_distance azimuth height spherical_radius polar_angle elevation_angle easting
      northing latitude longitude altitude`),
  },
} satisfies Record<string, Vocab>;

function startsWithIgnoreCase(value: string, prefix: string): boolean {
  return value.length > prefix.length && value.slice(0, prefix.length).toLowerCase() === prefix.toLowerCase();
}

/** Standard CBV URN / Web URI → bare term (EPCIS 2.0 §12 / CBV 2.0); anything else unchanged. */
export function cbvBareValue(kind: keyof typeof VOCAB, value: string): string {
  const v: Vocab = VOCAB[kind];
  const candidates = [...(v.urn ? [v.urn] : []), ...v.web];
  for (const prefix of candidates) {
    if (startsWithIgnoreCase(value, prefix)) {
      const term = value.slice(prefix.length);
      if (v.terms.has(term)) return term;
      return value;
    }
  }
  return value;
}

/** GS1 Web vocabulary MeasurementType terms (sensorReport `type`), as in GS1's EPCIS 2.0 JSON Schema. */
export const MEASUREMENT_TYPES = new Set(
  `AbsoluteHumidity AbsorbedDose AbsorbedDoseRate Acceleration Radioactivity Altitude AmountOfSubstance
  AmountOfSubstancePerUnitVolume Angle AngularAcceleration AngularMomentum AngularVelocity Area Capacitance Conductance
  Conductivity Count Density Dimensionless DoseEquivalent DoseEquivalentRate DynamicViscosity ElectricCharge
  ElectricCurrent ElectricCurrentDensity ElectricFieldStrength Energy Exposure Force Frequency Illuminance Inductance
  Irradiance KinematicViscosity Length LinearMomentum Luminance LuminousFlux LuminousIntensity MagneticFlux
  MagneticFluxDensity MagneticVectorPotential Mass MassConcentration MassFlowRate MassPerAreaTime MemoryCapacity
  MolalityOfSolute MolarEnergy MolarMass MolarVolume Power Pressure RadiantFlux RadiantIntensity RelativeHumidity
  Resistance Resistivity SolidAngle SpecificVolume Speed SurfaceDensity SurfaceTension Temperature Time Torque Voltage
  Volume VolumeFlowRate VolumeFraction VolumetricFlux Wavenumber`.trim().split(/\s+/),
);
export const SENSOR_ALERT_TYPES = new Set(['ALARM_CONDITION', 'ERROR_CONDITION']);

/**
 * GS1 Web vocabulary term (`gs1:Temperature`, `https://gs1.org/voc/Temperature`) → the bare term where the JSON
 * binding has one (GS1's JSON Schema lists them); another GS1 term stays a `gs1:` CURIE (`gs1:EffectiveDoseRate`),
 * which the JSON binding accepts and which hashes alike.
 */
function gs1BareValue(value: string, terms: Set<string>): string {
  for (const prefix of ['gs1:', 'https://gs1.org/voc/']) {
    if (value.startsWith(prefix)) {
      const term = value.slice(prefix.length);
      if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(term)) return value;
      return terms.has(term) ? term : `gs1:${term}`;
    }
  }
  return value;
}

// ---------------------------------------------------------------------------------------
// Small element tree for one event
// ---------------------------------------------------------------------------------------

type XAttr = { uri: string; local: string; value: string };
type XNode = {
  uri: string;
  local: string;
  attrs: XAttr[];
  children: XNode[];
  text: string;
  line: number;
  /** The type an `xsi:type` attribute names, as `{namespace}local` ('?' when its prefix is not declared). */
  xsiType?: string;
};

function attrsOf(tag: SaxesTagNS): XAttr[] {
  const out: XAttr[] = [];
  for (const a of Object.values(tag.attributes)) {
    if (a.uri === NS_XMLNS || a.prefix === 'xmlns' || a.name === 'xmlns') continue;
    out.push({ uri: a.uri ?? '', local: a.local, value: a.value });
  }
  return out;
}

function attr(node: XNode, local: string, uri = ''): string | undefined {
  return node.attrs.find((a) => a.local === local && a.uri === uri)?.value;
}

function isNil(node: XNode): boolean {
  const v = attr(node, 'nil', NS_XSI);
  return v === 'true' || v === '1';
}

function text(node: XNode): string {
  return node.text.trim();
}

/** Children with EPCIS 1.x `extension` / `baseExtension` wrappers flattened away. */
function flatChildren(node: XNode): XNode[] {
  const out: XNode[] = [];
  for (const c of node.children) {
    if (c.uri === '' && (c.local === 'extension' || c.local === 'baseExtension')) out.push(...flatChildren(c));
    else out.push(c);
  }
  return out;
}

const NUMBER_RE = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const DECIMAL_RE = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

function parseNumber(raw: string): number | null {
  const s = raw.trim();
  if (!NUMBER_RE.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

function parseBoolean(raw: string): boolean | null {
  const s = raw.trim();
  if (s === 'true' || s === '1') return true;
  if (s === 'false' || s === '0') return false;
  return null;
}

// ---------------------------------------------------------------------------------------
// Namespace registry → extension prefixes and @context entries
// ---------------------------------------------------------------------------------------

class Namespaces {
  private readonly uriToPrefix = new Map<string, string>();
  private readonly usedPrefixes = new Set<string>(RESERVED_PREFIXES);
  readonly context: Record<string, string> = {};

  declare(prefix: string, uri: string): void {
    if (!uri || NON_EXTENSION_NAMESPACES.has(uri) || STANDARD_PREFIXES[uri] || this.uriToPrefix.has(uri)) return;
    const base = prefix && /^[A-Za-z_][A-Za-z0-9_.-]*$/.test(prefix) ? prefix : 'ns';
    let p = base;
    for (let n = 1; this.usedPrefixes.has(p); n++) p = `${base}${n}`;
    this.usedPrefixes.add(p);
    this.uriToPrefix.set(uri, p);
    this.context[p] = /[/#:]$/.test(uri) ? uri : `${uri}/`;
  }

  key(uri: string, local: string): string {
    if (!uri) return local;
    const std = STANDARD_PREFIXES[uri];
    if (std) return `${std}:${local}`;
    if (!this.uriToPrefix.has(uri)) this.declare('', uri);
    const p = this.uriToPrefix.get(uri);
    return p ? `${p}:${local}` : local;
  }
}

// ---------------------------------------------------------------------------------------
// Event conversion
// ---------------------------------------------------------------------------------------

type Obj = Record<string, unknown>;

class EventConverter {
  constructor(
    private readonly ns: Namespaces,
    private readonly errors: EpcisXmlError[],
    private readonly eventIndex: number | null,
    /** EPCIS 2.0 namespace: values typed xsd:decimal by the XSD are read as decimals only. */
    private readonly strict = false,
  ) {}

  private err(path: string, message: string): void {
    if (this.errors.length < MAX_ERRORS) this.errors.push({ eventIndex: this.eventIndex, path, message });
  }

  /** Generic user-extension value: text, or an object of attributes and child elements. */
  ext(node: XNode): unknown {
    if (isNil(node)) return null;
    const attrs = node.attrs.filter((a) => a.uri !== NS_XSI);
    if (node.children.length === 0 && attrs.length === 0) return text(node);
    const obj: Obj = {};
    for (const a of attrs) obj[this.ns.key(a.uri, a.local)] = a.value;
    this.addGrouped(obj, node.children, (c) => this.ext(c));
    const t = text(node);
    if (t) obj['#text'] = t;
    return obj;
  }

  /** Adds elements as keys; a key seen more than once becomes an array (document order). */
  private addGrouped(obj: Obj, nodes: XNode[], value: (n: XNode) => unknown): void {
    const groups = new Map<string, unknown[]>();
    for (const c of nodes) {
      const k = this.ns.key(c.uri, c.local);
      const g = groups.get(k);
      if (g) g.push(value(c));
      else groups.set(k, [value(c)]);
    }
    for (const [k, vs] of groups) {
      const prev = obj[k];
      if (prev !== undefined) obj[k] = [...(Array.isArray(prev) ? prev : [prev]), ...vs];
      else obj[k] = vs.length === 1 ? vs[0] : vs;
    }
  }

  private unexpected(path: string, node: XNode): void {
    this.err(`${path}/${node.local}`, `unexpected element <${node.local}> (line ${node.line})`);
  }

  private epcList(node: XNode, path: string): string[] {
    const out: string[] = [];
    for (const c of flatChildren(node)) {
      if (c.uri === '' && c.local === 'epc') out.push(text(c));
      else if (c.uri !== '') continue; // user extension inside a list: no JSON place for it
      else this.unexpected(path, c);
    }
    return out;
  }

  private quantityList(node: XNode, path: string): Obj[] {
    const out: Obj[] = [];
    for (const q of flatChildren(node)) {
      if (q.uri !== '') continue;
      if (q.local !== 'quantityElement') {
        this.unexpected(path, q);
        continue;
      }
      const qp = `${path}/${out.length}`;
      const el: Obj = {};
      for (const c of flatChildren(q)) {
        if (c.uri !== '') continue;
        if (c.local === 'epcClass') el.epcClass = text(c);
        else if (c.local === 'quantity') {
          if (isNil(c)) continue;
          const n = this.strict && !DECIMAL_RE.test(text(c)) ? null : parseNumber(c.text);
          if (n === null) this.err(`${qp}/quantity`, `quantity "${text(c)}" is not a number${this.strict ? ' (xsd:decimal)' : ''}`);
          else el.quantity = n;
        } else if (c.local === 'uom') el.uom = text(c);
        else this.unexpected(qp, c);
      }
      if (el.epcClass === undefined) this.err(`${qp}/epcClass`, 'quantityElement without epcClass');
      out.push(el);
    }
    return out;
  }

  private location(node: XNode, path: string): Obj {
    const out: Obj = {};
    const exts: XNode[] = [];
    for (const c of flatChildren(node)) {
      if (c.uri === '' && c.local === 'id') out.id = text(c);
      else if (c.uri !== '') exts.push(c);
      else this.unexpected(path, c);
    }
    if (out.id === undefined) this.err(`${path}/id`, `<${node.local}> without <id>`);
    this.addGrouped(out, exts, (c) => this.ext(c));
    return out;
  }

  private typedList(node: XNode, path: string, item: string, vocab: 'btt' | 'sdt'): Obj[] {
    const out: Obj[] = [];
    for (const c of flatChildren(node)) {
      if (c.uri !== '') continue;
      if (c.local !== item) {
        this.unexpected(path, c);
        continue;
      }
      const el: Obj = {};
      const type = attr(c, 'type');
      if (type !== undefined) el.type = cbvBareValue(vocab, type.trim());
      else if (vocab === 'sdt') this.err(`${path}/${out.length}/type`, `<${item}> without type attribute`);
      el[item] = text(c);
      out.push(el);
    }
    return out;
  }

  private static readonly NUMERIC_REPORT_ATTRS = new Set([
    'value', 'minValue', 'maxValue', 'meanValue', 'sDev', 'percRank', 'percValue',
  ]);

  private sensorAttrs(node: XNode, path: string, report: boolean): Obj {
    const out: Obj = {};
    for (const a of node.attrs) {
      if (a.uri === NS_XSI) continue;
      if (a.uri !== '') {
        out[this.ns.key(a.uri, a.local)] = a.value;
        continue;
      }
      const v = a.value.trim();
      if (report && EventConverter.NUMERIC_REPORT_ATTRS.has(a.local)) {
        const n = parseNumber(v);
        if (n === null) this.err(`${path}/${a.local}`, `${a.local} "${v}" is not a number`);
        else out[a.local] = n;
      } else if (report && a.local === 'booleanValue') {
        const b = parseBoolean(v);
        if (b === null) this.err(`${path}/${a.local}`, `booleanValue "${v}" is not a boolean`);
        else out[a.local] = b;
      } else if (report && (a.local === 'type' || a.local === 'exception')) {
        out[a.local] = gs1BareValue(v, a.local === 'type' ? MEASUREMENT_TYPES : SENSOR_ALERT_TYPES);
      } else if (report && a.local === 'component') {
        out[a.local] = cbvBareValue('component', v);
      } else {
        out[a.local] = v;
      }
    }
    return out;
  }

  private sensorElementList(node: XNode, path: string): Obj[] {
    const out: Obj[] = [];
    for (const se of flatChildren(node)) {
      if (se.uri !== '') continue;
      if (se.local !== 'sensorElement') {
        this.unexpected(path, se);
        continue;
      }
      const sp = `${path}/${out.length}`;
      const el: Obj = {};
      const reports: Obj[] = [];
      const exts: XNode[] = [];
      for (const c of flatChildren(se)) {
        if (c.uri !== '') exts.push(c);
        else if (c.local === 'sensorMetadata') el.sensorMetadata = this.sensorAttrs(c, `${sp}/sensorMetadata`, false);
        else if (c.local === 'sensorReport')
          reports.push(this.sensorAttrs(c, `${sp}/sensorReport/${reports.length}`, true));
        else this.unexpected(sp, c);
      }
      if (reports.length > 0) el.sensorReport = reports;
      else this.err(`${sp}/sensorReport`, 'sensorElement without sensorReport');
      this.addGrouped(el, exts, (c) => this.ext(c));
      out.push(el);
    }
    return out;
  }

  private persistentDisposition(node: XNode, path: string): Obj {
    const out: Obj = {};
    for (const c of flatChildren(node)) {
      if (c.uri !== '') continue;
      if (c.local === 'set' || c.local === 'unset') {
        const list = (out[c.local] as string[] | undefined) ?? [];
        list.push(cbvBareValue('disposition', text(c)));
        out[c.local] = list;
      } else this.unexpected(path, c);
    }
    return out;
  }

  private errorDeclaration(node: XNode, path: string): Obj {
    const out: Obj = {};
    const exts: XNode[] = [];
    for (const c of flatChildren(node)) {
      if (c.uri !== '') exts.push(c);
      else if (c.local === 'declarationTime') out.declarationTime = text(c);
      else if (c.local === 'reason') out.reason = cbvBareValue('er', text(c));
      else if (c.local === 'correctiveEventIDs') {
        const ids: string[] = [];
        for (const id of flatChildren(c)) {
          if (id.uri === '' && id.local === 'correctiveEventID') ids.push(text(id));
          else if (id.uri === '') this.unexpected(`${path}/correctiveEventIDs`, id);
        }
        out.correctiveEventIDs = ids;
      } else this.unexpected(path, c);
    }
    if (out.declarationTime === undefined) this.err(`${path}/declarationTime`, 'errorDeclaration without declarationTime');
    this.addGrouped(out, exts, (c) => this.ext(c));
    return out;
  }

  private ilmd(node: XNode): Obj {
    const out: Obj = {};
    this.addGrouped(out, flatChildren(node), (c) => this.ext(c));
    return out;
  }

  /** Converts one event element; returns null (with errors) for an unknown event type. */
  event(node: XNode, path: string): Obj | null {
    if (node.uri !== '' || !(EPCIS_EVENT_TYPES as readonly string[]).includes(node.local)) {
      this.err(path, `unknown event type <${node.local}>${node.uri ? ` in namespace ${node.uri}` : ''} (line ${node.line})`);
      return null;
    }
    const out: Obj = { type: node.local };
    const exts: XNode[] = [];
    for (const c of flatChildren(node)) {
      if (c.uri !== '') {
        exts.push(c);
        continue;
      }
      const p = `${path}/${c.local}`;
      switch (c.local) {
        case 'eventTime':
        case 'recordTime':
        case 'eventTimeZoneOffset':
        case 'eventID':
        case 'action':
        case 'parentID':
        case 'transformationID':
          out[c.local] = text(c);
          break;
        case 'certificationInfo': {
          const prev = out.certificationInfo;
          out.certificationInfo =
            prev === undefined ? text(c) : [...(Array.isArray(prev) ? prev : [prev]), text(c)];
          break;
        }
        case 'bizStep':
          out.bizStep = cbvBareValue('bizStep', text(c));
          break;
        case 'disposition':
          out.disposition = cbvBareValue('disposition', text(c));
          break;
        case 'epcList':
        case 'childEPCs':
        case 'inputEPCList':
        case 'outputEPCList':
          out[c.local] = this.epcList(c, p);
          break;
        case 'quantityList':
        case 'childQuantityList':
        case 'inputQuantityList':
        case 'outputQuantityList':
          out[c.local] = this.quantityList(c, p);
          break;
        case 'readPoint':
        case 'bizLocation':
          out[c.local] = this.location(c, p);
          break;
        case 'bizTransactionList':
          out.bizTransactionList = this.typedList(c, p, 'bizTransaction', 'btt');
          break;
        case 'sourceList':
          out.sourceList = this.typedList(c, p, 'source', 'sdt');
          break;
        case 'destinationList':
          out.destinationList = this.typedList(c, p, 'destination', 'sdt');
          break;
        case 'sensorElementList':
          out.sensorElementList = this.sensorElementList(c, p);
          break;
        case 'persistentDisposition':
          out.persistentDisposition = this.persistentDisposition(c, p);
          break;
        case 'errorDeclaration':
          out.errorDeclaration = this.errorDeclaration(c, p);
          break;
        case 'ilmd':
          out.ilmd = this.ilmd(c);
          break;
        default:
          this.unexpected(path, c);
      }
    }
    this.addGrouped(out, exts, (c) => this.ext(c));
    return out;
  }

  /** EPCISHeader → epcisHeader (master data only; the SBDH has no JSON binding). */
  header(node: XNode, path: string): Obj | null {
    const vocabularyList: Obj[] = [];
    for (const c of flatChildren(node)) {
      if (c.local !== 'EPCISMasterData') continue;
      for (const vl of flatChildren(c)) {
        if (vl.local !== 'VocabularyList') continue;
        for (const v of flatChildren(vl)) {
          if (v.local !== 'Vocabulary') continue;
          const vp = `${path}/epcisMasterData/vocabularyList/${vocabularyList.length}`;
          const vocab: Obj = { type: attr(v, 'type') ?? '' };
          const elements: Obj[] = [];
          for (const vel of flatChildren(v)) {
            if (vel.local !== 'VocabularyElementList') continue;
            for (const e of flatChildren(vel)) {
              if (e.local !== 'VocabularyElement') continue;
              const el: Obj = { id: attr(e, 'id') ?? '' };
              const attributes: Obj[] = [];
              const children: string[] = [];
              for (const a of flatChildren(e)) {
                if (a.uri !== '') continue;
                if (a.local === 'attribute') {
                  let value: unknown = text(a);
                  if (a.children.length > 0) {
                    const obj: Obj = {};
                    this.addGrouped(obj, a.children, (x) => this.ext(x));
                    value = obj;
                  }
                  attributes.push({ id: attr(a, 'id') ?? '', attribute: value });
                } else if (a.local === 'children') {
                  for (const id of a.children) if (id.local === 'id') children.push(text(id));
                } else this.unexpected(`${vp}/vocabularyElementList/${elements.length}`, a);
              }
              if (attributes.length > 0) el.attributes = attributes;
              if (children.length > 0) el.children = children;
              elements.push(el);
            }
          }
          vocab.vocabularyElementList = elements;
          vocabularyList.push(vocab);
        }
      }
    }
    return vocabularyList.length > 0 ? { epcisMasterData: { vocabularyList } } : null;
  }
}


// ---------------------------------------------------------------------------------------
// EPCIS 2.0 XSD content models (namespace urn:epcglobal:epcis:xsd:2)
// ---------------------------------------------------------------------------------------
//
// The converter above reads what it knows and would skip what it does not; a document in the
// EPCIS 2.0 namespace must also be valid against GS1's XSD (EPCglobal-epcis-2_0.xsd), so before
// converting an event we check its element structure against the XSD's content models: order
// and number of the standard elements, user extensions (other namespaces) only where the XSD has
// a wildcard (at the end of an element), `extension` wrappers holding what their type allows, no
// child elements or stray attributes in simple-typed elements, no text in element-only content.
// Values are checked afterwards, on the JSON form, by validate.ts (stricter than the XSD's
// anyURI / string types).

/** An element's content: a sequence (or, `choice`, any order) of no-namespace children. */
type Model =
  | {
      kind: 'seq';
      items: [name: string, min: number, max: number, model: Model][];
      other?: boolean;
      choice?: boolean;
      attrs?: 'any' | 'none';
      /** attributes the element must carry */
      required?: string[];
      /** EPCISHeader: an SBDH (its own schema; its content is not checked here) may come first */
      sbdh?: boolean;
    }
  | { kind: 'any'; required?: string[] } // xsd:anyType (master data attribute values): free content
  | { kind: 'leaf'; attrs?: string[]; nil?: boolean } // simple type: text only, no attributes (but those named)
  | { kind: 'simple-any-attr' } // simpleContent with anyAttribute (sensorMetadata, sensorReport)
  | { kind: 'local-any' } // ##local wildcard (extension types): no-namespace children, any content
  | { kind: 'other-any' }; // ##other wildcard (event extension types): namespaced children, any content

const INF = Number.POSITIVE_INFINITY;
const LEAF: Model = { kind: 'leaf' };
const LOCAL: Model = { kind: 'local-any' };
const OTHER: Model = { kind: 'other-any' };
const EPC_LIST: Model = { kind: 'seq', items: [['epc', 0, INF, LEAF]] };
const QUANTITY_LIST: Model = {
  kind: 'seq',
  items: [['quantityElement', 0, INF, { kind: 'seq', items: [['epcClass', 1, 1, LEAF], ['quantity', 0, 1, { kind: 'leaf', nil: true }], ['uom', 0, 1, LEAF]] }]],
};
const LOCATION: Model = { kind: 'seq', items: [['id', 1, 1, LEAF], ['extension', 0, 1, LOCAL]], other: true };
const BIZ_TRANSACTION_LIST: Model = { kind: 'seq', items: [['bizTransaction', 1, INF, { kind: 'leaf', attrs: ['type'] }]] };
const SOURCE_LIST: Model = { kind: 'seq', items: [['source', 1, INF, { kind: 'leaf', attrs: ['type'] }]] };
const DESTINATION_LIST: Model = { kind: 'seq', items: [['destination', 1, INF, { kind: 'leaf', attrs: ['type'] }]] };
const SENSOR_ELEMENT_LIST: Model = {
  kind: 'seq',
  items: [
    ['sensorElement', 1, INF, { kind: 'seq', items: [['sensorMetadata', 0, 1, { kind: 'simple-any-attr' }], ['sensorReport', 1, INF, { kind: 'simple-any-attr' }], ['extension', 0, 1, LOCAL]], other: true }],
    ['extension', 0, 1, LOCAL],
  ],
};
const PERSISTENT_DISPOSITION: Model = { kind: 'seq', items: [['unset', 0, INF, LEAF], ['set', 0, INF, LEAF]] };
const ILMD: Model = { kind: 'seq', items: [['extension', 0, 1, LOCAL]], other: true, attrs: 'any' };
const ERROR_DECLARATION: Model = {
  kind: 'seq',
  choice: true,
  other: true,
  attrs: 'any',
  items: [['declarationTime', 0, INF, LEAF], ['reason', 0, INF, LEAF], ['correctiveEventIDs', 0, INF, { kind: 'seq', items: [['correctiveEventID', 0, INF, LEAF]] }], ['extension', 0, INF, LOCAL]],
};

const EVENT_BASE: [string, number, number, Model][] = [
  ['eventTime', 1, 1, LEAF], ['recordTime', 0, 1, LEAF], ['eventTimeZoneOffset', 1, 1, LEAF], ['eventID', 0, 1, LEAF],
  ['errorDeclaration', 0, 1, ERROR_DECLARATION], ['certificationInfo', 0, 1, LEAF], ['baseExtension', 0, 1, OTHER],
];
const WHAT_WHERE_WHY: Record<string, [string, number, number, Model]> = {
  action: ['action', 1, 1, LEAF], bizStep: ['bizStep', 0, 1, LEAF], disposition: ['disposition', 0, 1, LEAF],
  readPoint: ['readPoint', 0, 1, LOCATION], bizLocation: ['bizLocation', 0, 1, LOCATION],
  bizTransactionList: ['bizTransactionList', 0, 1, BIZ_TRANSACTION_LIST], sourceList: ['sourceList', 0, 1, SOURCE_LIST],
  destinationList: ['destinationList', 0, 1, DESTINATION_LIST], sensorElementList: ['sensorElementList', 0, 1, SENSOR_ELEMENT_LIST],
  persistentDisposition: ['persistentDisposition', 0, 1, PERSISTENT_DISPOSITION], ilmd: ['ilmd', 0, 1, ILMD],
  extension: ['extension', 0, 1, OTHER], parentID: ['parentID', 0, 1, LEAF],
};
const w = (names: string, extra: Record<string, [string, number, number, Model]> = {}) =>
  names.split(' ').map((n) => extra[n] ?? WHAT_WHERE_WHY[n]);
const list = (name: string, model: Model): [string, number, number, Model] => [name, 0, 1, model];

/** The EPCIS 2.0 XSD sequence of each event type (EPCISEventType's fields first). */
const EVENT_MODELS: Record<string, Model> = {
  ObjectEvent: { kind: 'seq', other: true, attrs: 'any', items: [...EVENT_BASE, ...w('epcList action bizStep disposition readPoint bizLocation bizTransactionList quantityList sourceList destinationList sensorElementList persistentDisposition ilmd extension', { epcList: list('epcList', EPC_LIST), quantityList: list('quantityList', QUANTITY_LIST) })] },
  AggregationEvent: { kind: 'seq', other: true, attrs: 'any', items: [...EVENT_BASE, ...w('parentID childEPCs action bizStep disposition readPoint bizLocation bizTransactionList childQuantityList sourceList destinationList sensorElementList persistentDisposition extension', { childEPCs: list('childEPCs', EPC_LIST), childQuantityList: list('childQuantityList', QUANTITY_LIST) })] },
  TransactionEvent: { kind: 'seq', other: true, attrs: 'any', items: [...EVENT_BASE, ...w('bizTransactionList parentID epcList action bizStep disposition readPoint bizLocation quantityList sourceList destinationList sensorElementList persistentDisposition extension', { bizTransactionList: ['bizTransactionList', 1, 1, BIZ_TRANSACTION_LIST], epcList: list('epcList', EPC_LIST), quantityList: list('quantityList', QUANTITY_LIST) })] },
  TransformationEvent: { kind: 'seq', other: true, attrs: 'any', items: [...EVENT_BASE, ...w('inputEPCList inputQuantityList outputEPCList outputQuantityList transformationID bizStep disposition readPoint bizLocation bizTransactionList sourceList destinationList sensorElementList persistentDisposition ilmd extension', { inputEPCList: list('inputEPCList', EPC_LIST), inputQuantityList: list('inputQuantityList', QUANTITY_LIST), outputEPCList: list('outputEPCList', EPC_LIST), outputQuantityList: list('outputQuantityList', QUANTITY_LIST), transformationID: ['transformationID', 0, 1, LEAF] })] },
  AssociationEvent: { kind: 'seq', other: true, attrs: 'any', items: [...EVENT_BASE, ...w('parentID childEPCs childQuantityList action bizStep disposition readPoint bizLocation bizTransactionList sourceList destinationList sensorElementList persistentDisposition extension', { parentID: ['parentID', 1, 1, LEAF], childEPCs: list('childEPCs', EPC_LIST), childQuantityList: list('childQuantityList', QUANTITY_LIST) })] },
};

const ID_LIST: Model = { kind: 'seq', items: [['id', 0, INF, LEAF]], attrs: 'any' };
/** EPCISHeader (EPCIS 2.0 XSD): an optional SBDH, then an optional extension with the master data. */
const HEADER: Model = {
  kind: 'seq',
  sbdh: true,
  attrs: 'any',
  items: [[
    'extension', 0, 1, {
      kind: 'seq',
      attrs: 'any',
      items: [
        ['EPCISMasterData', 0, 1, {
          kind: 'seq',
          items: [
            ['VocabularyList', 1, 1, {
              kind: 'seq',
              items: [['Vocabulary', 0, INF, {
                kind: 'seq', other: true, attrs: 'any', required: ['type'],
                items: [
                  ['VocabularyElementList', 0, 1, {
                    kind: 'seq',
                    items: [['VocabularyElement', 1, INF, {
                      kind: 'seq', other: true, attrs: 'any', required: ['id'],
                      items: [['attribute', 0, INF, { kind: 'any', required: ['id'] }], ['children', 0, 1, ID_LIST], ['extension', 0, 1, LOCAL]],
                    }]],
                  }],
                  ['extension', 0, 1, LOCAL],
                ],
              }]],
            }],
            ['extension', 0, 1, LOCAL],
          ],
        }],
        ['extension', 0, 1, LOCAL],
      ],
    },
  ]],
};

/** Checks an element tree against an XSD content model; `report(path, message)` for each violation. */
function checkModel(node: XNode, model: Model, path: string, epcisNs: string, report: (path: string, message: string) => void): void {
  const where = `<${node.local}> (line ${node.line})`;
  const ownAttrs = node.attrs.filter((a) => a.uri !== NS_XSI);
  switch (model.kind) {
    case 'leaf': {
      if (node.children.length > 0) report(path, `${where} may only hold text, not the element <${node.children[0].local}>`);
      for (const a of ownAttrs) if (a.uri !== '' || !model.attrs?.includes(a.local)) report(path, `${where} may not carry the attribute ${a.local}`);
      for (const a of node.attrs) if (a.uri === NS_XSI && a.local !== 'nil') report(path, `${where} may not carry xsi:${a.local}`);
      const nil = attr(node, 'nil', NS_XSI);
      if (nil !== undefined && !model.nil) report(path, `${where} is not nillable`);
      else if (nil !== undefined && !/^(true|false|1|0)$/.test(nil.trim())) report(path, `${where}: xsi:nil must be true or false`);
      else if (isNil(node) && text(node)) report(path, `${where} is nil and may not hold text`);
      return;
    }
    case 'simple-any-attr':
      if (node.children.length > 0) report(path, `${where} may only hold attributes and text, not the element <${node.children[0].local}>`);
      return;
    case 'local-any':
      if (node.children.length === 0) report(path, `${where} needs at least one element (or is left out)`);
      for (const c of node.children) {
        if (c.uri !== '') report(`${path}/${c.local}`, `<${node.local}> (line ${node.line}) holds no-namespace elements only, not <${c.local}> in ${c.uri}`);
        else checkLax(c, `${path}/${c.local}`, report);
      }
      if (text(node)) report(path, `${where} may not hold text`);
      return;
    case 'other-any':
      if (node.children.length === 0) report(path, `${where} needs at least one extension element (or is left out)`);
      for (const c of node.children) {
        if (c.uri === '' || c.uri === epcisNs) report(`${path}/${c.local}`, `<${node.local}> (line ${node.line}) holds user extensions only (elements in their own namespace), not <${c.local}>`);
        else checkLax(c, `${path}/${c.local}`, report);
      }
      if (text(node)) report(path, `${where} may not hold text`);
      return;
    case 'any':
      for (const r of model.required ?? []) if (attr(node, r) === undefined) report(path, `${where} needs the attribute ${r}`);
      for (const c of node.children) checkLax(c, `${path}/${c.local}`, report);
      return;
    case 'seq':
      break;
  }
  if (model.attrs !== 'any') for (const a of ownAttrs) report(path, `${where} may not carry the attribute ${a.local}`);
  for (const r of model.required ?? []) if (attr(node, r) === undefined) report(path, `${where} needs the attribute ${r}`);
  if (text(node)) report(path, `${where} may not hold text ("${text(node).slice(0, 40)}")`);
  const counts = new Map<string, number>();
  let at = -1;
  let inOther = false;
  for (const c of node.children) {
    const cp = `${path}/${c.local}`;
    if (c.uri !== '') {
      const isSbdh = c.uri === 'http://www.unece.org/cefact/namespaces/StandardBusinessDocumentHeader' && c.local === 'StandardBusinessDocumentHeader';
      if (model.sbdh && isSbdh && at < 0 && !counts.has('#sbdh')) counts.set('#sbdh', 1);
      else if (c.uri === epcisNs) report(cp, `<${c.local}> (line ${c.line}) is in the EPCIS namespace; EPCIS elements have no namespace and extensions need their own`);
      else if (!model.other) report(cp, `<${node.local}> does not allow extension elements (<${c.local}>, line ${c.line})`);
      else {
        inOther = true;
        checkLax(c, cp, report);
      }
      continue;
    }
    const i = model.items.findIndex((it) => it[0] === c.local);
    if (i < 0) {
      report(cp, `unexpected element <${c.local}> in <${node.local}> (line ${c.line})`);
      continue;
    }
    const [name, , max, sub] = model.items[i];
    const n = (counts.get(name) ?? 0) + 1;
    counts.set(name, n);
    if (!model.choice) {
      if (inOther) report(cp, `<${c.local}> (line ${c.line}) comes after an extension element; extensions go last`);
      else if (i < at) report(cp, `<${c.local}> (line ${c.line}) is out of order: the EPCIS 2.0 XSD puts it before <${model.items[at][0]}>`);
      at = Math.max(at, i);
    }
    if (n > max) report(cp, `<${c.local}> (line ${c.line}) may appear ${max === 1 ? 'once' : `at most ${max} times`} in <${node.local}>`);
    checkModel(c, sub, cp, epcisNs, report);
  }
  for (const [name, min] of model.items) if ((counts.get(name) ?? 0) < min) report(`${path}/${name}`, `${where} needs <${name}>`);
}


const NS_XSD = 'http://www.w3.org/2001/XMLSchema';
const XSD_INTEGER = /^[+-]?\d+$/;
const XSD_DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const XSD_FLOAT = /^([+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|[+-]?INF|NaN)$/;
const XSD_DATE_TIME = /^-?\d{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-]((0\d|1[0-3]):[0-5]\d|14:00))?$/;
/** Lexical checks of the XSD built-in simple types an `xsi:type` in a user extension may name (else: refused). */
const XSD_SIMPLE_TYPES: Record<string, (s: string) => boolean> = {
  string: () => true,
  normalizedString: () => true,
  token: () => true,
  anyURI: () => true,
  boolean: (s) => /^(true|false|1|0)$/.test(s),
  integer: (s) => XSD_INTEGER.test(s),
  int: (s) => XSD_INTEGER.test(s) && Math.abs(Number(s)) <= 2 ** 31,
  long: (s) => XSD_INTEGER.test(s),
  nonNegativeInteger: (s) => XSD_INTEGER.test(s) && !s.startsWith('-'),
  positiveInteger: (s) => XSD_INTEGER.test(s) && Number(s) > 0,
  decimal: (s) => XSD_DECIMAL.test(s),
  double: (s) => XSD_FLOAT.test(s),
  float: (s) => XSD_FLOAT.test(s),
  dateTime: (s) => XSD_DATE_TIME.test(s) && !Number.isNaN(Date.parse(s.replace(/^(\d{4})-(\d\d)-(\d\d)T.*$/, '$1-$2-$3'))) && validDay(s),
};
function validDay(s: string): boolean {
  const [y, m, d] = s.slice(0, 10).split('-').map(Number);
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/**
 * A user extension under the XSD's lax wildcard: free content, except that an `xsi:type` is honoured, as a
 * validator does (GS1's examples type extension values `xsd:integer`, `xsd:double`, …): the type must be a
 * known XSD simple type, and the element then holds only a value of that type (no child elements, attributes).
 */
function checkLax(node: XNode, path: string, report: (path: string, message: string) => void): void {
  if (node.xsiType !== undefined) {
    const where = `<${node.local}> (line ${node.line})`;
    const type = node.xsiType.startsWith(`{${NS_XSD}}`) ? node.xsiType.slice(NS_XSD.length + 2) : null;
    const check = type === null ? undefined : XSD_SIMPLE_TYPES[type];
    if (!check) report(path, `${where}: xsi:type ${node.xsiType} is not an XML Schema simple type we know`);
    else {
      if (node.children.length > 0) report(path, `${where} is typed xsd:${type} and may not hold elements`);
      if (node.attrs.some((a) => a.uri !== NS_XSI)) report(path, `${where} is typed xsd:${type} and may not carry attributes`);
      const value = type === 'string' ? node.text : text(node);
      if (!isNil(node) && !check(value)) report(path, `${where}: "${value.slice(0, 40)}" is not an xsd:${type}`);
    }
    return;
  }
  for (const c of node.children) checkLax(c, `${path}/${c.local}`, report);
}

// ---------------------------------------------------------------------------------------
// Streaming driver
// ---------------------------------------------------------------------------------------

class Abort extends Error {}

type Frame =
  | 'root'
  | 'header'
  | 'body'
  | 'queryResults'
  | 'resultsBody'
  | 'eventList'
  | 'skip';

type Capture = { kind: 'event' | 'header' | 'queryField' | 'check'; stack: XNode[]; index: number | null; model?: Model | 'lax' };

function decode(input: string | Buffer): string {
  if (typeof input === 'string') return input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const b = input;
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return new TextDecoder('utf-16le').decode(b.subarray(2));
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return new TextDecoder('utf-16be').decode(b.subarray(2));
  const s = new TextDecoder('utf-8', { fatal: true }).decode(b);
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

/**
 * Converts an EPCIS 2.0 (or 1.x) XML document to the EPCIS 2.0 JSON-LD document.
 * Never throws: every problem is returned as an error with the event index (position in
 * the event list) where one applies and a JSON-pointer-like path into the result.
 */
export function epcisXmlToJson(xml: string | Buffer): EpcisXmlResult {
  const errors: EpcisXmlError[] = [];
  try {
    return run(xml, errors);
  } catch (e) {
    if (!(e instanceof Abort)) {
      errors.push({ eventIndex: null, path: '', message: `internal error: ${(e as Error)?.message ?? String(e)}` });
    }
    if (errors.length === 0) errors.push({ eventIndex: null, path: '', message: 'conversion aborted' });
    return { ok: false, errors };
  }
}

function run(xml: string | Buffer, errors: EpcisXmlError[]): EpcisXmlResult {
  let source: string;
  try {
    source = decode(xml);
  } catch (e) {
    errors.push({ eventIndex: null, path: '', message: `input is not valid UTF-8: ${(e as Error).message}` });
    return { ok: false, errors };
  }

  const ns = new Namespaces();
  const frames: Frame[] = [];
  let capture: Capture | null = null;
  let docType: 'EPCISDocument' | 'EPCISQueryDocument' | null = null;
  const rootAttrs: Obj = {};
  let header: Obj | null = null;
  let sawBody = false;
  let sawResults = false;
  const queryFields: Obj = {};
  const events: Obj[] = [];
  let eventCount = 0;

  const listPath = () =>
    docType === 'EPCISQueryDocument' ? '/epcisBody/queryResults/resultsBody/eventList' : '/epcisBody/eventList';

  const currentPath = (): string => {
    if (capture?.kind === 'event') return `${listPath()}/${capture.index}`;
    const top = frames[frames.length - 1];
    if (top === 'eventList') return listPath();
    if (top === 'body' || top === 'queryResults' || top === 'resultsBody') return '/epcisBody';
    if (top === 'header' || capture?.kind === 'header') return '/epcisHeader';
    return '';
  };

  const parser = new SaxesParser({ xmlns: true, position: true });
  const xsiTypeOf = (tag: SaxesTagNS): { xsiType?: string } => {
    const a = Object.values(tag.attributes).find((x) => x.uri === NS_XSI && x.local === 'type');
    if (!a) return {};
    const v = a.value.trim();
    const colon = v.indexOf(':');
    const uri = parser.resolve(colon < 0 ? '' : v.slice(0, colon));
    return { xsiType: uri === undefined ? '?' : `{${uri}}${colon < 0 ? v : v.slice(colon + 1)}` };
  };
  /** An EPCIS 2.0 document: its structure must follow GS1's 2.0 XSD (1.x documents are read leniently). */
  let strict = false;
  /** Strict mode: the no-namespace children seen so far in the root, body and event list (for their XSD order). */
  const seen: { root: number; body: number } = { root: -1, body: -1 };
  let otherSeen = { root: false, body: false };

  const fail = (message: string, eventIndex: number | null = capture?.kind === 'event' ? capture.index : null) => {
    errors.push({ eventIndex, path: currentPath(), message });
    throw new Abort(message);
  };

  parser.on('error', (e) => fail(`malformed XML: ${e.message}`));
  // EPCIS documents have no DTD. A bare `<!DOCTYPE name>` (some GS1 examples have one) is harmless; one with an
  // internal subset (entity declarations, e.g. "billion laughs") or an external DTD is refused outright, never
  // expanded or fetched (saxes expands no DTD entities either: an undeclared entity is a well-formedness error).
  parser.on('doctype', (dt) => {
    if (/[[<]|\bSYSTEM\b|\bPUBLIC\b/.test(dt)) fail('a DOCTYPE with an internal subset or an external DTD is not allowed in an EPCIS document', null);
  });

  /** Strict mode: a child of the root or body at XSD position `index` (-1: an extension element in another namespace). */
  const structural = (where: 'root' | 'body', tag: SaxesTagNS, names: string[]) => {
    if (!strict) return;
    if (tag.uri !== '') {
      if (NS_EPCIS.has(tag.uri) || NS_EPCIS_QUERY.has(tag.uri)) fail(`<${tag.name}> (line ${parser.line}) is in the EPCIS namespace; EPCIS elements have no namespace`, null);
      otherSeen = { ...otherSeen, [where]: true };
      return;
    }
    const i = names.indexOf(tag.local);
    if (i < 0) fail(`unexpected element <${tag.local}> (line ${parser.line}) in ${where === 'root' ? `<${docType}>` : '<EPCISBody>'}`, null);
    if (otherSeen[where] || i <= seen[where]) fail(`<${tag.local}> (line ${parser.line}) is out of order or repeated in ${where === 'root' ? `<${docType}>` : '<EPCISBody>'} (EPCIS 2.0 XSD)`, null);
    seen[where] = i;
  };

  parser.on('opentag', (tag) => {
    for (const [prefix, uri] of Object.entries(tag.ns ?? {})) ns.declare(prefix, uri);
    const line = parser.line;
    if (capture) {
      const node: XNode = { uri: tag.uri, local: tag.local, attrs: attrsOf(tag), children: [], text: '', line, ...xsiTypeOf(tag) };
      capture.stack[capture.stack.length - 1].children.push(node);
      capture.stack.push(node);
      return;
    }
    const top = frames[frames.length - 1];
    const startCapture = (kind: Capture['kind'], index: number | null, model?: Capture['model']) => {
      const node: XNode = { uri: tag.uri, local: tag.local, attrs: attrsOf(tag), children: [], text: '', line, ...xsiTypeOf(tag) };
      capture = { kind, stack: [node], index, model };
    };
    /** Strict mode: an `extension` or extension element of the root, body or event list, checked when it ends. */
    const startCheck = (model: Model | 'lax') => startCapture('check', null, model);
    if (top === undefined) {
      if (NS_EPCIS.has(tag.uri) && tag.local === 'EPCISDocument') docType = 'EPCISDocument';
      else if (NS_EPCIS_QUERY.has(tag.uri) && tag.local === 'EPCISQueryDocument') docType = 'EPCISQueryDocument';
      else {
        fail(
          `root element <${tag.name}>${tag.uri ? ` (namespace ${tag.uri})` : ''} is not an EPCIS document: ` +
            'expected EPCISDocument (urn:epcglobal:epcis:xsd:2) or EPCISQueryDocument (urn:epcglobal:epcis-query:xsd:2)',
          null,
        );
      }
      strict = tag.uri === 'urn:epcglobal:epcis:xsd:2' || tag.uri === 'urn:epcglobal:epcis-query:xsd:2';
      for (const a of attrsOf(tag)) {
        if (a.uri === '' && (a.local === 'schemaVersion' || a.local === 'creationDate')) rootAttrs[a.local] = a.value.trim();
      }
      frames.push('root');
      return;
    }
    switch (top) {
      case 'root':
        structural('root', tag, ['EPCISHeader', 'EPCISBody', 'extension']);
        if (tag.local === 'EPCISHeader') startCapture('header', null);
        else if (tag.local === 'EPCISBody') {
          sawBody = true;
          frames.push('body');
        } else if (strict) startCheck(tag.uri === '' ? LOCAL : 'lax');
        else frames.push('skip');
        return;
      case 'body':
        if (docType === 'EPCISDocument') structural('body', tag, ['EventList', 'extension']);
        if (docType === 'EPCISDocument' && tag.local === 'EventList') frames.push('eventList');
        else if (docType === 'EPCISDocument' && strict) startCheck(tag.uri === '' ? LOCAL : 'lax');
        else if (docType === 'EPCISQueryDocument' && tag.local === 'QueryResults') {
          sawResults = true;
          frames.push('queryResults');
        } else if (docType === 'EPCISQueryDocument' && tag.local === 'QueryTooLargeException') {
          frames.push('skip');
        } else frames.push('skip');
        return;
      case 'queryResults':
        if (tag.local === 'resultsBody') frames.push('resultsBody');
        else if (tag.local === 'extension') frames.push('queryResults');
        else startCapture('queryField', null);
        return;
      case 'resultsBody':
        frames.push(tag.local === 'EventList' ? 'eventList' : 'skip');
        return;
      case 'eventList':
        // EPCIS 1.x: <EventList><extension><TransformationEvent>…</extension>
        // (EPCIS 2.0: that extension holds elements of other namespaces only, which are no events)
        if (tag.uri === '' && tag.local === 'extension') {
          if (strict) startCheck(OTHER);
          else frames.push('eventList');
        } else startCapture('event', eventCount++);
        return;
      default:
        frames.push('skip');
    }
  });

  const onText = (t: string) => {
    if (capture) capture.stack[capture.stack.length - 1].text += t;
    else if (strict && t.trim() && ['root', 'body', 'eventList'].includes(frames[frames.length - 1])) fail(`text "${t.trim().slice(0, 40)}" where the EPCIS 2.0 XSD allows elements only (line ${parser.line})`, null);
  };
  parser.on('text', onText);
  parser.on('cdata', onText);

  parser.on('closetag', () => {
    if (capture) {
      const node = capture.stack.pop() as XNode;
      if (capture.stack.length > 0) return;
      const done: Capture = capture;
      capture = null;
      if (done.kind === 'event') {
        const path = `${listPath()}/${done.index}`;
        const model = strict && node.uri === '' ? EVENT_MODELS[node.local] : undefined;
        if (model) {
          checkModel(node, model, path, 'urn:epcglobal:epcis:xsd:2', (p, message) => {
            if (errors.length < MAX_ERRORS) errors.push({ eventIndex: done.index, path: p, message });
          });
        }
        const ev = new EventConverter(ns, errors, done.index, strict).event(node, path);
        if (ev && errors.length === 0) events.push(ev);
      } else if (done.kind === 'header') {
        if (strict) checkModel(node, HEADER, '/epcisHeader', 'urn:epcglobal:epcis:xsd:2', (p, message) => errors.length < MAX_ERRORS && errors.push({ eventIndex: null, path: p, message }));
        header = new EventConverter(ns, errors, null).header(node, '/epcisHeader');
      } else if (done.kind === 'check') {
        const report = (p: string, message: string) => errors.length < MAX_ERRORS && errors.push({ eventIndex: null, path: p, message });
        if (done.model === 'lax') checkLax(node, `/${node.local}`, report);
        else if (done.model) checkModel(node, done.model, `/${node.local}`, 'urn:epcglobal:epcis:xsd:2', report);
      } else if (node.local === 'queryName' || node.local === 'subscriptionID') {
        queryFields[node.local] = text(node);
      }
      if (errors.length >= MAX_ERRORS) throw new Abort('too many errors');
      return;
    }
    frames.pop();
  });

  for (let i = 0; i < source.length; i += CHUNK) parser.write(source.slice(i, i + CHUNK));
  parser.close();

  if (docType === null) fail('document has no root element', null);
  if (!sawBody) errors.push({ eventIndex: null, path: '/epcisBody', message: 'document has no EPCISBody' });
  if (docType === 'EPCISQueryDocument' && sawBody && !sawResults) {
    errors.push({ eventIndex: null, path: '/epcisBody/queryResults', message: 'query document has no QueryResults' });
  }
  if (errors.length > 0) return { ok: false, errors };

  const context: unknown[] = [EPCIS_CONTEXT_URL];
  if (Object.keys(ns.context).length > 0) context.push({ ...ns.context });
  const document: Obj = { '@context': context, type: docType, ...rootAttrs };
  if (header) document.epcisHeader = header;
  if (docType === 'EPCISQueryDocument') {
    document.epcisBody = { queryResults: { ...queryFields, resultsBody: { eventList: events } } };
  } else {
    document.epcisBody = { eventList: events };
  }
  return { ok: true, document };
}

/**
 * The cheap check a capture gets on the request (capture-prepare.ts `checkCapture`): the XML is well formed,
 * has no DTD beyond a bare `<!DOCTYPE name>`, nests at most `maxDepth` elements deep, and its root is an EPCIS
 * document (`EPCISDocument`, EPCIS 1.x or 2.0 namespace) with at most `maxEvents` events. One SAX pass, no tree.
 */
export function checkEpcisXml(xml: string | Buffer, limits: { maxEvents: number; maxDepth: number }): EpcisXmlError[] {
  const refuse = (message: string): EpcisXmlError[] => [{ eventIndex: null, path: '', message }];
  let source: string;
  try {
    source = decode(xml);
  } catch (e) {
    return refuse(`input is not valid UTF-8: ${(e as Error).message}`);
  }
  const parser = new SaxesParser({ xmlns: true, position: true });
  let depth = 0;
  let root: string | null = null;
  let eventList = false;
  let listExtension = false;
  let events = 0;
  let problem: string | null = null;
  const stop = (message: string) => {
    problem ??= message;
    throw new Abort(message);
  };
  parser.on('error', (e) => stop(`malformed XML: ${e.message}`));
  parser.on('doctype', (dt) => {
    if (/[[<]|\bSYSTEM\b|\bPUBLIC\b/.test(dt)) stop('a DOCTYPE with an internal subset or an external DTD is not allowed in an EPCIS document');
  });
  parser.on('opentag', (tag) => {
    depth++;
    if (depth > limits.maxDepth) stop(`elements nest more than ${limits.maxDepth} deep (line ${parser.line})`);
    if (depth === 1) {
      root = tag.local;
      if (!(NS_EPCIS.has(tag.uri) && tag.local === 'EPCISDocument')) {
        stop(
          `root element <${tag.name}>${tag.uri ? ` (namespace ${tag.uri})` : ''} is not an EPCIS document to capture: ` +
            'expected EPCISDocument (urn:epcglobal:epcis:xsd:2)',
        );
      }
    } else if (depth === 3 && tag.local === 'EventList') eventList = true;
    else if (eventList && depth === 4) {
      if (tag.uri === '' && tag.local === 'extension') listExtension = true;
      else events++;
    } else if (listExtension && depth === 5) events++; // 1.x: <EventList><extension><TransformationEvent>
    if (events > limits.maxEvents) stop(`at most ${limits.maxEvents} events a capture`);
  });
  parser.on('closetag', (tag) => {
    if (depth === 3 && tag.local === 'EventList') eventList = false;
    if (depth === 4) listExtension = false;
    depth--;
  });
  try {
    for (let i = 0; i < source.length; i += CHUNK) parser.write(source.slice(i, i + CHUNK));
    parser.close();
  } catch (e) {
    if (!(e instanceof Abort)) problem ??= `malformed XML: ${(e as Error)?.message ?? String(e)}`;
  }
  if (problem) return refuse(problem);
  if (root === null) return refuse('the document has no root element');
  return [];
}
