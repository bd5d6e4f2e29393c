// A small writer for accessible (tagged) PDF documents, generated on the
// server without a browser. Every piece of content is a structure element
// (H1–H3, P, L/LI, Table/TR/TH/TD, Figure with alternative text); rules and
// other decoration are marked as artifacts. The document carries its title,
// language and metadata, and viewers show the title instead of the file name.

import PDFDocument from "pdfkit";

export interface TaggedPdfOptions {
  title: string;
  /** BCP 47, e.g. "nl-NL" or "en-GB". */
  lang: string;
  author?: string;
  subject?: string;
  keywords?: string;
  /** Fixed for reproducible output (tests); defaults to now. */
  creationDate?: Date;
}

export interface PdfTable {
  caption: string;
  headers: string[];
  rows: string[][];
  /** Relative column widths; equal when left out. */
  widths?: number[];
  /** Font size of the cells (default 8). */
  fontSize?: number;
}

type Struct = PDFKit.PDFStructureElement;

const MARGIN = 50;
const CP1252_EXTRA = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ";
const REPLACEMENTS: Record<string, string> = { "≥": ">=", "≤": "<=", "−": "-", "≠": "!=", "→": "->", "≈": "~", "✓": "v", "\u00a0": " " };

/** The standard PDF fonts only know Windows-1252: replace what they cannot show. */
export function pdfSafe(text: string): string {
  let out = "";
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    if (REPLACEMENTS[ch] !== undefined) out += REPLACEMENTS[ch];
    else if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa1 && code <= 0xff) || ch === "\n" || CP1252_EXTRA.includes(ch)) out += ch;
    else out += "?";
  }
  return out;
}

export class TaggedPdf {
  readonly doc: PDFKit.PDFDocument;
  private readonly root: Struct;
  private readonly chunks: Buffer[] = [];
  private readonly finished: Promise<Buffer>;

  constructor(options: TaggedPdfOptions) {
    this.doc = new PDFDocument({
      size: "A4",
      margin: MARGIN,
      tagged: true,
      lang: options.lang,
      displayTitle: true,
      pdfVersion: "1.7",
      // pdfkit writes every info key it is given, and fails on undefined values: leave absent ones out.
      info: {
        Title: options.title,
        ...(options.author ? { Author: options.author } : {}),
        ...(options.subject ? { Subject: options.subject } : {}),
        ...(options.keywords ? { Keywords: options.keywords } : {}),
        Creator: "Afweging",
        Producer: "Afweging (pdfkit)",
        CreationDate: options.creationDate ?? new Date(),
      },
    });
    this.doc.on("data", (c: Buffer) => this.chunks.push(c));
    this.finished = new Promise((resolve, reject) => {
      this.doc.on("end", () => resolve(Buffer.concat(this.chunks)));
      this.doc.on("error", reject);
    });
    this.root = this.doc.struct("Document");
    this.doc.addStructure(this.root);
  }

  private get bottom(): number {
    return this.doc.page.height - MARGIN;
  }

  private get width(): number {
    return this.doc.page.width - 2 * MARGIN;
  }

