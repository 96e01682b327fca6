import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type RecordedRequest = {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  body: string;
};

export type FakeProvider = {
  baseUrl: string;
  requests: RecordedRequest[];
  /** The next `times` requests answer with this status and the provider's error shape. */
  failNext(status: 400 | 401 | 429 | 500 | 503, times?: number): void;
  close(): Promise<void>;
};

const twilioPath = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/;
const whatsappPath = /^\/v20\.0\/([^/]+)\/messages$/;

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

function twilioError(res: ServerResponse, status: number, code: number, message: string) {
  send(res, status, { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });
}

function whatsappError(res: ServerResponse, status: number, code: number, message: string) {
  send(res, status, { error: { message, type: "OAuthException", code, fbtrace_id: "fake" } });
}

function twilio(req: IncomingMessage, res: ServerResponse, body: string, accountSid: string) {
  const auth = Buffer.from((req.headers.authorization ?? "").replace(/^Basic /, ""), "base64").toString();
  if (!auth.startsWith(`${accountSid}:`) || auth.length <= accountSid.length + 1)
    return twilioError(res, 401, 20003, "Authenticate");
  const form = new URLSearchParams(body);
  for (const field of ["To", "From", "Body"])
    if (!form.get(field)) return twilioError(res, 400, 21604, `A '${field}' parameter is required.`);
  const sid = `SM${randomBytes(16).toString("hex")}`;
  send(res, 201, {
    sid,
    account_sid: accountSid,
    to: form.get("To"),
    from: form.get("From"),
    body: form.get("Body"),
    status: "queued",
    direction: "outbound-api",
    date_created: new Date().toUTCString(),
  });
}

function whatsapp(req: IncomingMessage, res: ServerResponse, body: string) {
  if (!/^Bearer \S+/.test(req.headers.authorization ?? ""))
    return whatsappError(res, 401, 190, "Invalid OAuth access token.");
  let json: { messaging_product?: string; to?: string; type?: string } | null = null;
  try {
    json = JSON.parse(body);
  } catch {
    return whatsappError(res, 400, 100, "Invalid JSON");
  }
  if (json?.messaging_product !== "whatsapp" || !json.to || !["text", "template"].includes(json.type ?? ""))
    return whatsappError(res, 400, 100, "Invalid parameter");
  const id = `wamid.${randomBytes(12).toString("hex")}`;
  send(res, 200, {
    messaging_product: "whatsapp",
    contacts: [{ input: json.to, wa_id: json.to }],
    messages: [{ id }],
  });
}

/** Local stand-in for Twilio's Messages API and the WhatsApp Cloud API send endpoint, for tests. */
export async function startFakeProvider(): Promise<FakeProvider> {
  const requests: RecordedRequest[] = [];
  const failures: number[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const path = (req.url ?? "/").split("?")[0] ?? "/";
      requests.push({ method: req.method ?? "GET", path, headers: req.headers, body });
      const sms = twilioPath.exec(path);
      const wa = whatsappPath.exec(path);
      const failure = failures.shift();
      if (failure !== undefined) {
        return sms
          ? twilioError(res, failure, failure >= 500 ? 20500 : 21211, "Failure on demand")
          : whatsappError(res, failure, failure >= 500 ? 2 : 131026, "Failure on demand");
      }
      if (req.method === "POST" && sms?.[1]) return twilio(req, res, body, decodeURIComponent(sms[1]));
      if (req.method === "POST" && wa) return whatsapp(req, res, body);
      send(res, 404, { message: "Not found" });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    failNext(status, times = 1) {
      for (let i = 0; i < times; i++) failures.push(status);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
