import { TEST_WHATSAPP } from "../fake-provider/channel-test-tenant";

/** A Cloud API webhook body as Meta sends it, with one change value. */
export function whatsappWebhook(value: Record<string, unknown>, phoneNumberId = TEST_WHATSAPP.phoneNumberId) {
  return {
    object: "whatsapp_business_account",
    entry: [
      {
        id: "WHATSAPP_BUSINESS_ACCOUNT_ID",
        changes: [
          {
            field: "messages",
            value: {
              messaging_product: "whatsapp",
              metadata: { display_phone_number: "3197010000002", phone_number_id: phoneNumberId },
              ...value,
            },
          },
        ],
      },
    ],
  };
}

export function whatsappText(id: string, from: string, body: string, timestamp = "1717236000") {
  return whatsappWebhook({
    contacts: [{ profile: { name: "Fatima" }, wa_id: from }],
    messages: [{ from, id, timestamp, type: "text", text: { body } }],
  });
}
