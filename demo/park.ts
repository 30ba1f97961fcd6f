/**
 * The demo park: one realistic Chinese chemical and polymer park whose material flows close loops.
 * Everything the demo shows (enterprises, sites, process units, devices, measurement points, users,
 * the exchanges between enterprises) is defined here, once; the loader, the device simulator and
 * later features read it from this module. The companies, people, phone numbers and credit codes
 * are invented; the capacities, operating values and emission limits are plausible for the kind
 * of plant (see docs/demo-park.md).
 */
import { isValidUscc, usccCheckChar } from '../src/core/uscc.ts';

export { isValidUscc, usccCheckChar };

export type Industry = 'chemicals' | 'petrochemicals' | 'polymers' | 'fertilizers' | 'pharma' | 'building_materials' | 'energy' | 'recycling' | 'waste_treatment' | 'utilities' | 'other';
export type UnitKind = 'production' | 'utility' | 'storage' | 'treatment' | 'logistics' | 'environmental';
export type DeviceKind = 'energy_meter' | 'flow_meter' | 'emission_monitor' | 'quality_analyzer' | 'level_gauge' | 'temperature_sensor' | 'pressure_sensor' | 'weighbridge' | 'gateway' | 'other';
export type Protocol = 'mqtt' | 'sparkplug' | 'http' | 'opcua';
export type TagKind = 'energy' | 'power' | 'flow' | 'mass' | 'level' | 'temperature' | 'pressure' | 'emission' | 'quality' | 'other';

export interface DemoTag {
  key: string;
  name: string;
  nameEn: string;
  kind: TagKind;
  unit: string;
  materialCode?: string;
  lowLowLimit?: number;
  lowLimit?: number;
  highLimit?: number;
  highHighLimit?: number;
  /** typical operating value, used by the device simulator later */
  nominal: number;
  /**
   * A totaliser that only counts up (energy meters, heat meters). Its `nominal` is then the
   * typical increase per hour, not a reading, and it has no alarm limits.
   */
  counter?: boolean;
  description?: string;
}
export interface DemoDevice { code: string; name: string; nameEn: string; kind: DeviceKind; protocol: Protocol; manufacturer?: string; model?: string; serialNo?: string; tags: DemoTag[] }
export interface DemoUnit { code: string; name: string; nameEn: string; kind: UnitKind; capacityValue?: number; capacityUnit?: string; description?: string; devices: DemoDevice[] }
export interface DemoSite { code: string; name: string; nameEn: string; address?: string; lat?: number; lng?: number; units: DemoUnit[] }
export interface DemoEnterprise {
  code: string;
  name: string;
  nameEn: string;
  industry: Industry;
  uscc: string;
  contactName?: string;
  contactPhone?: string;
  /** short Chinese name, as people in the park say it (used in user display names) */
  shortName?: string;
  sites: DemoSite[];
}
export interface DemoPark { code: string; name: string; nameEn: string; timezone: string; address: string; lat: number; lng: number; identifierPrefix: string; enterprises: DemoEnterprise[] }

export const DEMO_PASSWORD = 'symbiont-demo';

/** The park material catalogue's keys a demo tag or flow may refer to. */
export const DEMO_MATERIAL_CODES: readonly string[] = [
  'ELECTRICITY', 'STEAM_HP', 'STEAM_LP', 'WASTE_HEAT', 'NATURAL_GAS', 'RAW_COAL', 'FUEL_GAS', 'DIESEL',
  'INDUSTRIAL_WATER', 'DEMIN_WATER', 'COOLING_WATER', 'WASTEWATER', 'TREATED_WATER',
  'HYDROGEN_BYPRODUCT', 'SALT', 'BRINE', 'CHLORINE', 'CAUSTIC_SODA', 'HYDROCHLORIC_ACID', 'SODIUM_HYPOCHLORITE', 'BRINE_SLUDGE',
  'EDC', 'VCM', 'PVC_RESIN', 'CALCIUM_CARBIDE', 'CARBIDE_SLAG',
  'CRUDE_OIL', 'NAPHTHA', 'ETHYLENE', 'PROPYLENE', 'PE_PELLETS', 'PP_PELLETS', 'OFFSPEC_PE',
  'SULFUR', 'SULFUR_SLAG', 'SPENT_CATALYST_HYDROTREATING', 'SPENT_CATALYST_FCC', 'WASTE_MINERAL_OIL', 'OILY_SLUDGE',
  'WASTE_PLASTICS', 'RECYCLED_PE_PELLETS', 'WASTE_PACKAGING_CONTAMINATED',
  'PHOSPHATE_ROCK', 'SULFURIC_ACID', 'PHOSPHORIC_ACID', 'MAP', 'PHOSPHOGYPSUM', 'AMMONIA',
  'LIMESTONE', 'CLINKER', 'CEMENT', 'FLY_ASH', 'BOTTOM_ASH', 'FGD_GYPSUM', 'GYPSUM_BUILDING',
  'API_PRODUCT', 'SPENT_SOLVENT', 'SPENT_SOLVENT_HALOGENATED', 'RECOVERED_SOLVENT', 'PHARMA_DISTILLATION_RESIDUE', 'PHARMA_MOTHER_LIQUOR',
  'WASTE_ACID', 'WASTE_ALKALI', 'SPENT_ACTIVATED_CARBON', 'INCINERATION_FLY_ASH', 'WWTP_SLUDGE',
];

/** Units of measure a demo tag or unit capacity may use. */
export const DEMO_UNIT_CODES: readonly string[] = [
  'kg', 't', 'm3', 'L', 'Nm3', 'kWh', 'MWh', 'MJ', 'GJ', 'kgce', 'tce', 'kW', 'MW', 't/h', 'kg/h', 'm3/h', 'Nm3/h',
  't/a', 't/d', 'm3/d', '°C', 'kPa', 'MPa', 'bar', '%', 'mg/m3', 'ppm', 'pH', 'g/10min', 'mS/cm', 'mg/L', 'm', 'mm', 'pcs',
];

// ---------------------------------------------------------------------------------------------
// Builders: they only shorten the data below, every value is still written out where it is used.

type Limits = Pick<DemoTag, 'lowLowLimit' | 'lowLimit' | 'highLimit' | 'highHighLimit'>;
type TagExtra = Limits & Pick<DemoTag, 'materialCode' | 'counter' | 'description'>;

/** Alarm limits LL, L, H, HH; `null` leaves one unset. */
function lim(lowLow: number | null, low: number | null, high: number | null, highHigh: number | null): Limits {
  const l: Limits = {};
  if (lowLow !== null) l.lowLowLimit = lowLow;
  if (low !== null) l.lowLimit = low;
  if (high !== null) l.highLimit = high;
  if (highHigh !== null) l.highHighLimit = highHigh;
  return l;
}

function tag(key: string, name: string, nameEn: string, kind: TagKind, unit: string, nominal: number, extra: TagExtra = {}): DemoTag {
  return { key, name, nameEn, kind, unit, nominal, ...extra };
}

type DeviceInfo = Pick<DemoDevice, 'protocol' | 'manufacturer' | 'model' | 'serialNo'>;

function device(code: string, name: string, nameEn: string, kind: DeviceKind, info: DeviceInfo, tags: DemoTag[]): DemoDevice {
  return { code, name, nameEn, kind, ...info, tags };
}

/** A three-phase electricity meter: active power with its alarm limits, and the import energy totaliser. */
function electricityMeter(code: string, name: string, nameEn: string, kW: number, highKW: number, highHighKW: number, info: DeviceInfo): DemoDevice {
  return device(code, name, nameEn, 'energy_meter', info, [
    tag('active_power', '有功功率', 'Active power', 'power', 'kW', kW, { materialCode: 'ELECTRICITY', ...lim(null, null, highKW, highHighKW) }),
    tag('active_energy', '正向有功电能', 'Active energy (import)', 'energy', 'kWh', kW, {
      materialCode: 'ELECTRICITY', counter: true, description: '累计电量；nominal 为每小时增量',
    }),
  ]);
}

/** One weighing channel of a truck scale: the net weight of a load of `materialCode`. */
function netWeight(key: string, name: string, nameEn: string, materialCode: string, nominal: number, high: number, highHigh: number): DemoTag {
  return tag(key, name, nameEn, 'mass', 't', nominal, { materialCode, ...lim(null, null, high, highHigh), description: '单车净重（毛重减皮重）' });
}

/**
 * How every demo device reaches the platform: demo/simulator.ts publishes each one as JSON over
 * MQTT with its own credentials. The protocol label says so, whatever the instrument would speak
 * in a real plant (a DCS over OPC UA, a meter over Sparkplug B, a scale over HTTP): a label that
 * named another transport would send whoever debugs the demo to the wrong place.
 */
export const DEMO_PROTOCOL: Protocol = 'mqtt';

const ACREL = (model: string, serialNo: string): DeviceInfo => ({ protocol: DEMO_PROTOCOL, manufacturer: '安科瑞电气', model, serialNo });
const WASION = (serialNo: string): DeviceInfo => ({ protocol: DEMO_PROTOCOL, manufacturer: '威胜集团', model: 'DTSD341-MB3', serialNo });
/** Instruments read by a plant DCS whose gateway forwards them to the park over MQTT (the model says so). */
const DCS = (manufacturer: string, model: string, serialNo: string): DeviceInfo => ({ protocol: DEMO_PROTOCOL, manufacturer, model: `${model}（经 DCS 网关 MQTT 上送）`, serialNo });
const SCALE = (serialNo: string): DeviceInfo => ({ protocol: DEMO_PROTOCOL, manufacturer: '梅特勒-托利多', model: 'SCS-100T 数字式汽车衡', serialNo });
const CEMS = (manufacturer: string, model: string, serialNo: string): DeviceInfo => ({ protocol: DEMO_PROTOCOL, manufacturer, model, serialNo });

// ---------------------------------------------------------------------------------------------
// The park. 11 enterprises, in the order materials mostly travel: salt and crude in, cement out.

const PARK_LAT = 37.0642;
const PARK_LNG = 119.1486;

