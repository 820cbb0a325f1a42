"""Factories that write small but real media files for tests.

Generating fixtures keeps the repository free of binaries and lets each test
choose exactly the metadata it needs (EXIF time, offset, GPS, container tags).
Every function writes to ``path`` and returns it.
"""

from __future__ import annotations

import math
import wave
from collections.abc import Sequence
from fractions import Fraction
from pathlib import Path

import av
from PIL import ExifTags, Image
from pypdf import PdfWriter

Color = tuple[int, int, int]


def _dms(value: float) -> tuple[float, float, float]:
    value = abs(value)
    degrees = int(value)
    minutes_full = (value - degrees) * 60
    minutes = int(minutes_full)
    seconds = round((minutes_full - minutes) * 60, 4)
    return (float(degrees), float(minutes), seconds)


def build_exif(
    exif_datetime: str | None = "2022:01:05 18:30:00",
    offset: str | None = "+06:00",
    subsec: str | None = None,
    gps: tuple[float, float, float | None] | None = (43.2389, 76.8897, 850.0),
    gps_datetime: str | None = None,
    make: str | None = "Apple",
    model: str | None = "iPhone 12",
    orientation: int | None = 1,
    software: str | None = None,
) -> Image.Exif:
    """An Exif object with IFD0, Exif and GPS sub-IFDs filled as asked.

    ``gps_datetime`` is UTC as ``"2022:01:05 12:30:00"``.
    """
    exif = Image.Exif()
    base = ExifTags.Base
    if make:
        exif[base.Make] = make
    if model:
        exif[base.Model] = model
    if software:
        exif[base.Software] = software
    if orientation is not None:
        exif[base.Orientation] = orientation
    if exif_datetime:
        exif[base.DateTime] = exif_datetime
        ifd = exif.get_ifd(ExifTags.IFD.Exif)
        ifd[base.DateTimeOriginal] = exif_datetime
        ifd[base.DateTimeDigitized] = exif_datetime
        if offset:
            ifd[base.OffsetTimeOriginal] = offset
        if subsec:
            ifd[base.SubsecTimeOriginal] = subsec
    if gps or gps_datetime:
        gps_ifd = exif.get_ifd(ExifTags.IFD.GPSInfo)
        tags = ExifTags.GPS
        gps_ifd[tags.GPSVersionID] = b"\x02\x02\x00\x00"
        if gps:
            lat, lon, alt = gps
            gps_ifd[tags.GPSLatitudeRef] = "N" if lat >= 0 else "S"
            gps_ifd[tags.GPSLatitude] = _dms(lat)
            gps_ifd[tags.GPSLongitudeRef] = "E" if lon >= 0 else "W"
            gps_ifd[tags.GPSLongitude] = _dms(lon)
            if alt is not None:
                gps_ifd[tags.GPSAltitudeRef] = b"\x01" if alt < 0 else b"\x00"
                gps_ifd[tags.GPSAltitude] = abs(float(alt))
        if gps_datetime:
            date, time = gps_datetime.split(" ")
            hours, minutes, seconds = (float(part) for part in time.split(":"))
            gps_ifd[tags.GPSDateStamp] = date
            gps_ifd[tags.GPSTimeStamp] = (hours, minutes, seconds)
    return exif


