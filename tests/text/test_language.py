"""Languages: every document's language is detected with the model shipped in py3langid; only
English is coded, and the others are stored and say so."""

from __future__ import annotations

import pytest

from sitrep.model import Document
from sitrep.pipeline import prepare
from sitrep.text.language import detect, is_coded, language_name, not_coded_note


@pytest.mark.parametrize("text, language", [
    ("Венесуэла попросила Россию о военной помощи, сообщила газета в пятницу.", "ru"),
    ("Bolivia pidió a China sistemas de radar y un préstamo para pagarlos.", "es"),
    ("La Bolivie a demandé à la Chine des radars et un prêt pour les payer.", "fr"),
    ("Bolivia asked China for radar systems and a loan to pay for them.", "en"),
    # short English news sentences ranked under an English-based creole stay English
    ("Putin meets Erdogan in Ankara.", "en"),
    ("Maduro asked Russia for help.", "en"),
])
def test_detects_the_language(text, language):
    assert detect(text) == language


def test_too_short_to_tell_keeps_the_stated_language():
    assert detect("OK", stated="es") == "es"
    assert detect("OK") == "en"


def test_names_and_notes():
    assert language_name("ru") == "Russian" and language_name("es") == "Spanish"
    assert is_coded("en") and not is_coded("ru")
    assert not_coded_note("ru") == "stored, not coded: Russian; sitrep codes English"


def test_prepare_detects_and_the_coder_skips_other_languages(coder):
    doc = prepare(Document(id="ru", text="Боливия попросила Китай поставить радары и выделить "
                                         "кредит на их оплату."))
    assert doc.language == "ru"
    assert coder.code(doc).events == [] and doc.entities == []
    docs = [Document(id="a", text="Bolivia asked China for radar systems in October 2026."),
            Document(id="b", text="Боливия попросила Китай поставить радары."),
            Document(id="c", text="Peru asked Japan for patrol boats in October 2026.")]
    coded = list(coder.pipe(docs))
    assert [d.id for d in coded] == ["a", "b", "c"]  # input order, the Russian one in place
    assert [bool(d.events) for d in coded] == [True, False, True]


ENGLISH_PROSE = ("The government said on Tuesday that it would send troops to the border after "
                 "rebels attacked a police post, and the opposition said it had not been told.")
OTHER_PROSE = [  # function words other languages share with English ("was", "of", "is", "in")
    "Der Kanzler hat gesagt, was die Regierung will, und die Opposition hat das kritisiert.",
    "De minister is van mening dat het kabinet de sancties moet verlengen, of niet, zei hij.",
    "Le président a déclaré que la France enverrait des troupes au Mali pour soutenir l'armée.",
]


def test_plain_english_is_told_by_its_function_words_without_the_model():
    from sitrep.text.language import _identifier, plainly_english

    assert plainly_english(ENGLISH_PROSE)
    assert dict(_identifier().rank(ENGLISH_PROSE))["en"] > 0.5  # the model agrees
    assert not any(plainly_english(text) for text in OTHER_PROSE)
    assert [detect(text) for text in OTHER_PROSE] == ["de", "nl", "fr"]
    # a few English words quoted in another language do not make it English
    quoted = "Il a dit « the deal is done » avant de quitter la salle de presse avec son équipe."
    assert not plainly_english(quoted) and detect(quoted) == "fr"