const chloralkali: DemoEnterprise = {
  code: 'chloralkali',
  name: '滨海华盐氯碱化工有限公司',
  nameEn: 'Binhai Huayan Chlor-Alkali Chemical Co., Ltd.',
  shortName: '华盐氯碱',
  industry: 'chemicals',
  uscc: '91370700MA3C7K2D55',
  contactName: '王建国',
  contactPhone: '0536-7581201',
  sites: [{
    code: 'chloralkali-main',
    name: '氯碱厂区',
    nameEn: 'Chlor-alkali works',
    address: '滨海循环经济化工园区渤海路6号',
    lat: 37.0711,
    lng: 119.1352,
    units: [
      {
        code: 'chloralkali-brine', name: '一次盐水精制装置', nameEn: 'Brine purification', kind: 'production',
        capacityValue: 450000, capacityUnit: 't/a',
        description: '化盐、预处理器、膜过滤及螯合树脂塔二次精制；产出精制盐水与盐泥',
        devices: [
          device('chloralkali-fm-01', '精制盐水流量计', 'Purified brine flow meter', 'flow_meter', DCS('艾默生', 'Rosemount 8705 电磁流量计', 'RM8705-21-03317'), [
            tag('brine_flow', '精制盐水流量', 'Purified brine flow', 'flow', 'm3/h', 180, { materialCode: 'BRINE', ...lim(100, 130, 210, 230) }),
            tag('brine_temp', '精制盐水温度', 'Purified brine temperature', 'temperature', '°C', 62, lim(50, 55, 68, 72)),
            tag('ca_mg', '二次盐水钙镁含量', 'Ca + Mg in secondary brine', 'quality', 'mg/L', 0.012, { materialCode: 'BRINE', ...lim(null, null, 0.02, 0.03), description: '离子膜要求 Ca+Mg ≤ 20 ppb' }),
          ]),
          device('chloralkali-wb-01', '原盐及盐泥汽车衡', 'Salt and brine sludge truck scale', 'weighbridge', SCALE('MT-SCS-2019-05518'), [
            netWeight('salt_net', '原盐净重', 'Raw salt, net weight', 'SALT', 33, 40, 49),
            netWeight('brine_sludge_net', '盐泥净重', 'Brine sludge, net weight', 'BRINE_SLUDGE', 18, 30, 35),
          ]),
        ],
      },
      {
        code: 'chloralkali-electrolysis', name: '离子膜电解装置', nameEn: 'Ion-exchange membrane electrolysis', kind: 'production',
        capacityValue: 300000, capacityUnit: 't/a',
        description: '离子膜电解槽（自然循环复极式），产 32% 烧碱、氯气、氢气；折百烧碱 30 万吨/年',
        devices: [
          electricityMeter('chloralkali-em-01', '整流变压器电能表', 'Rectifier transformer energy meter', 86000, 95000, 100000, WASION('WS341-2021-108851')),
          device('chloralkali-qa-01', '32%烧碱浓度在线分析仪', 'Caustic soda (32%) concentration analyzer', 'quality_analyzer', DCS('横河电机', 'SC450G 电导率浓度计', 'YK-SC450-77412'), [
            tag('naoh_conc', '烧碱浓度', 'NaOH concentration', 'quality', '%', 32.0, { materialCode: 'CAUSTIC_SODA', ...lim(30.5, 31.5, 32.5, 33.0) }),
            tag('naoh_flow', '32%碱液产量', 'Caustic soda (32%) flow', 'flow', 't/h', 117, { materialCode: 'CAUSTIC_SODA', ...lim(null, 60, 125, 130) }),
            tag('cell_outlet_temp', '电解槽出口碱液温度', 'Cell outlet catholyte temperature', 'temperature', '°C', 88, lim(80, 85, 90, 92)),
          ]),
        ],
      },
      {
        code: 'chloralkali-cl-h2', name: '氯氢处理装置', nameEn: 'Chlorine and hydrogen treatment', kind: 'production',
        capacityValue: 266000, capacityUnit: 't/a',
        description: '氯气冷却、硫酸干燥、透平压缩后送 PVC；氢气洗涤冷却后送炼厂加氢及氯化氢合成',
        devices: [
          device('chloralkali-fm-02', '氯气总管流量计', 'Chlorine header flow meter', 'flow_meter', DCS('横河电机', 'EJA110E 差压变送器+孔板', 'YK-EJA-60219'), [
            tag('cl2_flow', '氯气流量', 'Chlorine flow', 'flow', 't/h', 33, { materialCode: 'CHLORINE', ...lim(null, 15, 35, 37) }),
            tag('cl2_pressure', '氯气压缩机出口压力', 'Chlorine compressor discharge pressure', 'pressure', 'MPa', 0.35, lim(0.2, 0.28, 0.42, 0.45)),
          ]),
          device('chloralkali-fm-03', '氢气总管流量及纯度', 'Hydrogen header flow and purity', 'flow_meter', DCS('西门子', 'SITRANS FC430 + CALOMAT 6', 'SI-FC430-88120'), [
            tag('h2_flow', '副产氢气流量', 'By-product hydrogen flow', 'flow', 'Nm3/h', 10400, { materialCode: 'HYDROGEN_BYPRODUCT', ...lim(null, 5000, 11500, 12000) }),
            tag('h2_purity', '氢气纯度', 'Hydrogen purity', 'quality', '%', 99.9, { materialCode: 'HYDROGEN_BYPRODUCT', ...lim(99.0, 99.5, null, null) }),
          ]),
        ],
      },
      {
        code: 'chloralkali-evaporation', name: '烧碱蒸发及罐区', nameEn: 'Caustic evaporation and tank farm', kind: 'storage',
        capacityValue: 150000, capacityUnit: 't/a',
        description: '三效逆流降膜蒸发，32% 碱浓缩为 50% 碱；成品碱储罐 4×3000 m3',
        devices: [
          device('chloralkali-sm-01', '蒸发工序低压蒸汽流量计', 'Evaporation low-pressure steam meter', 'flow_meter', DCS('E+H', 'Prowirl F 200 涡街流量计', 'EH-PW200-41907'), [
            tag('steam_flow', '低压蒸汽流量', 'LP steam flow', 'flow', 't/h', 18, { materialCode: 'STEAM_LP', ...lim(null, null, 22, 24) }),
            tag('steam_pressure', '低压蒸汽压力', 'LP steam pressure', 'pressure', 'MPa', 0.9, lim(0.6, 0.7, 1.1, 1.2)),
          ]),
          device('chloralkali-lt-01', '成品碱储罐雷达液位计', 'Caustic tank radar level gauges', 'level_gauge', { protocol: DEMO_PROTOCOL, manufacturer: 'VEGA', model: 'VEGAPULS 64', serialNo: 'VG64-35520981' }, [
            tag('tank1_level', '1#碱罐液位', 'Caustic tank 1 level', 'level', 'm', 8.5, { materialCode: 'CAUSTIC_SODA', ...lim(1.0, 2.0, 13.0, 14.0) }),
            tag('tank2_level', '2#碱罐液位', 'Caustic tank 2 level', 'level', 'm', 6.2, { materialCode: 'CAUSTIC_SODA', ...lim(1.0, 2.0, 13.0, 14.0) }),
          ]),
        ],
      },
    ],
  }],
};

const pvc: DemoEnterprise = {
  code: 'pvc',
  name: '滨海宏达聚氯乙烯有限公司',
  nameEn: 'Binhai Hongda PVC Co., Ltd.',
  shortName: '宏达PVC',
  industry: 'polymers',
  uscc: '91370700MA3CB05N3Y',
  contactName: '李志强',
  contactPhone: '0536-7581388',
  sites: [
    {
      code: 'pvc-main',
      name: '乙烯法氯乙烯厂区',
      nameEn: 'Ethylene-route VCM/PVC works',
      address: '滨海循环经济化工园区渤海路18号',
      lat: 37.0738,
      lng: 119.1451,
      units: [
        {
          code: 'pvc-edc', name: '二氯乙烷装置', nameEn: 'EDC plant (direct chlorination and oxychlorination)', kind: 'production',
          capacityValue: 480000, capacityUnit: 't/a',
          description: '乙烯直接氯化与氧氯化平衡工艺，氯气来自华盐氯碱，乙烯来自海川石化',
          devices: [
            device('pvc-fm-01', '二氯乙烷装置进料及产品流量计', 'EDC plant feed and product flow meters', 'flow_meter', DCS('艾默生', 'Micro Motion F 系列质量流量计', 'MM-F200-55081'), [
              tag('cl2_flow', '氯气进料流量', 'Chlorine feed', 'flow', 't/h', 21.4, { materialCode: 'CHLORINE', ...lim(null, 12, 24, 26) }),
              tag('ethylene_flow', '乙烯进料流量', 'Ethylene feed', 'flow', 't/h', 16.9, { materialCode: 'ETHYLENE', ...lim(null, 10, 19, 20.5) }),
              tag('edc_flow', '精二氯乙烷产量', 'Purified EDC flow', 'flow', 't/h', 60, { materialCode: 'EDC', ...lim(null, 35, 66, 70) }),
            ]),
          ],
        },
        {
          code: 'pvc-vcm', name: '二氯乙烷裂解制氯乙烯装置', nameEn: 'EDC cracking to VCM', kind: 'production',
          capacityValue: 300000, capacityUnit: 't/a',
          description: '管式裂解炉裂解二氯乙烷，副产氯化氢返回氧氯化',
          devices: [
            device('pvc-tt-01', '裂解炉出口温度压力变送器', 'Cracking furnace outlet temperature and pressure', 'temperature_sensor', DCS('横河电机', 'YTA610 + EJA430E', 'YK-YTA-30448'), [
              tag('furnace_outlet_temp', '裂解炉出口温度', 'Furnace outlet temperature', 'temperature', '°C', 500, lim(470, 485, 515, 530)),
              tag('coil_outlet_pressure', '炉管出口压力', 'Coil outlet pressure', 'pressure', 'MPa', 1.9, lim(1.5, 1.7, 2.2, 2.4)),
              tag('vcm_flow', '氯乙烯单体产量', 'VCM flow', 'flow', 't/h', 37.8, { materialCode: 'VCM', ...lim(null, 20, 41, 43) }),
            ]),
          ],
        },
        {
          code: 'pvc-polymerization', name: '悬浮法聚合装置', nameEn: 'Suspension polymerization', kind: 'production',
          capacityValue: 300000, capacityUnit: 't/a',
          description: '6 台 70 m3 聚合釜，汽提、离心、旋风干燥，产 SG-5 型 PVC 树脂',
          devices: [
            electricityMeter('pvc-em-01', '聚合装置总电能表', 'Polymerization plant energy meter', 9000, 11000, 12000, ACREL('DTSD1352-C', 'AC1352-2022-064417')),
            device('pvc-tt-02', '聚合反应器温度压力', 'Polymerization reactor temperature and pressure', 'temperature_sensor', DCS('和利时', 'HOLLiAS MACS K 系列 DCS', 'HL-MACSK-7731'), [
              tag('reactor_temp', '聚合釜温度', 'Reactor temperature', 'temperature', '°C', 57, lim(52, 55, 59, 62)),
              tag('reactor_pressure', '聚合釜压力', 'Reactor pressure', 'pressure', 'MPa', 0.85, lim(null, 0.6, 1.1, 1.25)),
            ]),
            device('pvc-sm-01', '干燥工序蒸汽流量计', 'Dryer steam meter', 'flow_meter', DCS('E+H', 'Prowirl F 200 涡街流量计', 'EH-PW200-41962'), [
              tag('steam_flow', '低压蒸汽流量', 'LP steam flow', 'flow', 't/h', 25, { materialCode: 'STEAM_LP', ...lim(null, null, 30, 33) }),
              tag('pvc_output', 'PVC树脂产量', 'PVC resin output', 'flow', 't/h', 37.5, { materialCode: 'PVC_RESIN', ...lim(null, 20, 40, 42) }),
            ]),
          ],
        },
      ],
    },
    {
      code: 'pvc-carbide',
      name: '电石法分厂',
      nameEn: 'Carbide-route works',
      address: '滨海循环经济化工园区渤海路26号',
      lat: 37.0762,
      lng: 119.1543,
      units: [
        {
          code: 'pvc-acetylene', name: '湿法乙炔发生装置', nameEn: 'Wet acetylene generation', kind: 'production',
          capacityValue: 145000, capacityUnit: 't/a',
          description: '电石加水发生乙炔，产出电石渣浆，压滤后电石渣送建材厂替代石灰石',
          devices: [
            electricityMeter('pvc-em-02', '电石法分厂总电能表', 'Carbide-route works energy meter', 4200, 5200, 5600, ACREL('DTSD1352-C', 'AC1352-2022-064452')),
            device('pvc-wb-01', '电石及电石渣汽车衡', 'Calcium carbide and carbide slag truck scale', 'weighbridge', SCALE('MT-SCS-2020-07731'), [
              netWeight('carbide_net', '电石净重', 'Calcium carbide, net weight', 'CALCIUM_CARBIDE', 32, 40, 49),
              netWeight('carbide_slag_net', '电石渣净重', 'Carbide slag, net weight', 'CARBIDE_SLAG', 30, 40, 49),
            ]),
          ],
        },
        {
          code: 'pvc-carbide-pvc', name: '电石法氯乙烯及聚合装置', nameEn: 'Carbide-route VCM and polymerization', kind: 'production',
          capacityValue: 100000, capacityUnit: 't/a',
          description: '乙炔与氯化氢在低汞触媒上合成氯乙烯，再悬浮聚合',
          devices: [],
        },
      ],
    },
  ],
};

