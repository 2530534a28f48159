#!/usr/bin/env python3
"""Typeset the seed minutes (SampleDocs/politiradet-oslo-referat.txt) as a PDF
styled like real Norwegian municipal minutes: SampleDocs/politiradet-oslo-referat.pdf.

Run from the repository root:

    pip install -r SampleDocs/tools/requirements.txt
    python3 SampleDocs/tools/make_seed_pdf.py

The output is deterministic: the same input and the same reportlab version give
the same PDF bytes (invariant mode, fixed dates, fonts shipped inside reportlab).

What the script does:

1. Parses the seed text, which is what a PDF text tool gave for the real minutes:
   every line is followed by an empty line, blocks are separated by a line
   holding a single space, and a paragraph-final line ends with two or more
   trailing spaces. U+202F narrow no-break spaces are turned into spaces. The
   result is the numbered items (number, title, paragraphs), the attachment
   list ("Vedlegg:"), the abbreviations ("Forkortelser:") and the closing
   section ("Om politirådssamarbeidet:") with its bullets.
2. Lays the minutes out on A4 with reportlab: a title block with a small
   table (Dato / Tid / Sted; these header values are invented, the seed text
   has none), bold numbered headings, justified body paragraphs, a running
   header and a "Side N av M" footer on every page. Long compounds carry soft
   hyphens at their joints, so a word that would overflow a line is broken
   with a real hyphen at the line end ("kriminalitets-" / "forebyggende").
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field

from reportlab import __version__ as reportlab_version
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import (
    KeepTogether,
    ListFlowable,
    ListItem,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import HRFlowable

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLE_DOCS = os.path.dirname(HERE)
DEFAULT_INPUT = os.path.join(SAMPLE_DOCS, "politiradet-oslo-referat.txt")
DEFAULT_OUTPUT = os.path.join(SAMPLE_DOCS, "politiradet-oslo-referat.pdf")

# Header values. The seed text has no date, time or place: these are invented
# (plausible) values, documented as such in SampleDocs/README.md.
COUNCIL = "Politirådet i Oslo"
TITLE = "Referat fra møte i Politirådet i Oslo"
MEETING_DATE = "5. mars 2026"
MEETING_TIME = "kl. 09.00\u201311.00"  # en dash
MEETING_PLACE = "Oslo rådhus"
RUNNING_HEADER = f"{COUNCIL} \u2013 referat {MEETING_DATE}"
PDF_DATE = "D:20260305120000+01'00'"  # CreationDate and ModDate, fixed

# Text-tool artifacts in item titles, fixed when typesetting.
TITLE_FIXES = {
    "én-til- én-oppfølging": "én-til-én-oppfølging",
}

# Soft hyphens (U+00AD) at the joints of long compounds. reportlab breaks a
# word there, drawing a real hyphen, when the whole word does not fit at the
# end of a line; an unbroken word is drawn without them.
SOFT_HYPHENS = {
    "kriminalitetsforebyggende": "kriminalitets\u00adforebyggende",
    "Innbyggerundersøkelsen": "Innbygger\u00adundersøkelsen",
    "oppklaringsprosent": "oppklarings\u00adprosent",
    "oppklaringspotensiale": "oppklarings\u00adpotensiale",
    "barneverninstitusjon": "barnevern\u00adinstitusjon",
    "behandlingsplasser": "behandlings\u00adplasser",
    "fritidskortordning": "fritidskort\u00adordning",
    "budsjettkonferanse": "budsjett\u00adkonferanse",
    "bemanningssituasjonen": "bemannings\u00adsituasjonen",
    "Akuttmarkeringer": "Akutt\u00admarkeringer",
    "skjenkeforskrift": "skjenke\u00adforskrift",
    "sektordirektørmøtet": "sektor\u00addirektør\u00admøtet",
    "Rapporteringsrutiner": "Rapporterings\u00adrutiner",
    "tilstedeværelse": "tilstede\u00adværelse",
    "handlingsprogram": "handlings\u00adprogram",
    "handlingsplanene": "handlings\u00adplanene",
    "Handlingsprogrammet": "Handlings\u00adprogrammet",
}

SENTENCE_END = re.compile(r"[.!?:;)]\s*$")
ITEM_HEADING = re.compile(r"^(\d{1,2})\.\s+(\S.*)$")
ATTACHMENT = re.compile(r"(\d+)\)\s*")
ABBREVIATION = re.compile(r"\b([A-ZÆØÅ]{2,6}):\s+(.+?)(?=\s{2,}|$)")


# --------------------------------------------------------------------------
# Parsing


@dataclass
class Item:
    number: int
    title: str
    paragraphs: list[str] = field(default_factory=list)


@dataclass
class Minutes:
    items: list[Item] = field(default_factory=list)
    attachments: list[tuple[str, str]] = field(default_factory=list)
    abbreviations: list[tuple[str, str]] = field(default_factory=list)
    section_title: str = ""
    section_bullets: list[str] = field(default_factory=list)


def clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def ends_paragraph(raw: str) -> bool:
    """A paragraph-final line ends with two or more spaces after sentence punctuation."""
    return len(raw) - len(raw.rstrip(" ")) >= 2 and bool(SENTENCE_END.search(raw))


def text_lines(text: str) -> list[str | None]:
    """The content lines of the seed, None for a block separator (a line of blanks)."""
    text = text.replace("\u202f", " ").replace("\r\n", "\n").replace("\r", "\n")
    out: list[str | None] = []
    for line in text.split("\n"):
        if line == "":
            continue  # the empty line the text tool put after every line
        if line.strip() == "":
            if out and out[-1] is not None:
                out.append(None)
            continue
        out.append(line)
    while out and out[-1] is None:
        out.pop()
    return out


def parse(text: str) -> Minutes:
    lines = text_lines(text)
    minutes = Minutes()
    i = 0
    n = len(lines)
    at_block_start = True

    # Items: a heading "N. Title" opens a block; paragraphs run until the next separator.
    while i < n:
        line = lines[i]
        if line is None:
            at_block_start = True
            i += 1
            continue
        if line.lstrip().startswith(("Vedlegg:", "Forkortelser:", "Om politirådssamarbeidet:")):
            break
        m = ITEM_HEADING.match(line.strip())
        if at_block_start and m:
            title = clean(m.group(2))
            for wrong, right in TITLE_FIXES.items():
                title = title.replace(wrong, right)
            minutes.items.append(Item(int(m.group(1)), title))
            at_block_start = False
            i += 1
            paragraph: list[str] = []
            while i < n and lines[i] is not None:
                raw = lines[i]
                paragraph.append(raw.strip())
                if ends_paragraph(raw):
                    minutes.items[-1].paragraphs.append(clean(" ".join(paragraph)))
                    paragraph = []
                i += 1
            if paragraph:
                minutes.items[-1].paragraphs.append(clean(" ".join(paragraph)))
            continue
        if not minutes.items:
            raise ValueError(f"text before the first item: {line!r}")
        raise ValueError(f"unexpected line after item {minutes.items[-1].number}: {line!r}")

    # Closing parts: Vedlegg, Forkortelser, Om politirådssamarbeidet.
    rest = [line for line in lines[i:] if line is not None]
    part = None
    attachments_text: list[str] = []
    abbreviation_lines: list[str] = []
    bullet_lines: list[str] = []
    for raw in rest:
        stripped = raw.strip()
        if stripped.startswith("Vedlegg:"):
            part = "attachments"
            stripped = stripped[len("Vedlegg:"):]
        elif stripped.startswith("Forkortelser:"):
            part = "abbreviations"
            stripped = raw.lstrip()[len("Forkortelser:"):]
            raw = stripped
        elif stripped.startswith("Om politirådssamarbeidet:"):
            part = "section"
            minutes.section_title = "Om politirådssamarbeidet"
            continue
        if part == "attachments":
            attachments_text.append(stripped)
        elif part == "abbreviations":
            abbreviation_lines.append(raw)
        elif part == "section":
            bullet_lines.append(raw)
        else:
            raise ValueError(f"unexpected closing line: {raw!r}")

    joined = clean(" ".join(attachments_text))
    pieces = ATTACHMENT.split(joined)
    # pieces: ['', '1', 'text', '2', 'text', ...]
    for k in range(1, len(pieces) - 1, 2):
        minutes.attachments.append((pieces[k], clean(pieces[k + 1])))

    for raw in abbreviation_lines:
        for m in ABBREVIATION.finditer(raw.strip()):
            minutes.abbreviations.append((m.group(1), clean(m.group(2))))

    bullet: list[str] = []
    for raw in bullet_lines:
        stripped = raw.strip()
        if stripped.startswith("-") and not bullet:
            stripped = stripped[1:]
        bullet.append(stripped)
        if ends_paragraph(raw):
            minutes.section_bullets.append(clean(" ".join(bullet)))
            bullet = []
    if bullet:
        minutes.section_bullets.append(clean(" ".join(bullet)))

    check(minutes)
    return minutes


def check(minutes: Minutes) -> None:
    numbers = [item.number for item in minutes.items]
    if numbers != list(range(1, 11)):
        raise ValueError(f"expected items 1..10, got {numbers}")
    if len(minutes.attachments) != 3:
        raise ValueError(f"expected 3 attachments, got {minutes.attachments}")
    if len(minutes.abbreviations) != 5:
        raise ValueError(f"expected 5 abbreviations, got {minutes.abbreviations}")
    if len(minutes.section_bullets) != 4:
        raise ValueError(f"expected 4 bullets, got {minutes.section_bullets}")


# --------------------------------------------------------------------------
# Typesetting

FONT_DIR = os.path.join(os.path.dirname(pdfmetrics.__file__), "..", "fonts")


def register_fonts() -> tuple[str, str, str]:
    """Bitstream Vera, shipped inside reportlab: embedded TrueType subsets with æøå and –."""
    names = {"Vera": "Vera.ttf", "Vera-Bold": "VeraBd.ttf", "Vera-Italic": "VeraIt.ttf"}
    for name, file_name in names.items():
        pdfmetrics.registerFont(TTFont(name, os.path.normpath(os.path.join(FONT_DIR, file_name))))
    pdfmetrics.registerFontFamily(
        "Vera", normal="Vera", bold="Vera-Bold", italic="Vera-Italic", boldItalic="Vera-Bold"
    )
    return "Vera", "Vera-Bold", "Vera-Italic"


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def with_soft_hyphens(text: str) -> str:
    for word, hyphenated in SOFT_HYPHENS.items():
        text = text.replace(word, hyphenated)
    return text


class NumberedCanvas(rl_canvas.Canvas):
    """Draws the running header and "Side N av M" once the page count is known."""

    fonts = ("Vera", "Vera-Bold")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._saved_pages: list[dict] = []
        self.setDateFormatter(lambda *_: PDF_DATE)

    def showPage(self):
        self._saved_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        total = len(self._saved_pages)
        for state in self._saved_pages:
            self.__dict__.update(state)
            self.draw_furniture(total)
            super().showPage()
        super().save()

    def draw_furniture(self, total: int) -> None:
        regular, _ = self.fonts
        width, height = A4
        left, right = 25 * mm, width - 25 * mm
        self.saveState()
        self.setFont(regular, 8.5)
        self.setFillColor(colors.HexColor("#333333"))
        self.drawString(left, height - 15 * mm, RUNNING_HEADER)
        self.drawRightString(right, height - 15 * mm, "Oslo kommune")
        self.setStrokeColor(colors.HexColor("#6f6f6f"))
        self.setLineWidth(0.5)
        self.line(left, height - 17 * mm, right, height - 17 * mm)
        self.line(left, 17 * mm, right, 17 * mm)
        self.drawCentredString(width / 2, 12 * mm, f"Side {self._pageNumber} av {total}")
        self.restoreState()


def build(minutes: Minutes, output: str) -> None:
    regular, bold, italic = register_fonts()
    NumberedCanvas.fonts = (regular, bold)

    body = ParagraphStyle(
        "Body",
        fontName=regular,
        fontSize=10.5,
        leading=14.5,
        alignment=TA_JUSTIFY,
        spaceAfter=6,
        embeddedHyphenation=1,
        hyphenationLang="",
        splitLongWords=0,
    )
    title_style = ParagraphStyle(
        "Title", fontName=bold, fontSize=17, leading=21, alignment=TA_LEFT, spaceAfter=10
    )
    heading = ParagraphStyle(
        "Heading", fontName=bold, fontSize=11.5, leading=15, spaceBefore=10, spaceAfter=4, keepWithNext=1
    )
    small = ParagraphStyle("Small", parent=body, fontSize=9, leading=12, alignment=TA_LEFT, spaceAfter=2)
    small_heading = ParagraphStyle("SmallHeading", parent=heading, fontSize=10, leading=13, spaceBefore=8)
    cell = ParagraphStyle("Cell", fontName=regular, fontSize=10, leading=13)
    cell_label = ParagraphStyle("CellLabel", parent=cell, fontName=bold)
    small_label = ParagraphStyle("SmallLabel", parent=small, fontName=bold)

    story = [Paragraph(escape(TITLE), title_style)]
    meta = Table(
        [
            [Paragraph("Dato:", cell_label), Paragraph(escape(MEETING_DATE), cell)],
            [Paragraph("Tid:", cell_label), Paragraph(escape(MEETING_TIME), cell)],
            [Paragraph("Sted:", cell_label), Paragraph(escape(MEETING_PLACE), cell)],
        ],
        colWidths=[25 * mm, 80 * mm],
        hAlign="LEFT",
    )
    meta.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), regular),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    story += [meta, Spacer(1, 4 * mm), HRFlowable(width="100%", thickness=0.8, color=colors.black), Spacer(1, 2 * mm)]

    for item in minutes.items:
        story.append(Paragraph(escape(f"{item.number}. {item.title}"), heading))
        for text in item.paragraphs:
            story.append(Paragraph(escape(with_soft_hyphens(text)), body))

    story.append(Spacer(1, 4 * mm))
    attachments = [Paragraph("Vedlegg:", small_heading)]
    for number, text in minutes.attachments:
        attachments.append(Paragraph(escape(f"{number}) {text}"), small))
    story.append(KeepTogether(attachments))

    abbreviation_table = Table(
        [
            [Paragraph(escape(abbr), small_label), Paragraph(escape(expansion), small)]
            for abbr, expansion in minutes.abbreviations
        ],
        colWidths=[18 * mm, 100 * mm],
        hAlign="LEFT",
    )
    abbreviation_table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), regular),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    story.append(KeepTogether([Paragraph("Forkortelser:", small_heading), abbreviation_table]))

    bullets = ListFlowable(
        [ListItem(Paragraph(escape(text), small), leftIndent=12) for text in minutes.section_bullets],
        bulletType="bullet",
        start="\u2013",
        bulletFontName=regular,
        bulletFontSize=9,
        leftIndent=12,
    )
    story.append(KeepTogether([Paragraph(escape(minutes.section_title) + ":", small_heading), bullets]))

    doc = SimpleDocTemplate(
        output,
        pagesize=A4,
        leftMargin=25 * mm,
        rightMargin=25 * mm,
        topMargin=27 * mm,
        bottomMargin=25 * mm,
        title=TITLE,
        author=COUNCIL,
        subject=f"Referat {MEETING_DATE}",
        creator="SampleDocs/tools/make_seed_pdf.py",
        producer=f"ReportLab {reportlab_version}",
        keywords="referat, politiråd, Oslo",
        lang="nb-NO",
        invariant=1,
        initialFontName=regular,
        initialFontSize=10.5,
    )
    doc.build(story, canvasmaker=NumberedCanvas)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--input", default=DEFAULT_INPUT, help="seed minutes text (default: %(default)s)")
    parser.add_argument("--output", default=DEFAULT_OUTPUT, help="PDF to write (default: %(default)s)")
    parser.add_argument("--dump", action="store_true", help="print the parsed minutes and stop")
    args = parser.parse_args(argv)

    with open(args.input, encoding="utf-8") as f:
        minutes = parse(f.read())

    if args.dump:
        for item in minutes.items:
            print(f"{item.number}. {item.title}")
            for text in item.paragraphs:
                print(f"    ¶ {text}")
        print("Vedlegg:", minutes.attachments)
        print("Forkortelser:", minutes.abbreviations)
        print(minutes.section_title + ":")
        for text in minutes.section_bullets:
            print("    -", text)
        return 0

    build(minutes, args.output)
    print(f"wrote {os.path.relpath(args.output)}")
    return verify(args.output)


def verify(output: str) -> int:
    """With poppler's pdftotext at hand, check what the PDF is for: the text layer,
    the page furniture and the hyphenated line break."""
    if not shutil.which("pdftotext"):
        print("pdftotext not found: skipped the checks")
        return 0
    text = subprocess.run(
        ["pdftotext", "-layout", output, "-"], check=True, capture_output=True, text=True
    ).stdout
    pages = text.count("\f") or 1
    problems = []
    if pages < 2:
        problems.append(f"{pages} page(s), expected at least 2")
    for n in range(1, pages + 1):
        if f"Side {n} av {pages}" not in text:
            problems.append(f"no footer 'Side {n} av {pages}'")
    if text.count(RUNNING_HEADER) < pages:
        problems.append(f"running header on fewer than {pages} pages")
    breaks = re.findall(r"(\w+-)\n\s*(\w+)", text)
    if ("kriminalitets-", "forebyggende") not in breaks:
        problems.append("'kriminalitets-' / 'forebyggende' is not broken across lines")
    for needle in ("5. Fotball-VM og utvidede skjenketider", "6. Status for Oslomodell for én-til-én-oppfølging",
                   "kl. 09.00\u201311.00", "10. Eventuelt", "Byrådsavdeling for kultur og næring"):
        if needle not in text:
            problems.append(f"missing text: {needle!r}")
    for problem in problems:
        print(f"check failed: {problem}", file=sys.stderr)
    if not problems:
        shown = ", ".join(f"{a}/{b}" for a, b in breaks)
        print(f"checked: {pages} pages, header and footer on each, line-end hyphenation: {shown}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
