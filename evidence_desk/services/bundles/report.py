"""The human-readable report of a bundle, in HTML and PDF.

A judge, a lawyer or an editor reads this, not items.json. It says who
exported what, when, under which profile, which key signed it (so the
fingerprint can be compared over the phone), and for each exhibit: a
thumbnail, its hashes, capture time with the source of that time, where it
came from and its chain of custody. The HTML is written exhibit by exhibit;
the PDF (fpdf2, pure Python) is built in memory, which costs a thumbnail's
worth of memory per exhibit, not the size of the originals.
"""

from __future__ import annotations

import html
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from evidence_desk.core.signing import pretty_fingerprint
from evidence_desk.services.messages import Messages, messages

FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
    "/Library/Fonts/Arial Unicode.ttf",
    "C:/Windows/Fonts/arial.ttf",
)


@dataclass(frozen=True)
class CustodySummary:
    """One event of an exhibit's chain as the report lists it (from custody.json's entry)."""

    occurred_at: str | None
    event_type: str | None
    actor: str | None
    outcome: str | None
    hash: str | None
    sealed: bool  # details replaced by hashes (the redacted profile)


@dataclass
class ReportExhibit:
    record: dict[str, Any]  # the items.json record as exported
    thumb: str | None = None  # path relative to data/report/
    thumb_source: Path | None = None
    custody: list[CustodySummary] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


@dataclass
class ReportContext:
    archive_name: str
    archive_uuid: str
    exporter: str
    organisation: str
    exported_at: str
    profile: str
    bundle_uuid: str
    fingerprint: str
    exhibits: list[ReportExhibit] = field(default_factory=list)
    left_out: list[str] = field(default_factory=list)  # summary lines, no identities
    removed_rules: list[str] = field(default_factory=list)
    case_records: list[str] = field(default_factory=list)  # lines from case_report_lines
    message_records: list[str] = field(default_factory=list)  # message_records.report_lines
    language: str = "en"  # the exporting user's: labels and vocabulary in that language

    @property
    def m(self) -> Messages:
        return messages(self.language)


def case_report_lines(
    files: dict[str, Any], exhibits: dict[str, str], language: str = "en"
) -> list[str]:
    """One line per incident, person and testimony in the bundle's case records.

    ``exhibits`` maps item UUIDs to exhibit numbers. The records are already
    redacted for the profile, so a sensitive person appears as ``P-…`` here too.
    """

    m = messages(language)

    def ex(uuids: list[str]) -> str:
        return ", ".join(exhibits.get(u, u) for u in uuids) or "-"

    lines = []
    for i in (files.get("incidents.json") or {}).get("incidents", []):
        when = " – ".join(filter(None, [i.get("start"), i.get("end")])) or m.t("undated")
        place = (i.get("place") or {}).get("name") or m.t("no place")
        violations = ", ".join(m.term("violation_types", v) for v in i.get("violations") or [])
        lines.append(
            f"{m.t('Incident')}: {i['title']} ({when}; {place}; "
            f"{m.t(str(i.get('verification') or '-'))}; "
            f"{m.t('violations')}: {violations or '-'}); "
            f"{m.t('exhibits')}: {ex([x['id'] for x in i.get('items', [])])}"
        )
    people = {p["uuid"]: p for p in (files.get("persons.json") or {}).get("persons", [])}
    roles: dict[str, list[str]] = {}
    for i in (files.get("incidents.json") or {}).get("incidents", []):
        for p in i.get("persons", []):
            roles.setdefault(p["uuid"], []).append(m.term("roles", p["role"]))
    for uuid, p in people.items():
        withheld = m.t("sensitive, name withheld")
        shown = f"{p['name']} ({withheld})" if p.get("redacted") else p["name"]
        lines.append(
            f"{m.t('Person')}: {shown}; {m.t('roles')}: {', '.join(roles.get(uuid, [])) or '-'}"
        )
    for t in (files.get("testimonies.json") or {}).get("testimonies", []):
        who = t.get("witness") or t.get("pseudonym") or t.get("witness_code")
        lines.append(
            f"{m.t('Testimony')}: {exhibits.get(t['id'], t['id'])}; {m.t('witness')}: {who}; "
            f"{m.t('language')}: {t.get('language')}"
        )
    return lines


def _summary(ctx: ReportContext) -> list[tuple[str, str]]:
    t = ctx.m.t
    return [
        (t("Archive"), f"{ctx.archive_name} ({ctx.archive_uuid})"),
        (t("Organisation"), ctx.organisation or "-"),
        (t("Exported by"), ctx.exporter),
        (t("Exported at (UTC)"), ctx.exported_at),
        (t("Profile"), t(ctx.profile)),
        (t("Bundle"), ctx.bundle_uuid),
        (t("Exhibits"), str(len(ctx.exhibits))),
        (t("Key fingerprint (SHA-256)"), pretty_fingerprint(ctx.fingerprint)),
    ]


