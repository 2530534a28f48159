#!/usr/bin/env python3
"""Typeset the layout fixtures of LayoutTests.swift: three small PDFs whose reading order and line ends are
hard for a text extractor.

Run from the repository root:

    pip install -r SampleDocs/tools/requirements.txt
    python3 Tests/PDFMinutesExtractorTests/Fixtures/make_layout_fixtures.py

It writes, beside this script:

- two-column-minutes.pdf: Norwegian minutes on one A4 page, the title and date full width, the items in two
  text columns; item 2's paragraph breaks from the foot of the left column to the top of the right one.
- table-minutes.pdf: English minutes whose agenda is a table ("Item" | "Discussion"): the number in the left
  cell, the bold title and the body (one with a "Decision:" line) in the right cell, under a header block.
- hyphenated-minutes.pdf: Norwegian minutes in one narrow column where words break at line ends with a real
  hyphen: compounds broken at a soft hyphen ("kriminalitets-" / "forebyggende", to be joined) and a compound
  that keeps its hyphen ("SaLTo-" / "koordinator").

The output is deterministic (reportlab invariant mode, fixed dates, the built-in Helvetica fonts, which are
not embedded), so a rerun gives the same bytes. With poppler's pdftotext at hand the script then checks that
each PDF shows what it is for: the column break inside item 2, the table's cells, the hyphenated line ends.

LayoutTests.swift holds the same texts as the constants below: change both together.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

from reportlab import __version__ as reportlab_version
from reportlab.lib import colors
from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    FrameBreak,
    PageTemplate,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

HERE = os.path.dirname(os.path.abspath(__file__))
PDF_DATE = "D:20260512120000+02'00'"  # CreationDate and ModDate, fixed
REGULAR, BOLD = "Helvetica", "Helvetica-Bold"
SHY = "\u00ad"

# --------------------------------------------------------------------------
# The texts (LayoutTests.swift expects exactly these)

TWO_COLUMN_TITLE = "Referat fra møte i Eldrerådet"
TWO_COLUMN_DATE = "Dato: 12. mai 2026"
TWO_COLUMN_ITEMS = [
    (
        "1. Godkjenning av innkalling",
        "Innkalling og saksliste ble sendt ut to uker før møtet, slik reglementet krever. Leder spurte om det "
        "var merknader til innkallingen eller til rekkefølgen på sakene. Det kom ingen merknader, og "
        "innkallingen ble godkjent uten endringer. Rådet ønsket velkommen til to nye vararepresentanter.",
    ),
    (
        "2. Budsjett 2027",
        "Kommunedirektøren la fram forslaget til budsjett for 2027 og forklarte hvordan rammene for helse og "
        "omsorg er beregnet. Rådet merket seg at antall plasser i dagsenter for eldre holdes uendret, mens "
        "behovet ventes å øke med rundt ti prosent de neste to årene. Flere medlemmer pekte på at ventetiden "
        "for hjemmetjenester allerede er for lang, og at transporttilbudet til dagsentrene må sikres også i "
        "distriktene. Rådet ba om at kostnadene ved å øke antall plasser blir utredet før budsjettet vedtas, "
        "og at eldrerådet får saken til uttalelse i god tid før formannskapets behandling i november.",
    ),
    (
        "3. Eventuelt",
        "Sekretæren orienterte om seniormessen i rådhuset i september, der eldrerådet skal ha egen stand. "
        "Medlemmene ble bedt om å melde seg til vakter innen utgangen av juni. Neste møte holdes 9. juni "
        "klokken ti i formannskapssalen.",
    ),
]

TABLE_HEADER = [
    "Minutes of the Finance Committee",
    "Date: 3 March 2026",
    "Present: Anna Berg (Chair), Tom Hill (Treasurer)",
]
TABLE_COLUMNS = ("Item", "Discussion")
TABLE_ITEMS = [
    (
        "1.",
        "Approval of the previous minutes",
        "The minutes of the meeting held on 3 February 2026 were reviewed page by page. "
        "One spelling error in the list of those present was noted and will be corrected. "
        "With that change the minutes were approved as a true record.",
        None,
    ),
    (
        "2.",
        "Quarterly budget report",
        "The Treasurer presented the report for the last quarter of the financial year. Income from room hire "
        "was eleven per cent above the estimate, mainly because the community hall was booked for two "
        "conferences that had not been expected when the budget was set. Spending on maintenance was higher "
        "than planned after the boiler failed in January and had to be replaced at short notice, which used "
        "most of the contingency reserve. The committee discussed whether the reserve should be rebuilt in the "
        "coming year or whether the maintenance budget should instead be raised, and asked the Treasurer to "
        "model both options for the next meeting.",
        None,
    ),
    (
        "3.",
        "Bank signatories",
        "Following the change of Treasurer last autumn, the list of people authorised to sign payments has to "
        "be updated with the bank. The Chair asked that two signatures remain required for every payment "
        "above the agreed limit.",
        "Anna Berg and Tom Hill are appointed as signatories, and the bank mandate is to be updated by 31 March.",
    ),
]

HYPHEN_TITLE = "Referat fra Politirådet i Vestby"
HYPHEN_DATE = "Dato: 20. april 2026"
# Each paragraph carries soft hyphens at the joints of its long compounds; a compound that keeps its hyphen
# ("SaLTo-koordinator") breaks at that hyphen.
HYPHEN_ITEMS = [
    (
        "1. Orientering fra politiet",
        "Politiet orienterte om det kriminalitets\u00adforebyggende arbeidet i kommunen. Kommunen har nå ansatt "
        "en SaLTo-koordinator i full stilling, og koordinatoren skal følge opp ungdom i risikosonen sammen med "
        "skolene og politiet.",
    ),
    (
        "2. Innbyggerundersøkelsen",
        "Innbygger\u00adundersøkelsen viser at trygghets\u00adfølelsen i sentrum har økt. Rådet ba om at "
        "resultatene legges fram for ungdoms\u00adrådet før sommeren.",
    ),
]
# The line ends the hyphenated page must show: (the part before the hyphen, the start of the next line).
HYPHEN_BREAKS = [
    ("kriminalitets-", "forebyggende"),
    ("SaLTo-", "koordinator"),
    ("trygghets-", "følelsen"),
]


# --------------------------------------------------------------------------
# Typesetting


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def fixed_dates(canvas, _doc) -> None:
    canvas.setDateFormatter(lambda *_: PDF_DATE)


def document_info(title: str, subject: str, language: str) -> dict:
    return {
        # Not the printed title: a document title read from the page must not be the metadata's.
        "title": f"Layout fixture: {title}",
        "author": "Ingest tests",
        "subject": subject,
        "creator": "Tests/PDFMinutesExtractorTests/Fixtures/make_layout_fixtures.py",
        "producer": f"ReportLab {reportlab_version}",
        "lang": language,
        "invariant": 1,
        "initialFontName": REGULAR,
        "initialFontSize": 10,
    }


def make_two_column(output: str) -> None:
    width, height = A4
    margin = 20 * mm
    gutter = 8 * mm
    title_height = 24 * mm
    # Short columns, so the minutes fill both and item 2's paragraph breaks across them.
    column_height = 70 * mm
    column_width = (width - 2 * margin - gutter) / 2
    title_top = height - margin
    column_top = title_top - title_height
    frames = [
        Frame(margin, column_top, width - 2 * margin, title_height, id="title",
              leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0),
        Frame(margin, column_top - column_height, column_width, column_height, id="left",
              leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0),
        Frame(margin + column_width + gutter, column_top - column_height, column_width, column_height, id="right",
              leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0),
    ]
    doc = BaseDocTemplate(output, pagesize=A4, leftMargin=margin, rightMargin=margin, topMargin=margin,
                          bottomMargin=margin,
                          **document_info("two columns", "Referat 12. mai 2026", "nb-NO"))
    doc.addPageTemplates([PageTemplate(id="columns", frames=frames, onPage=fixed_dates)])

    title = ParagraphStyle("Title", fontName=BOLD, fontSize=17, leading=21, spaceAfter=4)
    date = ParagraphStyle("Date", fontName=REGULAR, fontSize=10.5, leading=14)
    heading = ParagraphStyle("Heading", fontName=BOLD, fontSize=11, leading=14, spaceBefore=8, spaceAfter=3)
    body = ParagraphStyle("Body", fontName=REGULAR, fontSize=10, leading=13, alignment=TA_JUSTIFY)

    story = [Paragraph(escape(TWO_COLUMN_TITLE), title), Paragraph(escape(TWO_COLUMN_DATE), date), FrameBreak()]
    for number, (item_heading, text) in enumerate(TWO_COLUMN_ITEMS):
        style = heading if number else ParagraphStyle("FirstHeading", parent=heading, spaceBefore=0)
        story += [Paragraph(escape(item_heading), style), Paragraph(escape(text), body)]
    doc.build(story)


def make_table(output: str) -> None:
    doc = SimpleDocTemplate(output, pagesize=A4, leftMargin=22 * mm, rightMargin=22 * mm, topMargin=22 * mm,
                            bottomMargin=22 * mm,
                            **document_info("agenda table", "Minutes 3 March 2026", "en-GB"))
    title = ParagraphStyle("Title", fontName=BOLD, fontSize=16, leading=20, spaceAfter=6)
    line = ParagraphStyle("Line", fontName=REGULAR, fontSize=10.5, leading=14)
    cell = ParagraphStyle("Cell", fontName=REGULAR, fontSize=10, leading=13, alignment=TA_LEFT)
    cell_title = ParagraphStyle("CellTitle", parent=cell, fontName=BOLD, spaceAfter=3)
    decision = ParagraphStyle("Decision", parent=cell, spaceBefore=4)
    column_head = ParagraphStyle("ColumnHead", parent=cell, fontName=BOLD)

    rows = [[Paragraph(TABLE_COLUMNS[0], column_head), Paragraph(TABLE_COLUMNS[1], column_head)]]
    for number, item_title, text, decided in TABLE_ITEMS:
        content = [Paragraph(escape(item_title), cell_title), Paragraph(escape(text), cell)]
        if decided:
            content.append(Paragraph(escape(f"Decision: {decided}"), decision))
        rows.append([Paragraph(number, cell), content])
    table = Table(rows, colWidths=[18 * mm, 148 * mm], hAlign="LEFT", repeatRows=1)
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#555555")),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6e6e6")),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
    ]))
    story = [Paragraph(escape(TABLE_HEADER[0]), title)]
    story += [Paragraph(escape(text), line) for text in TABLE_HEADER[1:]]
    story += [Spacer(1, 6 * mm), table]
    doc.build(story, onFirstPage=fixed_dates, onLaterPages=fixed_dates)


def make_hyphenated(output: str) -> None:
    # A narrow column, 71 mm of text (the frame adds 6 pt of padding on each side), so long compounds meet the
    # line end.
    side = (A4[0] - 71 * mm - 12) / 2
    doc = SimpleDocTemplate(output, pagesize=A4, leftMargin=side, rightMargin=side, topMargin=25 * mm,
                            bottomMargin=25 * mm,
                            **document_info("hyphenated line ends", "Referat 20. april 2026", "nb-NO"))
    title = ParagraphStyle("Title", fontName=BOLD, fontSize=13, leading=16, spaceAfter=4)
    date = ParagraphStyle("Date", fontName=REGULAR, fontSize=10, leading=13, spaceAfter=4)
    heading = ParagraphStyle("Heading", fontName=BOLD, fontSize=10.5, leading=13.5, spaceBefore=8, spaceAfter=3,
                             keepWithNext=1)
    body = ParagraphStyle("Body", fontName=REGULAR, fontSize=10, leading=13, alignment=TA_LEFT,
                          embeddedHyphenation=1, hyphenationLang="", splitLongWords=0)
    story = [Paragraph(escape(HYPHEN_TITLE), title), Paragraph(escape(HYPHEN_DATE), date)]
    for item_heading, text in HYPHEN_ITEMS:
        story += [Paragraph(escape(item_heading), heading), Paragraph(escape(text), body)]
    doc.build(story, onFirstPage=fixed_dates, onLaterPages=fixed_dates)


# --------------------------------------------------------------------------
# Checks


def pdftotext(path: str, *options: str) -> str:
    return subprocess.run(["pdftotext", *options, path, "-"], check=True, capture_output=True,
                          text=True).stdout


def words(text: str) -> list[str]:
    return text.split()


def check_two_column(path: str) -> list[str]:
    problems = []
    width, height = A4
    margin, gutter = 20 * mm, 8 * mm
    column_width = (width - 2 * margin - gutter) / 2

    def crop(x: float) -> list[str]:
        text = pdftotext(path, "-x", str(int(x)), "-y", "0", "-W", str(int(column_width)), "-H", str(int(height)))
        return words(text)

    left = crop(margin)
    right = crop(margin + column_width + gutter)
    item2 = words(TWO_COLUMN_ITEMS[1][1])
    # Item 2's paragraph starts in the left column and goes on at the top of the right one: some k words of it
    # end the left column, the rest open the right column.
    split = next((k for k in range(1, len(item2))
                  if left[-k:] == item2[:k] and right[:len(item2) - k] == item2[k:]), None)
    if split is None:
        problems.append(f"item 2's paragraph does not break from the left column to the right one: left ends "
                        f"{' '.join(left[-6:])!r}, right starts {' '.join(right[:6])!r}")
    if "3." in left or "3." not in right:
        problems.append("item 3 is not (only) in the right column")
    return problems


def check_table(path: str) -> list[str]:
    problems = []
    text = pdftotext(path, "-layout")
    for needle in [*TABLE_HEADER, *TABLE_COLUMNS, "Decision:"]:
        if needle not in text:
            problems.append(f"missing {needle!r}")
    for number, item_title, _, _ in TABLE_ITEMS:
        if not re.search(rf"^\s*{re.escape(number)}\s+{re.escape(item_title)}\s*$", text, re.M):
            problems.append(f"row {number} does not start with its number beside its title")
    long_row = pdftotext(path).split(TABLE_ITEMS[1][1])[1].split(TABLE_ITEMS[2][1])[0]
    if len([line for line in long_row.splitlines() if line.strip()]) < 6:
        problems.append("item 2's body does not wrap over many lines")
    return problems


def check_hyphenated(path: str) -> list[str]:
    problems = []
    # Layout mode: poppler's reading-order mode joins hyphenated lines itself.
    text = pdftotext(path, "-layout")
    breaks = re.findall(r"(\S+-)\n\s*(\S+)", text)
    for expected in HYPHEN_BREAKS:
        if expected not in breaks:
            problems.append(f"no line break {expected[0]!r} / {expected[1]!r} (breaks: {breaks})")
    if SHY in text:
        problems.append("a soft hyphen is in the text layer")
    return problems


FIXTURES = [
    ("two-column-minutes.pdf", make_two_column, check_two_column),
    ("table-minutes.pdf", make_table, check_table),
    ("hyphenated-minutes.pdf", make_hyphenated, check_hyphenated),
]


def main() -> int:
    status = 0
    for name, make, check in FIXTURES:
        path = os.path.join(HERE, name)
        make(path)
        size = os.path.getsize(path)
        print(f"wrote {os.path.relpath(path)} ({size} bytes)")
        problems = [] if size < 30_000 else [f"{size} bytes, more than 30 KB"]
        if shutil.which("pdftotext"):
            pages = pdftotext(path).count("\f")
            if pages != 1:
                problems.append(f"{pages} pages, expected 1")
            problems += check(path)
        else:
            print("pdftotext not found: skipped the checks")
        for problem in problems:
            print(f"check failed: {name}: {problem}", file=sys.stderr)
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
