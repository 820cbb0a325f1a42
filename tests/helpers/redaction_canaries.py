"""An archive with a distinct canary in every field a person or a file can fill.

Used by test_redaction_canaries.py: each canary is a token that appears
nowhere else, so finding it in a redacted bundle names the channel that
leaked. Media are made here (Pillow, PyAV, fpdf2, pypdf), never committed.
"""

from __future__ import annotations

import io
import struct
import zlib
from fractions import Fraction
from pathlib import Path

import av
from PIL import ExifTags, Image
from PIL.PngImagePlugin import PngInfo

from tests.media import _image, _insert_iptc, build_exif

# GPS canaries: numbers that appear nowhere else (checked as text to 4 decimals).
GPS_LAT, GPS_LON = 47.123457, 81.654321
GPS_TEXT = ("47.1234", "81.6543")


class Canaries:
    """Token per channel; ``c.x`` is ``"CnRy" + X + "Zq"`` (case-insensitive unique)."""

    def __init__(self) -> None:
        self.all: dict[str, str] = {}

    def __getattr__(self, name: str) -> str:
        if name.startswith("_") or name == "all":
            raise AttributeError(name)
        return self.all.setdefault(name, f"CnRy{name.replace('_', '').upper()}Zq")


C = Canaries()
# A Cyrillic canary, for the scripts the archive is used with (UTF-8 and UTF-16 forms).
SENSITIVE_NAME = "Жазиракан Тайнова"


def _icc(text: str) -> bytes:
    """A small ICC-shaped blob whose description tag carries ``text``."""
    desc = b"desc" + b"\x00" * 4 + struct.pack(">I", len(text) + 1) + text.encode() + b"\x00"
    header = struct.pack(">I", 128 + 12 + 12 + len(desc)) + b"\x00" * 32 + b"acsp"
    header = header.ljust(128, b"\x00")
    table = struct.pack(">I", 1) + b"desc" + struct.pack(">II", 128 + 16, len(desc))
    return header + table + desc


def photo_exif() -> Image.Exif:
    exif = build_exif(
        gps=(GPS_LAT, GPS_LON, 850.0), make=C.exif_make, model=C.exif_model, orientation=6
    )
    exif[ExifTags.Base.Artist] = C.exif_artist
    exif[ExifTags.Base.ImageDescription] = C.exif_description
    exif[ExifTags.Base.Copyright] = C.exif_copyright
    exif[0x9C9D] = (C.exif_xp_author + "\x00").encode("utf-16-le")  # XPAuthor, UTF-16
    exif.get_ifd(ExifTags.IFD.Exif)[ExifTags.Base.UserComment] = (
        b"ASCII\x00\x00\x00" + C.exif_user_comment.encode()
    )
    return exif


def make_photo(path: Path) -> Path:
    """A JPEG with every metadata channel a camera or editor fills."""
    xmp = f'<x:xmpmeta xmlns:x="adobe:ns:meta/"><dc:creator>{C.xmp_creator}</dc:creator>'
    xmp += "</x:xmpmeta>"
    _image((320, 240), (180, 70, 30)).save(
        path,
        "JPEG",
        exif=photo_exif(),
        xmp=xmp.encode(),
        comment=C.jpeg_comment.encode(),
        icc_profile=_icc(C.jpeg_icc),
        quality=90,
    )
    _insert_iptc(path, {(2, 80): C.iptc_byline, (2, 120): C.iptc_caption})
    with open(path, "ab") as f:
        f.write(b"\xff\xd8" + C.jpeg_trailer.encode() + b"\xff\xd9")  # an MPO-like extra
    return path


def make_png(path: Path) -> Path:
    """A PNG with text chunks of every kind, ICC, eXIf, a private chunk and trailers."""
    info = PngInfo()
    info.add_text("Author", C.png_text)
    info.add_itxt("Description", C.png_itxt, lang="ru", tkey="Описание")
    info.add_text("Comment", C.png_ztxt, zip=True)
    info.add(b"prVt", C.png_private.encode())
    exif = Image.Exif()
    exif[ExifTags.Base.Artist] = C.png_exif
    buf = io.BytesIO()
    _image((200, 150), (20, 140, 90)).save(
        buf, "PNG", pnginfo=info, exif=exif, icc_profile=_icc(C.png_iccp)
    )
    data = _with_idat_trailer(buf.getvalue(), C.png_idat_trailer.encode())
    path.write_bytes(data + C.png_after_iend.encode())
    return path