const refinery: DemoEnterprise = {
  code: 'refinery',
  name: '滨海海川石油化工有限公司',
  nameEn: 'Binhai Haichuan Petrochemical Co., Ltd.',
  shortName: '海川石化',
  industry: 'petrochemicals',
  uscc: '91370700MA3D1R6H00',
  contactName: '张卫东',
  contactPhone: '0536-7582001',
  sites: [
    {
      code: 'refinery-main',
      name: '炼油厂区',
      nameEn: 'Refinery',
      address: '滨海循环经济化工园区临港路1号',
      lat: 37.0853,
      lng: 119.1668,
      units: [
        {
          code: 'refinery-cdu', name: '常减压蒸馏装置', nameEn: 'Atmospheric and vacuum distillation', kind: 'production',
          capacityValue: 10000000, capacityUnit: 't/a',
          devices: [
            electricityMeter('refinery-em-01', '常减压装置总电能表', 'Crude unit energy meter', 12000, 14000, 15000, WASION('WS341-2021-110273')),
            device('refinery-fm-01', '原油进料及石脑油出装置流量', 'Crude feed and naphtha rundown flow', 'flow_meter', DCS('艾默生', 'Rosemount 8800 涡街 / 3051SFC 平衡流量计', 'RM3051-88-10472'), [
              tag('crude_flow', '原油进料流量', 'Crude oil feed', 'flow', 't/h', 1250, { materialCode: 'CRUDE_OIL', ...lim(800, 1000, 1350, 1400) }),
              tag('naphtha_flow', '直馏石脑油流量', 'Straight-run naphtha flow', 'flow', 't/h', 180, { materialCode: 'NAPHTHA', ...lim(null, 120, 210, 225) }),
            ]),
          ],
        },
        {
          code: 'refinery-fcc', name: '重油催化裂化装置', nameEn: 'Residue fluid catalytic cracking', kind: 'production',
          capacityValue: 3000000, capacityUnit: 't/a',
          devices: [
            device('refinery-cems-01', '催化再生烟气CEMS', 'FCC regenerator flue gas CEMS', 'emission_monitor', CEMS('雪迪龙', 'SCS-900 烟气排放连续监测系统', 'SDL900-2021-3306'), [
              tag('so2', '二氧化硫', 'SO2', 'emission', 'mg/m3', 22, { ...lim(null, null, 50, 100), description: 'GB 31570-2015 催化裂化再生烟气：特别排放限值 50，一般限值 100' }),
              tag('nox', '氮氧化物', 'NOx', 'emission', 'mg/m3', 65, { ...lim(null, null, 100, 200), description: 'GB 31570-2015：特别排放限值 100，一般限值 200' }),
              tag('dust', '颗粒物', 'Particulate matter', 'emission', 'mg/m3', 12, { ...lim(null, null, 30, 50), description: 'GB 31570-2015：特别排放限值 30，一般限值 50' }),
            ]),
          ],
        },
        {
          code: 'refinery-hydrotreating', name: '柴油加氢精制装置', nameEn: 'Diesel hydrotreater', kind: 'production',
          capacityValue: 2600000, capacityUnit: 't/a',
          description: '补充氢部分来自华盐氯碱副产氢气；废加氢催化剂委外回收钴钼镍',
          devices: [
            device('refinery-pt-01', '加氢反应器压力温度', 'Hydrotreating reactor pressure and temperature', 'pressure_sensor', DCS('霍尼韦尔', 'Experion PKS C300', 'HW-C300-40917'), [
              tag('reactor_pressure', '反应器入口压力', 'Reactor inlet pressure', 'pressure', 'MPa', 7.6, lim(6.5, 7.0, 8.2, 8.5)),
              tag('bed_temp', '催化剂床层最高温度', 'Catalyst bed peak temperature', 'temperature', '°C', 365, lim(null, 330, 390, 400)),
              tag('h2_makeup_flow', '外购氢气补充量', 'Over-the-fence hydrogen make-up', 'flow', 'Nm3/h', 8000, { materialCode: 'HYDROGEN_BYPRODUCT', ...lim(null, null, 10000, 10500) }),
            ]),
          ],
        },
        {
          code: 'refinery-sru', name: '硫磺回收装置', nameEn: 'Sulfur recovery (Claus and tail-gas treatment)', kind: 'environmental',
          capacityValue: 120000, capacityUnit: 't/a',
          description: '克劳斯制硫加尾气加氢还原吸收，液硫成型后外送磷复肥厂制酸',
          devices: [
            device('refinery-cems-02', '硫磺回收尾气CEMS', 'Sulfur recovery tail gas CEMS', 'emission_monitor', CEMS('聚光科技', 'CEMS-2000 B', 'FPI-2000B-19-0882'), [
              tag('so2', '二氧化硫', 'SO2', 'emission', 'mg/m3', 55, { ...lim(null, null, 100, 400), description: 'GB 31570-2015 酸性气回收装置：特别排放限值 100，一般限值 400' }),
            ]),
            device('refinery-wb-01', '硫磺及危废汽车衡', 'Sulfur and hazardous waste truck scale', 'weighbridge', SCALE('MT-SCS-2018-03105'), [
              netWeight('sulfur_net', '固体硫磺净重', 'Sulfur, net weight', 'SULFUR', 32, 40, 49),
              netWeight('sulfur_slag_net', '硫磺渣净重', 'Sulfur slag, net weight', 'SULFUR_SLAG', 3, 10, 15),
              netWeight('spent_hdt_cat_net', '废加氢催化剂净重', 'Spent hydrotreating catalyst, net weight', 'SPENT_CATALYST_HYDROTREATING', 12, 25, 30),
              netWeight('spent_fcc_cat_net', '废催化裂化催化剂净重', 'Spent FCC catalyst, net weight', 'SPENT_CATALYST_FCC', 20, 30, 35),
            ]),
          ],
        },
      ],
    },
    {
      code: 'refinery-ethylene',
      name: '乙烯厂区',
      nameEn: 'Ethylene complex',
      address: '滨海循环经济化工园区临港路9号',
      lat: 37.0897,
      lng: 119.1532,
      units: [
        {
          code: 'refinery-cracker', name: '蒸汽裂解制乙烯装置', nameEn: 'Steam cracker', kind: 'production',
          capacityValue: 1000000, capacityUnit: 't/a',
          description: '以石脑油为主要原料，8 台裂解炉，乙烯、丙烯管道送聚烯烃与 PVC',
          devices: [
            device('refinery-fm-02', '乙烯丙烯产品出装置流量', 'Ethylene and propylene rundown flow', 'flow_meter', DCS('霍尼韦尔', 'Experion PKS C300', 'HW-C300-41022'), [
              tag('ethylene_flow', '聚合级乙烯流量', 'Polymer-grade ethylene flow', 'flow', 't/h', 125, { materialCode: 'ETHYLENE', ...lim(null, 80, 132, 138) }),
              tag('propylene_flow', '聚合级丙烯流量', 'Polymer-grade propylene flow', 'flow', 't/h', 62, { materialCode: 'PROPYLENE', ...lim(null, 40, 68, 72) }),
              tag('naphtha_feed', '裂解石脑油进料', 'Cracker naphtha feed', 'flow', 't/h', 390, { materialCode: 'NAPHTHA', ...lim(null, 250, 420, 440) }),
            ]),
            device('refinery-cems-03', '裂解炉烟囱CEMS', 'Cracking furnace stack CEMS', 'emission_monitor', CEMS('雪迪龙', 'SCS-900 烟气排放连续监测系统', 'SDL900-2022-4518'), [
              tag('so2', '二氧化硫', 'SO2', 'emission', 'mg/m3', 8, { ...lim(null, null, 50, 100), description: 'GB 31571-2015 工艺加热炉：特别排放限值 50，一般限值 100' }),
              tag('nox', '氮氧化物', 'NOx', 'emission', 'mg/m3', 72, { ...lim(null, null, 100, 150), description: 'GB 31571-2015：特别排放限值 100，一般限值 150' }),
              tag('dust', '颗粒物', 'Particulate matter', 'emission', 'mg/m3', 4, { ...lim(null, null, 20, 20), description: 'GB 31571-2015：颗粒物 20' }),
              tag('o2', '烟气含氧量', 'Flue gas O2', 'quality', '%', 3, lim(1.0, 1.5, 5, 6)),
            ]),
          ],
        },
      ],
    },
  ],
};

