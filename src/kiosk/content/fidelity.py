"""Invent no facts: each figure is a number its own sentence gives, and the words of titles,
captions and labels come from the statement (a warning lists any others for an editor)."""

from __future__ import annotations

from kiosk.content.issues import Issue, named
from kiosk.content.model import Exhibit, LocalizedText, Statement
from kiosk.content.walk import texts
from kiosk.content.words import Vocabulary, numbers_in

MESSAGE_LIMIT = 119
# Characters of a text compared word by word: titles and captions are short; a hostile
# megabyte caption is looked at no further than this.
MAX_COMPARED = 20_000
# Characters of the statement that make the vocabulary: a real statement is a few thousand;
# a hostile one of megabytes would otherwise build millions of prefixes.
MAX_VOCABULARY = 200_000


def figure_values(exhibit: Exhibit) -> list[Issue]:
    issues = []
    for figure in exhibit.figures:
        for language, source in figure.source.values.items():
            if figure.value not in numbers_in(source[:MAX_COMPARED], language):
                issues.append(
                    Issue(
                        "error",
                        figure.source.location,
                        f"figure '{named(figure.id)}' is {figure.value}, but its {language} "
                        "source does not give that number (in digits or words)",
                    )
                )
    return issues


def statement_words(statement: Statement, language: str) -> str:
    return " ".join(text.values.get(language, "") for text in texts(statement))


def invented_words(exhibit: Exhibit) -> list[Issue]:
    """Titles, captions and labels compared with the statement in the same language (a
    language the statement is not given in cannot be compared)."""
    checked: list[tuple[LocalizedText, str]] = []
    for moment in exhibit.timeline:
        checked += [(moment.title, f"title of '{named(moment.id)}'")]
        checked += [(moment.caption, f"caption of '{named(moment.id)}'")]
    checked += [(figure.label, f"label of '{named(figure.id)}'") for figure in exhibit.figures]
    vocabularies: dict[str, Vocabulary | None] = {}
    issues = []
    for text, what in checked:
        for language, value in text.values.items():
            if language not in vocabularies:
                words = statement_words(exhibit.statement, language)[:MAX_VOCABULARY]
                vocabularies[language] = Vocabulary(words, language) if words.strip() else None
            vocabulary = vocabularies[language]
            if vocabulary is None:
                continue
            unknown = vocabulary.unknown(value[:MAX_COMPARED])
            if unknown:
                issues.append(Issue("warning", text.location, _listed(language, what, unknown)))
    return issues


def _listed(language: str, what: str, unknown: list[str]) -> str:
    prefix = f"the {language} {what} has words not in the statement: "
    listed = ""
    for index, word in enumerate(unknown):
        candidate = f"{listed}, {word}" if listed else word
        if len(prefix) + len(candidate) > MESSAGE_LIMIT - len(" and 999 more"):
            return f"{prefix}{listed or '…'} and {len(unknown) - index} more"
        listed = candidate
    return prefix + listed
