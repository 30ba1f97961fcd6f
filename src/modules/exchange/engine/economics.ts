/**
 * What one unit of the offered material moved along a pair is worth to the park: the disposal it
 * no longer needs and the virgin material its receiver no longer buys, minus the freight. Prices
 * the two plants agree between themselves are transfers that cancel out at the park's level, so
 * the supplier's asking price never enters; a demand's stated price stands in for what the virgin
 * material costs that receiver.
 */
import type { CandidateExplanation, ExchangeSettings, PlanListing } from '../model.ts';
import type { PairOk } from './compatibility.ts';

export interface PairEconomics {
  /** CNY per unit of the offered material, carbon priced in. */
  unitNetBenefit: number;
  /** savesCny and savesTCo2 at quantity 0: the plan sets them. */
  explanation: CandidateExplanation;
}

const MODE_WORDS: Record<string, string> = { road: 'by road', pipeline_steam: 'by steam pipe', pipeline_gas: 'by gas pipe', heat_network: 'by heat network' };

const round = (x: number, digits: number) => Number(x.toFixed(digits));

export function pairEconomics(offer: PlanListing, demand: PlanListing, pair: PairOk, offeredUnit: string, settings: ExchangeSettings): PairEconomics {
  const tPerUnit = pair.tonnesPerUnit ?? 0;
  const route = settings.disposal[offer.currentRoute ?? 'none'] ?? settings.disposal.none;
  // Disposal fees and CO2 are per t; a unit without a known mass (heat in GJ) has no disposal to avoid.
  const avoidedDisposalCny = route.cnyPerUnit * tPerUnit;
  const avoidedDisposalKg = route.kgCo2PerUnit * tPerUnit;

  const virgin = settings.virgin[demand.materialCode];
  // A negative demand price is a gate fee the receiver charges: a transfer, not a saving.
  const virginPrice = Math.max(0, demand.priceCnyPerUnit ?? virgin?.cnyPerUnit ?? 0);
  const avoidedVirginCny = pair.ratio * virginPrice;
  const avoidedVirginKg = pair.ratio * (virgin?.kgCo2PerUnit ?? 0);

  const mode = settings.transport[pair.mode];
  // Road freight is per t·km; a pipe's is per unit of what it carries.
  const freightUnits = pair.mode === 'road' ? tPerUnit : 1;
  const km = pair.distance.km;
  const transportCny = mode.cnyPerUnit * km * freightUnits;
  const transportKg = mode.kgCo2PerUnit * km * freightUnits;

  const netCny = avoidedDisposalCny + avoidedVirginCny - transportCny;
  const netKg = avoidedDisposalKg + avoidedVirginKg - transportKg;
  const unitNetBenefit = netCny + (netKg / 1000) * settings.carbonPriceCnyPerT;

  const why =
    pair.basis === 'same_material'
      ? `${offer.materialCode} for a demand of the same material`
      : pair.basis === 'accepted_code'
        ? `${offer.materialCode} accepted by a demand for ${demand.materialCode}`
        : `${offer.materialCode} replaces ${demand.materialCode} (substitution${pair.substitutionSource ? `, ${pair.substitutionSource}` : ''}; ${pair.ratio} per unit)`;
  const text = `${why}; ${round(km, 1)} km ${MODE_WORDS[pair.mode]}; saves ${round(netCny, 2)} CNY and ${round(netKg / 1000, 4)} t CO2 per ${offeredUnit}`;

  return {
    unitNetBenefit,
    explanation: {
      text,
      basis: pair.basis,
      substitutionSource: pair.substitutionSource,
      ratio: pair.ratio,
      distanceKm: km,
      distanceFrom: pair.distance.from,
      mode: pair.mode,
      transportCnyPerUnit: transportCny,
      transportKgCo2PerUnit: transportKg,
      avoidedDisposalCnyPerUnit: avoidedDisposalCny,
      avoidedDisposalKgCo2PerUnit: avoidedDisposalKg,
      avoidedVirginCnyPerUnit: avoidedVirginCny,
      avoidedVirginKgCo2PerUnit: avoidedVirginKg,
      netCnyPerUnit: netCny,
      netKgCo2PerUnit: netKg,
      savesCny: 0,
      savesTCo2: 0,
      licenceId: pair.licenceId,
    },
  };
}