const polyolefin: DemoEnterprise = {
  code: 'polyolefin',
  name: '滨海恒聚新材料有限公司',
  nameEn: 'Binhai Hengju Polyolefin New Materials Co., Ltd.',
  shortName: '恒聚新材料',
  industry: 'polymers',
  uscc: '91370700MA3D4PY86A',
  contactName: '陈晓燕',
  contactPhone: '0536-7582266',
  sites: [{
    code: 'polyolefin-main',
    name: '聚烯烃厂区',
    nameEn: 'Polyolefins works',
    address: '滨海循环经济化工园区临港路15号',
    lat: 37.0921,
    lng: 119.1427,
    units: [
      {
        code: 'polyolefin-pe', name: '气相法聚乙烯装置', nameEn: 'Gas-phase LLDPE/HDPE plant', kind: 'production',
        capacityValue: 450000, capacityUnit: 't/a',
        description: '流化床气相法，主牌号 DFDA-7042 薄膜料；开停车及切换牌号产生的过渡料送再生厂',
        devices: [
          electricityMeter('polyolefin-em-01', '聚乙烯装置总电能表', 'PE plant energy meter', 24000, 28000, 30000, WASION('WS341-2022-121906')),
          device('polyolefin-fm-01', '乙烯进料流量计', 'Ethylene feed flow meter', 'flow_meter', DCS('艾默生', 'Micro Motion CMF400', 'MM-CMF400-70331'), [
            tag('ethylene_flow', '乙烯进料流量', 'Ethylene feed', 'flow', 't/h', 56, { materialCode: 'ETHYLENE', ...lim(null, 30, 60, 62) }),
          ]),
          device('polyolefin-pt-01', '流化床反应器温度压力', 'Fluidized-bed reactor temperature and pressure', 'pressure_sensor', DCS('中控技术', 'ECS-700 DCS', 'SPC-ECS700-2281'), [
            tag('reactor_temp', '反应器床层温度', 'Reactor bed temperature', 'temperature', '°C', 88, lim(80, 84, 92, 95)),
            tag('reactor_pressure', '反应器压力', 'Reactor pressure', 'pressure', 'MPa', 2.3, lim(1.9, 2.1, 2.45, 2.6)),
          ]),
          device('polyolefin-qa-01', 'PE在线熔融指数仪', 'PE online melt flow index analyzer', 'quality_analyzer', DCS('Dynisco', 'ViscoIndicator 在线流变仪', 'DYN-VI-41176'), [
            tag('mfi', '熔融指数 (190°C/2.16kg)', 'Melt flow index (190 °C/2.16 kg)', 'quality', 'g/10min', 2.0, { materialCode: 'PE_PELLETS', ...lim(1.6, 1.8, 2.2, 2.4), description: 'DFDA-7042 指标 2.0±0.2；超出 LL/HH 的料判为过渡料 (OFFSPEC_PE)' }),
          ]),
        ],
      },
      {
        code: 'polyolefin-pp', name: '环管法聚丙烯装置', nameEn: 'Loop-reactor polypropylene plant', kind: 'production',
        capacityValue: 400000, capacityUnit: 't/a',
        devices: [
          electricityMeter('polyolefin-em-02', '聚丙烯装置总电能表', 'PP plant energy meter', 16000, 19000, 20500, WASION('WS341-2022-121907')),
          device('polyolefin-fm-02', '丙烯进料流量计', 'Propylene feed flow meter', 'flow_meter', DCS('艾默生', 'Micro Motion CMF400', 'MM-CMF400-70358'), [
            tag('propylene_flow', '丙烯进料流量', 'Propylene feed', 'flow', 't/h', 50, { materialCode: 'PROPYLENE', ...lim(null, 28, 54, 56) }),
            tag('loop_reactor_temp', '环管反应器温度', 'Loop reactor temperature', 'temperature', '°C', 70, lim(64, 67, 73, 76)),
          ]),
          device('polyolefin-qa-02', 'PP在线熔融指数仪', 'PP online melt flow index analyzer', 'quality_analyzer', DCS('Dynisco', 'ViscoIndicator 在线流变仪', 'DYN-VI-41190'), [
            tag('mfi', '熔融指数 (230°C/2.16kg)', 'Melt flow rate (230 °C/2.16 kg)', 'quality', 'g/10min', 3.0, { materialCode: 'PP_PELLETS', ...lim(2.4, 2.6, 3.4, 3.6), description: 'T30S 拉丝料 3.0±0.4' }),
          ]),
        ],
      },
      {
        code: 'polyolefin-packaging', name: '包装及成品仓库', nameEn: 'Bagging and finished-goods warehouse', kind: 'logistics',
        capacityValue: 30000, capacityUnit: 't',
        devices: [
          device('polyolefin-wb-01', '成品出厂汽车衡', 'Product dispatch truck scale', 'weighbridge', SCALE('MT-SCS-2021-09214'), [
            netWeight('pe_pellets_net', 'PE粒料净重', 'PE pellets, net weight', 'PE_PELLETS', 30, 35, 40),
            netWeight('pp_pellets_net', 'PP粒料净重', 'PP pellets, net weight', 'PP_PELLETS', 30, 35, 40),
            netWeight('offspec_pe_net', 'PE过渡料净重', 'Off-spec PE, net weight', 'OFFSPEC_PE', 20, 30, 35),
          ]),
        ],
      },
    ],
  }],
};

const phosphate: DemoEnterprise = {
  code: 'phosphate',
  name: '滨海丰源磷复肥有限公司',
  nameEn: 'Binhai Fengyuan Phosphate Fertilizer Co., Ltd.',
  shortName: '丰源磷复肥',
  industry: 'fertilizers',
  uscc: '91370700MA3CHX3EXU',
  contactName: '刘海涛',
  contactPhone: '0536-7583105',
  sites: [{
    code: 'phosphate-main',
    name: '磷复肥厂区',
    nameEn: 'Phosphate fertilizer works',
    address: '滨海循环经济化工园区海源路3号',
    lat: 37.0568,
    lng: 119.1320,
    units: [
      {
        code: 'phosphate-sulfuric', name: '硫磺制酸装置', nameEn: 'Sulfur-burning sulfuric acid plant', kind: 'production',
        capacityValue: 800000, capacityUnit: 't/a',
        description: '两转两吸，硫磺部分来自海川石化硫磺回收；余热锅炉产中压蒸汽并入园区管网',
        devices: [
          device('phosphate-fm-01', '液硫及成品酸流量计', 'Molten sulfur and product acid flow', 'flow_meter', DCS('科隆', 'OPTIMASS 6400 质量流量计', 'KR-OM6400-15520'), [
            tag('sulfur_feed', '液硫入焚硫炉流量', 'Molten sulfur to burner', 'flow', 't/h', 32.7, { materialCode: 'SULFUR', ...lim(null, 18, 35, 36.5) }),
            tag('acid_flow', '98%硫酸产量', 'Sulfuric acid (98%) output', 'flow', 't/h', 100, { materialCode: 'SULFURIC_ACID', ...lim(null, 55, 106, 110) }),
          ]),
          device('phosphate-sm-01', '余热锅炉中压蒸汽计量', 'Waste-heat boiler MP steam meter', 'flow_meter', DCS('E+H', 'Prowirl F 200 涡街流量计', 'EH-PW200-42210'), [
            tag('steam_flow', '中压蒸汽外送流量', 'MP steam export', 'flow', 't/h', 95, { materialCode: 'STEAM_HP', ...lim(null, 50, 105, 110) }),
            tag('steam_pressure', '中压蒸汽压力', 'MP steam pressure', 'pressure', 'MPa', 3.82, lim(3.3, 3.5, 4.0, 4.2)),
            tag('steam_temp', '中压蒸汽温度', 'MP steam temperature', 'temperature', '°C', 450, lim(420, 430, 460, 470)),
          ]),
          device('phosphate-cems-01', '硫酸尾气CEMS', 'Acid plant tail gas CEMS', 'emission_monitor', CEMS('聚光科技', 'CEMS-2000 B', 'FPI-2000B-20-1147'), [
            tag('so2', '二氧化硫', 'SO2', 'emission', 'mg/m3', 90, { ...lim(null, null, 200, 400), description: 'GB 26132-2010 硫酸工业：特别排放限值 200，一般限值 400' }),
            tag('acid_mist', '硫酸雾', 'Sulfuric acid mist', 'emission', 'mg/m3', 2, { ...lim(null, null, 5, 30), description: 'GB 26132-2010：特别排放限值 5，一般限值 30' }),
          ]),
        ],
      },
      {
        code: 'phosphate-phosacid', name: '二水法湿法磷酸装置', nameEn: 'Dihydrate wet-process phosphoric acid', kind: 'production',
        capacityValue: 300000, capacityUnit: 't/a',
        description: '磷矿与硫酸反应，过滤得 27% P2O5 稀磷酸，滤饼即磷石膏（约 5 t/t P2O5）',
        devices: [
          electricityMeter('phosphate-em-01', '磷酸装置总电能表', 'Phosphoric acid plant energy meter', 9000, 10500, 11500, ACREL('DTSD1352-C', 'AC1352-2021-051290')),
          device('phosphate-bs-01', '磷矿粉计量皮带秤', 'Phosphate rock belt scale', 'flow_meter', DCS('赛默飞世尔', 'Ramsey 14-10A 皮带秤', 'TR-1410A-2219'), [
            tag('rock_feed', '磷矿粉给料量', 'Phosphate rock feed', 'flow', 't/h', 120, { materialCode: 'PHOSPHATE_ROCK', ...lim(null, 70, 135, 145) }),
          ]),
          device('phosphate-qa-01', '磷酸浓度及反应槽温度', 'Phosphoric acid strength and reactor temperature', 'quality_analyzer', DCS('中控技术', 'ECS-700 DCS', 'SPC-ECS700-2317'), [
            tag('p2o5', '过滤酸P2O5含量', 'Filter acid P2O5', 'quality', '%', 27, { materialCode: 'PHOSPHORIC_ACID', ...lim(24, 25.5, 28.5, 30) }),
            tag('slurry_temp', '反应槽料浆温度', 'Reactor slurry temperature', 'temperature', '°C', 78, lim(68, 72, 82, 85)),
          ]),
        ],
      },
      {
        code: 'phosphate-map', name: '磷酸一铵装置', nameEn: 'Monoammonium phosphate (MAP) plant', kind: 'production',
        capacityValue: 600000, capacityUnit: 't/a',
        devices: [],
      },
      {
        code: 'phosphate-pg', name: '磷石膏中转库', nameEn: 'Phosphogypsum transfer store', kind: 'storage',
        capacityValue: 1500000, capacityUnit: 't/a',
        description: '磷石膏经水洗陈化后外送建材厂；未利用部分送合规渣场',
        devices: [
          device('phosphate-wb-01', '磷石膏及成品汽车衡', 'Phosphogypsum and product truck scale', 'weighbridge', SCALE('MT-SCS-2020-08860'), [
            netWeight('phosphogypsum_net', '磷石膏净重', 'Phosphogypsum, net weight', 'PHOSPHOGYPSUM', 33, 40, 49),
            netWeight('map_net', '磷酸一铵净重', 'MAP, net weight', 'MAP', 32, 40, 49),
          ]),
        ],
      },
    ],
  }],
};

