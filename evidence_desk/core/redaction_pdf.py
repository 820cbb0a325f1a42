"""PDF copies for publication: the document without the data about it.

A PDF carries names and places in many corners besides its text: the
document information dictionary (Author, Title, Producer, custom keys), XMP
streams on the catalogue, on pages and on every image, application private
data (``/PieceInfo``), the author of every annotation (``/T``), comments
(sticky notes), outlines, file attachments, JavaScript and the EXIF, XMP or
comments inside embedded JPEG images. The copy is written from the
document's page tree only (objects no page reaches, such as an old
information dictionary or earlier revisions, are not copied), with those
entries dropped and embedded JPEGs rebuilt from their pixels by
``redaction_images.clean_jpeg``. What the pages show is content and stays.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, BinaryIO

from evidence_desk.core.redaction_images import clean_jpeg

# Entries removed wherever they appear, and why (the report says what went).
_DROP_KEYS = {
    "/Metadata": "XMP metadata",
    "/PieceInfo": "application private data",
    "/LastModified": "modification dates of pages",
    "/AF": "associated files",
    "/JavaScript": "scripts",
    "/JS": "scripts",
    "/EmbeddedFiles": "attached files",
    "/SpiderInfo": "web capture information",
    "/T": "annotation authors",
    "/OpenAction": "actions run on opening",
    "/AA": "actions run on events",
}
# Comments (sticky notes and their pop-ups) and embedded files or media: not page content.
_ANNOT_DROP = {"/FileAttachment", "/Sound", "/Movie", "/RichMedia", "/Screen", "/Text", "/Popup"}
_MAX_NODES = 2_000_000


class PdfRedactionError(Exception):
    """The PDF cannot be vouched for; it must not be published."""


def clean_pdf(src: BinaryIO, target: Path) -> list[str]:
    """Write the cleaned copy to ``target``; returns what was removed."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject

    reader = PdfReader(src)
    if reader.is_encrypted:
        raise PdfRedactionError("encrypted PDF; its metadata cannot be removed")
    removed: set[str] = set()
    if reader.metadata:
        # Counted, not named: custom keys are chosen by whoever made the file.
        removed.add(f"PDF document information ({len(reader.metadata)} entries)")
    writer = PdfWriter()
    for page in reader.pages:
        writer.add_page(page)
    writer.metadata = None
    writer._info = None  # noqa: SLF001 - pypdf otherwise writes an info dict with Producer
    seen: set[tuple[int, int, int]] = set()
    budget = [_MAX_NODES]
    _walk(writer._root_object, removed, seen, budget)  # noqa: SLF001
    for key in ("/Names", "/Outlines", "/OpenAction", "/AA", "/AcroForm", "/Metadata"):
        if NameObject(key) in writer._root_object:  # noqa: SLF001
            del writer._root_object[NameObject(key)]  # noqa: SLF001
    # Detached objects (dropped annotations, the old catalogue entries) would
    # still be written: only what the document references goes out.
    writer.compress_identical_objects(remove_duplicates=False, remove_unreferenced=True)
    with open(target, "wb") as f:
        writer.write(f)
    return sorted(removed)


def _walk(node: Any, removed: set[str], seen: set[tuple[int, int, int]], budget: list[int]) -> None:
    """Depth-first, iterative: remove named entries and rebuild embedded JPEGs."""
    from pypdf.generic import (
        ArrayObject,
        DictionaryObject,
        IndirectObject,
        NameObject,
        TextStringObject,
    )

    stack = [node]
    while stack:
        budget[0] -= 1
        if budget[0] < 0:
            raise PdfRedactionError("PDF object graph too large to check")
        obj = stack.pop()
        if isinstance(obj, IndirectObject):
            key = (id(obj.pdf), obj.idnum, obj.generation)
            if key in seen:
                continue
            seen.add(key)
            obj = obj.get_object()
        if isinstance(obj, DictionaryObject):
            for name, why in _DROP_KEYS.items():
                if name == "/T" and obj.get("/Type") != "/Annot" and "/Subtype" not in obj:
                    continue
                if NameObject(name) in obj:
                    del obj[NameObject(name)]
                    removed.add(f"PDF {why}")
            if "/Annots" in obj:
                _drop_annotations(obj, removed)
            if obj.get("/Subtype") == "/Image":
                _clean_image(obj, removed)
            if obj.get("/Type") == "/OCG" and "/Name" in obj:
                # Layer names are free text; the layers themselves (and what they hide) stay.
                obj[NameObject("/Name")] = TextStringObject("layer")
                removed.add("PDF layer names")
            stack.extend(obj.values())
        elif isinstance(obj, ArrayObject):
            stack.extend(obj)


def _drop_annotations(page: Any, removed: set[str]) -> None:
    from pypdf.generic import ArrayObject, NameObject

    annots = page["/Annots"].get_object()
    if not isinstance(annots, list):
        del page[NameObject("/Annots")]
        return
    kept = ArrayObject()
    for annot in annots:
        if annot.get_object().get("/Subtype") in _ANNOT_DROP:
            removed.add("PDF comments, attachments and media in annotations")
        else:
            kept.append(annot)
    page[NameObject("/Annots")] = kept


def _clean_image(image: Any, removed: set[str]) -> None:
    """An embedded JPEG (``/DCTDecode`` alone) is rebuilt without its metadata segments."""
    from pypdf.generic import NameObject, NumberObject

    flt = image.get("/Filter")
    if isinstance(flt, list) and len(flt) == 1:
        flt = flt[0]
    if flt != "/DCTDecode":
        return
    data = image._data  # noqa: SLF001 - the encoded bytes, as stored
    cleaned, gone = clean_jpeg(data, None)
    if cleaned != data:
        image._data = cleaned  # noqa: SLF001
        image[NameObject("/Length")] = NumberObject(len(cleaned))
        removed.update(f"PDF image: {g}" for g in gone)
