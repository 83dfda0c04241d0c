"""The base class of a plugin method."""

from __future__ import annotations

import random
from typing import Any, Iterable, List, Optional

from .messages import Hello, Observation, Proposal


class Method:
    """A NAS method driven by the harness through :func:`nasarena_plugin.run`.

    Subclass it and implement :meth:`ask` and :meth:`tell`; optionally :meth:`recommendation`
    and :meth:`close`. One instance lives for one trial (one process per trial). A subclass
    that defines ``__init__`` calls ``super().__init__(hello)`` first.

    While the loop runs the method's code (the constructor included), ``print`` and anything
    else written to ``sys.stdout`` goes to stderr: stdout carries protocol lines only.

    Attributes:
        hello: the :class:`~nasarena_plugin.Hello` of the trial.
        trial: the trial index.
        seed: the trial's seed; a method that seeds its generators from it and nothing else is
            deterministic, which resuming a run requires.
        options: the suite's ``options:`` value (any JSON value, ``None`` when not given); see
            :meth:`option` and :meth:`check_options`.
        space: the :class:`~nasarena_plugin.Space`.
        initial_design: the trial's shared initial design (pool indices).
        random: a ``random.Random`` seeded with ``seed``, for methods that want one.
        step: the step of the message being answered (``None`` before the first ``ask``).
        bye_reason: the ``reason`` of the harness's ``bye`` (``None`` until then, or when it
            gives none); :meth:`close` may read it.
    """

    def __init__(self, hello: Hello):
        self.hello = hello
        self.trial = hello.trial
        self.seed = hello.seed
        self.options = hello.options
        self.space = hello.space
        self.initial_design: List[int] = list(hello.initial_design)
        self.random = random.Random(hello.seed)
        self.step: Optional[int] = None
        self.bye_reason: Optional[str] = None

    # ------------------------------------------------------------------------- the protocol

    def ask(self, count: int) -> Iterable[Proposal]:
        """The next proposals (a list of :class:`Proposal`; a plain ``int`` is taken as a
        pool index).

        ``count`` is how many queries are left (for a time budget, how many domain
        architectures are unqueried); any number may be proposed, and the harness evaluates
        them in order until the budget ends. An empty list ends the trial as ``exhausted``.
        """
        raise NotImplementedError("%s must implement ask(count)" % type(self).__name__)

    def tell(self, observations: List[Observation]) -> None:
        """What became of the last proposals: one :class:`Observation` per proposal, in
        order, each with its ``proposal``."""
        raise NotImplementedError("%s must implement tell(observations)" % type(self).__name__)

    def recommendation(self) -> Optional[int]:
        """The pool index the method currently thinks best, or ``None``. Asked after every
        ``ask`` and ``tell`` and sent along when not ``None``."""
        return None

    def close(self) -> None:
        """Called once when the trial ends: after ``bye``, at end of file on stdin, or after an
        error was reported."""

    # ------------------------------------------------------------------------- options

    def option(self, name: str, default: Any) -> Any:
        """``options[name]``, or ``default`` when the options do not have it.

        The value is checked against the default's type: an ``int`` default wants an integer,
        a ``float`` default a number (returned as ``float``), a ``bool`` default a boolean, a
        ``str`` default a string; other defaults (e.g. ``None``) accept anything.

        Raises:
            TypeError: ``options`` is neither an object nor null, or the value is of the wrong
                kind.
        """
        options = self.options
        if options is None:
            return default
        if not isinstance(options, dict):
            raise TypeError("options must be a mapping (YAML object) to have '%s', not %s" % (name, type(options).__name__))
        if name not in options:
            return default
        value = options[name]
        wrong = None
        if isinstance(default, bool):
            wrong = None if isinstance(value, bool) else "a boolean"
        elif isinstance(default, int):
            wrong = None if isinstance(value, int) and not isinstance(value, bool) else "an integer"
        elif isinstance(default, float):
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                value = float(value)
            else:
                wrong = "a number"
        elif isinstance(default, str):
            wrong = None if isinstance(value, str) else "a string"
        if wrong:
            raise TypeError("option '%s' must be %s, not %r" % (name, wrong, value))
        return value

    def check_options(self, *known: str) -> None:
        """Refuses options other than ``known`` (a typo would otherwise be ignored silently).

        Raises:
            ValueError: an unknown option, naming the known ones.
            TypeError: ``options`` is neither an object nor null.
        """
        options = self.options
        if options is None:
            return
        if not isinstance(options, dict):
            raise TypeError("options must be a mapping (YAML object), not %s" % type(options).__name__)
        unknown = sorted(set(options) - set(known))
        if unknown:
            raise ValueError(
                "unknown option%s %s; %s takes %s"
                % ("s" if len(unknown) > 1 else "", ", ".join(repr(u) for u in unknown), type(self).__name__,
                   ", ".join(repr(k) for k in known) if known else "no options")
            )
