"""The word counter beside a text agrees with `kiosk validate`'s label check."""

from __future__ import annotations

import shutil
from pathlib import Path

from kiosk.content import checks
from kiosk.content.validate import validate_folder
from kiosk.editing.document import ContentDocument
from kiosk.editing.words import (
    LABEL_WORDS,
    SENTENCE_WORDS,
    guidance,
    longest_sentence,
    word_count,
)

REPO = Path(__file__).resolve().parents[1]


def test_the_label_limit_is_the_validators_own() -> None:
    assert LABEL_WORDS == checks.MAX_LABEL_WORDS


def test_words_and_sentences_are_counted() -> None:
    assert word_count("") == 0
    assert word_count("  The 44-day  Patriotic War.\n") == 4
    assert longest_sentence("One two three. Four five! Six?") == 3
    assert longest_sentence("«Quoted words here.» Then two.") == 3
    assert longest_sentence("") == 0


def test_guidance_speaks_only_when_a_text_is_long() -> None:
    assert guidance("A short caption.", LABEL_WORDS) is None
    long_label = " ".join(["word"] * 74) + "."
    assert guidance(long_label, LABEL_WORDS) == (
        f"74 words; labels up to about {LABEL_WORDS}; a sentence of 74 words; "
        f"keep sentences to {SENTENCE_WORDS} or fewer"
    )
    short_sentences = "Six words make up this sentence. " * 14
    assert guidance(short_sentences, LABEL_WORDS) == f"84 words; labels up to about {LABEL_WORDS}"
    assert guidance(short_sentences, None) is None


def test_the_counter_warns_exactly_when_the_validator_does(tmp_path: Path) -> None:
    folder = tmp_path / "content"
    shutil.copytree(REPO / "content", folder)
    document = ContentDocument.open(folder)
    caption = ("timeline.yaml", "moments", 1, "caption", "en")
    for words in (LABEL_WORDS, LABEL_WORDS + 1):
        text = " ".join(["restoring"] * words) + "."
        document.set(caption, text)
        document.save()
        warned = any("visitors read labels" in issue.message for issue in validate_folder(folder))
        counted = guidance(text, LABEL_WORDS)
        assert warned == (counted is not None and counted.startswith(f"{words} words"))
