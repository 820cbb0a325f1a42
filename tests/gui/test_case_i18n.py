"""The case interface's own translation files compile and load beside the app's."""

from __future__ import annotations

from evidence_desk.gui.case_i18n import compile_case_qm, install_case_translator
from evidence_desk.gui.case_widgets import tr


def test_case_translations_compile_and_translate(qapp):
    try:
        assert install_case_translator("ru") == "ru"
        assert tr("&Case") == "&Дело" and tr("Timeline") == "Хронология"
        install_case_translator("kk")
        assert tr("Timeline") == "Хронология" and tr("Save") == "Сақтау"
        assert compile_case_qm("kk") is None or compile_case_qm("kk").suffix == ".qm"
    finally:
        install_case_translator("en")
    assert tr("Timeline") == "Timeline"
