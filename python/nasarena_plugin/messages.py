"""The messages of the plugin protocol, version 1 (docs/PLUGINS.md), as Python objects.

Everything here is pure data and parsing: :class:`Hello` (what the harness says first),
:class:`Proposal` (what a method proposes), :class:`Observation` (what the harness did with a
proposal) and :class:`ProtocolError` (a harness line that breaks the protocol).
"""

from __future__ import annotations

import json
import operator
from typing import Any, Dict, List, Optional, Sequence, Tuple

from .errors import FieldError, ProtocolError, _is_int, _json_kind, field
from .space import Space

#: The protocol version this package speaks.
PROTOCOL_VERSION = 1

#: Outcomes an observation can have.
OUTCOMES = ("evaluated", "repeated", "refused", "not-evaluated")

#: Refusal reasons documented by protocol version 1 (others are accepted and passed on).
REFUSAL_REASONS = ("invalid", "not-in-pool", "outside-domain")

# ----------------------------------------------------------------------------- hello


class Hello:
    """The ``hello`` message: who the plugin is in this trial, and the search space.

    Attributes:
        protocol: the protocol version (always 1 here; other versions are refused before a
            ``Hello`` is made).
        method: the plugin's label in the suite (``label:``).
        trial: the trial index.
        seed: the trial's seed (a non-negative integer that may need 64 bits); seed every
            generator from it and nothing else to be deterministic.
        options: the suite's ``options:`` value, untouched (any JSON value; ``None`` when the
            suite gives none).
        space: the search space as a :class:`~nasarena_plugin.Space`.
        initial_design: the first pool indices (at most 1,000) of the trial's shared random
            stream, the architectures built-in methods start from.
        raw: the decoded JSON object, for fields this version does not know.
    """

    def __init__(
        self,
        *,
        trial: int,
        seed: int,
        space: Space,
        options: Any = None,
        initial_design: Sequence[int] = (),
        method: str = "",
        protocol: int = PROTOCOL_VERSION,
        raw: Optional[Dict[str, Any]] = None,
    ):
        self.protocol = protocol
        self.method = method
        self.trial = trial
        self.seed = seed
        self.options = options
        self.space = space
        self.initial_design = list(initial_design)
        self.raw = raw if raw is not None else {}

    @classmethod
    def from_json(cls, message: Dict[str, Any]) -> "Hello":
        """Decodes a ``hello`` object (whose ``protocol`` is already known to be 1).

        Raises:
            FieldError: a field is missing or of the wrong kind.
        """
        protocol = field(message, "protocol", "int")
        method = field(message, "method", "string", required=False, default="")
        trial = field(message, "trial", "int")
        seed = field(message, "seed", "int")
        options = field(message, "options", "any", required=False, default=None)
        space = Space.from_json(field(message, "space", "object"))
        design = field(message, "initialDesign", "list or null", required=False, default=None) or []
        for offset, index in enumerate(design):
            if not _is_int(index) or not 0 <= index < space.pool_size:
                raise FieldError(
                    "initialDesign[%d] must be a pool index in 0...%d, not %s"
                    % (offset, space.pool_size - 1, _json_kind(index))
                )
        return cls(
            protocol=protocol, method=method, trial=trial, seed=seed, options=options, space=space,
            initial_design=design, raw=message,
        )

    def __repr__(self) -> str:
        return "Hello(method=%r, trial=%d, seed=%d, space=%r, options=%r, initial_design=<%d>)" % (
            self.method, self.trial, self.seed, self.space, self.options, len(self.initial_design))


# ----------------------------------------------------------------------------- proposals


class Proposal:
    """One architecture proposed to the harness: a pool index or a token row.

    Make one with :meth:`Proposal.index` or :meth:`Proposal.tokens`; ``initial=True`` marks an
    architecture taken from ``initialDesign`` (it is logged with the query). Token ids and
    indices may be any integer type (``numpy.int64`` included); they are stored as ``int``.

    Attributes:
        pool_index: the proposed pool index, or ``None`` for a token row.
        token_row: the proposed token row as a tuple, or ``None`` for a pool index.
        initial: whether it came from the initial design.
    """

    __slots__ = ("pool_index", "token_row", "initial")

    def __init__(self, pool_index: Optional[int] = None, token_row: Optional[Sequence[int]] = None, initial: bool = False):
        if (pool_index is None) == (token_row is None):
            raise ValueError("a proposal is either a pool index or a token row, exactly one of them")
        self.pool_index = None if pool_index is None else operator.index(pool_index)
        self.token_row = None if token_row is None else tuple(operator.index(t) for t in token_row)
        self.initial = bool(initial)

    @classmethod
    def index(cls, index: int, initial: bool = False) -> "Proposal":
        """Proposes the architecture at pool index ``index``."""
        return cls(pool_index=index, initial=initial)

    @classmethod
    def tokens(cls, row: Sequence[int], initial: bool = False) -> "Proposal":
        """Proposes a cell by its token row (one token id per position); the harness
        canonicalises it and looks it up, refusing it when it is not a domain architecture."""
        return cls(token_row=row, initial=initial)

    def to_json(self) -> Dict[str, Any]:
        """The proposal as the protocol writes it."""
        item: Dict[str, Any] = {"index": self.pool_index} if self.token_row is None else {"tokens": list(self.token_row)}
        if self.initial:
            item["initial"] = True
        return item

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Proposal):
            return NotImplemented
        return (self.pool_index, self.token_row, self.initial) == (other.pool_index, other.token_row, other.initial)

    def __hash__(self) -> int:
        return hash((self.pool_index, self.token_row, self.initial))

    def __repr__(self) -> str:
        flag = ", initial=True" if self.initial else ""
        if self.token_row is None:
            return "Proposal.index(%d%s)" % (self.pool_index, flag)
        return "Proposal.tokens(%r%s)" % (list(self.token_row), flag)