def _fields(ex: ReportExhibit, m: Messages) -> list[tuple[str, str]]:
    """Label/value rows of one exhibit; the labels, kinds and time sources in ``m``'s language."""
    t = m.t
    r = ex.record
    bundle = r.get("bundle") or {}
    rows = [
        (t("Title"), r.get("title") or "-"),
        (t("Kind"), f"{t(str(r.get('kind')))} ({r.get('mime_type')})"),
        (t("Size"), f"{r.get('size'):,} {t('bytes')}"),
        (t("SHA-256 of the original"), r.get("sha256") or "-"),
    ]
    if bundle.get("redacted"):
        rows.append((t("SHA-256 of this redacted copy"), bundle.get("sha256") or "-"))
    source = t(str(r.get("captured_at_source") or "-"))
    offset = "" if r.get("captured_at_offset_known") else f", {t('UTC offset unknown')}"
    rows += [
        (t("File in bundle"), bundle.get("file") or "-"),
        (
            t("Captured at"),
            f"{r.get('captured_at') or t('unknown')} ({t('source')}: {source}{offset})",
        ),
    ]
    if r.get("captured_at_note"):
        rows.append((t("Capture note"), r["captured_at_note"]))
    gps = r.get("gps")
    if gps:
        rows.append((t("Location"), f"{gps['lat']:.6f}, {gps['lon']:.6f}"))
    device = " ".join(v for v in (r.get("device") or {}).values() if v)
    if device:
        rows.append((t("Device"), device))
    if r.get("description"):
        rows.append((t("Description"), r["description"]))
    if r.get("tags"):
        rows.append((t("Tags"), ", ".join(r["tags"])))
    for n, s in enumerate(r.get("sources") or [], start=1):
        parts = [
            f"{t(label)} {s[key]}"
            for key, label in (
                ("received_from", "received from"),
                ("method", "via"),
                ("collector", "collected by"),
                ("acquired_at", "acquired"),
                ("recorded_at", "recorded"),
                ("original_path", "from"),
            )
            if s.get(key)
        ]
        rows.append((f"{t('Provenance')} {n}", ", ".join(parts) or "-"))
    if ex.removed:
        rows.append((t("Removed in this copy"), "; ".join(m.message(x) for x in ex.removed)))
    return rows


def _custody_line(e: CustodySummary, m: Messages) -> str:
    who = f" ({e.actor})" if e.actor else ""
    seal = f" [{m.t('details sealed')}]" if e.sealed else ""
    return (
        f"{e.occurred_at}  {m.t(str(e.event_type))}{who} — "
        f"{m.t(str(e.outcome))}{seal}  ({m.t('hash')} {str(e.hash)[:16]}…)"
    )


_CSS = """
body{font-family:sans-serif;max-width:60em;margin:2em auto;color:#222}
table{border-collapse:collapse;width:100%}td,th{vertical-align:top;text-align:left;
padding:2px 8px;border-bottom:1px solid #ddd}th{width:16em;font-weight:600}
.ex{page-break-inside:avoid;border-top:2px solid #444;margin-top:2em;padding-top:1em}
.thumb{float:right;max-width:200px;max-height:200px;margin:0 0 1em 1em}
code{font-size:90%;word-break:break-all}ol{font-size:90%}
"""


_VERIFY_HINT = (
    "Verify this bundle with {a}, {b} or {c}; the signature in {d} covers "
    "tagmanifest-sha256.txt. Compare the fingerprint above with the one the sender gives you."
)
_VERIFY_CODES = {
    "a": "evidence-desk verify-bundle",
    "b": "bagit.py --validate",
    "c": "sha256sum -c manifest-sha256.txt",
    "d": "signature/",
}


def write_html(ctx: ReportContext, path: Path) -> None:
    esc = html.escape
    m, t = ctx.m, ctx.m.t
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        out.write(f'<!DOCTYPE html>\n<html lang="{esc(m.language)}"><head><meta charset="utf-8">')
        out.write(f"<title>{esc(t('Evidence bundle'))} {esc(ctx.bundle_uuid)}</title>")
        out.write(f"<style>{_CSS}</style>")
        out.write(f"</head><body>\n<h1>{esc(t('Evidence bundle report'))}</h1>\n<table>")
        for label, value in _summary(ctx):
            out.write(f"<tr><th>{esc(label)}</th><td>{esc(value)}</td></tr>")
        out.write("</table>\n")
        codes = {k: f"<code>{esc(v)}</code>" for k, v in _VERIFY_CODES.items()}
        out.write(f"<p>{esc(t(_VERIFY_HINT)).format(**codes)}</p>\n")
        if ctx.case_records:
            out.write(f"<h2>{esc(t('Incidents, persons and testimonies'))}</h2><ul>")
            for line in ctx.case_records:
                out.write(f"<li>{esc(line)}</li>")
            out.write("</ul>\n")
        if ctx.message_records:
            out.write(f"<h2>{esc(t('Chat messages'))}</h2><ul>")
            for line in ctx.message_records:
                out.write(f"<li>{esc(m.message(line))}</li>")
            out.write("</ul>\n")
        if ctx.removed_rules or ctx.left_out:
            out.write(f"<h2>{esc(t('Redaction'))}</h2><ul>")
            for line in ctx.removed_rules + ctx.left_out:
                out.write(f"<li>{esc(m.message(line))}</li>")
            out.write("</ul>\n")
        for ex in ctx.exhibits:
            r = ex.record
            out.write(f'<div class="ex"><h2>{esc(r.get("exhibit") or "")}</h2>')
            if ex.thumb:
                out.write(f'<img class="thumb" src="{esc(ex.thumb)}" alt="{esc(t("thumbnail"))}">')
            out.write("<table>")
            for label, value in _fields(ex, m):
                cell = f"<code>{esc(value)}</code>" if "SHA-256" in label else esc(value)
                out.write(f"<tr><th>{esc(label)}</th><td>{cell}</td></tr>")
            out.write(f"</table><h3>{esc(t('Chain of custody'))}</h3><ol>")
            for event in ex.custody:
                out.write(f"<li>{esc(_custody_line(event, m))}</li>")
            out.write("</ol></div>\n")
        out.write("</body></html>\n")