def _with_idat_trailer(png: bytes, extra: bytes) -> bytes:
    """Append bytes after the end of the zlib stream inside the (single) IDAT chunk."""
    pos = png.index(b"IDAT") - 4
    length = struct.unpack(">I", png[pos : pos + 4])[0]
    body = png[pos + 8 : pos + 8 + length] + extra
    chunk = struct.pack(">I", len(body)) + b"IDAT" + body
    chunk += struct.pack(">I", zlib.crc32(body, zlib.crc32(b"IDAT")))
    return png[:pos] + chunk + png[pos + 12 + length :]


def make_tiff(path: Path) -> Path:
    """A TIFF: re-encoded as PNG in a redacted copy."""
    exif = Image.Exif()
    exif[ExifTags.Base.ImageDescription] = C.tiff_description
    exif[ExifTags.Base.Artist] = C.tiff_artist
    _image((120, 90), (90, 90, 200)).save(path, "TIFF", exif=exif)
    return path


def make_pdf(path: Path, work: Path) -> Path:
    """A PDF with info, XMP, private data, an annotation, an attachment and a photo."""
    from fpdf import FPDF
    from pypdf import PdfReader, PdfWriter
    from pypdf.annotations import Text
    from pypdf.generic import (
        ArrayObject,
        DecodedStreamObject,
        DictionaryObject,
        NameObject,
        TextStringObject,
    )

    inner = work / "inner.jpg"
    exif = Image.Exif()
    exif[ExifTags.Base.Artist] = C.pdf_image_exif
    _image((160, 120), (60, 60, 60)).save(
        inner, "JPEG", exif=exif, comment=C.pdf_image_comment.encode()
    )
    pdf = FPDF()
    pdf.set_author(C.pdf_author)
    pdf.set_title(C.pdf_title)
    pdf.set_subject(C.pdf_subject)
    pdf.set_keywords(C.pdf_keywords)
    pdf.set_creator(C.pdf_creator)
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.text(20, 20, "Statement of the events of 5 January")
    pdf.image(str(inner), x=20, y=30, w=60)
    plain = work / "plain.pdf"
    pdf.output(str(plain))
    writer = PdfWriter(clone_from=PdfReader(plain))
    writer.add_metadata({f"/{C.pdf_info_key}": C.pdf_custom_info})
    xmp = DecodedStreamObject()
    xmp.set_data(f"<x:xmpmeta><dc:creator>{C.pdf_xmp}</dc:creator></x:xmpmeta>".encode())
    xmp.update({NameObject("/Type"): NameObject("/Metadata")})
    writer._root_object[NameObject("/Metadata")] = writer._add_object(xmp)
    page = writer.pages[0]
    page[NameObject("/PieceInfo")] = DictionaryObject(
        {NameObject("/App"): TextStringObject(C.pdf_piece_info)}
    )
    layer = writer._add_object(
        DictionaryObject(
            {
                NameObject("/Type"): NameObject("/OCG"),
                NameObject("/Name"): TextStringObject(C.pdf_layer),
            }
        )
    )
    resources = page["/Resources"].get_object()
    resources[NameObject("/Properties")] = DictionaryObject({NameObject("/L1"): layer})
    writer._root_object[NameObject("/OCProperties")] = DictionaryObject(
        {NameObject("/OCGs"): ArrayObject([layer])}
    )
    note = Text(rect=(50, 550, 70, 570), text="see margin")
    note[NameObject("/T")] = TextStringObject(C.pdf_annotation_author)
    writer.add_annotation(0, note)
    writer.add_attachment(f"{C.pdf_attachment_name}.txt", C.pdf_attachment.encode())
    with open(path, "wb") as f:
        writer.write(f)
    return path


