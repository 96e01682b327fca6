import { chance, int, pick, type Rng, weightedPick } from "../random";

/** Hands out identifiers that are unique within one generation, as the database's unique index requires. */
export type IdentifierRegistry = { used: Set<string> };

export function createIdentifierRegistry(): IdentifierRegistry {
  return { used: new Set() };
}

function claim(registry: IdentifierRegistry, kind: string, make: () => string | null): string {
  for (let attempt = 0; attempt < 1000; attempt++) {
    const value = make();
    if (value === null || registry.used.has(`${kind}:${value}`)) continue;
    registry.used.add(`${kind}:${value}`);
    return value;
  }
  throw new Error(`Could not find a free ${kind}`);
}

/**
 * A BSN that passes the 11-proef: eight random digits, then the ninth chosen so that
 * 9·d1 + 8·d2 + … + 2·d8 − d9 ≡ 0 (mod 11). When no single digit works (the remainder is 10), draw again.
 */
export function bsnCandidate(rng: Rng): string | null {
  const digits = Array.from({ length: 8 }, (_, i) => (i === 0 ? int(rng, 1, 6) : int(rng, 0, 9)));
  let sum = 0;
  for (const [i, digit] of digits.entries()) sum += (9 - i) * digit;
  const last = sum % 11;
  if (last === 10) return null;
  return `${digits.join("")}${last}`;
}

export function newBsn(rng: Rng, registry: IdentifierRegistry): string {
  return claim(registry, "bsn", () => bsnCandidate(rng));
}

/** A KvK number: eight digits, no check digit. */
export function newKvk(rng: Rng, registry: IdentifierRegistry): string {
  return claim(registry, "kvk", () => `${int(rng, 1, 9)}${String(int(rng, 0, 9_999_999)).padStart(7, "0")}`);
}

/** A Dutch mobile number in E.164, in the 06-1 to 06-5 ranges that are all valid mobile numbers. */
export function newMobile(rng: Rng, registry: IdentifierRegistry): string {
  return claim(
    registry,
    "phone",
    () => `+316${int(rng, 1, 5)}${String(int(rng, 0, 9_999_999)).padStart(7, "0")}`,
  );
}

/** A landline in Voorbeeldstad's (borrowed) area code 030, for residents without a mobile. */
export function newLandline(rng: Rng, registry: IdentifierRegistry): string {
  return claim(
    registry,
    "phone",
    () => `+3130${int(rng, 2, 7)}${String(int(rng, 0, 999_999)).padStart(6, "0")}`,
  );
}

const personalDomains = {
  "example.nl": 40,
  "example.com": 18,
  "voorbeeld.test": 20,
  "post.voorbeeld.test": 12,
  "example.org": 10,
} as const;

/** Lower-case ASCII for the local part of an email address ("Ayşe" → "ayse", "Łukasz" → "lukasz"). */
export function asciiSlug(text: string): string {
  return text
    .replace(/[łŁ]/g, "l")
    .replace(/[ıİ]/g, "i")
    .replace(/ß/g, "ss")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "");
}

export function newPersonalEmail(
  rng: Rng,
  registry: IdentifierRegistry,
  person: { givenName: string; familyNamePrefix: string | null; familyName: string; birthYear: number },
): string {
  const given = asciiSlug(person.givenName);
  const family = asciiSlug(`${person.familyNamePrefix ?? ""}${person.familyName}`);
  const shortFamily = asciiSlug(person.familyName);
  return claim(registry, "email", () => {
    const domain = weightedPick(rng, personalDomains);
    const local = pick(rng, [
      `${given}.${family}`,
      `${given[0]}${family}`,
      `${given}${person.birthYear % 100}`,
      `${shortFamily}.${given[0]}`,
      `${given}_${shortFamily}${int(rng, 1, 99)}`,
      `${given}${family}`,
    ]);
    const suffix = chance(rng, 0.2) ? String(int(rng, 1, 999)) : "";
    return `${local}${suffix}@${domain}`;
  });
}

export function newWorkEmail(
  rng: Rng,
  registry: IdentifierRegistry,
  givenName: string,
  companySlug: string,
): string {
  return claim(registry, "email", () => {
    const local = chance(rng, 0.5) ? asciiSlug(givenName) : pick(rng, ["info", "contact", "administratie"]);
    const extra = chance(rng, 0.3) ? String(int(rng, 1, 9)) : "";
    return `${local}${extra}@${companySlug}.voorbeeld.test`;
  });
}
