"""The hostile corpus: every generated variant is refused with one line naming the file,
never a traceback, and leaves the receiving archive exactly as it was.

The CLI runs in-process (``main(argv)``) for speed; a handful of variants also run as real
processes in a C locale and on a strict UTF-8 terminal.
"""

from __future__ import annotations

import os
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

from evidence_desk.cli.main import main
from evidence_desk.core import signing
from evidence_desk.core.signing import pretty_fingerprint
from evidence_desk.services.archive.archive import create_archive
from evidence_desk.services.bundles import signers as signer_service
from evidence_desk.services.bundles.export import export_bundle
from evidence_desk.services.case import incidents as case_incidents
from evidence_desk.services.case import persons as case_persons
from evidence_desk.services.case import places as case_places
from evidence_desk.services.case import testimonies as case_testimonies
from tests.helpers import hostile as H
from tests.helpers.case_records import add_file
from tests.helpers.hostile import Base, Variant
from tests.helpers.hostile_corpus import all_variants

ROOT = Path(__file__).resolve().parents[3]
VARIANTS = all_variants()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory):
    """An honest full bundle with items and every kind of case record, and a receiver that
    already trusts (has pinned) the sender's key."""
    root = tmp_path_factory.mktemp("corpus")
    sender = create_archive(root / "sender", "Sender")
    photo = add_file(sender, root / "in", "square.jpg", gps=(43.35123, 52.87456, None))
    street = case_places.add_place(
        sender, "Rakhat Street", kind="street", parent="Zhanaozen", lat=43.3391, lon=52.8544
    )
    case_testimonies.add_testimony(
        sender, witness_code="W-0001", statement="I saw it.", consent_court=True,
        interview_place="Zhanaozen", language="ru",
    )  # fmt: skip
    incident = case_incidents.add_incident(
        sender, "Shooting", start="2011-12-16T11:00", offset="+05:00", place="Zhanaozen",
        violations=["killing"],
    )  # fmt: skip
    case_incidents.link_items(sender, incident.ref, [photo, "W-0001"])
    victim = case_persons.add_person(sender, ["Ерлан Нуржанов", "Yerlan Nurzhanov"], sex="male")
    case_incidents.add_person(sender, incident.ref, victim.ref, "victim")
    case_persons.add_status(sender, victim.ref, "killed", started="2011-12-16",
                            place=street.ref, incident=incident.ref)  # fmt: skip
    case_persons.link_item(sender, photo, victim.ref)
    export_bundle(sender, None, incident=incident.ref, out=root / "honest")
    key = signing.load_private_key(sender.signing_key_path)
    info = sender.info()
    sender.close()
    forger = signing.Ed25519PrivateKey.generate()
    base = Base(
        root / "honest", key, forger,
        signing.fingerprint(key.public_key()), signing.fingerprint(forger.public_key()),
    )  # fmt: skip
    receiver = create_archive(root / "receiver", "Receiver")
    signer_service.pin(receiver, info.uuid, base.sender_fp, name="Sender")
    receiver.close()
    return base, root / "receiver", root


def test_corpus_is_large_and_honest_bundle_passes(corpus, capsys) -> None:
    base, receiver, _ = corpus
    assert len(VARIANTS) >= 150
    assert len({v.id for v in VARIANTS}) == len(VARIANTS)
    assert main(["verify-bundle", str(base.folder)]) == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith("OK:")


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize("variant", VARIANTS, ids=[v.id for v in VARIANTS])
def test_hostile_variant(variant: Variant, corpus, tmp_path: Path, capsys) -> None:
    base, receiver, _ = corpus
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicates we make
        bundle = variant.build(base, tmp_path)
    label = bundle.name
    before = H.archive_digest(receiver)

    code, out, err = _run(["verify-bundle", str(bundle)], capsys)
    assert code == variant.verify_exit, (out, err)
    assert "Traceback" not in err
    if variant.verify_exit:
        assert err.count("\n") == 1, err
        assert label in err
        for name in variant.names:
            assert name in err, (name, err)

    code, out, err = _run(["import-bundle", "--archive", str(receiver), str(bundle)], capsys)
    assert code == variant.import_exit, (out, err)
    assert "Traceback" not in err and err.count("\n") == 1, err
    assert label in err
    for name in variant.names:
        assert name in err, (name, err)
    if variant.id == "sig-pinned-archive-wrong-signer":  # both keys named
        assert pretty_fingerprint(base.sender_fp) in err
        assert pretty_fingerprint(base.forger_fp) in err
    assert H.archive_digest(receiver) == before


def _subprocess(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "evidence_desk.cli.main", *args],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        timeout=120,
    )


LOCALES = [
    {"LC_ALL": "C", "LANG": "C", "PYTHONIOENCODING": ""},
    {"LC_ALL": "C.UTF-8", "PYTHONIOENCODING": "utf-8:strict"},
    {"LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0", "PYTHONIOENCODING": "ascii"},
]


