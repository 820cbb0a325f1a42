"""The bundle report in the exporting user's language, with labels instead of codes."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from evidence_desk.core import bundle_layout as L
from evidence_desk.services.bundles.export import export_bundle
from evidence_desk.services.case import incidents as case_incidents
from evidence_desk.services.case import persons as case_persons
from evidence_desk.services.messages import messages
from tests.helpers.bundles import populate


@pytest.fixture(scope="module")
def archive_with_case(tmp_path_factory: pytest.TempPathFactory):
    from evidence_desk.services.archive.archive import create_archive

    root = tmp_path_factory.mktemp("report-language")
    archive = create_archive(root / "archive", "Отчёт")
    names = populate(archive, root / "in")
    incident = case_incidents.add_incident(
        archive, "Расстрел", start="2022-01-06", violations=["killing"]
    )
    person = case_persons.add_person(archive, ["Ерлан Нуржанов"])
    case_incidents.add_person(archive, incident.ref, person.ref, "victim")
    case_incidents.link_items(archive, incident.ref, [names["photo.jpg"]])
    yield archive, names, root
    archive.close()


@pytest.mark.parametrize(
    ("language", "words", "labels"),
    [
        ("ru", ["Отчёт о пакете доказательств", "Цепочка хранения", "приём в архив"],
         ["Пострадавший", "Фото"]),
        ("kk", ["Айғақтар пакеті туралы есеп", "Сақтау тізбегі", "мұрағатқа қабылдау"],
         ["Жәбірленуші", "Фото"]),
    ],
)  # fmt: skip
def test_report_speaks_the_exporters_language(archive_with_case, language, words, labels):
    archive, _names, root = archive_with_case
    out = root / f"bundle-{language}"
    export_bundle(archive, None, out=out, language=language)
    html = (out / L.REPORT_HTML).read_text(encoding="utf-8")
    assert f'<html lang="{language}">' in html
    for text in words + labels:
        assert text in html, text
    # codes of vocabularies and custody are shown as labels, not as stored
    for code in ("victim", "killing", ">ingestion", "message digest calculation", "success"):
        assert code not in html, code
    headers = re.findall(r"<th>([^<]+)</th>", html)
    assert headers and not any(re.fullmatch(r"[A-Za-z ()-]+", h) for h in headers), headers
    pdf = "".join(page.extract_text() for page in PdfReader(out / L.REPORT_PDF).pages)
    assert words[0] in pdf and words[1] in pdf


def test_english_report_is_unchanged_in_substance(archive_with_case):
    archive, _names, root = archive_with_case
    out = root / "bundle-en"
    export_bundle(archive, None, out=out, language="en")
    html = (out / L.REPORT_HTML).read_text(encoding="utf-8")
    assert "Evidence bundle report" in html and "Chain of custody" in html
    assert "Person: Ерлан Нуржанов; roles: Victim" in html


def test_messages_translate_warnings_and_problems_with_their_values():
    ru = messages("ru")
    assert ru.message("file is empty") == "файл пуст"
    assert (
        ru.message("file extension .jpg suggests image/jpeg but the content is image/png")
        == "расширение файла .jpg указывает на image/jpeg, но содержимое — image/png"
    )
    assert ru.message("E-0003: original is missing from the store") == (
        "E-0003: оригинал отсутствует в хранилище"
    )
    kk = messages("kk")
    assert kk.message("could not make thumbnail: file is empty") == (
        "нобай жасау мүмкін болмады: файл бос"
    )
    assert kk.term("roles", "victim") == "Жәбірленуші"
    assert messages("en").message("file is empty") == "file is empty"
    assert ru.message("something never seen before") == "something never seen before"


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_catalogues_keep_every_placeholder(language):
    import json

    from evidence_desk.core.resources import resource_dir

    data = json.loads((resource_dir("messages") / f"{language}.json").read_text(encoding="utf-8"))
    for pattern, template in data["patterns"]:
        groups = set(re.compile(pattern).groupindex)
        assert set(re.findall(r"{(\w+)}", template)) == groups, pattern
    for english, translated in data["text"].items():
        assert set(re.findall(r"{(\w+)}", english)) == set(re.findall(r"{(\w+)}", translated))
        assert translated.strip()


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_every_redaction_rule_has_a_translation(language):
    """A rule reworded in the code without its translation would show in English."""
    from evidence_desk.core import redaction
    from evidence_desk.services.bundles import case_records

    words = messages(language)
    for rule in (*redaction.RULES, *case_records.REDACTION_RULES):
        assert words.message(rule) != rule, rule
