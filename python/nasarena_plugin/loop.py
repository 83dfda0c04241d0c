"""The message loop: :func:`run` answers the harness on behalf of a :class:`Method`."""

from __future__ import annotations

import contextlib
import io
import json
import operator
import os
import sys
import traceback
from typing import Any, Callable, List, Optional, TextIO, Tuple

from .errors import FieldError, ProtocolError, field
from .messages import PROTOCOL_VERSION, Hello, Proposal, encode, observations_from_tell, parse_line

#: An error message sent to the harness is cut to this many characters.
_MESSAGE_LIMIT = 20_000


class _HarnessGone(Exception):
    """The harness closed the plugin's stdout (it died or gave up)."""


class UnsupportedProtocol(Exception):
    """A hello of a protocol version this package does not speak."""


# ----------------------------------------------------------------------------- streams


class _Reader:
    """Harness lines from a text or binary stream, counted from 1."""

    def __init__(self, stream: Any):
        self._stream = stream
        self.number = 0

    def next(self, err: TextIO) -> Optional[Tuple[str, dict, str]]:
        """The next message as ``(type, object, text)``, or ``None`` at end of file."""
        raw = self._stream.readline()
        if not raw:
            return None
        self.number += 1
        if isinstance(raw, bytes):
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as error:
                raise ProtocolError("not UTF-8 (%s)" % error, raw.decode("utf-8", "replace"), self.number) from None
        else:
            text = raw
        if not text.endswith("\n"):
            # Every line ends with a newline; an unterminated one is a harness that died while writing.
            print("nasarena_plugin: end of input inside harness line %d; exiting" % self.number, file=err)
            return None
        text = text[:-1]
        if text.endswith("\r"):
            text = text[:-1]
        kind, message = parse_line(text, self.number)
        return kind, message, text


class _StreamSink:
    """Protocol lines written to a text or binary stream, flushed after each."""

    def __init__(self, stream: Any):
        self._stream = stream
        self._binary = isinstance(stream, (io.RawIOBase, io.BufferedIOBase))

    def write_line(self, line: str) -> None:
        try:
            self._stream.write(line.encode("utf-8") if self._binary else line)
            self._stream.flush()
        except (BrokenPipeError, ConnectionResetError):
            raise _HarnessGone() from None
        except ValueError:  # I/O operation on a closed file
            raise _HarnessGone() from None


class _FdSink:
    """Protocol lines written unbuffered to a file descriptor (the process's original stdout)."""

    def __init__(self, fd: int):
        self._fd = fd

    def write_line(self, line: str) -> None:
        data = memoryview(line.encode("utf-8"))
        try:
            while data:
                written = os.write(self._fd, data)
                data = data[written:]
        except (BrokenPipeError, ConnectionResetError):
            raise _HarnessGone() from None


class _StdoutClaim:
    """Takes the process's stdout for the protocol.

    The original stdout file descriptor is duplicated for the protocol, and stdout's descriptor
    is pointed at stderr, so whatever else writes to stdout (``print`` before or after
    ``sys.stdout`` is redirected, C extensions, child processes) lands in stderr. ``release``
    puts it back.
    """

    def __init__(self, fd: int, saved: int):
        self._fd = fd
        self._saved = saved
        self.sink = _FdSink(saved)

    @classmethod
    def take(cls) -> Optional["_StdoutClaim"]:
        try:
            out_fd = sys.stdout.fileno()
            err_fd = sys.stderr.fileno()
            sys.stdout.flush()
        except (AttributeError, OSError, ValueError):
            return None  # not real files (e.g. replaced streams): redirect sys.stdout only
        try:
            saved = os.dup(out_fd)
        except OSError:
            return None
        try:
            os.dup2(err_fd, out_fd)
        except OSError:
            os.close(saved)
            return None
        return cls(out_fd, saved)

    def release(self) -> None:
        with contextlib.suppress(Exception):
            sys.stdout.flush()
        with contextlib.suppress(OSError):
            os.dup2(self._saved, self._fd)
        with contextlib.suppress(OSError):
            os.close(self._saved)


# ----------------------------------------------------------------------------- the session


