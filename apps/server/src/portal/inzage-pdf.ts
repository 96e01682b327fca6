import { defaultTopics } from "@omniloket/domain";
import PDFDocument from "pdfkit";
import type { MyInzage } from "../features/portal";
import { channelName, dateTimeText, type Lang } from "./messages";
import { privacyMessages, purposeText, verificationText } from "./privacy-messages";
import { accessWho } from "./privacy-pages";

/**
 * The inzage as a readable PDF (pdfkit, its built-in Helvetica): a title, headings per part and simple
 * tables (one line per row, columns side by side). `compress: false` keeps the text findable by tools
 * and tests; the documents are small.
 */
export function inzagePdf(lang: Lang, inzage: MyInzage, municipality: string): Promise<Buffer> {
  const p = privacyMessages[lang];
  const doc = new PDFDocument({
    size: "A4",
    margin: 50,
    compress: false,
    lang: lang === "nl" ? "nl-NL" : "en-GB",
    info: { Title: `${p.inzageTitle} – ${municipality}`, Author: municipality, Subject: p.inzageTitle },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const width = doc.page.width - 100;
  const heading = (text: string) => {
    doc.moveDown(0.8).font("Helvetica-Bold").fontSize(13).text(text).moveDown(0.3);
    doc.font("Helvetica").fontSize(10);
  };
  const table = (columns: string[], rows: string[][], widths: number[]) => {
    const line = (cells: string[], bold: boolean) => {
      if (doc.y > doc.page.height - 80) doc.addPage();
      const y = doc.y;
      let x = 50;
      let bottom = y;
      doc.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(9);
      cells.forEach((cell, i) => {
        const w = (widths[i] ?? 1) * width;
        doc.text(cell, x, y, { width: w - 6 });
        bottom = Math.max(bottom, doc.y);
        x += w;
      });
      doc.x = 50;
      doc.y = bottom + 3;
    };
    line(columns, true);
    for (const row of rows) line(row, false);
    doc.font("Helvetica").fontSize(10);
  };

  doc.font("Helvetica-Bold").fontSize(18).text(`${p.inzageTitle}: ${municipality}`);
  doc.font("Helvetica").fontSize(10).moveDown(0.5).text(p.inzageIntro);
  doc.moveDown(0.3).text(dateTimeText(lang, inzage.generatedAt));

  heading(p.identifiers);
  table(
    [p.kind, p.value, p.verification, p.verifiedOn],
    inzage.identifiers.map((i) => [
      i.kind,
      i.value,
      verificationText(lang, i.verification),
      i.verifiedAt ? dateTimeText(lang, i.verifiedAt) : "-",
    ]),
    [0.15, 0.35, 0.3, 0.2],
  );

  heading(p.questions);
  if (inzage.questions.length === 0) doc.text(p.noQuestions);
  for (const q of inzage.questions) {
    const topic = defaultTopics.topics.find((t) => t.id === q.topicId);
    doc
      .font("Helvetica-Bold")
      .text(`${q.reference}: ${topic ? topic[lang] : "-"} (${dateTimeText(lang, q.openedAt)})`);
    doc.font("Helvetica");
    table(
      [p.when, p.kind, p.value],
      q.contacts.map((c) => [
        dateTimeText(lang, c.at),
        `${channelName(lang, c.channel)}, ${c.direction === "inbound" ? "→" : "←"}`,
        [c.subject, c.text].filter(Boolean).join(": ").slice(0, 2000),
      ]),
      [0.22, 0.18, 0.6],
    );
    doc.moveDown(0.3);
  }

  heading(p.preferences);
  table(
    [p.kind, p.value],
    [
      [p.preferredChannel, inzage.preferences.preferredChannel ?? p.none],
      [p.language, inzage.preferences.language ?? p.none],
      [p.needs, inzage.preferences.needs.join(", ") || p.none],
      [p.noDigital, inzage.preferences.noDigitalContact ? p.yes : p.no],
      ...inzage.preferences.topics.map((t) => [t.topicId, channelName(lang, t.channel)]),
    ],
    [0.4, 0.6],
  );

  heading(p.consents);
  table(
    [p.kind, p.value, p.when],
    inzage.consents.map((c) => [
      p.purposeName[c.purpose] ?? c.purpose,
      c.given ? p.stateGiven : p.stateWithdrawn,
      c.recordedAt ? dateTimeText(lang, c.recordedAt) : p.byDefault(c.basis),
    ]),
    [0.35, 0.25, 0.4],
  );

  heading(p.signals);
  doc.text(inzage.signals.length === 0 ? p.noSignals : p.signalsIntro).moveDown(0.3);
  for (const signal of inzage.signals)
    doc
      .text(p.rule(signal.description, signal.ruleVersion))
      .text(signal.explanation)
      .text(`${dateTimeText(lang, signal.detectedAt)}: ${p.signalStatus[signal.status] ?? signal.status}`)
      .moveDown(0.3);

  heading(p.access);
  doc.text(p.accessIntro(inzage.employeeNamesShown)).moveDown(0.3);
  table(
    [p.when, p.who, p.why],
    inzage.accessLog.map((a) => [dateTimeText(lang, a.at), accessWho(lang, a), purposeText(lang, a.purpose)]),
    [0.25, 0.4, 0.35],
  );
  doc.end();
  return done;
}
