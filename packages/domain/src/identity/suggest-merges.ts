import { jaroWinkler } from "./jaro-winkler";
import { normaliseHouseNumber, normaliseName, normaliseStreet } from "./normalise-text";
import { normalisePostcode } from "./postcode";

export type IdentityLevel = "address-based" | "verified";

export type PartyProfile = {
  id: string;
  name?: string;
  postcode?: string;
  street?: string;
  houseNumber?: string;
  /** "YYYY-MM-DD" */
  birthDate?: string;
  bsn?: string;
  level: IdentityLevel;
};

export type MergeReason = "same-bsn" | "same-name-and-postcode" | "similar-address" | "same-birth-date";

export type MergeSuggestion = { candidatePartyId: string; reasons: MergeReason[]; score: number };

export type SuggestMergesOptions = {
  /** Suggestions below this score are left out; the default needs more than an address or a birth date alone. */
  minimumScore?: number;
};

// Points per reason, out of 100. An address or a birth date alone is shared by many people
// (housemates, strangers), so each counts for less than the threshold on its own.
const POINTS: Record<MergeReason, number> = {
  "same-bsn": 100,
  "same-name-and-postcode": 60,
  "similar-address": 30,
  "same-birth-date": 30,
};
const DEFAULT_MINIMUM_SCORE = 0.5;
const SIMILAR_NAME = 0.92;
const SIMILAR_STREET = 0.9;

/**
 * Parties that may be the same person as `party`, for a person to review: joining is always an
 * explicit, explained, reversible step (DESIGN §5), never done here. Best first.
 *
 * A party is never suggested with itself, and two parties with different BSNs never are: they are
 * different people, whatever else they share.
 */
export function suggestMerges(
  party: PartyProfile,
  candidates: readonly PartyProfile[],
  options: SuggestMergesOptions = {},
): MergeSuggestion[] {
  const minimumScore = options.minimumScore ?? DEFAULT_MINIMUM_SCORE;
  const suggestions: MergeSuggestion[] = [];
  for (const candidate of candidates) {
    if (candidate.id === party.id) continue;
    if (party.bsn && candidate.bsn && party.bsn !== candidate.bsn) continue;
    const reasons = mergeReasons(party, candidate);
    const points = reasons.reduce((sum, reason) => sum + POINTS[reason], 0);
    const score = Math.min(points, 100) / 100;
    if (reasons.length > 0 && score >= minimumScore) {
      suggestions.push({ candidatePartyId: candidate.id, reasons, score });
    }
  }
  return suggestions.sort(
    (a, b) => b.score - a.score || compareStrings(a.candidatePartyId, b.candidatePartyId),
  );
}

function mergeReasons(a: PartyProfile, b: PartyProfile): MergeReason[] {
  const reasons: MergeReason[] = [];
  if (a.bsn && a.bsn === b.bsn) reasons.push("same-bsn");
  if (similarNames(a.name, b.name) && samePostcode(a.postcode, b.postcode))
    reasons.push("same-name-and-postcode");
  if (similarAddresses(a, b)) reasons.push("similar-address");
  if (a.birthDate && a.birthDate.trim() === b.birthDate?.trim()) reasons.push("same-birth-date");
  return reasons;
}

function similarNames(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const [left, right] = [normaliseName(a), normaliseName(b)];
  return left !== "" && (left === right || jaroWinkler(left, right) >= SIMILAR_NAME);
}

/** Postcode and house number identify an address; without both postcodes, the street name must be similar. */
function similarAddresses(a: PartyProfile, b: PartyProfile): boolean {
  if (!a.houseNumber || !b.houseNumber) return false;
  if (normaliseHouseNumber(a.houseNumber) !== normaliseHouseNumber(b.houseNumber)) return false;
  if (a.postcode && b.postcode) return samePostcode(a.postcode, b.postcode);
  if (!a.street || !b.street) return false;
  const [left, right] = [normaliseStreet(a.street), normaliseStreet(b.street)];
  return left !== "" && (left === right || jaroWinkler(left, right) >= SIMILAR_STREET);
}

function samePostcode(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  return comparablePostcode(a) === comparablePostcode(b);
}

function comparablePostcode(postcode: string): string {
  const normalised = normalisePostcode(postcode);
  return normalised.ok ? normalised.value : postcode.replace(/\s+/g, "").toUpperCase();
}

function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
