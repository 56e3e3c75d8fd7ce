"""Language detection (eventwire/clean/language.py)."""

from __future__ import annotations

from eventwire.clean import detect_language

EN = ("The Arvenian government said on Tuesday that it would not accept any truce proposal from the Kingdom of "
      "Vostra until its troops had withdrawn from the northern border region, where fighting has continued.")
FR = ("Le gouvernement arvénien a déclaré mardi qu'il n'accepterait aucune proposition de trêve du royaume de "
      "Vostra tant que ses troupes ne se seraient pas retirées de la région frontalière du nord.")
DE = ("Die Regierung von Arvenien erklärte am Dienstag, sie werde keinen Vorschlag für eine Waffenruhe aus dem "
      "Königreich Vostra annehmen, solange dessen Truppen nicht aus der nördlichen Grenzregion abgezogen seien.")


def test_detect_language_english_and_others():
    assert detect_language(EN) == "en"
    assert detect_language(FR) == "fr"
    assert detect_language(DE) == "de"


def test_detect_language_is_deterministic():
    assert {detect_language(FR) for _ in range(5)} == {"fr"}


def test_detect_language_short_text_defaults_to_english():
    assert detect_language("Tolsk council votes") == "en"
    assert detect_language("Vostra ferme la frontière") == "en"  # too short to be sure
    assert detect_language("") == "en"
    assert detect_language("12 34 56 !!") == "en"


def test_detect_language_short_text_in_another_script_is_detected():
    assert detect_language("Правительство Арвении отвергло перемирие") == "ru"
    assert detect_language("رفضت حكومة أرفينيا الهدنة") == "ar"