const cement: DemoEnterprise = {
  code: 'cement',
  name: '滨海苏建新型建材有限公司',
  nameEn: 'Binhai Sujian New Building Materials Co., Ltd.',
  shortName: '苏建建材',
  industry: 'building_materials',
  uscc: '91370700MA3CQ91T32',
  contactName: '赵国庆',
  contactPhone: '0536-7583628',
  sites: [{
    code: 'cement-main',
    name: '水泥及建材厂区',
    nameEn: 'Cement and building materials works',
    address: '滨海循环经济化工园区海源路21号',
    lat: 37.0512,
    lng: 119.1455,
    units: [
      {
        code: 'cement-raw-meal', name: '生料制备系统', nameEn: 'Raw meal preparation', kind: 'production',
        capacityValue: 7000, capacityUnit: 't/d',
        description: '电石渣替代部分石灰石作钙质原料，粉煤灰作硅铝质校正料',
        devices: [
          device('cement-wb-01', '固废原料进厂汽车衡', 'Secondary raw materials truck scale', 'weighbridge', SCALE('MT-SCS-2019-06044'), [
            netWeight('phosphogypsum_net', '磷石膏净重', 'Phosphogypsum, net weight', 'PHOSPHOGYPSUM', 33, 40, 49),
            netWeight('fly_ash_net', '粉煤灰净重', 'Fly ash, net weight', 'FLY_ASH', 30, 38, 45),
            netWeight('carbide_slag_net', '电石渣净重', 'Carbide slag, net weight', 'CARBIDE_SLAG', 30, 40, 49),
            netWeight('fgd_gypsum_net', '脱硫石膏净重', 'FGD gypsum, net weight', 'FGD_GYPSUM', 32, 40, 49),
            netWeight('bottom_ash_net', '炉渣净重', 'Bottom ash, net weight', 'BOTTOM_ASH', 30, 40, 49),
          ]),
        ],
      },
      {
        code: 'cement-kiln', name: '新型干法熟料生产线', nameEn: 'Dry-process clinker line (preheater/precalciner kiln)', kind: 'production',
        capacityValue: 4500, capacityUnit: 't/d',
        description: '五级旋风预热器+分解炉，窑尾 SNCR 脱硝；具备水泥窑协同处置危险废物资质',
        devices: [
          electricityMeter('cement-em-01', '熟料线总电能表', 'Clinker line energy meter', 11500, 13500, 14500, WASION('WS341-2020-096533')),
          device('cement-bs-01', '原燃料及熟料计量秤', 'Raw material, fuel and clinker scales', 'flow_meter', DCS('西门子', 'Milltronics MSI 皮带秤', 'SI-MSI-33198'), [
            tag('limestone_feed', '石灰石给料量', 'Limestone feed', 'flow', 't/h', 200, { materialCode: 'LIMESTONE', ...lim(null, 120, 240, 255) }),
            tag('coal_feed', '窑头窑尾喂煤量', 'Kiln and calciner coal feed', 'flow', 't/h', 24, { materialCode: 'RAW_COAL', ...lim(null, 14, 28, 30) }),
            tag('clinker_output', '熟料产量', 'Clinker output', 'flow', 't/h', 187.5, { materialCode: 'CLINKER', ...lim(null, 120, 200, 210) }),
          ]),
          device('cement-tt-01', '预热器及分解炉温度', 'Preheater and calciner temperatures', 'temperature_sensor', DCS('ABB', '800xA DCS', 'ABB-800XA-51240'), [
            tag('calciner_outlet_temp', '分解炉出口温度', 'Calciner outlet temperature', 'temperature', '°C', 880, lim(840, 860, 900, 920)),
            tag('c1_outlet_temp', 'C1筒出口温度', 'Top cyclone (C1) outlet temperature', 'temperature', '°C', 320, lim(null, 290, 340, 360)),
          ]),
          device('cement-cems-01', '窑尾烟囱CEMS', 'Kiln main stack CEMS', 'emission_monitor', CEMS('雪迪龙', 'SCS-900 烟气排放连续监测系统', 'SDL900-2020-2741'), [
            tag('dust', '颗粒物', 'Particulate matter', 'emission', 'mg/m3', 8, { ...lim(null, null, 20, 30), description: 'GB 4915-2013 水泥窑：特别排放限值 20，一般限值 30' }),
            tag('so2', '二氧化硫', 'SO2', 'emission', 'mg/m3', 35, { ...lim(null, null, 100, 200), description: 'GB 4915-2013：特别排放限值 100，一般限值 200' }),
            tag('nox', '氮氧化物', 'NOx', 'emission', 'mg/m3', 210, { ...lim(null, null, 320, 400), description: 'GB 4915-2013：特别排放限值 320，一般限值 400' }),
            tag('nh3', '氨逃逸', 'Ammonia slip', 'emission', 'mg/m3', 3, { ...lim(null, null, 8, 10), description: 'GB 4915-2013 使用氨水脱硝：特别排放限值 8，一般限值 10' }),
          ]),
        ],
      },
      {
        code: 'cement-grinding', name: '水泥粉磨站', nameEn: 'Cement grinding', kind: 'production',
        capacityValue: 2000000, capacityUnit: 't/a',
        description: '辊压机+球磨联合粉磨；磷石膏、脱硫石膏作缓凝剂',
        devices: [
          electricityMeter('cement-em-02', '粉磨站总电能表', 'Grinding plant energy meter', 8000, 9500, 10000, ACREL('DTSD1352-C', 'AC1352-2020-038815')),
        ],
      },
      {
        code: 'cement-gypsum', name: '石膏建材车间', nameEn: 'Gypsum building materials workshop', kind: 'production',
        capacityValue: 300000, capacityUnit: 't/a',
        description: '磷石膏、脱硫石膏煅烧制建筑石膏粉及石膏砌块',
        devices: [
          device('cement-bs-02', '石膏车间计量皮带秤', 'Gypsum workshop belt scales', 'flow_meter', DCS('西门子', 'Milltronics MSI 皮带秤', 'SI-MSI-33240'), [
            tag('pg_feed', '磷石膏给料量', 'Phosphogypsum feed', 'flow', 't/h', 25, { materialCode: 'PHOSPHOGYPSUM', ...lim(null, 10, 30, 32) }),
            tag('fgd_gypsum_feed', '脱硫石膏给料量', 'FGD gypsum feed', 'flow', 't/h', 4, { materialCode: 'FGD_GYPSUM', ...lim(null, null, 8, 10) }),
            tag('product_output', '建筑石膏产量', 'Building gypsum output', 'flow', 't/h', 24, { materialCode: 'GYPSUM_BUILDING', ...lim(null, 10, 30, 32) }),
          ]),
        ],
      },
    ],
  }],
};

const chp: DemoEnterprise = {
  code: 'chp',
  name: '滨海园区热电有限公司',
  nameEn: 'Binhai Park Thermal Power Co., Ltd.',
  shortName: '园区热电',
  industry: 'energy',
  uscc: '91370700MA3C2E7M75',
  contactName: '孙立新',
  contactPhone: '0536-7580909',
  sites: [{
    code: 'chp-main',
    name: '热电厂区',
    nameEn: 'Combined heat and power plant',
    address: '滨海循环经济化工园区海源路12号',
    lat: 37.0589,
    lng: 119.1578,
    units: [
      {
        code: 'chp-boilers', name: '循环流化床锅炉岛', nameEn: 'CFB boiler island', kind: 'utility',
        capacityValue: 1320, capacityUnit: 't/h',
        description: '3×440 t/h 高温高压循环流化床锅炉（9.8 MPa/540 °C），掺烧园区污水厂脱水污泥',
        devices: [
          device('chp-bs-01', '入炉煤及污泥计量', 'Coal and sludge feed scales', 'flow_meter', DCS('赛默飞世尔', 'Ramsey 14-10A 皮带秤', 'TR-1410A-2305'), [
            tag('coal_feed', '入炉煤量', 'Coal feed', 'flow', 't/h', 120, { materialCode: 'RAW_COAL', ...lim(null, 60, 140, 150) }),
            tag('limestone_feed', '脱硫石灰石粉给料量', 'Limestone powder for desulfurization', 'flow', 't/h', 4.5, { materialCode: 'LIMESTONE', ...lim(null, null, 7, 8), description: '炉内喷钙及湿法脱硫用，来自苏建建材' }),
            tag('sludge_feed', '掺烧污泥量', 'Co-fired sludge feed', 'flow', 't/h', 1.5, { materialCode: 'WWTP_SLUDGE', ...lim(null, null, 3, 4), description: '掺烧比例不超过入炉燃料的 5%' }),
          ]),
          device('chp-pt-01', '主蒸汽压力温度', 'Main steam pressure and temperature', 'pressure_sensor', DCS('和利时', 'HOLLiAS MACS K 系列 DCS', 'HL-MACSK-7802'), [
            tag('main_steam_pressure', '主蒸汽压力', 'Main steam pressure', 'pressure', 'MPa', 9.8, lim(9.0, 9.4, 10.1, 10.3)),
            tag('main_steam_temp', '主蒸汽温度', 'Main steam temperature', 'temperature', '°C', 540, lim(510, 525, 545, 550)),
          ]),
          device('chp-fm-01', '补给水及回用水流量计', 'Make-up and reuse water flow meters', 'flow_meter', DCS('E+H', 'Promag W 400 电磁流量计', 'EH-PMW400-60177'), [
            tag('demin_makeup', '除盐水补水量', 'Demineralized water make-up', 'flow', 'm3/h', 460, { materialCode: 'DEMIN_WATER', ...lim(null, null, 560, 600) }),
            tag('reuse_water', '中水回用量（冷却塔补水）', 'Reclaimed water to cooling towers', 'flow', 'm3/h', 450, { materialCode: 'TREATED_WATER', ...lim(null, 200, 600, 650) }),
          ]),
        ],
      },
      {
        code: 'chp-turbines', name: '汽轮发电机组', nameEn: 'Steam turbine generators', kind: 'utility',
        capacityValue: 120, capacityUnit: 'MW',
        description: '2×60 MW 抽背式汽轮机，向园区供 3.8 MPa 中压与 1.0 MPa 低压两级蒸汽',
        devices: [
          device('chp-em-01', '发电机出口关口电能表', 'Generator revenue meter', 'energy_meter', WASION('WS341-2019-085520'), [
            tag('gen_power', '发电机有功功率', 'Generator active power', 'power', 'MW', 95, { materialCode: 'ELECTRICITY', ...lim(null, 40, 120, 126) }),
            tag('gen_energy', '发电量', 'Gross generation', 'energy', 'MWh', 95, { materialCode: 'ELECTRICITY', counter: true, description: '累计发电量；nominal 为每小时增量' }),
          ]),
          electricityMeter('chp-em-02', '厂用电电能表', 'Station service energy meter', 9500, 11000, 12000, WASION('WS341-2019-085521')),
          device('chp-sm-01', '对外供汽计量', 'Steam export metering', 'flow_meter', DCS('E+H', 'Prowirl F 200 涡街流量计', 'EH-PW200-39851'), [
            tag('hp_steam_flow', '中压蒸汽外供流量', 'MP steam export', 'flow', 't/h', 180, { materialCode: 'STEAM_HP', ...lim(null, 60, 230, 250) }),
            tag('hp_steam_pressure', '中压供汽压力', 'MP steam header pressure', 'pressure', 'MPa', 3.8, lim(3.3, 3.5, 4.0, 4.2)),
            tag('lp_steam_flow', '低压蒸汽外供流量', 'LP steam export', 'flow', 't/h', 260, { materialCode: 'STEAM_LP', ...lim(null, 100, 320, 350) }),
            tag('lp_steam_pressure', '低压供汽压力', 'LP steam header pressure', 'pressure', 'MPa', 1.0, lim(0.75, 0.85, 1.15, 1.25)),
            tag('lp_steam_temp', '低压供汽温度', 'LP steam header temperature', 'temperature', '°C', 250, lim(200, 220, 280, 300)),
          ]),
        ],
      },
      {
        code: 'chp-fgd', name: '烟气超低排放治理设施', nameEn: 'Ultra-low emission flue gas treatment', kind: 'environmental',
        description: 'SNCR+SCR 脱硝、石灰石-石膏湿法脱硫、湿式电除尘',
        devices: [
          device('chp-cems-01', '锅炉烟囱CEMS', 'Boiler stack CEMS', 'emission_monitor', CEMS('雪迪龙', 'SCS-900 烟气排放连续监测系统', 'SDL900-2019-1873'), [
            tag('so2', '二氧化硫', 'SO2', 'emission', 'mg/m3', 18, { ...lim(null, null, 35, 50), description: '超低排放 35（环发〔2015〕164号）；GB 13223-2011 特别排放限值 50' }),
            tag('nox', '氮氧化物', 'NOx', 'emission', 'mg/m3', 32, { ...lim(null, null, 50, 100), description: '超低排放 50；GB 13223-2011 限值 100' }),
            tag('dust', '烟尘', 'Particulate matter', 'emission', 'mg/m3', 3, { ...lim(null, null, 10, 20), description: '超低排放 10；GB 13223-2011 特别排放限值 20' }),
            tag('o2', '烟气含氧量', 'Flue gas O2', 'quality', '%', 6, lim(null, 3, 8, 10)),
            tag('flue_gas_temp', '烟气温度', 'Flue gas temperature', 'temperature', '°C', 50, lim(null, 40, 60, 70)),
          ]),
        ],
      },
      {
        code: 'chp-ash', name: '灰渣及石膏库', nameEn: 'Ash, slag and gypsum storage', kind: 'storage',
        capacityValue: 6000, capacityUnit: 't',
        description: '2 座粉煤灰库（各 3000 t）、1 座渣仓、脱硫石膏库；灰渣石膏全部外送建材厂综合利用',
        devices: [
          device('chp-wb-01', '灰渣石膏出厂汽车衡', 'Ash, slag and gypsum truck scale', 'weighbridge', SCALE('MT-SCS-2019-05930'), [
            netWeight('fly_ash_net', '粉煤灰净重', 'Fly ash, net weight', 'FLY_ASH', 30, 38, 45),
            netWeight('bottom_ash_net', '炉渣净重', 'Bottom ash, net weight', 'BOTTOM_ASH', 30, 40, 49),
            netWeight('fgd_gypsum_net', '脱硫石膏净重', 'FGD gypsum, net weight', 'FGD_GYPSUM', 32, 40, 49),
          ]),
        ],
      },
    ],
  }],
};