class _Session:
    def __init__(self, factory: Callable[[Hello], Any], reader: _Reader, sink: Any, err: TextIO):
        self.factory = factory
        self.reader = reader
        self.sink = sink
        self.err = err
        self.method: Any = None
        self.hello: Optional[Hello] = None
        self.closed = False

    # ------------------------------------------------------------------------- helpers

    def send(self, message: dict) -> None:
        self.sink.write_line(encode(message) + "\n")

    @contextlib.contextmanager
    def user_code(self):
        """Runs the method's code with ``sys.stdout`` sent to stderr."""
        with contextlib.redirect_stdout(self.err):
            yield

    def next_message(self) -> Optional[Tuple[str, dict, str]]:
        return self.reader.next(self.err)

    def report(self, error: BaseException, with_traceback: bool) -> None:
        """Sends ``error`` to the harness (if it is still there) and describes it on stderr."""
        text = str(error)
        message = "%s: %s" % (type(error).__name__, text) if text else type(error).__name__
        if len(message) > _MESSAGE_LIMIT:
            message = message[:_MESSAGE_LIMIT] + "... (%d characters)" % len(message)
        with contextlib.suppress(_HarnessGone):
            self.send({"type": "error", "message": message})
        if with_traceback:
            traceback.print_exception(type(error), error, error.__traceback__, file=self.err)
        else:
            print("nasarena_plugin: %s" % message, file=self.err)
        with contextlib.suppress(Exception):
            self.err.flush()

    def close_method(self) -> Optional[BaseException]:
        """Calls the method's ``close`` once; returns what it raised."""
        if self.method is None or self.closed:
            return None
        self.closed = True
        try:
            with self.user_code():
                self.method.close()
        except Exception as error:  # noqa: BLE001 - reported by the caller
            return error
        return None

    def recommendation(self) -> Optional[int]:
        with self.user_code():
            pick = self.method.recommendation()
        if pick is None:
            return None
        if isinstance(pick, bool) or not hasattr(type(pick), "__index__"):
            raise TypeError("recommendation() must return a pool index or None, not %r" % (pick,))
        pick = operator.index(pick)
        space = self.hello.space
        if not 0 <= pick < space.pool_size:
            raise ValueError("recommendation() returned %d, outside the pool (0...%d)" % (pick, space.pool_size - 1))
        return pick

    def proposals(self, result: Any) -> List[Proposal]:
        if result is None:
            raise TypeError("ask() returned None; return a list of proposals (an empty list ends the trial)")
        if isinstance(result, (Proposal, str, bytes, dict)):
            raise TypeError("ask() must return a list of proposals, not a %s" % type(result).__name__)
        space = self.hello.space
        checked = []
        for k, item in enumerate(result):
            if not isinstance(item, Proposal):
                if isinstance(item, bool) or not hasattr(type(item), "__index__"):
                    raise TypeError(
                        "ask() returned %r at position %d; expected a Proposal (Proposal.index or Proposal.tokens) "
                        "or a pool index" % (item, k)
                    )
                item = Proposal.index(item)
            if item.token_row is None:
                if not 0 <= item.pool_index < space.pool_size:
                    raise ValueError(
                        "ask() proposal %d: pool index %d is outside the pool (0...%d)" % (k, item.pool_index, space.pool_size - 1)
                    )
            else:
                try:
                    space.check_tokens(item.token_row)
                except ValueError as error:
                    raise ValueError("ask() proposal %d: %s" % (k, error)) from None
            checked.append(item)
        return checked

    # ------------------------------------------------------------------------- the exchange

    def serve(self) -> int:
        try:
            return self.converse()
        except _HarnessGone:
            failure = self.close_method()
            if failure is not None:
                traceback.print_exception(type(failure), failure, failure.__traceback__, file=self.err)
                return 1
            return 0
        except UnsupportedProtocol as error:
            self.report(error, with_traceback=False)
            return 1
        except ProtocolError as error:
            self.report(error, with_traceback=False)
            self.close_after_failure()
            return 1
        except Exception as error:  # noqa: BLE001 - the method failed: tell the harness
            self.report(error, with_traceback=True)
            self.close_after_failure()
            return 1

    def close_after_failure(self) -> None:
        failure = self.close_method()
        if failure is not None:
            print("nasarena_plugin: close() also failed:", file=self.err)
            traceback.print_exception(type(failure), failure, failure.__traceback__, file=self.err)

    def finish(self) -> int:
        """Closes the method at the end of the trial (bye or end of file)."""
        failure = self.close_method()
        if failure is not None:
            # The trial is over: nobody reads an error line now; stderr has the story.
            traceback.print_exception(type(failure), failure, failure.__traceback__, file=self.err)
            return 1
        return 0

    def converse(self) -> int:
        got = self.next_message()
        if got is None:
            return 0
        kind, message, text = got
        if kind != "hello":
            raise ProtocolError("expected a 'hello' first, got type %r" % kind, text, self.reader.number)
        version = message.get("protocol")
        if version != PROTOCOL_VERSION or isinstance(version, bool):
            raise UnsupportedProtocol(
                "unsupported protocol version %s; nasarena_plugin speaks version %d"
                % (json.dumps(version) if version is not None else "(none given)", PROTOCOL_VERSION)
            )
        try:
            self.hello = Hello.from_json(message)
        except FieldError as error:
            raise ProtocolError("hello: %s" % error, text, self.reader.number) from None
        with self.user_code():
            self.method = self.factory(self.hello)
        self.send({"type": "ready"})

        pending: Optional[List[Proposal]] = None
        while True:
            got = self.next_message()
            if got is None:
                return self.finish()
            kind, message, text = got
            number = self.reader.number
            if kind == "ask":
                try:
                    step = field(message, "step", "nonnegative int")
                    count = field(message, "count", "nonnegative int")
                except FieldError as error:
                    raise ProtocolError("ask: %s" % error, text, number) from None
                self.method.step = step
                with self.user_code():
                    result = self.method.ask(count)
                pending = self.proposals(result)
                answer = {"type": "proposals", "proposals": [p.to_json() for p in pending]}
                pick = self.recommendation()
                if pick is not None:
                    answer["recommendation"] = pick
                self.send(answer)
            elif kind == "tell":
                try:
                    step, observations = observations_from_tell(message)
                except FieldError as error:
                    raise ProtocolError("tell: %s" % error, text, number) from None
                if pending is None:
                    raise ProtocolError("a 'tell' without an 'ask' before it", text, number)
                if len(observations) != len(pending):
                    raise ProtocolError(
                        "tell: %d observations for the %d proposals of the last ask" % (len(observations), len(pending)),
                        text, number,
                    )
                for observation, proposal in zip(observations, pending):
                    observation.proposal = proposal
                pending = None
                self.method.step = step
                with self.user_code():
                    self.method.tell(observations)
                answer = {"type": "ready"}
                pick = self.recommendation()
                if pick is not None:
                    answer["recommendation"] = pick
                self.send(answer)
            elif kind == "bye":
                try:
                    reason = field(message, "reason", "string or null", required=False)
                except FieldError as error:
                    raise ProtocolError("bye: %s" % error, text, number) from None
                self.method.bye_reason = reason
                return self.finish()
            else:
                raise ProtocolError("unexpected message type %r (expected 'ask', 'tell' or 'bye')" % kind, text, number)


