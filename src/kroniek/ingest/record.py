"""One article given as a JSON object (a JSON Lines line, an API item), checked field by field
so that a wrong type is one readable line instead of a failure deep in the store."""

from __future__ import annotations

import types
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from kroniek.errors import InputError
from kroniek.ingest.article import RawArticle
from kroniek.ingest.pubdate import publication_interval


class ArticleRecord(BaseModel):
    """One article as JSON: the fields of kroniek's JSON Lines input and of the API."""

    # Strict: a number is not a title and true is not an id; unknown fields are ignored.
    model_config = ConfigDict(strict=True, extra="ignore")

    text: str = Field(description="The article's text")
    title: str | None = None
    date: str | None = Field(None, max_length=40,
                             description="Publication date: 2020, 2020-10 or 2020-10-09")
    url: str | None = None
    outlet: str | None = Field(None, max_length=200)
    id: str | int | None = Field(None, description="The article's stable id in its source")

    @field_validator("*", mode="after")
    @classmethod
    def _storable_text(cls, value: object) -> object:
        if isinstance(value, str):
            if "\x00" in value:
                raise ValueError("holds a NUL character")
            try:
                value.encode("utf-8")
            except UnicodeEncodeError as error:
                raise ValueError(f"is not valid Unicode (character {error.start})") from None
        return value


_KINDS = {dict: "an object", list: "a list", bool: "true or false", int: "a number",
          float: "a number", str: "text", type(None): "null"}


def _kind(value: object) -> str:
    return _KINDS.get(type(value), type(value).__name__)


_EXPECTED = {str: "text", int: "a whole number", type(None): "null"}


def _expected(field: str) -> str:
    annotation = ArticleRecord.model_fields[field].annotation
    union = get_origin(annotation) in (Union, types.UnionType)
    return " or ".join(_EXPECTED.get(option, str(option))
                       for option in (get_args(annotation) if union else (annotation,)))


def _problem(error: Any) -> str:
    field = str(error["loc"][0]) if error["loc"] else "record"
    kind = error["type"]
    if kind == "missing" and field == "text":
        return "no 'text' field with the article's text"
    if kind.endswith("_type"):
        return f"'{field}' must be {_expected(field)}, found {_kind(error['input'])}"
    if kind == "string_too_long":
        return f"'{field}' is longer than {error['ctx']['max_length']} characters"
    message = str(error["msg"]).removeprefix("Value error, ")
    return f"'{field}' {message}"


def describe(error: ValidationError) -> str:
    """The problems of a record on one line, one per field."""
    problems: dict[str, str] = {}
    for item in error.errors():
        field = str(item["loc"][0]) if item["loc"] else "record"
        problems.setdefault(field, _problem(item))  # a union gives one error per option
    return "; ".join(problems.values())


def article_from_record(record: object, where: str) -> RawArticle:
    """The article in ``record``, or an :class:`InputError` naming ``where`` and the field."""
    if not isinstance(record, dict):
        raise InputError(f"{where}: a JSON object was expected, found {_kind(record)}")
    try:
        checked = ArticleRecord.model_validate(record)
    except ValidationError as error:
        raise InputError(f"{where}: {describe(error)}") from None
    if not checked.text.strip():
        raise InputError(f"{where}: no 'text' field with the article's text")
    published, origin = None, "none"
    if checked.date and checked.date.strip():
        try:
            published, origin = publication_interval(checked.date), "metadata"
        except ValueError as error:
            raise InputError(f"{where}: {error}") from None
    given_id = str(checked.id) if checked.id is not None and checked.id != "" else None
    url = checked.url or None
    return RawArticle(
        text=checked.text,
        source=where,
        key=given_id or url,  # a line number is no identity: a rotated feed reuses it
        title=checked.title or None,
        url=url,
        outlet=checked.outlet or None,
        given_id=given_id,
        published=published,
        date_origin=origin,  # type: ignore[arg-type]
    )
