"""The search space as ``hello`` describes it: token layout, domain, token rows, features."""

from __future__ import annotations

import operator
from typing import Any, Dict, List, Optional, Sequence, Tuple

from .errors import FieldError, field

TokenRow = Tuple[int, ...]


def _randbelow(rng: Any, n: int) -> int:
    """A uniform integer in ``0..<n`` from a ``random.Random`` or a ``numpy.random.Generator``."""
    if hasattr(rng, "randrange"):
        return rng.randrange(n)
    if hasattr(rng, "integers"):
        return int(rng.integers(n))
    raise TypeError("rng must be a random.Random or a numpy.random.Generator, not %s" % type(rng).__name__)


def _field_error(text: str) -> Exception:
    return FieldError(text)


class Position:
    """One position of a token row.

    Attributes:
        name: a readable name, e.g. ``"edge 1<-0"``.
        role: ``"operation"`` or ``"connection"`` (operations come first in a row).
        values: the architecture value of each token id: token ``t`` stands for ``values[t]``.
        value_names: a readable name per token id (the values as text when not sent).
    """

    __slots__ = ("name", "role", "values", "value_names")

    def __init__(self, name: str, role: str, values: Sequence[Any], value_names: Optional[Sequence[str]] = None):
        if len(values) == 0:
            raise ValueError("position %r has no values" % name)
        self.name = name
        self.role = role
        self.values = list(values)
        self.value_names = list(value_names) if value_names is not None else [str(v) for v in values]
        if len(self.value_names) != len(self.values):
            raise ValueError("position %r: %d value names for %d values" % (name, len(self.value_names), len(self.values)))

    @property
    def vocabulary_size(self) -> int:
        """How many token ids the position has."""
        return len(self.values)

    def __repr__(self) -> str:
        return "Position(%r, %r, %r)" % (self.name, self.role, self.value_names)