def _font_path() -> str | None:
    for candidate in FONT_CANDIDATES:
        if Path(candidate).is_file():
            return candidate
    return None


def _wrap(value: str, chars: int) -> list[str]:
    """Lines of at most ``chars`` characters; long words (hashes, paths) are cut.

    fpdf2's own line breaking measures every character and dominated export
    time; a fixed character budget per line is ample for a report.
    """
    lines: list[str] = []
    for paragraph in value.splitlines() or [""]:
        lines += textwrap.wrap(paragraph, chars, break_long_words=True) or [""]
    return lines


class _Page:
    """Places pre-wrapped lines with ``FPDF.text``, a few times faster than ``cell``.

    With hundreds of exhibits the PDF would otherwise cost more than copying
    gigabytes of originals.
    """

    def __init__(self, pdf, family: str, text) -> None:  # type: ignore[no-untyped-def]
        self.pdf, self.family, self.text = pdf, family, text
        self.bottom = pdf.h - 15
        self.y = 0.0
        self.new_page()

    def new_page(self) -> None:
        self.pdf.add_page()
        self.y = 15.0

    def line(self, value: str, size: float, x: float = 15.0, advance: bool = True) -> None:
        height = size * 0.5
        if self.y + height > self.bottom:
            self.new_page()
        self.pdf.set_font(self.family, size=size)
        self.pdf.text(x, self.y + height * 0.8, self.text(value))
        if advance:
            self.y += height

    def rows(self, items: list[tuple[str, str]], size: float = 9) -> None:
        for label, value in items:
            wrapped = _wrap(str(value), 70)
            if self.y + size * 0.5 * len(wrapped) > self.bottom:
                self.new_page()
            self.line(label, size, advance=False)
            for part in wrapped:
                self.line(part, size, x=70.0)

    def image(self, path: Path, width: float = 60) -> None:
        try:
            info = self.pdf.image(str(path), x=15, y=self.y, w=width)
        except Exception:  # noqa: BLE001 - a bad thumbnail must not stop the report
            return
        self.y += float(getattr(info, "rendered_height", width)) + 3


def write_pdf(ctx: ReportContext, path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    font = _font_path()
    if font:
        pdf.add_font("body", "", font)
        family = "body"

        def text(value: str) -> str:
            return value
    else:  # pragma: no cover - only without any Unicode font on the system
        family = "helvetica"

        def text(value: str) -> str:
            return value.encode("latin-1", "replace").decode("latin-1")

    m, t = ctx.m, ctx.m.t
    pdf.set_title(f"{t('Evidence bundle')} {ctx.bundle_uuid}")
    pdf.set_creator("Evidence Desk")
    page = _Page(pdf, family, text)
    page.line(t("Evidence bundle report"), 16)
    page.y += 3
    page.rows(_summary(ctx))
    if ctx.case_records:
        page.y += 3
        page.line(t("Incidents, persons and testimonies"), 12)
        for record in ctx.case_records:
            for n, part in enumerate(_wrap(record, 105)):
                page.line(("• " if n == 0 else "  ") + part, 9)
    if ctx.message_records:
        page.y += 3
        page.line(t("Chat messages"), 12)
        for record in ctx.message_records:
            for n, part in enumerate(_wrap(m.message(record), 105)):
                page.line(("• " if n == 0 else "  ") + part, 9)
    if ctx.removed_rules or ctx.left_out:
        page.y += 3
        page.line(t("Redaction"), 12)
        for rule in ctx.removed_rules + ctx.left_out:
            for n, part in enumerate(_wrap(m.message(rule), 105)):
                page.line(("• " if n == 0 else "  ") + part, 9)
    for ex in ctx.exhibits:
        page.new_page()
        page.line(ex.record.get("exhibit") or "", 14)
        page.y += 2
        if ex.thumb_source is not None and ex.thumb_source.is_file():
            page.image(ex.thumb_source)
        page.rows(_fields(ex, m))
        page.y += 2
        page.line(t("Chain of custody"), 11)
        for event in ex.custody:
            for n, part in enumerate(_wrap(_custody_line(event, m), 125)):
                page.line(("" if n == 0 else "    ") + part, 8)
    pdf.output(str(path))
