import type { Queryable } from "@omniloket/db";
import { channelSettings } from "../organisation";

export type EffectiveChatSettings = { enabled: boolean; allowedOrigins: string[]; maxWaitSeconds: number };

export const DEFAULT_MAX_WAIT_SECONDS = 180;

/** The municipality's chat settings (`settings.channels.chat`); no block means chat is off. */
export async function chatSettingsFor(q: Queryable, tenantId: string): Promise<EffectiveChatSettings> {
  const chat = (await channelSettings(q, tenantId)).chat;
  return {
    enabled: chat !== undefined && chat.enabled !== false,
    allowedOrigins: (chat?.allowedOrigins ?? []).map((o) => o.replace(/\/+$/, "").toLowerCase()),
    maxWaitSeconds: chat?.maxWaitSeconds ?? DEFAULT_MAX_WAIT_SECONDS,
  };
}