# ----------------------------------------------------------------------------- observations


class Observation:
    """What the harness did with one proposal (one item of a ``tell``).

    Attributes:
        outcome: ``"evaluated"`` (newly queried), ``"repeated"`` (queried before in this
            trial; the remembered signal), ``"refused"`` (not a domain architecture; nothing
            evaluated) or ``"not-evaluated"`` (the budget ran out within the batch).
        index: the pool index the proposal resolved to, or ``None`` (not in the pool; the
            harness also sends ``None`` for refusals in general).
        signal: the search signal (higher is better) for ``evaluated`` and ``repeated``, else
            ``None``.
        cost: the simulated training seconds of an ``evaluated`` query, else ``None``.
        reason: why a proposal was ``refused``: ``"invalid"``, ``"not-in-pool"`` or
            ``"outside-domain"``; else ``None``.
        proposal: the :class:`Proposal` this observation answers (the loop pairs them in
            order), or ``None`` when built by hand.
        step: the ``tell``'s step.
    """

    __slots__ = ("outcome", "index", "signal", "cost", "reason", "proposal", "step")

    def __init__(
        self,
        outcome: str,
        index: Optional[int] = None,
        signal: Optional[float] = None,
        cost: Optional[float] = None,
        reason: Optional[str] = None,
        proposal: Optional[Proposal] = None,
        step: Optional[int] = None,
    ):
        self.outcome = outcome
        self.index = index
        self.signal = signal
        self.cost = cost
        self.reason = reason
        self.proposal = proposal
        self.step = step

    @property
    def has_signal(self) -> bool:
        """Whether the architecture has a signal now (``evaluated`` or ``repeated``)."""
        return self.signal is not None

    @property
    def evaluated(self) -> bool:
        """Whether this proposal was a new query."""
        return self.outcome == "evaluated"

    @property
    def repeated(self) -> bool:
        """Whether this proposal had been queried before in the trial."""
        return self.outcome == "repeated"

    @property
    def refused(self) -> bool:
        """Whether the harness refused the proposal (see ``reason``)."""
        return self.outcome == "refused"

    @property
    def not_evaluated(self) -> bool:
        """Whether the budget ran out before this proposal."""
        return self.outcome == "not-evaluated"

    @classmethod
    def from_json(cls, item: Any, step: Optional[int] = None) -> "Observation":
        """Decodes one observation of a ``tell``.

        Raises:
            FieldError: not an object, an unknown outcome, or a field of the wrong kind
                (``evaluated`` and ``repeated`` need a pool index and a signal).
        """
        if not isinstance(item, dict):
            raise FieldError("an observation must be an object, not %s" % _json_kind(item))
        outcome = field(item, "outcome", "string")
        if outcome not in OUTCOMES:
            raise FieldError("unknown outcome %r (expected one of %s)" % (outcome, ", ".join(OUTCOMES)))
        index = field(item, "index", "nonnegative int or null", required=False)
        signal = field(item, "signal", "number or null", required=False)
        cost = field(item, "cost", "number or null", required=False)
        reason = field(item, "reason", "string or null", required=False)
        if outcome in ("evaluated", "repeated"):
            if index is None:
                raise FieldError("an observation '%s' needs a pool index" % outcome)
            if signal is None:
                raise FieldError("an observation '%s' needs a signal" % outcome)
        elif signal is not None:
            raise FieldError("an observation '%s' has no signal" % outcome)
        return cls(
            outcome=outcome, index=index, signal=None if signal is None else float(signal),
            cost=None if cost is None else float(cost), reason=reason, step=step,
        )

    def __repr__(self) -> str:
        parts = ["%r" % self.outcome, "index=%r" % self.index]
        if self.signal is not None:
            parts.append("signal=%r" % self.signal)
        if self.cost is not None:
            parts.append("cost=%r" % self.cost)
        if self.reason is not None:
            parts.append("reason=%r" % self.reason)
        return "Observation(%s)" % ", ".join(parts)


# ----------------------------------------------------------------------------- lines


def parse_line(text: str, number: int) -> Tuple[str, Dict[str, Any]]:
    """A harness line decoded: its ``type`` and the object.

    Raises:
        ProtocolError: not JSON, not an object, or without a string ``type``.
    """
    try:
        message = json.loads(text)
    except ValueError as error:
        raise ProtocolError("not JSON (%s)" % error, text, number) from None
    if not isinstance(message, dict):
        raise ProtocolError("not a JSON object but %s" % _json_kind(message), text, number)
    kind = message.get("type")
    if not isinstance(kind, str):
        raise ProtocolError("no string 'type'", text, number)
    return kind, message


def encode(message: Dict[str, Any]) -> str:
    """One protocol line (without its newline): compact JSON, ASCII, no NaN or infinity."""
    return json.dumps(message, separators=(",", ":"), allow_nan=False)


def observations_from_tell(message: Dict[str, Any]) -> Tuple[int, List[Observation]]:
    """The step and observations of a ``tell``.

    Raises:
        FieldError: a field of the wrong kind (naming the observation).
    """
    step = field(message, "step", "nonnegative int")
    items = field(message, "observations", "list")
    observations = []
    for offset, item in enumerate(items):
        try:
            observations.append(Observation.from_json(item, step))
        except FieldError as error:
            raise FieldError("observations[%d]: %s" % (offset, error)) from None
    return step, observations
