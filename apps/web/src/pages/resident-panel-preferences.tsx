import { channelName, formatDateTime, useI18n, useMessages } from "../i18n";
import { messages } from "./resident-panel-messages";
import type { ResidentProfile } from "./resident-panel-types";

/** General preferences, channel per topic, and the latest consent decision per purpose. */
export function ResidentPreferences({ profile }: { profile: ResidentProfile }) {
  const m = useMessages(messages);
  const { t, language } = useI18n();
  const prefs = profile.preferences;
  return (
    <section aria-labelledby="resident-preferences-title" className="resident-section">
      <h3 id="resident-preferences-title" className="utrecht-heading-3">
        {m.preferencesTitle}
      </h3>
      <dl className="resident-list">
        <div>
          <dt>{m.preferredChannel}</dt>
          <dd>{prefs?.preferredChannel ? channelName(t, prefs.preferredChannel) : m.notSet}</dd>
        </div>
        <div>
          <dt>{m.language}</dt>
          <dd>{prefs?.language ? (m.languages[prefs.language] ?? prefs.language) : m.notSet}</dd>
        </div>
        <div>
          <dt>{m.needs}</dt>
          <dd>{prefs && prefs.needs.length > 0 ? prefs.needs.join(", ") : m.none}</dd>
        </div>
        <div>
          <dt>{m.noDigitalContact}</dt>
          <dd>{prefs?.noDigitalContact ? <strong>{m.yes}</strong> : m.no}</dd>
        </div>
        {profile.topicChannelPreferences.length > 0 && (
          <div>
            <dt>{m.topicChannels}</dt>
            <dd>
              <ul className="resident-plain-list">
                {profile.topicChannelPreferences.map((p) => (
                  <li key={p.topicId}>
                    {p.topicId}: {channelName(t, p.channel)}
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        )}
        <div>
          <dt>{m.consents}</dt>
          <dd>
            {profile.consents.length === 0 ? (
              m.noConsents
            ) : (
              <ul className="resident-plain-list">
                {profile.consents.map((c) => (
                  <li key={c.purpose}>
                    {c.purpose}:{" "}
                    {c.granted
                      ? m.granted(formatDateTime(language, c.recordedAt))
                      : m.withdrawn(formatDateTime(language, c.recordedAt))}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
      </dl>
    </section>
  );
}