def _image(size: tuple[int, int], color: Color) -> Image.Image:
    image = Image.new("RGB", size, color)
    # A gradient stripe so perceptual hashes and thumbnails have something to see.
    stripe = Image.linear_gradient("L").resize((size[0], max(1, size[1] // 4)))
    image.paste(Image.merge("RGB", (stripe, stripe, stripe)), (0, 0))
    return image


def make_jpeg(
    path: Path,
    size: tuple[int, int] = (640, 480),
    exif_datetime: str | None = "2022:01:05 18:30:00",
    offset: str | None = "+06:00",
    subsec: str | None = None,
    gps: tuple[float, float, float | None] | None = (43.2389, 76.8897, 850.0),
    gps_datetime: str | None = None,
    make: str | None = "Apple",
    model: str | None = "iPhone 12",
    orientation: int | None = 1,
    color: Color = (200, 60, 40),
    software: str | None = None,
    quality: int = 85,
    xmp: str | None = None,
    iptc: dict[tuple[int, int], str] | None = None,
) -> Path:
    """A JPEG with EXIF (and optional XMP/IPTC); pass ``None`` to leave a field out."""
    exif = build_exif(
        exif_datetime, offset, subsec, gps, gps_datetime, make, model, orientation, software
    )
    path = Path(path)
    extra = {"xmp": xmp.encode("utf-8")} if xmp else {}
    _image(size, color).save(path, "JPEG", exif=exif, quality=quality, **extra)
    if iptc:
        _insert_iptc(path, iptc)
    return path


def _insert_iptc(path: Path, datasets: dict[tuple[int, int], str]) -> None:
    """Insert a Photoshop APP13 segment holding IPTC-IIM datasets after SOI."""
    iim = b"".join(
        bytes([0x1C, record, number]) + len(value.encode()).to_bytes(2, "big") + value.encode()
        for (record, number), value in datasets.items()
    )
    if len(iim) % 2:
        iim += b"\x00"
    resource = b"8BIM" + (0x0404).to_bytes(2, "big") + b"\x00\x00" + len(iim).to_bytes(4, "big")
    payload = b"Photoshop 3.0\x00" + resource + iim
    segment = b"\xff\xed" + (len(payload) + 2).to_bytes(2, "big") + payload
    data = path.read_bytes()
    path.write_bytes(data[:2] + segment + data[2:])


def make_png(
    path: Path,
    size: tuple[int, int] = (320, 240),
    color: Color = (40, 120, 200),
    exif_datetime: str | None = None,
    offset: str | None = None,
) -> Path:
    """A PNG, optionally with an eXIf chunk carrying DateTimeOriginal."""
    path = Path(path)
    kwargs = {}
    if exif_datetime:
        kwargs["exif"] = build_exif(exif_datetime, offset, gps=None, make=None, model=None)
    _image(size, color).save(path, "PNG", **kwargs)
    return path


def make_heic(
    path: Path,
    size: tuple[int, int] = (320, 240),
    color: Color = (90, 160, 60),
    **exif_fields: object,
) -> Path:
    """A HEIC via pillow-heif; raises if the HEVC encoder is unavailable."""
    import pillow_heif

    pillow_heif.register_heif_opener()
    path = Path(path)
    exif = build_exif(**exif_fields)  # type: ignore[arg-type]
    _image(size, color).save(path, "HEIF", exif=exif.tobytes(), quality=60)
    return path


def _video_frame(index: int, size: tuple[int, int]) -> av.VideoFrame:
    frame = av.VideoFrame(size[0], size[1], "yuv420p")
    for plane_index, plane in enumerate(frame.planes):
        value = (index * 23 + plane_index * 80) % 256
        plane.update(bytes([value]) * plane.buffer_size)
    frame.pts = index
    return frame


def make_mp4(
    path: Path,
    seconds: float = 1,
    size: tuple[int, int] = (160, 120),
    creation_time: str | None = "2022-01-05T12:30:00.000000Z",
    location: str | None = "+43.2389+076.8897/",
    make: str | None = None,
    model: str | None = None,
    container: str = "mp4",
    apple_creationdate: str | None = None,
    fps: int = 10,
    audio: bool = False,
) -> Path:
    """An H.264 MP4/MOV with container tags.

    For ``container="mov"`` the location, make and model are written as
    Apple ``com.apple.quicktime.*`` keys (``movflags=use_metadata_tags`` keeps
    them); for MP4 the location goes into the Android-style ``location`` tag.
    """
    path = Path(path)
    tags: dict[str, str] = {}
    if creation_time:
        tags["creation_time"] = creation_time
    if container == "mov":
        if location:
            tags["com.apple.quicktime.location.ISO6709"] = location
        if make:
            tags["com.apple.quicktime.make"] = make
        if model:
            tags["com.apple.quicktime.model"] = model
        if apple_creationdate:
            tags["com.apple.quicktime.creationdate"] = apple_creationdate
    else:
        if location:
            tags["location"] = location
        if make:
            tags["com.android.manufacturer"] = make
        if model:
            tags["com.android.model"] = model
    options = {"movflags": "use_metadata_tags"}
    with av.open(str(path), "w", format=container, options=options) as out:
        out.metadata.update(tags)
        video = out.add_stream("libx264", rate=fps)
        video.width, video.height = size
        video.pix_fmt = "yuv420p"
        audio_stream = out.add_stream("aac", rate=44100) if audio else None
        for index in range(max(1, int(seconds * fps))):
            out.mux(video.encode(_video_frame(index, size)))
        out.mux(video.encode())
        if audio_stream is not None:
            _encode_tone(out, audio_stream, seconds, 44100)
    return path


def make_mov(path: Path, **kwargs: object) -> Path:
    """``make_mp4`` with ``container="mov"`` and an iPhone-like default set of tags."""
    kwargs.setdefault("location", "+43.2389+076.8897+0850.000/")
    kwargs.setdefault("make", "Apple")
    kwargs.setdefault("model", "iPhone 12")
    kwargs.setdefault("apple_creationdate", "2022-01-05T18:30:00+0600")
    return make_mp4(path, container="mov", **kwargs)  # type: ignore[arg-type]


def _tone(samples: int, rate: int, freq: float = 440.0) -> list[int]:
    return [int(8000 * math.sin(2 * math.pi * freq * i / rate)) for i in range(samples)]


def _encode_tone(
    out: av.container.OutputContainer, stream: av.audio.AudioStream, seconds: float, rate: int
) -> None:
    import array

    frame_size = 1024  # PyAV resamples and re-frames to what the codec needs
    total = int(seconds * rate)
    pts = 0
    while pts < total:
        chunk = _tone(frame_size, rate)
        frame = av.AudioFrame(format="s16", layout="mono", samples=frame_size)
        frame.planes[0].update(array.array("h", chunk).tobytes())
        frame.sample_rate = rate
        frame.pts = pts
        frame.time_base = Fraction(1, rate)
        out.mux(stream.encode(frame))
        pts += frame_size
    out.mux(stream.encode())


def make_audio(
    path: Path,
    codec: str,
    format: str,
    seconds: float = 1,
    rate: int = 48000,
    tags: dict[str, str] | None = None,
) -> Path:
    """Encode a mono sine tone with PyAV, e.g. ``("libmp3lame", "mp3")``, ``("libopus", "ogg")``."""
    path = Path(path)
    with av.open(str(path), "w", format=format) as out:
        out.metadata.update(tags or {})
        stream = out.add_stream(codec, rate=rate)
        stream.layout = "mono"
        _encode_tone(out, stream, seconds, rate)
    return path


def make_wav(path: Path, seconds: float = 1, rate: int = 16000) -> Path:
    """A mono 16-bit PCM WAV with a sine tone (stdlib only)."""
    import array

    path = Path(path)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(array.array("h", _tone(int(seconds * rate), rate)).tobytes())
    return path


def make_pdf(
    path: Path,
    pages: int = 2,
    creation_date: str | None = "D:20220105183000+06'00'",
    producer: str | None = "Evidence Desk tests",
    creator: str | None = "tests.media",
    title: str | None = "Test document",
    password: str | None = None,
    owner_password: str | None = None,
) -> Path:
    """A valid PDF with blank pages and document info.

    ``password`` encrypts with a user password (unreadable without it);
    ``owner_password`` alone encrypts with an empty user password, like PDFs
    that merely forbid printing or editing.
    """
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    info = {
        "/CreationDate": creation_date,
        "/Producer": producer,
        "/Creator": creator,
        "/Title": title,
    }
    writer.add_metadata({k: v for k, v in info.items() if v is not None})
    if password or owner_password:
        writer.encrypt(
            user_password=password or "",
            owner_password=owner_password or password,
            algorithm="AES-128",
        )
    path = Path(path)
    with path.open("wb") as out:
        writer.write(out)
    return path


def write_bytes(path: Path, data: bytes | Sequence[int]) -> Path:
    """Write raw bytes (for corrupt or disguised fixtures)."""
    path = Path(path)
    path.write_bytes(bytes(data))
    return path
