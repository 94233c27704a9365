"""The ``kg`` command line: a thin typer layer over :mod:`kg.api`.

Each command parses its options, calls the API, and prints; no pipeline logic
lives here. One module per group of commands (build, query, evaluate,
analyse, curate), each registering on the one ``app`` (:mod:`kg.cli.app`).
"""

from __future__ import annotations

import typer

from kg.cli.app import app

# isort: off
# the commands register themselves on ``app``, in this order in ``kg --help``
from kg.cli import build, query, evaluate, analyse, curate, train  # noqa: E402,F401
# isort: on

#: Exit codes (README): 0 ok, 1 some inputs failed, 2 usage error or nothing done, 3 internal error.
EXIT_INTERNAL = 3


def _usage_error(exc: BaseException) -> bool:
    """Say a click usage error (unknown command or option, missing argument, a value of the wrong
    type) in one ``error:`` line; the bare ``kg`` or ``kg analyze`` prints the help as before.

    Recognised by shape, not class: typer vendors its own copy of click's exceptions."""
    if not (hasattr(exc, "format_message") and isinstance(getattr(exc, "exit_code", None), int)):
        return False
    ctx = getattr(exc, "ctx", None)
    if type(exc).__name__ == "NoArgsIsHelpError" and ctx is not None:
        text = ctx.get_help()  # typer's rich help prints itself and returns ""
        if text:
            typer.echo(text, err=True)
        return True
    where = f" (see {ctx.command_path} --help)" if ctx is not None else ""
    message = " ".join(str(exc.format_message()).split())  # type: ignore[attr-defined]
    typer.echo(f"error: {message}{where}", err=True)
    return True


def main() -> None:
    """Console entry: the app, with expected OS failures and internal errors as one line each.

    ``--debug`` anywhere on the command line shows the traceback instead.
    """
    import sys

    debug = "--debug" in sys.argv[1:]
    if debug:
        sys.argv.remove("--debug")
    for stream in (sys.stdout, sys.stderr):  # a terminal that cannot show Chinese (PYTHONIOENCODING=latin-1):
        try:  # \uXXXX escapes, not a UnicodeEncodeError halfway through the output
            "冯".encode(getattr(stream, "encoding", None) or "utf-8")
        except (UnicodeEncodeError, LookupError):
            if hasattr(stream, "reconfigure"):
                stream.reconfigure(errors="backslashreplace")
    try:
        code = app(standalone_mode=False)  # usage errors come back here, to be said in one line
    except KeyboardInterrupt:
        typer.echo("interrupted", err=True)
        raise SystemExit(130) from None
    except OSError as exc:  # disk full, permissions, a folder where a file was expected …
        if debug:
            raise
        where = f": {exc.filename}" if getattr(exc, "filename", None) else ""
        typer.echo(f"error: {exc.strerror or exc}{where}", err=True)
        raise SystemExit(2) from None
    except Exception as exc:  # noqa: BLE001 - the last line of defence
        if _usage_error(exc):
            raise SystemExit(exc.exit_code) from None  # type: ignore[attr-defined]
        if type(exc).__name__ == "Abort":  # click's Ctrl-C at a prompt
            typer.echo("interrupted", err=True)
            raise SystemExit(130) from None
        if not debug and any(c.__name__ in ("StoreError", "QueryError") for c in type(exc).__mro__):
            # expected failures that a command did not catch itself (a server that went down mid-command):
            # by class name, so that kg --help need not import the store
            first = (str(exc).strip().splitlines() or [""])[0][:300]
            typer.echo(f"error: {first}", err=True)
            raise SystemExit(2) from None
        if debug:
            raise
        first = (str(exc).strip().splitlines() or [""])[0][:200]
        typer.echo(f"internal error: {type(exc).__name__}: {first} (rerun with --debug for the traceback)", err=True)
        raise SystemExit(EXIT_INTERNAL) from None
    # The command is done: the interpreter's shutdown frees what is left by reference counts as
    # usual, but its cyclic collector need not walk every live object first (after a 4 MB
    # kg build: ~0.06 s of the ~0.13 s from the last line printed to the process's end,
    # -j1 and -j2 alike). Frozen objects are skipped by the collector, not leaked: the process ends.
    import gc

    gc.freeze()
    if code == 130:  # Ctrl-C in a command: typer turns KeyboardInterrupt into this exit code
        typer.echo("interrupted", err=True)
    raise SystemExit(code if isinstance(code, int) else 0)


if __name__ == "__main__":  # pragma: no cover
    main()
