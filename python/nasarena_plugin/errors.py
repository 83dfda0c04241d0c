"""Errors of the plugin protocol and the field checks that raise them."""

from __future__ import annotations

from typing import Any, Dict, Optional

_PREVIEW = 200


def preview(text: str, limit: int = _PREVIEW) -> str:
    """``text`` quoted, cut to ``limit`` characters (with its full length) when longer."""
    if len(text) <= limit:
        return repr(text)
    return repr(text[:limit]) + "... (%d characters)" % len(text)


class ProtocolError(Exception):
    """A line from the harness that is not what protocol version 1 allows at that point.

    ``line_number`` counts the harness's lines from 1 (``None`` when the problem is not tied
    to one line), ``line`` is the offending text and ``problem`` says what is wrong with it.
    The message names all three, with the line cut to 200 characters.
    """

    def __init__(self, problem: str, line: Optional[str] = None, line_number: Optional[int] = None):
        self.problem = problem
        self.line = line
        self.line_number = line_number
        where = "harness line %d" % line_number if line_number is not None else "harness message"
        text = "%s: %s" % (where, problem)
        if line is not None:
            text += ": " + preview(line)
        super().__init__(text)


class FieldError(ValueError):
    """A field of a message of the wrong kind; the loop turns it into a :class:`ProtocolError`."""


# ----------------------------------------------------------------------------- field readers


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def field(message: Dict[str, Any], key: str, kind: str, *, required: bool = True, default: Any = None) -> Any:
    """``message[key]`` checked to be of ``kind``.

    ``kind`` is one of ``"int"``, ``"nonnegative int"``, ``"number"``, ``"string"``,
    ``"list"``, ``"object"``, ``"any"``, each optionally followed by ``" or null"``. A missing
    key raises :class:`FieldError` when ``required``, else gives ``default``.
    """
    if key not in message:
        if required:
            raise FieldError("missing field '%s'" % key)
        return default
    value = message[key]
    nullable = kind.endswith(" or null")
    base = kind[: -len(" or null")] if nullable else kind
    if value is None:
        if nullable or base == "any":
            return None
        raise FieldError("field '%s' must be %s, not null" % (key, _describe(base)))
    ok = {
        "int": _is_int,
        "nonnegative int": lambda v: _is_int(v) and v >= 0,
        "number": _is_number,
        "string": lambda v: isinstance(v, str),
        "list": lambda v: isinstance(v, list),
        "object": lambda v: isinstance(v, dict),
        "any": lambda v: True,
    }[base](value)
    if not ok:
        raise FieldError("field '%s' must be %s, not %s" % (key, _describe(base), _json_kind(value, short=True)))
    return value


def _describe(kind: str) -> str:
    return {
        "int": "an integer",
        "nonnegative int": "a non-negative integer",
        "number": "a number",
        "string": "a string",
        "list": "a list",
        "object": "an object",
        "any": "a value",
    }[kind]


def _json_kind(value: Any, short: bool = False) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "an integer (%d)" % value if not short or abs(value) < 10**12 else "an integer"
    if isinstance(value, float):
        return "a number (%r)" % value
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__