class Space:
    """The search space of a trial, decoded from ``hello``'s ``space``.

    Token rows are tuples of token ids (one per position); any sequence of integers is
    accepted where a row is expected.

    Attributes:
        name: the space's name, e.g. ``"nas-bench-201"``.
        pool_size: how many architectures the pool holds (indices ``0..<pool_size``).
        positions: the token layout, a list of :class:`Position`.
        domain: the pool indices a trial may query (those with a label), ascending.
        tokens: ``tokens[k]`` is the token row of ``domain[k]``.
        encoding: the name of the feature encoding sent, or ``None``.
        features: one feature row (a list of floats) per domain architecture, aligned with
            ``domain``, when an encoding was sent; else ``None``.
    """

    def __init__(
        self,
        name: str,
        pool_size: int,
        positions: Sequence[Position],
        domain: Sequence[int],
        tokens: Sequence[Sequence[int]],
        encoding: Optional[str] = None,
        features: Optional[Sequence[Sequence[float]]] = None,
    ):
        self.name = name
        self.pool_size = pool_size
        self.positions: List[Position] = list(positions)
        self.domain: List[int] = list(domain)
        self.tokens: List[TokenRow] = [tuple(row) for row in tokens]
        self.encoding = encoding
        self.features: Optional[List[List[float]]] = None if features is None else [list(row) for row in features]
        if len(self.tokens) != len(self.domain):
            raise ValueError("%d token rows for a domain of %d" % (len(self.tokens), len(self.domain)))
        if self.features is not None and len(self.features) != len(self.domain):
            raise ValueError("%d feature rows for a domain of %d" % (len(self.features), len(self.domain)))
        self.vocabulary_sizes: List[int] = [p.vocabulary_size for p in self.positions]
        offsets, total = [], 0
        for size in self.vocabulary_sizes:
            offsets.append(total)
            total += size
        self._one_hot_offsets = offsets
        self.one_hot_length: int = total
        self._offset_of_index: Optional[Dict[int, int]] = None
        self._index_of_row: Optional[Dict[TokenRow, int]] = None

    # ------------------------------------------------------------------------- decoding

    @classmethod
    def from_json(cls, space: Dict[str, Any]) -> "Space":
        """Decodes ``hello``'s ``space`` object, checking its fields.

        Raises:
            FieldError: a field is missing, of the wrong kind, or inconsistent (token rows of
                the wrong length or outside their vocabulary, domain and tokens of different
                lengths, a domain index outside the pool).
        """
        name = field(space, "name", "string", required=False, default="")
        pool_size = field(space, "poolSize", "nonnegative int")
        positions = []
        for k, item in enumerate(field(space, "positions", "list")):
            if not isinstance(item, dict):
                raise _field_error("space.positions[%d] must be an object" % k)
            values = field(item, "values", "list")
            if not values:
                raise _field_error("space.positions[%d] has no values" % k)
            names = field(item, "valueNames", "list or null", required=False)
            if names is not None and len(names) != len(values):
                raise _field_error("space.positions[%d]: %d valueNames for %d values" % (k, len(names), len(values)))
            positions.append(
                Position(
                    name=field(item, "name", "string", required=False, default="position %d" % k),
                    role=field(item, "role", "string", required=False, default="operation"),
                    values=values,
                    value_names=names,
                )
            )
        domain = field(space, "domain", "list")
        tokens = field(space, "tokens", "list")
        if len(tokens) != len(domain):
            raise _field_error("space has %d token rows for a domain of %d" % (len(tokens), len(domain)))
        sizes = [p.vocabulary_size for p in positions]
        previous = -1
        for k, index in enumerate(domain):
            if not isinstance(index, int) or isinstance(index, bool) or not 0 <= index < pool_size:
                raise _field_error("space.domain[%d] must be a pool index in 0...%d, not %r" % (k, pool_size - 1, index))
            if index <= previous:
                raise _field_error("space.domain must be ascending without repeats (domain[%d] = %d)" % (k, index))
            previous = index
        for k, row in enumerate(tokens):
            if not isinstance(row, list) or len(row) != len(sizes):
                raise _field_error("space.tokens[%d] must be a list of %d token ids" % (k, len(sizes)))
            for t, size in zip(row, sizes):
                if not isinstance(t, int) or isinstance(t, bool) or not 0 <= t < size:
                    raise _field_error("space.tokens[%d] = %r has a token outside its vocabulary (sizes %r)" % (k, row, sizes))
        declared = field(space, "domainSize", "nonnegative int", required=False)
        if declared is not None and declared != len(domain):
            raise _field_error("space.domainSize is %d but the domain lists %d indices" % (declared, len(domain)))
        encoding = field(space, "encoding", "string or null", required=False)
        features = field(space, "features", "list or null", required=False)
        if features is not None:
            if len(features) != len(domain):
                raise _field_error("space has %d feature rows for a domain of %d" % (len(features), len(domain)))
            for k, row in enumerate(features):
                if not isinstance(row, list):
                    raise _field_error("space.features[%d] must be a list of numbers" % k)
        return cls(name, pool_size, positions, domain, tokens, encoding, features)

    # ------------------------------------------------------------------------- lookups

    @property
    def domain_size(self) -> int:
        """How many architectures the domain holds."""
        return len(self.domain)

    def offset_of(self, index: int) -> Optional[int]:
        """The position of pool index ``index`` in ``domain`` (and ``tokens``, ``features``),
        or ``None`` when it is outside the domain."""
        if self._offset_of_index is None:
            self._offset_of_index = {i: k for k, i in enumerate(self.domain)}
        return self._offset_of_index.get(index)

    def in_domain(self, index: int) -> bool:
        """Whether pool index ``index`` is a domain architecture."""
        return self.offset_of(index) is not None

    def tokens_of(self, index: int) -> Optional[TokenRow]:
        """The token row of domain architecture ``index``, or ``None`` outside the domain."""
        offset = self.offset_of(index)
        return None if offset is None else self.tokens[offset]

    def index_of_tokens(self, tokens: Sequence[int]) -> Optional[int]:
        """The pool index of the domain architecture whose token row is exactly ``tokens``,
        or ``None``.

        This is an exact match among the domain's rows as sent. The harness canonicalises a
        proposed row before looking it up (e.g. a NAS-Bench-101 cell isomorphic to a pool
        cell), so ``None`` does not prove that the harness would refuse the row.
        """
        if self._index_of_row is None:
            self._index_of_row = {row: i for row, i in zip(self.tokens, self.domain)}
        return self._index_of_row.get(tuple(operator.index(t) for t in tokens))

    def check_tokens(self, tokens: Sequence[int]) -> TokenRow:
        """``tokens`` as a tuple, after checking it has one id per position, each inside its
        vocabulary (what the harness requires of a proposed row).

        Raises:
            ValueError: the row has the wrong length or a token outside its vocabulary.
        """
        row = tuple(operator.index(t) for t in tokens)
        if len(row) != len(self.positions):
            raise ValueError("a token row needs %d tokens, not %d: %r" % (len(self.positions), len(row), list(row)))
        for k, (t, size) in enumerate(zip(row, self.vocabulary_sizes)):
            if not 0 <= t < size:
                raise ValueError(
                    "token %d at position %d (%s) is outside its vocabulary of %d: %r"
                    % (t, k, self.positions[k].name, size, list(row))
                )
        return row

    # ------------------------------------------------------------------------- encodings

    def one_hot(self, tokens: Sequence[int]) -> List[float]:
        """The one-hot form of a token row: one block of ``vocabulary_sizes[p]`` values per
        position, 1.0 at the token's place and 0.0 elsewhere (``one_hot_length`` values)."""
        if len(tokens) != len(self.positions):
            raise ValueError("a token row needs %d tokens, not %d" % (len(self.positions), len(tokens)))
        vector = [0.0] * self.one_hot_length
        for offset, t, size in zip(self._one_hot_offsets, tokens, self.vocabulary_sizes):
            t = operator.index(t)
            if not 0 <= t < size:
                raise ValueError("token %d outside a vocabulary of %d" % (t, size))
            vector[offset + t] = 1.0
        return vector

    # ------------------------------------------------------------------------- random rows

    def random_index(self, rng: Any) -> int:
        """A domain pool index drawn uniformly with ``rng`` (``random.Random`` or
        ``numpy.random.Generator``)."""
        if not self.domain:
            raise ValueError("the domain is empty")
        return self.domain[_randbelow(rng, len(self.domain))]

    def random_tokens(self, rng: Any) -> TokenRow:
        """A token row with each position's token drawn uniformly from its vocabulary. It may
        be invalid or outside the domain (the harness refuses such a proposal)."""
        return tuple(_randbelow(rng, size) for size in self.vocabulary_sizes)

    def mutate(self, tokens: Sequence[int], rng: Any) -> TokenRow:
        """A copy of ``tokens`` with one position changed to a different token of its
        vocabulary, the position drawn uniformly among those with more than one token and the
        new token uniformly among the others.

        Raises:
            ValueError: no position has more than one token.
        """
        row = list(self.check_tokens(tokens))
        mutable = [k for k, size in enumerate(self.vocabulary_sizes) if size > 1]
        if not mutable:
            raise ValueError("no position of the space has more than one token")
        k = mutable[_randbelow(rng, len(mutable))]
        other = _randbelow(rng, self.vocabulary_sizes[k] - 1)
        row[k] = other if other < row[k] else other + 1
        return tuple(row)

    def __repr__(self) -> str:
        return "Space(%r, pool_size=%d, domain_size=%d, positions=%d, encoding=%r)" % (
            self.name, self.pool_size, self.domain_size, len(self.positions), self.encoding)
