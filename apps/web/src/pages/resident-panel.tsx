import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ApiError, api } from "../api";
import { formatDateTime, type Language, useI18n, useMessages } from "../i18n";
import { ResidentMerges } from "./resident-panel-merge";
import { messages, type ResidentPanelMessages } from "./resident-panel-messages";
import { ResidentOpenWork } from "./resident-panel-open-work";
import { ResidentPreferences } from "./resident-panel-preferences";
import type { Representation, ResidentIdentifier, ResidentProfile } from "./resident-panel-types";

export function formatDate(language: Language, iso: string): string {
  return new Intl.DateTimeFormat(language === "nl" ? "nl-NL" : "en-GB", {
    dateStyle: "medium",
    timeZone: "Europe/Amsterdam",
  }).format(new Date(iso));
}

/** The resident behind the question: identity, representatives, preferences, open work, merges. */
export function ResidentPanel({ partyId }: { partyId: string }) {
  const m = useMessages(messages);
  const profile = useQuery({
    queryKey: ["resident", partyId],
    queryFn: () => api<ResidentProfile>(`/residents/${partyId}`),
    // After a join the question's resident changes; keep showing the panel while the new one loads.
    placeholderData: keepPreviousData,
  });
  return (
    <aside className="resident-panel" aria-labelledby="resident-panel-title" data-testid="resident-panel">
      <h2 id="resident-panel-title" className="utrecht-heading-2">
        {m.title}
        {profile.data && `: ${profile.data.displayName ?? m.unknownName}`}
      </h2>
      {profile.isPending && <p className="utrecht-paragraph">{m.loading}</p>}
      {profile.isError && (
        <div className="utrecht-alert utrecht-alert--warning calm-error" role="alert">
          <h3 className="utrecht-heading-3">{m.error}</h3>
          <p className="utrecht-paragraph">
            {profile.error instanceof ApiError ? profile.error.problem.detail : String(profile.error)}
          </p>
        </div>
      )}
      {profile.data && (
        <div className="resident-panel-sections">
          <ResidentIdentity profile={profile.data} />
          <ResidentIdentifiers profile={profile.data} />
          <ResidentRepresentation profile={profile.data} />
          <ResidentPreferences profile={profile.data} />
          <ResidentOpenWork profile={profile.data} />
          <ResidentMerges profile={profile.data} />
        </div>
      )}
    </aside>
  );
}

function ResidentIdentity({ profile }: { profile: ResidentProfile }) {
  const m = useMessages(messages);
  const { language } = useI18n();
  const place = [profile.address, profile.postcode, profile.city].filter(Boolean).join(", ");
  return (
    <dl className="resident-facts">
      <div>
        <dt>{m.kind}</dt>
        <dd>{m.kinds[profile.kind] ?? profile.kind}</dd>
      </div>
      <div>
        <dt>{m.identity}</dt>
        <dd>{m.identityLevels[profile.identityLevel] ?? profile.identityLevel}</dd>
      </div>
      {place && (
        <div>
          <dt>{m.address}</dt>
          <dd>{place}</dd>
        </div>
      )}
      {profile.birthDate && (
        <div>
          <dt>{m.birthDate}</dt>
          <dd>{formatDate(language, profile.birthDate)}</dd>
        </div>
      )}
      {profile.secret && (
        <div>
          <dt>{m.secret}</dt>
          <dd>
            <strong>{m.secretYes}</strong>
          </dd>
        </div>
      )}
    </dl>
  );
}

function verificationText(m: ResidentPanelMessages, language: Language, identifier: ResidentIdentifier) {
  if (!identifier.verified) return m.notVerified;
  return [
    m.verifiedHow(m.verifications[identifier.verification] ?? identifier.verification),
    identifier.verifiedAt ? m.verifiedWhen(formatDateTime(language, identifier.verifiedAt)) : null,
    identifier.verifiedBy ? m.verifiedBy(identifier.verifiedBy) : null,
  ]
    .filter(Boolean)
    .join(" ");
}

function ResidentIdentifiers({ profile }: { profile: ResidentProfile }) {
  const m = useMessages(messages);
  const { language } = useI18n();
  return (
    <section aria-labelledby="resident-identifiers-title" className="resident-section">
      <h3 id="resident-identifiers-title" className="utrecht-heading-3">
        {m.identifiersTitle}
      </h3>
      {profile.identifiers.length === 0 ? (
        <p className="utrecht-paragraph">{m.noIdentifiers}</p>
      ) : (
        <dl className="resident-list">
          {profile.identifiers.map((identifier) => (
            <div key={identifier.id} data-testid="resident-identifier">
              <dt>{m.identifierKinds[identifier.kind] ?? identifier.kind}</dt>
              <dd>
                <span className="resident-value">{identifier.value}</span>
                {identifier.masked && <span className="visually-hidden"> {m.maskedHint}</span>}
                <br />
                <span className={identifier.verified ? "resident-verified" : "resident-unverified"}>
                  {verificationText(m, language, identifier)}
                </span>
              </dd>
            </div>
          ))}
        </dl>
      )}
      {profile.digitalAddresses.length > 0 && (
        <>
          <h4 className="utrecht-heading-4">{m.addressesTitle}</h4>
          <ul className="resident-plain-list">
            {profile.digitalAddresses.map((a) => (
              <li key={a.id}>
                {m.identifierKinds[a.kind] ?? a.kind}: <span className="resident-value">{a.address}</span>
                {a.isDefault && ` (${m.defaultAddress})`}
                {a.description && ` · ${a.description}`}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function RepresentationList({ items }: { items: Representation[] }) {
  const m = useMessages(messages);
  const { language } = useI18n();
  return (
    <ul className="resident-plain-list">
      {items.map((r) => (
        <li key={r.representationId} data-testid="resident-representation">
          <strong>{r.displayName ?? m.unknownName}</strong> · {m.bases[r.basis] ?? r.basis} ·{" "}
          {m.validFrom(formatDate(language, r.validFrom))}
          {r.validUntil && ` ${m.validUntil(formatDate(language, r.validUntil))}`}
          {!r.current && ` (${m.notCurrent})`}
        </li>
      ))}
    </ul>
  );
}

function ResidentRepresentation({ profile }: { profile: ResidentProfile }) {
  const m = useMessages(messages);
  const none = profile.representedBy.length === 0 && profile.represents.length === 0;
  return (
    <section aria-labelledby="resident-representation-title" className="resident-section">
      <h3 id="resident-representation-title" className="utrecht-heading-3">
        {m.representationTitle}
      </h3>
      {none && <p className="utrecht-paragraph">{m.noRepresentation}</p>}
      {profile.representedBy.length > 0 && (
        <>
          <h4 className="utrecht-heading-4">{m.representedBy}</h4>
          <RepresentationList items={profile.representedBy} />
        </>
      )}
      {profile.represents.length > 0 && (
        <>
          <h4 className="utrecht-heading-4">{m.represents}</h4>
          <RepresentationList items={profile.represents} />
        </>
      )}
    </section>
  );
}