def make_video(path: Path, container: str) -> Path:
    """An H.264 video whose container and stream carry tags (and a location), and whose
    bitstream carries a user-data SEI message (where some drones put GPS)."""
    from av.bitstream import BitStreamFilterContext

    location = f"+{GPS_LAT:.6f}+{GPS_LON:09.6f}/"
    tags = {
        "title": C.video_title,
        "comment": C.video_comment,
        "artist": C.video_artist,
        "location": location,
    }
    if container == "mov":
        tags = {
            "com.apple.quicktime.location.ISO6709": location,
            "com.apple.quicktime.make": C.mov_make,
            "com.apple.quicktime.model": C.mov_model,
            "com.apple.quicktime.author": C.mov_author,
            C.mov_tag_name: "a tag whose name is chosen by the file",
        }
    raw = path.with_suffix(".h264")
    with av.open(str(raw), "w", format="h264") as out:
        stream = out.add_stream("libx264", rate=10, options={"bf": "0"})
        stream.width, stream.height = 96, 64
        stream.pix_fmt = "yuv420p"
        for index in range(10):
            frame = av.VideoFrame(96, 64, "yuv420p")
            for n, plane in enumerate(frame.planes):
                plane.update(bytes([(index * 20 + n * 70) % 256]) * plane.buffer_size)
            frame.pts = index
            out.mux(stream.encode(frame))
        out.mux(stream.encode())
    bsf = f"h264_metadata=sei_user_data=086f3693-b7b3-4f2c-9653-21492feee5b8+{C.video_sei}"
    keep_tags = {"movflags": "use_metadata_tags"}
    with (
        av.open(str(raw)) as inp,
        av.open(str(path), "w", format=container, options=keep_tags) as out,
    ):
        out.metadata.update(tags)
        src = inp.streams.video[0]
        stream = out.add_stream_from_template(src)
        stream.time_base = Fraction(1, 10)
        stream.metadata["handler_name"] = C.video_handler
        stream.metadata["title"] = C.video_stream_title
        sei = BitStreamFilterContext(bsf, src, stream)
        for index, packet in enumerate(inp.demux(src)):
            for filtered in sei.filter(packet if packet.size else None):
                filtered.stream = stream
                filtered.pts = filtered.dts = index
                filtered.time_base = Fraction(1, 10)
                out.mux(filtered)
    raw.unlink()
    return path


def make_song(path: Path) -> Path:
    """An MP3 whose ID3 tags name people."""
    from tests.media import make_audio

    tags = {"artist": C.audio_artist, "title": C.audio_title, "comment": C.audio_comment}
    return make_audio(path, "libmp3lame", "mp3", seconds=0.5, tags=tags)


# Chat exports ---------------------------------------------------------------------
# Phone canaries: digit runs that appear nowhere else (a contiguous and a spaced form).
PHONE_TEXT = ("77019876543", "702 555 1234")


def make_chat_exports(root: Path) -> tuple[Path, Path]:
    """A Telegram private group and a WhatsApp zip whose people and chats are canaries."""
    import json
    import zipfile
    from datetime import UTC, datetime, timedelta

    from tests.chat_exports import tg_chat, tg_message, tg_service, wa_line
    from tests.media import make_jpeg

    t0 = datetime(2022, 1, 5, 12, 30, tzinfo=UTC)
    tg = root / "ChatExport_2022-01-05"
    (tg / "photos").mkdir(parents=True)
    make_jpeg(tg / "photos" / "photo_1.jpg", exif_datetime=None, color=(90, 30, 160))
    make_jpeg(tg / "photos" / "photo_2.jpg", exif_datetime=None, color=(20, 140, 60))
    messages = [
        tg_service(
            1, t0, "invite_members", actor=C.chat_tg_actor, members=[C.chat_tg_member]
        ),  # fmt: skip
        tg_message(
            2,
            t0 + timedelta(minutes=1),
            author=C.chat_tg_author,
            author_id=f"user{C.chat_tg_user_id}",
            photo="photos/photo_1.jpg",
            text=f"Звоните +{PHONE_TEXT[0]}, спросите {C.chat_tg_member}",
        ),  # fmt: skip
        tg_message(
            3,
            t0 + timedelta(minutes=2),
            author=C.chat_tg_author2,
            author_id=f"user{C.chat_tg_user_id2}",
            photo="photos/photo_2.jpg",
            forwarded_from=C.chat_tg_forwarded,
            reply_to_message_id=2,
            text=f"{C.chat_tg_author} видел это в «{C.chat_tg_name}»",
        ),  # fmt: skip
    ]
    chat = tg_chat(messages, name=C.chat_tg_name, ctype="private_group", cid=4242)
    (tg / "result.json").write_text(json.dumps(chat, ensure_ascii=False), encoding="utf-8")

    wa = root / f"WhatsApp Chat - {C.chat_wa_name}.zip"
    photo = make_jpeg(root / "wa.jpg", exif_datetime=None, color=(200, 200, 30))
    media = f"IMG-20220105-{C.chat_wa_file}.jpg"
    t = datetime(2022, 1, 5, 18, 30)
    phone_author = f"+7 {PHONE_TEXT[1]}"
    lines = [
        wa_line(t, C.chat_wa_author, f"{media} (file attached)"),
        wa_line(t + timedelta(minutes=1), phone_author, f"Это {C.chat_wa_author}, на площади"),
        wa_line(t + timedelta(minutes=2), C.chat_wa_author, "Без файла"),
    ]
    with zipfile.ZipFile(wa, "w") as zf:
        zf.writestr(f"WhatsApp Chat with {C.chat_wa_name}.txt", "\n".join(lines) + "\n")
        zf.write(photo, media)
    photo.unlink()
    return tg, wa
