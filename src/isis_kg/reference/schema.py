"""How a rule file is read and checked: pydantic models over its YAML, one plain line per slip.

Each rule family (relations.yaml, events.yaml, ...) is a frozen pydantic model in its own module,
beside the rules it gives the stages: its fields say the keys a file may have, their types and their
defaults, in one place. What a model cannot know from the file alone (the ontology's classes and
properties, the entities, the source kinds) it reads from the :class:`Vocabulary` the loader passes
as pydantic's validation context.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import yaml
from pydantic import AfterValidator, BaseModel, ConfigDict, PlainValidator, ValidationError, ValidationInfo

from isis_kg.errors import ReferenceDataError
from isis_kg.yamlfile import parse_rules_yaml

if TYPE_CHECKING:
    from pydantic_core import ErrorDetails

NEVER = re.compile("(?!)")  # a rule a file leaves out matches nothing


class Rules(BaseModel):
    """A rule or a family of rules: frozen, and a key the model does not know is a slip to name."""

    model_config = ConfigDict(extra="forbid", frozen=True)


@dataclass(frozen=True)
class Vocabulary:
    """What rule files may name beyond themselves: the ontology's terms and the reference entities."""

    classes: frozenset[str]
    properties: frozenset[str]
    source_kinds: frozenset[str] = frozenset()
    entities: frozenset[str] = frozenset()


def vocabulary(info: ValidationInfo) -> Vocabulary:
    context = info.context
    assert isinstance(context, Vocabulary), "rule files are validated with the ontology's vocabulary"
    return context


def _compile(value: object, flags: int) -> re.Pattern[str]:
    if not isinstance(value, str):
        raise ValueError("is not a regular expression (not text)")
    try:
        return re.compile(value, flags)
    except re.error as error:
        raise ValueError(f"is not a regular expression ({error})") from None


# Most patterns read Dutch text whatever its case; those that tell names by their capitals are exact.
Regex = Annotated[re.Pattern[str], PlainValidator(lambda value: _compile(value, re.IGNORECASE))]
ExactRegex = Annotated[re.Pattern[str], PlainValidator(lambda value: _compile(value, 0))]


def _known_class(value: str, info: ValidationInfo) -> str:
    if value not in vocabulary(info).classes:
        raise ValueError(f"'{value}' is not in the ontology")
    return value


def _known_property(value: str, info: ValidationInfo) -> str:
    if value not in vocabulary(info).properties:
        raise ValueError(f"'{value}' is not in the ontology")
    return value


def _known_entity(value: str, info: ValidationInfo) -> str:
    if value not in vocabulary(info).entities:
        raise ValueError(f"'{value}' is not in entities.yaml")
    return value


OntologyClass = Annotated[str, AfterValidator(_known_class)]
OntologyProperty = Annotated[str, AfterValidator(_known_property)]
EntityId = Annotated[str, AfterValidator(_known_entity)]
# words compared with lower-cased text
Words = Annotated[frozenset[str], AfterValidator(lambda words: frozenset(w.lower() for w in words))]

RulesT = TypeVar("RulesT", bound=Rules)


def read_yaml(path: Path) -> dict[str, Any]:
    try:
        data = parse_rules_yaml(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise ReferenceDataError(path, "not UTF-8 text") from None
    except yaml.YAMLError as error:
        raise ReferenceDataError(path, f"not valid YAML ({first_line(error)})") from None
    if not isinstance(data, dict):
        raise ReferenceDataError(path, "expected a mapping at the top level")
    return data


def validated(
    model: type[RulesT], path: Path, data: Mapping[str, Any], context: Vocabulary, entries: Mapping[str, str]
) -> RulesT:
    """``data`` as ``model``; else a ReferenceDataError naming the first slip, where ``entries`` says how
    to call an entry of each list ("relations" -> "pattern": "pattern 'operates-in/x'")."""
    try:
        return model.model_validate(data, context=context)
    except ValidationError as problem:
        errors = problem.errors()
        # a misspelt key is also a missing one: its own name says more
        first = next((error for error in errors if error["type"] == "extra_forbidden"), errors[0])
        raise ReferenceDataError(path, describe(first, data, entries)) from None


def unique_ids(path: Path, ids: Iterable[str], label: str) -> frozenset[str]:
    """The ids of a file's entries, each listed once (a second is a slip: which one would apply?)."""
    seen: set[str] = set()
    for entry_id in ids:
        if entry_id in seen:
            raise ReferenceDataError(path, f"{label} '{entry_id}' is listed twice")
        seen.add(entry_id)
    return frozenset(seen)


def describe(error: ErrorDetails, data: object, entries: Mapping[str, str]) -> str:
    """One line for a pydantic error: the entry it is in (by its id, else its number), the key, the slip."""
    where: list[str] = []
    keys: list[str] = []
    node, listed = data, ""
    for step in error["loc"]:
        if isinstance(step, int) and isinstance(node, list) and step < len(node):
            node = node[step]
            name = entries.get(listed) or ".".join(keys)  # "pattern 'x'", or "since.predicates 2"
            entry_id = node.get("id") if isinstance(node, dict) else None
            where.append(f"{name} '{entry_id}'" if entry_id is not None else f"{name} {step + 1}")
            keys = []
        else:
            listed = str(step)
            keys.append(listed)
            node = node.get(step) if isinstance(node, dict) else None
    parent = [*where, ".".join(keys[:-1])] if keys[:-1] else where
    if error["type"] == "missing":
        return ": ".join([*parent, f"missing '{keys[-1]}'"])
    if error["type"] == "extra_forbidden":
        return ": ".join([*parent, f"unknown key '{keys[-1]}'"])
    message = error["msg"].removeprefix("Value error, ")
    if error["type"] != "value_error":  # pydantic's own words: "Input should be a valid number"
        message = f"{message[:1].lower()}{message[1:]}"
    head = ": ".join([*where, *([".".join(keys)] if keys else [])])
    if not head:
        return message
    # a check's message reads on from its key ("class 'Persoon' is not in the ontology"); pydantic's does not
    return f"{head} {message}" if error["type"] == "value_error" else f"{head}: {message}"


def first_line(error: Exception) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__