const recycler: DemoEnterprise = {
  code: 'recycler',
  name: '滨海绿环再生资源有限公司',
  nameEn: 'Binhai Lühuan Renewable Resources Co., Ltd.',
  shortName: '绿环再生',
  industry: 'recycling',
  uscc: '91370700MA3EUL4W31',
  contactName: '周敏',
  contactPhone: '0536-7584417',
  sites: [{
    code: 'recycler-main',
    name: '再生塑料厂区',
    nameEn: 'Plastics recycling works',
    address: '滨海循环经济化工园区海源路30号',
    lat: 37.0535,
    lng: 119.1602,
    units: [
      {
        code: 'recycler-sorting', name: '分拣破碎清洗线', nameEn: 'Sorting, shredding and washing line', kind: 'production',
        capacityValue: 50000, capacityUnit: 't/a',
        description: '近红外分选、破碎、摩擦清洗与浮选；清洗废水送园区污水厂',
        devices: [
          device('recycler-fm-01', '清洗用水及废水流量计', 'Washing water and wastewater flow meters', 'flow_meter', { protocol: DEMO_PROTOCOL, manufacturer: '上海光华爱尔美特', model: 'LDG 电磁流量计', serialNo: 'GH-LDG-2023-1186' }, [
            tag('wash_water', '清洗用水量', 'Washing water', 'flow', 'm3/h', 18, { materialCode: 'INDUSTRIAL_WATER', ...lim(null, null, 24, 26) }),
            tag('wastewater_out', '清洗废水排放量', 'Washing wastewater discharge', 'flow', 'm3/h', 15, { materialCode: 'WASTEWATER', ...lim(null, null, 20, 22) }),
          ]),
        ],
      },
      {
        code: 'recycler-pelletizing', name: '挤出造粒线', nameEn: 'Extrusion and pelletizing line', kind: 'production',
        capacityValue: 40000, capacityUnit: 't/a',
        description: '双阶排气挤出、自动换网、水环切粒，产再生 PE 粒料',
        devices: [
          electricityMeter('recycler-em-01', '造粒车间总电能表', 'Pelletizing hall energy meter', 3000, 3600, 3900, ACREL('DTSD1352-C', 'AC1352-2023-077301')),
          device('recycler-pt-01', '挤出机熔体温度压力', 'Extruder melt temperature and pressure', 'temperature_sensor', { protocol: DEMO_PROTOCOL, manufacturer: 'Dynisco', model: 'MDT462F 熔体压力传感器', serialNo: 'DYN-MDT-90213' }, [
            tag('melt_temp', '熔体温度', 'Melt temperature', 'temperature', '°C', 215, lim(190, 200, 230, 240)),
            tag('melt_pressure', '换网器前熔体压力', 'Melt pressure before screen changer', 'pressure', 'MPa', 14, lim(null, 6, 20, 25)),
          ]),
          device('recycler-qa-01', '再生料熔融指数仪', 'Recycled PE melt flow index analyzer', 'quality_analyzer', { protocol: DEMO_PROTOCOL, manufacturer: '承德金建', model: 'XNR-400C 熔体流动速率仪', serialNo: 'JJ-XNR-2022-0441' }, [
            tag('mfi', '熔融指数 (190°C/2.16kg)', 'Melt flow index (190 °C/2.16 kg)', 'quality', 'g/10min', 0.9, { materialCode: 'RECYCLED_PE_PELLETS', ...lim(0.5, 0.6, 1.5, 2.0) }),
            tag('moisture', '粒料水分', 'Pellet moisture', 'quality', '%', 0.05, { materialCode: 'RECYCLED_PE_PELLETS', ...lim(null, null, 0.1, 0.2) }),
          ]),
        ],
      },
      {
        code: 'recycler-warehouse', name: '原料及成品库', nameEn: 'Feedstock and product warehouse', kind: 'logistics',
        capacityValue: 8000, capacityUnit: 't',
        devices: [
          device('recycler-wb-01', '进出厂汽车衡', 'Truck scale', 'weighbridge', { protocol: DEMO_PROTOCOL, manufacturer: '上海耀华', model: 'XK3190-DS3 汽车衡', serialNo: 'YH-DS3-2021-5520' }, [
            netWeight('offspec_pe_net', 'PE过渡料净重', 'Off-spec PE, net weight', 'OFFSPEC_PE', 20, 30, 35),
            netWeight('waste_plastics_net', '废塑料净重', 'Waste plastics, net weight', 'WASTE_PLASTICS', 12, 25, 30),
            netWeight('recycled_pe_net', '再生PE粒料净重', 'Recycled PE pellets, net weight', 'RECYCLED_PE_PELLETS', 25, 32, 35),
          ]),
        ],
      },
    ],
  }],
};

const pharma: DemoEnterprise = {
  code: 'pharma',
  name: '滨海康源药业有限公司',
  nameEn: 'Binhai Kangyuan Pharmaceutical Co., Ltd.',
  shortName: '康源药业',
  industry: 'pharma',
  uscc: '91370700MA3DK8AF18',
  contactName: '吴静',
  contactPhone: '0536-7585032',
  sites: [{
    code: 'pharma-main',
    name: '原料药厂区',
    nameEn: 'API works',
    address: '滨海循环经济化工园区康海路8号',
    lat: 37.0480,
    lng: 119.1381,
    units: [
      {
        code: 'pharma-synthesis', name: '原料药合成车间', nameEn: 'API synthesis', kind: 'production',
        capacityValue: 800, capacityUnit: 't/a',
        description: '搪玻璃及不锈钢反应釜多步合成；甲醇、乙醇、丙酮、乙酸乙酯等溶剂套用后送回收',
        devices: [
          electricityMeter('pharma-em-01', '合成车间总电能表', 'Synthesis building energy meter', 2600, 3100, 3400, ACREL('DTSD1352-C', 'AC1352-2022-069955')),
          device('pharma-sm-01', '合成车间蒸汽流量计', 'Synthesis building steam meter', 'flow_meter', DCS('E+H', 'Prowirl F 200 涡街流量计', 'EH-PW200-43310'), [
            tag('steam_flow', '低压蒸汽流量', 'LP steam flow', 'flow', 't/h', 14, { materialCode: 'STEAM_LP', ...lim(null, null, 18, 20) }),
            tag('steam_pressure', '减压后蒸汽压力', 'Steam pressure after letdown', 'pressure', 'MPa', 0.6, lim(0.35, 0.45, 0.75, 0.85)),
          ]),
          device('pharma-tt-01', 'R-301反应釜温度压力', 'Reactor R-301 temperature and pressure', 'temperature_sensor', DCS('中控技术', 'ECS-700 DCS', 'SPC-ECS700-2452'), [
            tag('reactor_temp', '反应釜内温', 'Reactor temperature', 'temperature', '°C', 65, lim(55, 60, 70, 75)),
            tag('reactor_pressure', '反应釜压力', 'Reactor pressure', 'pressure', 'MPa', 0.12, lim(null, null, 0.25, 0.3)),
          ]),
          device('pharma-fm-01', '车间废水排放流量及pH', 'Process wastewater flow and pH', 'flow_meter', { protocol: DEMO_PROTOCOL, manufacturer: '哈希', model: 'sc200 控制器 + pHD 传感器', serialNo: 'HACH-SC200-31874' }, [
            tag('wastewater_flow', '废水排放流量', 'Wastewater discharge', 'flow', 'm3/h', 22, { materialCode: 'WASTEWATER', ...lim(null, null, 30, 35) }),
            tag('ph', '废水pH', 'Wastewater pH', 'quality', 'pH', 7.5, { materialCode: 'WASTEWATER', ...lim(6, 6.5, 8.5, 9) }),
          ]),
        ],
      },
      {
        code: 'pharma-refining', name: '精烘包车间', nameEn: 'Refining, drying and packing (GMP clean area)', kind: 'production',
        capacityValue: 600, capacityUnit: 't/a',
        devices: [],
      },
      {
        code: 'pharma-tankfarm', name: '溶剂罐区及危废暂存库', nameEn: 'Solvent tank farm and hazardous waste store', kind: 'storage',
        capacityValue: 1200, capacityUnit: 'm3',
        description: '废溶剂罐 4×150 m3、回收溶剂罐 4×150 m3；精馏残渣、废活性炭桶装暂存后送净源环保',
        devices: [
          device('pharma-lt-01', '溶剂储罐液位计', 'Solvent tank level gauges', 'level_gauge', { protocol: DEMO_PROTOCOL, manufacturer: 'E+H', model: 'Micropilot FMR20', serialNo: 'EH-FMR20-81127' }, [
            tag('spent_solvent_level', '废溶剂罐液位', 'Spent solvent tank level', 'level', '%', 55, { materialCode: 'SPENT_SOLVENT', ...lim(null, 10, 85, 92) }),
            tag('recovered_solvent_level', '回收溶剂罐液位', 'Recovered solvent tank level', 'level', '%', 60, { materialCode: 'RECOVERED_SOLVENT', ...lim(5, 15, 85, 92) }),
          ]),
          device('pharma-wb-01', '危废暂存库电子地磅', 'Hazardous waste store platform scale', 'weighbridge', { protocol: DEMO_PROTOCOL, manufacturer: '梅特勒-托利多', model: 'PFA579 地秤', serialNo: 'MT-PFA579-2023-0418' }, [
            tag('residue_net', '精馏残渣净重', 'Distillation residue, net weight', 'mass', 't', 1.2, { materialCode: 'PHARMA_DISTILLATION_RESIDUE', ...lim(null, null, 2.5, 3), description: '每批（吨桶）净重' }),
            tag('spent_carbon_net', '废活性炭净重', 'Spent activated carbon, net weight', 'mass', 't', 0.5, { materialCode: 'SPENT_ACTIVATED_CARBON', ...lim(null, null, 1.5, 2), description: '每批（吨袋）净重' }),
          ]),
        ],
      },
      {
        code: 'pharma-rto', name: '蓄热式焚烧废气处理装置', nameEn: 'Regenerative thermal oxidizer (RTO)', kind: 'environmental',
        capacityValue: 40000, capacityUnit: 'Nm3/h',
        devices: [
          device('pharma-cems-01', 'RTO排气筒在线监测', 'RTO stack VOC monitor', 'emission_monitor', CEMS('聚光科技', 'VOCs-1000 非甲烷总烃在线监测', 'FPI-VOC1000-21-0337'), [
            tag('nmhc', '非甲烷总烃', 'Non-methane hydrocarbons', 'emission', 'mg/m3', 15, { ...lim(null, null, 60, 100), description: 'GB 37823-2019 制药工业：特别排放限值 60，一般限值 100' }),
            tag('rto_temp', 'RTO炉膛温度', 'RTO combustion chamber temperature', 'temperature', '°C', 820, lim(760, 780, 900, 950)),
          ]),
        ],
      },
    ],
  }],
};