# ----------------------------------------------------------------------------- run


def run(
    method_class: Callable[[Hello], Any],
    stdin: Any = None,
    stdout: Any = None,
    stderr: Optional[TextIO] = None,
    *,
    exit: bool = True,
) -> int:
    """Speaks protocol version 1 with the harness on behalf of ``method_class``.

    Reads ``hello`` (answering ``error`` to a protocol version other than 1), builds the
    method with ``method_class(hello)`` (a :class:`Method` subclass or any callable taking a
    :class:`Hello`), answers ``ready``, then ``ask`` with ``proposals`` (and the method's
    ``recommendation()`` when it is not ``None``) and ``tell`` with ``ready`` (likewise),
    until ``bye`` or end of file on stdin (the harness died), after which the method's
    ``close()`` is called and 0 returned.

    When the method raises (or returns something that is not a valid proposal), the harness
    gets ``{"type": "error", "message": "<ExceptionType>: <message>"}``, the traceback goes to
    stderr, and the process exits with status 1 (``run`` returns 1 instead when ``exit`` is
    false). A malformed harness line is a :class:`ProtocolError` naming the line, handled the
    same way.

    Only protocol lines reach stdout, each flushed at once. With the default ``stdout`` the
    process's stdout file descriptor is kept for the protocol and descriptor 1 is pointed at
    stderr while ``run`` lasts, so nothing else (``print``, C extensions, child processes) can
    corrupt the protocol; in any case ``sys.stdout`` is redirected to stderr while the
    method's code runs.

    Args:
        method_class: builds the method from the :class:`Hello`.
        stdin: where harness lines come from (text or binary); the process's stdin by default.
        stdout: where protocol lines go (text or binary); the process's stdout by default.
        stderr: where tracebacks, notes and the method's ``print`` output go; ``sys.stderr``
            by default.
        exit: whether a failure ends the process with ``sys.exit(1)``.

    Returns:
        0 after ``bye`` or end of file; 1 after a failure when ``exit`` is false.
    """
    err = stderr if stderr is not None else sys.stderr
    claim = None
    if stdout is None:
        claim = _StdoutClaim.take()
        sink: Any = claim.sink if claim is not None else _StreamSink(sys.stdout)
    else:
        sink = _StreamSink(stdout)
    if stdin is None:
        stdin = getattr(sys.stdin, "buffer", sys.stdin)
    try:
        status = _Session(method_class, _Reader(stdin), sink, err).serve()
    finally:
        if claim is not None:
            claim.release()
    if status and exit:
        sys.exit(status)
    return status
