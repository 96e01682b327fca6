// Shared fixtures of the channels benchmark: the municipality's connections and sample people.
export const SMS_PATH = "/channels/sms/twilio";
export const WHATSAPP_PATH = "/channels/whatsapp";

// The municipality's channel connections, written into its tenant settings before the server starts.
export const ADDRESS = "info@bench.gemeente.test";
export const SMS = {
  provider: "twilio",
  accountSid: "AC0b3f1d2e4c5a6978b0c1d2e3f4a5b6c7",
  authToken: "bench-twilio-auth-token",
  from: "+3197010000001",
};
export const WHATSAPP = {
  phoneNumberId: "109876543210",
  accessToken: "bench-whatsapp-access-token",
  appSecret: "bench-whatsapp-app-secret",
  verifyToken: "bench-verify-token",
};

export const given = [
  "Jan",
  "Fatima",
  "Sanne",
  "Mohamed",
  "Anouk",
  "Daan",
  "Priya",
  "Kees",
  "Lotte",
  "Yusuf",
  "Eva",
];
export const family = [
  "Jansen",
  "de Vries",
  "Bakker",
  "El Amrani",
  "Visser",
  "Smit",
  "Meijer",
  "Öztürk",
  "Mulder",
];
export const pick = <T>(list: readonly T[], i: number): T => list[i % list.length] as T;
export const slug = (s: string) => s.normalize("NFD").replace(/[^\w]/g, "").toLowerCase();