const solvrec: DemoEnterprise = {
  code: 'solvrec',
  name: '滨海净源环保科技有限公司',
  nameEn: 'Binhai Jingyuan Environmental Technology Co., Ltd.',
  shortName: '净源环保',
  industry: 'waste_treatment',
  uscc: '91370700MA3EN2G597',
  contactName: '郑宏',
  contactPhone: '0536-7585518',
  sites: [{
    code: 'solvrec-main',
    name: '溶剂回收及危废处置中心',
    nameEn: 'Solvent recovery and hazardous waste treatment centre',
    address: '滨海循环经济化工园区康海路16号',
    lat: 37.0447,
    lng: 119.1497,
    units: [
      {
        code: 'solvrec-distillation', name: '废溶剂精馏回收装置', nameEn: 'Spent solvent distillation', kind: 'treatment',
        capacityValue: 20000, capacityUnit: 't/a',
        description: '间歇/连续精馏，回收溶剂按康源药业质量标准检验合格后返回使用',
        devices: [
          electricityMeter('solvrec-em-01', '精馏装置总电能表', 'Distillation unit energy meter', 1500, 1800, 2000, ACREL('DTSD1352-C', 'AC1352-2023-080012')),
          device('solvrec-fm-01', '废溶剂进料及回收溶剂流量', 'Spent solvent feed and recovered solvent flow', 'flow_meter', DCS('科隆', 'OPTIMASS 1400 质量流量计', 'KR-OM1400-17733'), [
            tag('spent_solvent_feed', '废溶剂进料量', 'Spent solvent feed', 'flow', 't/h', 2.5, { materialCode: 'SPENT_SOLVENT', ...lim(null, 1.0, 3.0, 3.2) }),
            tag('recovered_solvent_out', '回收溶剂产量', 'Recovered solvent output', 'flow', 't/h', 2.1, { materialCode: 'RECOVERED_SOLVENT', ...lim(null, 0.8, 2.6, 2.8) }),
          ]),
          device('solvrec-qa-01', '回收溶剂在线气相色谱', 'Recovered solvent process gas chromatograph', 'quality_analyzer', DCS('西门子', 'MAXUM edition II 过程气相色谱', 'SI-MAXUM-10452'), [
            tag('purity', '回收溶剂纯度', 'Recovered solvent purity', 'quality', '%', 99.6, { materialCode: 'RECOVERED_SOLVENT', ...lim(98.5, 99.0, null, null) }),
            tag('water_content', '水分', 'Water content', 'quality', '%', 0.08, { materialCode: 'RECOVERED_SOLVENT', ...lim(null, null, 0.2, 0.5) }),
          ]),
        ],
      },
      {
        code: 'solvrec-incinerator', name: '回转窑焚烧装置', nameEn: 'Rotary kiln incinerator', kind: 'treatment',
        capacityValue: 100, capacityUnit: 't/d',
        description: '回转窑+二燃室（≥1100 °C，停留≥2 s），急冷、干法/湿法脱酸、活性炭喷射、布袋除尘',
        devices: [
          device('solvrec-tt-01', '焚烧系统温度', 'Incineration temperatures', 'temperature_sensor', DCS('中控技术', 'ECS-700 DCS', 'SPC-ECS700-2519'), [
            tag('kiln_temp', '回转窑窑尾温度', 'Rotary kiln outlet temperature', 'temperature', '°C', 900, lim(820, 850, 1000, 1050)),
            tag('scc_temp', '二燃室出口温度', 'Secondary combustion chamber temperature', 'temperature', '°C', 1150, { ...lim(1100, 1120, 1250, 1300), description: 'GB 18484-2020 要求二燃室温度 ≥1100 °C' }),
          ]),
          device('solvrec-cems-01', '焚烧炉烟囱CEMS', 'Incinerator stack CEMS', 'emission_monitor', CEMS('雪迪龙', 'SCS-900 烟气排放连续监测系统', 'SDL900-2023-5607'), [
            tag('dust', '颗粒物', 'Particulate matter', 'emission', 'mg/m3', 5, { ...lim(null, null, 20, 30), description: 'GB 18484-2020：24 小时均值 20，1 小时均值 30' }),
            tag('so2', '二氧化硫', 'SO2', 'emission', 'mg/m3', 25, { ...lim(null, null, 80, 100), description: 'GB 18484-2020：24 小时均值 80，1 小时均值 100' }),
            tag('nox', '氮氧化物', 'NOx', 'emission', 'mg/m3', 150, { ...lim(null, null, 250, 300), description: 'GB 18484-2020：24 小时均值 250，1 小时均值 300' }),
            tag('hcl', '氯化氢', 'HCl', 'emission', 'mg/m3', 12, { ...lim(null, null, 50, 60), description: 'GB 18484-2020：24 小时均值 50，1 小时均值 60' }),
            tag('co', '一氧化碳', 'CO', 'emission', 'mg/m3', 20, { ...lim(null, null, 80, 100), description: 'GB 18484-2020：24 小时均值 80，1 小时均值 100' }),
          ]),
        ],
      },
      {
        code: 'solvrec-waste-heat', name: '余热锅炉', nameEn: 'Waste-heat boiler', kind: 'utility',
        capacityValue: 15, capacityUnit: 't/h',
        description: '焚烧烟气余热产 1.0 MPa 饱和蒸汽，供康源药业',
        devices: [
          device('solvrec-sm-01', '余热蒸汽计量', 'Waste-heat steam metering', 'flow_meter', DCS('E+H', 'Prowirl F 200 涡街流量计', 'EH-PW200-44017'), [
            tag('steam_flow', '余热蒸汽流量', 'Waste-heat steam flow', 'flow', 't/h', 12, { materialCode: 'STEAM_LP', ...lim(null, 5, 15, 16) }),
            tag('heat_output', '余热供热量', 'Waste heat delivered', 'energy', 'GJ', 33, { materialCode: 'WASTE_HEAT', counter: true, description: '累计热量；nominal 为每小时增量' }),
          ]),
        ],
      },
      {
        code: 'solvrec-storage', name: '危废贮存库', nameEn: 'Hazardous waste store', kind: 'storage',
        capacityValue: 3000, capacityUnit: 't',
        devices: [
          device('solvrec-wb-01', '危废进出厂汽车衡', 'Hazardous waste truck scale', 'weighbridge', SCALE('MT-SCS-2023-11402'), [
            netWeight('residue_in_net', '精馏残渣进厂净重', 'Distillation residue received, net weight', 'PHARMA_DISTILLATION_RESIDUE', 8, 15, 20),
            netWeight('sulfur_slag_in_net', '硫磺渣进厂净重', 'Sulfur slag received, net weight', 'SULFUR_SLAG', 3, 10, 15),
            netWeight('fly_ash_out_net', '焚烧飞灰出厂净重', 'Incineration fly ash dispatched, net weight', 'INCINERATION_FLY_ASH', 10, 20, 25),
          ]),
        ],
      },
    ],
  }],
};

const wwtp: DemoEnterprise = {
  code: 'wwtp',
  name: '滨海园区污水处理有限公司',
  nameEn: 'Binhai Park Wastewater Treatment Co., Ltd.',
  shortName: '园区污水厂',
  industry: 'utilities',
  uscc: '91370700MA3C96JBXR',
  contactName: '何建华',
  contactPhone: '0536-7586120',
  sites: [{
    code: 'wwtp-main',
    name: '园区集中污水处理厂',
    nameEn: 'Central wastewater treatment plant',
    address: '滨海循环经济化工园区海源路40号',
    lat: 37.0431,
    lng: 119.1633,
    units: [
      {
        code: 'wwtp-pretreatment', name: '预处理及调节池', nameEn: 'Pre-treatment and equalization', kind: 'treatment',
        capacityValue: 40000, capacityUnit: 'm3/d',
        description: '各企业废水经“一企一管”明管输送，分质接纳、应急池与调节池',
        devices: [
          device('wwtp-fm-01', '进水总管流量计', 'Influent flow meter', 'flow_meter', DCS('E+H', 'Promag W 400 电磁流量计', 'EH-PMW400-61302'), [
            tag('influent_flow', '进水流量', 'Influent flow', 'flow', 'm3/h', 1500, { materialCode: 'WASTEWATER', ...lim(null, 600, 1700, 1800) }),
            tag('influent_cod', '进水COD', 'Influent COD', 'quality', 'mg/L', 800, { materialCode: 'WASTEWATER', ...lim(null, null, 1500, 2000), description: '接管标准 COD ≤ 2000 mg/L' }),
          ]),
          device('wwtp-lt-01', '调节池液位计', 'Equalization basin level gauge', 'level_gauge', { protocol: DEMO_PROTOCOL, manufacturer: 'VEGA', model: 'VEGAPULS 61', serialNo: 'VG61-35601127' }, [
            tag('equalization_level', '调节池液位', 'Equalization basin level', 'level', 'm', 4.5, lim(1.0, 1.5, 5.5, 6.0)),
          ]),
        ],
      },
      {
        code: 'wwtp-biological', name: '生化处理单元', nameEn: 'Biological treatment (hydrolysis-acidification + A/O)', kind: 'treatment',
        capacityValue: 40000, capacityUnit: 'm3/d',
        devices: [
          electricityMeter('wwtp-em-01', '鼓风机房及全厂电能表', 'Blower house and plant energy meter', 1800, 2200, 2400, ACREL('DTSD1352-C', 'AC1352-2021-055617')),
          device('wwtp-qa-01', '好氧池溶解氧及污泥浓度', 'Aeration basin DO and MLSS', 'quality_analyzer', { protocol: DEMO_PROTOCOL, manufacturer: '哈希', model: 'LDO sc + Solitax sc', serialNo: 'HACH-LDO-44820' }, [
            tag('dissolved_oxygen', '溶解氧', 'Dissolved oxygen', 'quality', 'mg/L', 2.0, lim(0.5, 1.0, 3.5, 5.0)),
            tag('mlss', '混合液悬浮固体浓度', 'Mixed liquor suspended solids', 'quality', 'mg/L', 4000, lim(2000, 2500, 5000, 6000)),
          ]),
        ],
      },
      {
        code: 'wwtp-advanced', name: '深度处理及中水回用', nameEn: 'Advanced treatment and water reuse', kind: 'treatment',
        capacityValue: 15000, capacityUnit: 'm3/d',
        description: '臭氧催化氧化+超滤/反渗透；回用水供热电厂冷却塔补水，其余达标排放',
        devices: [
          device('wwtp-qa-02', '总排口水质在线监测', 'Final effluent online monitoring', 'quality_analyzer', { protocol: DEMO_PROTOCOL, manufacturer: '哈希', model: 'CODmax II + Amtax sc + Phosphax sc', serialNo: 'HACH-CODMAX-20931' }, [
            tag('cod', '化学需氧量', 'COD', 'quality', 'mg/L', 28, { materialCode: 'TREATED_WATER', ...lim(null, null, 50, 60), description: 'GB 18918-2002 一级 A 50' }),
            tag('nh3n', '氨氮', 'Ammonia nitrogen', 'quality', 'mg/L', 1.5, { materialCode: 'TREATED_WATER', ...lim(null, null, 5, 8), description: 'GB 18918-2002 一级 A 5（水温≤12 °C 时 8）' }),
            tag('tp', '总磷', 'Total phosphorus', 'quality', 'mg/L', 0.3, { materialCode: 'TREATED_WATER', ...lim(null, null, 0.5, 1.0), description: 'GB 18918-2002 一级 A 0.5' }),
            tag('ph', 'pH', 'pH', 'quality', 'pH', 7.2, { materialCode: 'TREATED_WATER', ...lim(6, 6.5, 8.5, 9) }),
          ]),
          device('wwtp-fm-02', '排放及回用水流量计', 'Discharge and reuse flow meters', 'flow_meter', DCS('E+H', 'Promag W 400 电磁流量计', 'EH-PMW400-61355'), [
            tag('discharge_flow', '达标排放流量', 'Treated effluent discharge', 'flow', 'm3/h', 950, { materialCode: 'TREATED_WATER', ...lim(null, null, 1300, 1450) }),
            tag('reuse_flow', '中水回用流量', 'Reclaimed water to reuse', 'flow', 'm3/h', 450, { materialCode: 'TREATED_WATER', ...lim(null, 200, 600, 625) }),
          ]),
        ],
      },
      {
        code: 'wwtp-sludge', name: '污泥脱水干化', nameEn: 'Sludge dewatering and drying', kind: 'treatment',
        capacityValue: 60, capacityUnit: 't/d',
        description: '板框压滤+低温干化至含水率 40%，送热电厂掺烧',
        devices: [
          device('wwtp-wb-01', '污泥出厂汽车衡', 'Sludge truck scale', 'weighbridge', SCALE('MT-SCS-2021-09377'), [
            netWeight('sludge_net', '干化污泥净重', 'Dried sludge, net weight', 'WWTP_SLUDGE', 10, 20, 25),
          ]),
        ],
      },
    ],
  }],
};