@pytest.mark.parametrize("env", LOCALES, ids=["C", "strict-utf8", "ascii"])
def test_non_utf8_names_in_any_locale(env: dict[str, str], corpus, tmp_path: Path) -> None:
    """A bundle folder whose own name and one payload name are not UTF-8, in real processes."""
    base, receiver, _ = corpus
    folder = Path(os.fsdecode(os.fsencode(tmp_path) + b"/bundle-\xff\xfe"))
    variant = next(v for v in VARIANTS if v.id == "folder-non-utf8-name")
    built = variant.build(base, tmp_path)
    built.rename(folder)
    before = H.archive_digest(receiver)
    done = _subprocess(["verify-bundle", os.fsdecode(folder)], env)
    assert done.returncode == 1, done.stderr
    assert b"Traceback" not in done.stderr and done.stderr.count(b"\n") == 1
    assert b"bundle-" in done.stderr and b"data/objects/" in done.stderr
    done = _subprocess(["import-bundle", "--archive", str(receiver), os.fsdecode(folder)], env)
    assert done.returncode == 1 and b"Traceback" not in done.stderr, done.stderr
    assert b"bundle-" in done.stderr
    assert H.archive_digest(receiver) == before
    done = _subprocess(["signers", "list", "--archive", str(receiver)], env)
    assert done.returncode == 0 and b"Sender" in done.stdout


@pytest.mark.parametrize(
    "vid", ["zip-crc-bagit", "zip-name-mismatch-items", "items.json-deep-signed",
            "sig-pinned-archive-wrong-signer"],
)  # fmt: skip
def test_some_variants_in_a_real_process(vid: str, corpus, tmp_path: Path) -> None:
    base, receiver, _ = corpus
    variant = next(v for v in VARIANTS if v.id == vid)
    bundle = variant.build(base, tmp_path)
    before = H.archive_digest(receiver)
    env = {"LC_ALL": "C", "PYTHONIOENCODING": "utf-8:strict"}
    done = _subprocess(["import-bundle", "--archive", str(receiver), str(bundle)], env)
    assert done.returncode == variant.import_exit
    assert b"Traceback" not in done.stderr and done.stderr.count(b"\n") == 1, done.stderr
    assert H.archive_digest(receiver) == before


@pytest.mark.parametrize("form", ["zip", "folder"])
def test_export_and_import_through_non_utf8_paths(form: str, tmp_path: Path, capsys) -> None:
    """Bundle names that are not UTF-8: written, verified and imported without a traceback."""
    folder = Path(os.fsdecode(os.fsencode(tmp_path) + b"/out-\xff"))
    folder.mkdir()
    source = Path(os.fsdecode(os.fsencode(tmp_path) + b"/in-\xfe"))
    source.mkdir()
    (source / "statement.txt").write_text("what I saw", encoding="utf-8")
    sender, receiver = tmp_path / "sender", tmp_path / "receiver"
    for archive in (sender, receiver):
        assert main(["init", "--archive", str(archive)]) == 0
    assert main(["ingest", "--archive", str(sender), str(source)]) == 0
    out = folder / os.fsdecode(b"bundle-\xfe")
    extra = ["--zip"] if form == "zip" else []
    assert main(["export", "--archive", str(sender), "--all", *extra, str(out)]) == 0
    bundle = out.with_name(out.name + ".zip") if form == "zip" else out
    assert main(["verify-bundle", str(bundle)]) == 0
    args = ["import-bundle", "--archive", str(receiver), "--trust-new-signer", str(bundle)]
    assert main(args) == 0
    assert main(["verify", "--archive", str(receiver)]) == 0
    assert main(["verify", "--archive", str(sender)]) == 0
    assert "Traceback" not in capsys.readouterr().err


@pytest.mark.slow
def test_every_archive_command_with_non_utf8_names(tmp_path: Path) -> None:
    """ingest, list, show, tag, verify and export on files and folders whose names are not
    UTF-8, in real processes on a strict UTF-8 terminal in a C locale: exit 0, no traceback."""
    env = {"LC_ALL": "C", "PYTHONIOENCODING": "utf-8:strict"}
    source = Path(os.fsdecode(os.fsencode(tmp_path) + b"/in-\xff"))
    source.mkdir()
    Path(os.fsdecode(os.fsencode(source) + b"/photo-\xfe.txt")).write_text("x")
    archive = str(tmp_path / "archive")
    out = os.fsdecode(os.fsencode(tmp_path) + b"/out-\xfe")
    for args in (
        ["init", "--archive", archive],
        ["ingest", "--archive", archive, os.fsdecode(source)],
        ["list", "--archive", archive],
        ["list", "--archive", archive, "--json"],
        ["show", "--archive", archive, "ED-1"],
        ["show", "--archive", archive, "ED-1", "--json"],
        ["tag", "--archive", archive, "ED-1", "Протест"],
        ["verify", "--archive", archive],
        ["export", "--archive", archive, "--all", "--zip", out],
        ["verify-bundle", out + ".zip"],
    ):
        done = _subprocess(args, env)
        assert done.returncode == 0, (args, done.stderr)
        assert b"Traceback" not in done.stderr, (args, done.stderr)
