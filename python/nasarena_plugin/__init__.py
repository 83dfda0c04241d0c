"""The Python side of NASArena's plugin protocol, version 1 (docs/PLUGINS.md).

A NAS method written in Python subclasses :class:`Method`, implements ``ask(count)`` and
``tell(observations)``, and hands its class to :func:`run`::

    import nasarena_plugin
    from nasarena_plugin import Method, Proposal

    class FirstDesign(Method):
        def ask(self, count):
            return [Proposal.index(i, initial=True) for i in self.initial_design[:count]]

        def tell(self, observations):
            pass

    if __name__ == "__main__":
        nasarena_plugin.run(FirstDesign)

The loop speaks JSON lines over stdin and stdout; while the method's code runs, ``sys.stdout``
goes to stderr, so a stray ``print`` cannot corrupt the protocol. Standard library only.
"""

from .errors import FieldError, ProtocolError
from .loop import run
from .messages import OUTCOMES, PROTOCOL_VERSION, REFUSAL_REASONS, Hello, Observation, Proposal
from .method import Method
from .space import Position, Space

__version__ = "1.0.0"

__all__ = [
    "FieldError",
    "Hello",
    "Method",
    "OUTCOMES",
    "Observation",
    "PROTOCOL_VERSION",
    "Position",
    "Proposal",
    "ProtocolError",
    "REFUSAL_REASONS",
    "Space",
    "run",
]