export const demoPark: DemoPark = {
  code: 'binhai-circular',
  name: '滨海循环经济化工园区',
  nameEn: 'Binhai Circular Chemical Park',
  timezone: 'Asia/Shanghai',
  address: '山东省潍坊市滨海经济技术开发区渤海路1号 滨海循环经济化工园区管委会',
  lat: PARK_LAT,
  lng: PARK_LNG,
  identifierPrefix: '88.118.2',
  enterprises: [chloralkali, pvc, refinery, polyolefin, phosphate, cement, chp, recycler, pharma, solvrec, wwtp],
};

// ---------------------------------------------------------------------------------------------
// Exchanges between enterprises: what the park's loops are made of.

/** A material that one enterprise sends another (by pipe, truck or wire), with a typical yearly amount. */
export interface DemoFlow {
  from: string;
  to: string;
  materialCode: string;
  /** typical amount per year, in `unit` */
  quantityPerYear: number;
  unit: 't' | 'm3' | 'Nm3' | 'MWh' | 'GJ';
  /** the loop of docs/demo-park.md the exchange belongs to */
  loop: 'chlorine' | 'hydrogen' | 'sulfur' | 'polymer' | 'solids' | 'solvent' | 'energy' | 'water';
  description: string;
}

export const demoFlows: readonly DemoFlow[] = [
  { from: 'chloralkali', to: 'pvc', materialCode: 'CHLORINE', quantityPerYear: 230000, unit: 't', loop: 'chlorine', description: 'dry chlorine by pipeline to EDC direct chlorination and HCl synthesis' },
  { from: 'chloralkali', to: 'refinery', materialCode: 'HYDROGEN_BYPRODUCT', quantityPerYear: 64000000, unit: 'Nm3', loop: 'hydrogen', description: 'cell hydrogen (99.9%) as make-up hydrogen for diesel hydrotreating' },
  { from: 'chloralkali', to: 'cement', materialCode: 'BRINE_SLUDGE', quantityPerYear: 8000, unit: 't', loop: 'solids', description: 'filter-pressed brine sludge as a minor raw-meal component' },
  { from: 'refinery', to: 'pvc', materialCode: 'ETHYLENE', quantityPerYear: 135000, unit: 't', loop: 'chlorine', description: 'polymer-grade ethylene for EDC' },
  { from: 'refinery', to: 'polyolefin', materialCode: 'ETHYLENE', quantityPerYear: 450000, unit: 't', loop: 'polymer', description: 'polymer-grade ethylene by pipeline' },
  { from: 'refinery', to: 'polyolefin', materialCode: 'PROPYLENE', quantityPerYear: 400000, unit: 't', loop: 'polymer', description: 'polymer-grade propylene by pipeline' },
  { from: 'refinery', to: 'phosphate', materialCode: 'SULFUR', quantityPerYear: 100000, unit: 't', loop: 'sulfur', description: 'recovered sulfur for the sulfur-burning acid plant' },
  { from: 'refinery', to: 'solvrec', materialCode: 'SULFUR_SLAG', quantityPerYear: 300, unit: 't', loop: 'sulfur', description: 'sulfur slag from the SRU, incinerated as hazardous waste' },
  { from: 'refinery', to: 'cement', materialCode: 'SPENT_CATALYST_FCC', quantityPerYear: 1500, unit: 't', loop: 'solids', description: 'spent FCC catalyst co-processed in the cement kiln as a silica-alumina raw material' },
  { from: 'polyolefin', to: 'recycler', materialCode: 'OFFSPEC_PE', quantityPerYear: 6000, unit: 't', loop: 'polymer', description: 'transition and off-spec PE from grade changes and start-ups' },
  { from: 'recycler', to: 'polyolefin', materialCode: 'RECYCLED_PE_PELLETS', quantityPerYear: 10000, unit: 't', loop: 'polymer', description: 'recycled PE pellets blended into non-food compounding grades' },
  { from: 'pvc', to: 'cement', materialCode: 'CARBIDE_SLAG', quantityPerYear: 180000, unit: 't', loop: 'solids', description: 'carbide slag replacing limestone as the calcium source of the raw meal' },
  { from: 'phosphate', to: 'cement', materialCode: 'PHOSPHOGYPSUM', quantityPerYear: 400000, unit: 't', loop: 'sulfur', description: 'washed phosphogypsum as cement set retarder and for building gypsum' },
  { from: 'phosphate', to: 'chp', materialCode: 'STEAM_HP', quantityPerYear: 760000, unit: 't', loop: 'energy', description: 'acid-plant waste-heat steam into the park MP steam header' },
  { from: 'chp', to: 'cement', materialCode: 'FLY_ASH', quantityPerYear: 110000, unit: 't', loop: 'solids', description: 'fly ash as raw-meal corrective and cement admixture' },
  { from: 'chp', to: 'cement', materialCode: 'BOTTOM_ASH', quantityPerYear: 60000, unit: 't', loop: 'solids', description: 'CFB bottom ash as raw-meal component' },
  { from: 'chp', to: 'cement', materialCode: 'FGD_GYPSUM', quantityPerYear: 30000, unit: 't', loop: 'solids', description: 'FGD gypsum as set retarder and for building gypsum' },
  { from: 'cement', to: 'chp', materialCode: 'LIMESTONE', quantityPerYear: 36000, unit: 't', loop: 'solids', description: 'ground limestone for in-furnace and wet flue gas desulfurization, returning as FGD gypsum' },
  { from: 'chp', to: 'chloralkali', materialCode: 'ELECTRICITY', quantityPerYear: 400000, unit: 'MWh', loop: 'energy', description: 'electricity over the park 110 kV network' },
  { from: 'chp', to: 'chloralkali', materialCode: 'STEAM_LP', quantityPerYear: 144000, unit: 't', loop: 'energy', description: 'LP steam for caustic evaporation' },
  { from: 'chp', to: 'pvc', materialCode: 'STEAM_LP', quantityPerYear: 200000, unit: 't', loop: 'energy', description: 'LP steam for stripping and drying' },
  { from: 'chp', to: 'pharma', materialCode: 'STEAM_LP', quantityPerYear: 112000, unit: 't', loop: 'energy', description: 'LP steam for reactors and distillation' },
  { from: 'pharma', to: 'solvrec', materialCode: 'SPENT_SOLVENT', quantityPerYear: 20000, unit: 't', loop: 'solvent', description: 'spent non-halogenated solvents by tank truck' },
  { from: 'pharma', to: 'solvrec', materialCode: 'PHARMA_DISTILLATION_RESIDUE', quantityPerYear: 3000, unit: 't', loop: 'solvent', description: 'distillation residues, incinerated' },
  { from: 'pharma', to: 'solvrec', materialCode: 'SPENT_ACTIVATED_CARBON', quantityPerYear: 600, unit: 't', loop: 'solvent', description: 'spent decolourising carbon, incinerated' },
  { from: 'solvrec', to: 'pharma', materialCode: 'RECOVERED_SOLVENT', quantityPerYear: 16800, unit: 't', loop: 'solvent', description: 'recovered solvents back to synthesis after release testing' },
  { from: 'solvrec', to: 'pharma', materialCode: 'WASTE_HEAT', quantityPerYear: 260000, unit: 'GJ', loop: 'energy', description: 'waste-heat boiler steam from the incinerator' },
  { from: 'solvrec', to: 'cement', materialCode: 'INCINERATION_FLY_ASH', quantityPerYear: 1200, unit: 't', loop: 'solids', description: 'washed incineration fly ash co-processed in the cement kiln' },
  { from: 'pharma', to: 'wwtp', materialCode: 'WASTEWATER', quantityPerYear: 176000, unit: 'm3', loop: 'water', description: 'pre-treated process wastewater' },
  { from: 'recycler', to: 'wwtp', materialCode: 'WASTEWATER', quantityPerYear: 120000, unit: 'm3', loop: 'water', description: 'plastics washing wastewater' },
  { from: 'pvc', to: 'wwtp', materialCode: 'WASTEWATER', quantityPerYear: 1600000, unit: 'm3', loop: 'water', description: 'polymerization mother liquor and centrifuge water' },
  { from: 'refinery', to: 'wwtp', materialCode: 'WASTEWATER', quantityPerYear: 4000000, unit: 'm3', loop: 'water', description: 'stripped sour water and oily wastewater after in-plant treatment' },
  { from: 'wwtp', to: 'chp', materialCode: 'TREATED_WATER', quantityPerYear: 3600000, unit: 'm3', loop: 'water', description: 'RO permeate as cooling-tower make-up' },
  { from: 'wwtp', to: 'chp', materialCode: 'WWTP_SLUDGE', quantityPerYear: 12000, unit: 't', loop: 'water', description: 'dried sludge co-fired in the CFB boilers' },
];

// ---------------------------------------------------------------------------------------------
// Users.

/** One demo user per role and enterprise: `${enterpriseCode}.admin|operator|viewer` (roles enterprise_admin, enterprise_operator, enterprise_viewer), plus `regulator` (park_viewer) and `operator` (park_admin of the park operator, besides the built-in `admin`). */
export interface DemoUser { username: string; displayName: string; role: 'park_admin' | 'park_viewer' | 'enterprise_admin' | 'enterprise_operator' | 'enterprise_viewer'; enterpriseCode?: string }

const ENTERPRISE_USER_ROLES = [
  { suffix: 'admin', role: 'enterprise_admin', label: '管理员' },
  { suffix: 'operator', role: 'enterprise_operator', label: '操作员' },
  { suffix: 'viewer', role: 'enterprise_viewer', label: '只读用户' },
] as const;

export function demoUsers(park: DemoPark = demoPark): DemoUser[] {
  const users: DemoUser[] = [
    { username: 'operator', displayName: `${park.name}运营管理员`, role: 'park_admin' },
    { username: 'regulator', displayName: '园区安全环保监管人员', role: 'park_viewer' },
  ];
  for (const e of park.enterprises) {
    for (const r of ENTERPRISE_USER_ROLES) {
      users.push({ username: `${e.code}.${r.suffix}`, displayName: `${e.shortName ?? e.name}${r.label}`, role: r.role, enterpriseCode: e.code });
    }
  }
  return users;
}