  /** Starts a new page when less than `height` points are left. */
  ensureSpace(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  heading(level: 1 | 2 | 3, text: string): this {
    const size = level === 1 ? 18 : level === 2 ? 14 : 11.5;
    this.ensureSpace(size * 3);
    this.doc.moveDown(level === 1 ? 0 : 0.6);
    this.root.add(
      this.doc.struct(`H${level}`, {}, () => {
        this.doc.font("Helvetica-Bold").fontSize(size).fillColor("#000000").text(pdfSafe(text), MARGIN, this.doc.y, { width: this.width });
      }),
    );
    this.doc.moveDown(0.3);
    return this;
  }

  paragraph(text: string, options: { size?: number; bold?: boolean } = {}): this {
    this.ensureSpace(20);
    this.root.add(
      this.doc.struct("P", {}, () => {
        this.doc
          .font(options.bold ? "Helvetica-Bold" : "Helvetica")
          .fontSize(options.size ?? 10)
          .fillColor("#000000")
          .text(pdfSafe(text), MARGIN, this.doc.y, { width: this.width });
      }),
    );
    this.doc.moveDown(0.4);
    return this;
  }

  list(items: string[]): this {
    const list = this.doc.struct("L");
    this.root.add(list);
    for (const item of items) {
      this.ensureSpace(16);
      const li = this.doc.struct("LI");
      list.add(li);
      const y = this.doc.y;
      li.add(this.doc.struct("Lbl", {}, () => this.doc.font("Helvetica").fontSize(10).text("•", MARGIN + 4, y, { width: 10 })));
      li.add(this.doc.struct("LBody", {}, () => this.doc.font("Helvetica").fontSize(10).text(pdfSafe(item), MARGIN + 16, y, { width: this.width - 16 })));
      li.end();
      this.doc.moveDown(0.2);
    }
    list.end();
    this.doc.x = MARGIN;
    this.doc.moveDown(0.3);
    return this;
  }

  table(table: PdfTable): this {
    const doc = this.doc;
    const size = table.fontSize ?? 8;
    const cols = table.headers.length;
    const rel = table.widths && table.widths.length === cols ? table.widths : table.headers.map(() => 1);
    const sum = rel.reduce((a, b) => a + b, 0);
    const widths = rel.map((w) => (w / sum) * this.width);
    const pad = 2;
    const t = doc.struct("Table");
    this.root.add(t);
    this.ensureSpace(40);
    t.add(doc.struct("Caption", {}, () => doc.font("Helvetica-Bold").fontSize(9.5).text(pdfSafe(table.caption), MARGIN, doc.y, { width: this.width })));
    doc.moveDown(0.2);
    const drawRow = (cells: string[], header: boolean) => {
      doc.font(header ? "Helvetica-Bold" : "Helvetica").fontSize(size);
      const texts = cells.map((c) => pdfSafe(c));
      const height = Math.max(...texts.map((c, i) => doc.heightOfString(c || " ", { width: (widths[i] as number) - 2 * pad }))) + 2 * pad;
      if (doc.y + height > this.bottom) doc.addPage();
      const y = doc.y;
      const tr = doc.struct("TR");
      t.add(tr);
      let x = MARGIN;
      texts.forEach((text, i) => {
        const w = widths[i] as number;
        const cellX = x;
        const options = (header ? { scope: "Column" } : {}) as PDFKit.Mixins.StructureElementOptions;
        tr.add(doc.struct(header ? "TH" : "TD", options, () => doc.font(header ? "Helvetica-Bold" : "Helvetica").fontSize(size).fillColor("#000000").text(text, cellX + pad, y + pad, { width: w - 2 * pad })));
        x += w;
      });
      tr.end();
      doc.markContent("Artifact", { type: "Layout" });
      doc.moveTo(MARGIN, y + height).lineTo(MARGIN + this.width, y + height).lineWidth(header ? 0.8 : 0.3).strokeColor("#555555").stroke();
      doc.endMarkedContent();
      doc.x = MARGIN;
      doc.y = y + height;
    };
    drawRow(table.headers, true);
    for (const row of table.rows) drawRow(row, false);
    t.end();
    doc.moveDown(0.8);
    return this;
  }

  /**
   * A figure with its alternative text. `draw` paints inside the given box
   * (x, y, width) and returns the height it used.
   */
  figure(alt: string, height: number, draw: (doc: PDFKit.PDFDocument, box: { x: number; y: number; width: number }) => void): this {
    this.ensureSpace(height + 10);
    const y = this.doc.y;
    this.root.add(
      this.doc.struct("Figure", { alt: pdfSafe(alt) }, () => {
        draw(this.doc, { x: MARGIN, y, width: this.width });
      }),
    );
    this.doc.x = MARGIN;
    this.doc.y = y + height + 6;
    return this;
  }

  /** Finishes the document and returns its bytes. */
  end(): Promise<Buffer> {
    this.root.end();
    this.doc.end();
    return this.finished;
  }
}
